/**
 * Corroboration: which sources an event really stands on, whether its claims disagree, and what
 * credibility (Admiralty 1–6) that suggests for a claim. Pure functions over claims as the store
 * gives them, so the SQLite store and a future PostgreSQL one share them.
 */
import type { Claim, ClaimRelation, Disagreement, DisagreementSide, Figure, ReportedDate } from './model';

/** A claim as corroboration sees it: where it comes from, how it bears on the event, what it reports. */
export type LinkedClaim = Pick<Claim, 'id' | 'articleId' | 'outlet' | 'origin' | 'reportedDate' | 'placeId' | 'figures'> & { relation: ClaimRelation };

/**
 * Independent sources of an event: the supporting claims grouped by origin. A claim that cites
 * someone stands on that origin, whichever article carries it: three outlets quoting Reuters are
 * one source, and one article citing Kurdistan 24 and Reuters stands on two. A claim that is the
 * outlet's own report (it cites no one, or its origin is unknown) stands on its article, and
 * articles that are near-duplicates of each other (the same `cluster`) are one report: two
 * outlets reporting on their own are two sources, unless one copied the other.
 */
export function independentSources(claims: readonly LinkedClaim[], clusterOf: ReadonlyMap<number, number>): number {
  const supporting = claims.filter((c) => c.relation === 'supports');
  const parent = supporting.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const firstWith = new Map<string, number>();
  supporting.forEach((claim, i) => {
    const cluster = clusterOf.get(claim.articleId) ?? claim.articleId;
    const ownReport = !claim.origin || claim.origin.entityId === claim.outlet?.entityId;
    const keys = claim.origin ? [`o${claim.origin.entityId}`] : [];
    if (ownReport) keys.push(`a${cluster}`);
    for (const key of keys) {
      const seen = firstWith.get(key);
      if (seen === undefined) firstWith.set(key, i);
      else parent[root(i)] = root(seen);
    }
  });
  return new Set(supporting.map((_, i) => root(i))).size;
}

/** Whether two reported dates can be the same, given their precision (a range is the span its precision allows). */
function datesOverlap(a: ReportedDate, b: ReportedDate): boolean {
  return a.from <= b.to && b.from <= a.to;
}

/** What a figure measures, as one key: figures with the same key count the same thing and can disagree (2,500 troops, 2,000 troops). */
export function measureKey({ unit, counted }: Pick<Figure, 'unit' | 'counted'>): string {
  return `${unit ?? ''}|${(counted ?? '').trim().toLowerCase()}`;
}

/** Claims grouped by the value each reports (values the same under `keyOf` fall together), in the order first reported. */
function sidesOf<Value>(reports: readonly { claimId: number; value: Value }[], keyOf: (value: Value) => string): DisagreementSide<Value>[] {
  const sides = new Map<string, DisagreementSide<Value>>();
  for (const { claimId, value } of reports) {
    const side = sides.get(keyOf(value)) ?? sides.set(keyOf(value), { value, claimIds: [] }).get(keyOf(value))!;
    if (!side.claimIds.includes(claimId)) side.claimIds.push(claimId);
  }
  return [...sides.values()];
}

/** Every claim id of some sides, ascending. */
const claimIdsOf = (sides: readonly DisagreementSide<unknown>[]) => [...new Set(sides.flatMap((s) => s.claimIds))].sort((a, b) => a - b);

/**
 * What the claims of an event disagree on, naming the claims: those contradicting it; the claims
 * whose reported date cannot be the same as another's given their precision (a day inside a
 * month agrees with it); different places; different figures of the same measure (unit and what
 * is counted). Contradicting claims are not the event's own report, so their values are not compared.
 */
export function disagreements(claims: readonly LinkedClaim[]): Disagreement[] {
  const found: Disagreement[] = [];
  const contradicting = claims.filter((c) => c.relation === 'contradicts').map((c) => c.id);
  if (contradicting.length) found.push({ kind: 'contradiction', claimIds: contradicting.sort((a, b) => a - b) });
  const reporting = claims.filter((c) => c.relation !== 'contradicts');
  const dated = reporting.flatMap((c) => (c.reportedDate?.from ? [{ claimId: c.id, value: c.reportedDate }] : []));
  const clashing = dated.filter((a) => dated.some((b) => !datesOverlap(a.value, b.value)));
  if (clashing.length) {
    const sides = sidesOf(clashing, (d) => `${d.from}|${d.to}`).sort((a, b) => a.value.from.localeCompare(b.value.from));
    found.push({ kind: 'date', claimIds: claimIdsOf(sides), sides });
  }
  const placed = sidesOf(
    reporting.flatMap((c) => (c.placeId === null ? [] : [{ claimId: c.id, value: c.placeId }])),
    String,
  );
  if (placed.length > 1) found.push({ kind: 'place', claimIds: claimIdsOf(placed), sides: placed });
  const byMeasure = new Map<string, { measure: Pick<Figure, 'unit' | 'counted'>; reports: { claimId: number; value: number }[] }>();
  for (const claim of reporting) {
    for (const { unit, counted, value } of claim.figures) {
      const key = measureKey({ unit, counted });
      const measure = byMeasure.get(key) ?? byMeasure.set(key, { measure: { unit, counted }, reports: [] }).get(key)!;
      measure.reports.push({ claimId: claim.id, value });
    }
  }
  for (const { measure, reports } of byMeasure.values()) {
    const sides = sidesOf(reports, String);
    if (sides.length > 1) found.push({ kind: 'figure', claimIds: claimIdsOf(sides), measure, sides });
  }
  return found;
}

/** An event as far as one claim's credibility goes: its claims and what its articles count as. */
export interface EventEvidence {
  claims: readonly LinkedClaim[];
  clusterOf: ReadonlyMap<number, number>;
}

/**
 * The credibility Sanad suggests for a claim (the analyst decides), from the events it is linked to,
 * counting independent sources on its side (those that support what it supports, or contradict
 * what it contradicts) and on the other: 1 confirmed by independent sources and undisputed,
 * 2 confirmed but disputed, 3 possibly true (one source, undisputed), 4 doubtful (one source,
 * disputed), 5 improbable (more independent sources say otherwise), 6 cannot be judged (linked to
 * no event it supports or contradicts). The best of its events counts.
 */
export function suggestCredibility(claimId: number, events: readonly EventEvidence[]): number {
  let best = 6;
  for (const { claims, clusterOf } of events) {
    const own = claims.find((c) => c.id === claimId);
    if (!own || own.relation === 'mentions') continue;
    const sideOf = (relation: ClaimRelation) => independentSources(claims.map((c) => ({ ...c, relation: c.relation === relation ? 'supports' : 'mentions' })), clusterOf);
    const mine = sideOf(own.relation);
    const theirs = sideOf(own.relation === 'supports' ? 'contradicts' : 'supports');
    const disputed = disagreements(claims).length > 0;
    const suggestion = theirs > mine ? 5 : mine >= 2 ? (disputed ? 2 : 1) : disputed ? 4 : 3;
    best = Math.min(best, suggestion);
  }
  return best;
}
