/**
 * Corroboration: which sources an event really stands on, whether its claims disagree, and what
 * credibility (Admiralty 1–6) that suggests for a claim. Pure functions over claims as the store
 * gives them, so the SQLite store and a future PostgreSQL one share them.
 */
import type { Claim, ClaimRelation, ReportedDate } from './model';

/** A claim as corroboration sees it: where it comes from, how it bears on the event, what it reports. */
export type LinkedClaim = Pick<Claim, 'id' | 'articleId' | 'origin' | 'reportedDate' | 'placeId' | 'figures'> & { relation: ClaimRelation };

/** Why an event is contested. */
export type Disagreement = 'contradicted' | 'dates' | 'places' | 'figures';

/**
 * Independent sources of an event: the supporting claims grouped by origin, where claims from
 * articles that are near-duplicates of each other (the same `cluster`) also fall together.
 * Three outlets quoting Reuters are one source; two outlets reporting on their own are two.
 */
export function independentSources(claims: readonly LinkedClaim[], clusterOf: ReadonlyMap<number, number>): number {
  const supporting = claims.filter((c) => c.relation === 'supports');
  const parent = supporting.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const firstWith = new Map<string, number>();
  supporting.forEach((claim, i) => {
    const cluster = clusterOf.get(claim.articleId) ?? claim.articleId;
    // A claim whose origin is unknown stands for its article.
    for (const key of [claim.origin ? `o${claim.origin.entityId}` : `a${cluster}`, `a${cluster}`]) {
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

/** What the claims of an event disagree on: a contradicting claim, or dates, places or figures beyond their precision. */
export function disagreements(claims: readonly LinkedClaim[]): Disagreement[] {
  const found: Disagreement[] = [];
  if (claims.some((c) => c.relation === 'contradicts')) found.push('contradicted');
  const reporting = claims.filter((c) => c.relation !== 'contradicts');
  const dates = reporting.flatMap((c) => (c.reportedDate?.from ? [c.reportedDate] : []));
  if (dates.some((a, i) => dates.slice(i + 1).some((b) => !datesOverlap(a, b)))) found.push('dates');
  if (new Set(reporting.flatMap((c) => (c.placeId === null ? [] : [c.placeId]))).size > 1) found.push('places');
  const byMeasure = new Map<string, Set<number>>();
  for (const figure of reporting.flatMap((c) => c.figures)) {
    const measure = `${figure.unit ?? ''}|${(figure.counted ?? '').trim().toLowerCase()}`;
    byMeasure.set(measure, (byMeasure.get(measure) ?? new Set()).add(figure.value));
  }
  if ([...byMeasure.values()].some((values) => values.size > 1)) found.push('figures');
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
