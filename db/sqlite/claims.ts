/**
 * Claims, their chains of sources and figures, and the events they bear on. Queries run inside
 * the caller's unit of work; changes an analyst makes run in a history step (see history.ts).
 */
import type { Claim, ClaimChange, Page, PageRequest, ClaimRelation, EventDetail, EventFields, EventSummary, Figure, NewClaim, ReportedDate, SourceChange, SourceGraph, SourceRef, SourceRole } from '../model';
import { disagreements, type EventEvidence, independentSources } from '../corroboration';
import { indexText, searchKey, words } from '../text/search-text';
import { cachedForView, type PagedColumn, pageClauses } from './paging';
import { aliasKeys } from './entities';
import { variantKeys } from './spelling-variants';
import { statement } from './statements';
import type { Store } from './store';

/** A source as SQL gives it: json_object of the entity's columns, for one entity id expression. */
const sourceJson = (idSql: string) =>
  `(SELECT json_object('entityId', e.id, 'name', e.name, 'role', e.source_role, 'reliability', e.reliability) FROM entities e WHERE e.id = ${idSql})`;

/** Every column of a claim as one row, with its chain, figures and events as JSON. */
const claimSelect = `
  SELECT c.id, c.annotation_id AS annotationId, c.article_id AS articleId, a.title AS articleTitle, a.direction AS articleDirection,
         n.exact AS quote, n.review_reason IS NOT NULL AS needsReview, c.statement, c.stance,
         c.reported_from AS reportedFrom, c.reported_to AS reportedTo, c.date_precision AS datePrecision,
         c.place_entity_id AS placeId, (SELECT name FROM entities WHERE id = c.place_entity_id) AS placeName,
         (SELECT json_group_array(json_object('value', f.value, 'unit', f.unit, 'counted', f.counted) ORDER BY f.position) FROM claim_figures f WHERE f.claim_id = c.id) AS figures,
         ${sourceJson('c.outlet_entity_id')} AS outlet,
         (SELECT json_group_array(json(${sourceJson('s.entity_id')}) ORDER BY s.position) FROM claim_sources s WHERE s.claim_id = c.id) AS chain,
         ${sourceJson('c.origin_entity_id')} AS origin,
         c.credibility,
         (SELECT json_group_array(json_object('eventId', v.id, 'title', v.title, 'relation', ce.relation) ORDER BY v.id)
            FROM claim_events ce JOIN events v ON v.id = ce.event_id WHERE ce.claim_id = c.id) AS events,
         (SELECT json_group_array(json_object('id', t.id, 'name', t.name, 'colour', t.colour) ORDER BY t.name)
            FROM annotation_tags x JOIN tags t ON t.id = x.tag_id WHERE x.annotation_id = c.annotation_id) AS tags,
         c.independent_sources AS independentSources, c.contested,
         c.created_at AS createdAt, c.updated_at AS updatedAt
  FROM claims c
  JOIN articles a ON a.id = c.article_id
  JOIN annotations n ON n.id = c.annotation_id`;

/** A claim as its row comes back: the same fields, with its parts still JSON text and its date in three columns. */
type ClaimRecord = Omit<Claim, 'needsReview' | 'reportedDate' | 'figures' | 'outlet' | 'chain' | 'origin' | 'grade' | 'events' | 'tags' | 'contested'> & {
  needsReview: number;
  contested: number;
  tags: string;
  reportedFrom: string | null;
  reportedTo: string | null;
  datePrecision: ReportedDate['precision'] | null;
  figures: string;
  outlet: string | null;
  chain: string;
  origin: string | null;
  events: string;
};

/** The grade analysts write: the origin's reliability letter and the credibility digit ("B2"), "?" for what is not given. */
export function grade(reliability: string | null | undefined, credibility: number | null): string {
  return `${reliability ?? '?'}${credibility ?? '?'}`;
}

/** A claim from its row. */
export function toClaim({ needsReview, reportedFrom, reportedTo, datePrecision, figures, outlet, chain, origin, events, tags, contested, ...fields }: ClaimRecord): Claim {
  const originRef = origin ? (JSON.parse(origin) as SourceRef) : null;
  return {
    ...fields,
    needsReview: Boolean(needsReview),
    reportedDate: reportedFrom && datePrecision ? { from: reportedFrom, to: reportedTo ?? reportedFrom, precision: datePrecision } : null,
    figures: JSON.parse(figures) as Figure[],
    outlet: outlet ? (JSON.parse(outlet) as SourceRef) : null,
    chain: JSON.parse(chain) as SourceRef[],
    origin: originRef,
    grade: grade(originRef?.reliability, fields.credibility),
    events: JSON.parse(events) as Claim['events'],
    tags: JSON.parse(tags) as Claim['tags'],
    contested: Boolean(contested),
  };
}

/** Claims matching a WHERE over `c` (claims), `a` (articles) and `n` (annotations), with bound `params`. */
export function selectClaims(db: Store, where: string, params: unknown[], tail = 'ORDER BY c.id'): Claim[] {
  return (db.prepare(`${claimSelect} ${where} ${tail}`).all(...params) as ClaimRecord[]).map(toClaim);
}

/** One claim, or undefined. */
export function findClaim(db: Store, id: number): Claim | undefined {
  return selectClaims(db, 'WHERE c.id = ?', [id])[0];
}

/**
 * Writes a claim's chain and figures, position by position: a link that stays where it was is
 * left alone, one that changed is updated in place, and positions past the new end are removed.
 */
function writeParts(db: Store, claimId: number, chain: readonly number[], figures: readonly Figure[]): void {
  const putLink = statement(
    db,
    `INSERT INTO claim_sources (claim_id, position, entity_id) VALUES (?, ?, ?)
     ON CONFLICT (claim_id, position) DO UPDATE SET entity_id = excluded.entity_id WHERE entity_id IS NOT excluded.entity_id`,
  );
  chain.forEach((entityId, position) => putLink.run(claimId, position, entityId));
  statement(db, 'DELETE FROM claim_sources WHERE claim_id = ? AND position >= ?').run(claimId, chain.length);
  const putFigure = statement(
    db,
    `INSERT INTO claim_figures (claim_id, position, value, unit, counted) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (claim_id, position) DO UPDATE SET value = excluded.value, unit = excluded.unit, counted = excluded.counted
     WHERE (value, unit, counted) IS NOT (excluded.value, excluded.unit, excluded.counted)`,
  );
  figures.forEach((f, position) => putFigure.run(claimId, position, f.value, f.unit, f.counted));
  statement(db, 'DELETE FROM claim_figures WHERE claim_id = ? AND position >= ?').run(claimId, figures.length);
}

/** Stores a new claim with its chain and figures; its origin is the chain's last source, or the outlet. */
export function insertClaim(db: Store, claim: NewClaim, now: string): Claim {
  const id = Number(
    statement(
      db,
      `INSERT INTO claims (annotation_id, article_id, statement, stance, reported_from, reported_to, date_precision, place_entity_id,
                           credibility, outlet_entity_id, origin_entity_id, created_at, updated_at)
       VALUES (@annotationId, @articleId, @statement, @stance, @from, @to, @precision, @placeId, @credibility, @outletId, @originId, @now, @now)`,
    ).run({
      ...claim,
      from: claim.reportedDate?.from ?? null,
      to: claim.reportedDate?.to ?? null,
      precision: claim.reportedDate?.precision ?? null,
      originId: claim.chain.at(-1) ?? claim.outletId,
      now,
    }).lastInsertRowid,
  );
  writeParts(db, id, claim.chain, claim.figures);
  return findClaim(db, id)!;
}

/**
 * Rebuilds the search keys of the claims whose quote, statement, outlet or chain changed since
 * (migration 14's triggers mark them, whoever wrote: an edit, an undo, a renamed source), with
 * search's analyser, so the quick filter matches them however their words are spelled.
 */
export function refreshClaimSearchKeys(db: Store): void {
  const stale = statement(db, 'SELECT id, quote, statement, outlet_name AS outlet, chain_names AS chain FROM claims WHERE search_keys_stale = 1').all() as {
    id: number;
    quote: string;
    statement: string | null;
    outlet: string | null;
    chain: string;
  }[];
  const store = statement(db, 'UPDATE claims SET search_keys = ?, search_keys_stale = 0 WHERE id = ?');
  for (const c of stale) store.run(indexText([c.quote, c.statement ?? '', c.outlet ?? '', c.chain].join(' ')), c.id);
}

/** Marks the search keys of one article's claims (or of a range of articles) for rebuilding: the analyser changed. */
export function markClaimKeysStale(db: Store, fromArticleId: number, toArticleId: number): void {
  statement(db, 'UPDATE claims SET search_keys_stale = 1 WHERE article_id > ? AND article_id <= ?').run(fromArticleId, toArticleId);
}

/** Changes a claim and returns it; undefined if there is none. */
export function changeClaim(db: Store, id: number, change: ClaimChange, now: string): Claim | undefined {
  const current = findClaim(db, id);
  if (!current) return undefined;
  const date = change.reportedDate === undefined ? current.reportedDate : change.reportedDate;
  const chain = change.chain ?? current.chain.map((s) => s.entityId);
  statement(
    db,
    `UPDATE claims SET statement = ?, stance = ?, reported_from = ?, reported_to = ?, date_precision = ?, place_entity_id = ?,
                       credibility = ?, origin_entity_id = ?, updated_at = ? WHERE id = ?`,
  ).run(
    change.statement === undefined ? current.statement : change.statement,
    change.stance ?? current.stance,
    date?.from ?? null,
    date?.to ?? null,
    date?.precision ?? null,
    change.placeId === undefined ? current.placeId : change.placeId,
    change.credibility === undefined ? current.credibility : change.credibility,
    chain.at(-1) ?? current.outlet?.entityId ?? null,
    now,
    id,
  );
  if (change.chain || change.figures) writeParts(db, id, chain, change.figures ?? current.figures);
  return findClaim(db, id)!;
}

/** Deletes a claim (its chain, figures and event links go with it); returns whether it existed. */
export function deleteClaim(db: Store, id: number): boolean {
  return statement(db, 'DELETE FROM claims WHERE id = ?').run(id).changes > 0;
}

/** Links a claim to an event (or changes the relation of its link); returns whether anything changed. */
export function linkClaim(db: Store, claimId: number, eventId: number, relation: ClaimRelation): boolean {
  return (
    statement(
      db,
      `INSERT INTO claim_events (claim_id, event_id, relation) VALUES (?, ?, ?)
       ON CONFLICT (claim_id, event_id) DO UPDATE SET relation = excluded.relation WHERE relation IS NOT excluded.relation`,
    ).run(claimId, eventId, relation).changes > 0
  );
}

/** Removes a claim's link to an event; returns whether there was one. */
export function unlinkClaim(db: Store, claimId: number, eventId: number): boolean {
  return statement(db, 'DELETE FROM claim_events WHERE claim_id = ? AND event_id = ?').run(claimId, eventId).changes > 0;
}

/**
 * The source entity called `name` (any kind), if there is one; else one with `name` as an alias
 * (read as search reads it), as a source merged into another leaves its name.
 */
export function findSourceByName(db: Store, name: string): { id: number; role: SourceRole | null } | undefined {
  return (statement(db, 'SELECT id, source_role AS role FROM entities WHERE lower(name) = lower(?) ORDER BY source_role IS NULL, id LIMIT 1').get(name) ??
    statement(
      db,
      'SELECT e.id, e.source_role AS role FROM entity_aliases a JOIN entities e ON e.id = a.entity_id WHERE a.alias_keys = ? ORDER BY e.source_role IS NULL, e.id LIMIT 1',
    ).get(aliasKeys(name))) as { id: number; role: SourceRole | null } | undefined;
}

/** Makes a new source entity (an organisation, or 'other' for an unnamed one) and returns its id. */
export function insertSource(db: Store, name: string, role: SourceRole | null, reportedBy: number | null, now: string): number {
  const kind = role === 'unnamed' || role === 'official' ? 'other' : 'organisation';
  return Number(
    statement(db, 'INSERT INTO entities (kind, name, created_at, source_role, reported_by) VALUES (?, ?, ?, ?, ?)').run(kind, name, now, role, reportedBy).lastInsertRowid,
  );
}

/** Sets what an entity is as a source: its role, reliability and the note on why. */
export function updateSource(db: Store, id: number, change: SourceChange): void {
  const current = statement(db, 'SELECT source_role AS role, reliability, reliability_note AS note FROM entities WHERE id = ?').get(id) as {
    role: SourceRole | null;
    reliability: string | null;
    note: string | null;
  };
  statement(db, 'UPDATE entities SET source_role = ?, reliability = ?, reliability_note = ? WHERE id = ?').run(
    change.role === undefined ? current.role : change.role,
    change.reliability === undefined ? current.reliability : change.reliability,
    change.reliabilityNote === undefined ? current.note : change.reliabilityNote,
    id,
  );
}

const eventSelect = `
  SELECT v.id, v.title, v.event_type AS eventType, v.sub_event_type AS subEventType,
         v.date_from AS dateFrom, v.date_to AS dateTo, v.date_precision AS datePrecision,
         v.place_entity_id AS placeId, (SELECT name FROM entities WHERE id = v.place_entity_id) AS placeName, v.description,
         (SELECT json_group_array(json_object('entityId', e.id, 'name', e.name) ORDER BY x.id) FROM event_actors x JOIN entities e ON e.id = x.entity_id WHERE x.event_id = v.id) AS actors,
         (SELECT count(*) FROM claim_events ce WHERE ce.event_id = v.id) AS claimCount,
         v.independent_sources AS independentSources, v.contested, v.stats_stale AS statsStale,
         v.created_at AS createdAt, v.updated_at AS updatedAt
  FROM events v`;

type EventRecord = Omit<EventSummary, 'date' | 'actors' | 'contested'> & {
  contested: number;
  statsStale: number;
  dateFrom: string | null;
  dateTo: string | null;
  datePrecision: ReportedDate['precision'] | null;
  actors: string;
};

/** Events (all, or those with these ids), newest date first, with their corroboration as last stored, and whether their claims changed since. */
function storedEvents(db: Store, ids?: readonly number[]): (EventSummary & { statsStale: boolean })[] {
  const records = (
    ids ? db.prepare(`${eventSelect} WHERE v.id IN (SELECT value FROM json_each(?)) ORDER BY v.date_from DESC, v.id`).all(JSON.stringify(ids)) : db.prepare(`${eventSelect} ORDER BY v.date_from DESC, v.id`).all()
  ) as EventRecord[];
  return records.map(({ dateFrom, dateTo, datePrecision, actors, statsStale, contested, ...event }) => ({
    ...event,
    date: dateFrom && datePrecision ? { from: dateFrom, to: dateTo ?? dateFrom, precision: datePrecision } : null,
    actors: JSON.parse(actors) as EventSummary['actors'],
    contested: Boolean(contested),
    statsStale: Boolean(statsStale),
  }));
}

/** The claims linked to an event, each with its relation. */
export function eventClaims(db: Store, eventId: number): (Claim & { relation: ClaimRelation })[] {
  const relations = new Map(
    (statement(db, 'SELECT claim_id AS claimId, relation FROM claim_events WHERE event_id = ?').all(eventId) as { claimId: number; relation: ClaimRelation }[]).map((r) => [r.claimId, r.relation]),
  );
  return selectClaims(db, 'WHERE c.id IN (SELECT claim_id FROM claim_events WHERE event_id = ?)', [eventId]).map((claim) => ({ ...claim, relation: relations.get(claim.id)! }));
}

/** For each article given, the article it counts as for independence: near-duplicates count as the one they copy. */
export function articleClusters(db: Store, articleIds: readonly number[]): Map<number, number> {
  const rows = db.prepare('SELECT id, coalesce(near_duplicate_of, id) AS cluster FROM articles WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(articleIds)) as {
    id: number;
    cluster: number;
  }[];
  return new Map(rows.map((r) => [r.id, r.cluster]));
}

/** Stores a new event with its actors; returns its id. */
export function insertEvent(db: Store, fields: EventFields, now: string): number {
  const id = Number(
    statement(
      db,
      `INSERT INTO events (title, event_type, sub_event_type, date_from, date_to, date_precision, place_entity_id, description, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(fields.title, fields.eventType, fields.subEventType, fields.date?.from ?? null, fields.date?.to ?? null, fields.date?.precision ?? null, fields.placeId, fields.description, now, now)
      .lastInsertRowid,
  );
  writeActors(db, id, fields.actorIds);
  return id;
}

/** Gives an event exactly these actors: those it keeps are left alone. */
function writeActors(db: Store, eventId: number, actorIds: readonly number[]): void {
  statement(db, 'DELETE FROM event_actors WHERE event_id = ? AND entity_id NOT IN (SELECT value FROM json_each(?))').run(eventId, JSON.stringify(actorIds));
  const add = statement(db, 'INSERT OR IGNORE INTO event_actors (event_id, entity_id) VALUES (?, ?)');
  for (const entityId of actorIds) add.run(eventId, entityId);
}

/** Changes an event's fields (and actors, when given); returns whether it exists. */
export function changeEvent(db: Store, id: number, fields: EventFields, now: string): boolean {
  const changed =
    statement(
      db,
      `UPDATE events SET title = ?, event_type = ?, sub_event_type = ?, date_from = ?, date_to = ?, date_precision = ?, place_entity_id = ?, description = ?, updated_at = ?
       WHERE id = ?`,
    ).run(fields.title, fields.eventType, fields.subEventType, fields.date?.from ?? null, fields.date?.to ?? null, fields.date?.precision ?? null, fields.placeId, fields.description, now, id)
      .changes > 0;
  if (changed) writeActors(db, id, fields.actorIds);
  return changed;
}

/** Deletes an event (its claim links and actors go with it); returns whether it existed. */
export function deleteEvent(db: Store, id: number): boolean {
  return statement(db, 'DELETE FROM events WHERE id = ?').run(id).changes > 0;
}

/** How many claims cite an entity: in a chain, as origin or as outlet. */
export function sourceCitations(db: Store, id: number): number {
  return statement(
    db,
    `SELECT count(*) FROM claims c WHERE c.origin_entity_id = @id OR c.outlet_entity_id = @id
       OR EXISTS (SELECT 1 FROM claim_sources s WHERE s.claim_id = c.id AND s.entity_id = @id)`,
  )
    .pluck()
    .get({ id }) as number;
}

/** Claims: all, or one article's, or those linked to one event. */
export function listClaims(db: Store, { articleId, eventId }: { articleId?: number; eventId?: number }): Claim[] {
  if (eventId !== undefined) return eventClaims(db, eventId);
  return articleId === undefined ? selectClaims(db, '', []) : selectClaims(db, 'WHERE c.article_id = ?', [articleId]);
}

/** An event's claims with what its articles count as for independence. */
function evidenceOf(db: Store, eventId: number): EventEvidence & { claims: ReturnType<typeof eventClaims> } {
  const claims = eventClaims(db, eventId);
  return { claims, clusterOf: articleClusters(db, [...new Set(claims.map((c) => c.articleId))]) };
}

/** The evidence of every event a claim is linked to. */
export function claimEvidence(db: Store, claimId: number): EventEvidence[] {
  const eventIds = statement(db, 'SELECT event_id FROM claim_events WHERE claim_id = ?').pluck().all(claimId) as number[];
  return eventIds.map((id) => evidenceOf(db, id));
}

/** An event's independent sources and whether it is contested, counted from its claims. */
function corroborationOf(db: Store, eventId: number): Pick<EventSummary, 'independentSources' | 'contested'> {
  const { claims, clusterOf } = evidenceOf(db, eventId);
  return { independentSources: independentSources(claims, clusterOf), contested: disagreements(claims).length > 0 };
}

/**
 * Recounts the events migration 14's triggers marked stale (a claim, a link or an article they
 * stand on changed) and stores the counts, which the triggers copy onto their claims for the grid.
 */
export function refreshEventCorroboration(db: Store): void {
  const store = statement(db, 'UPDATE events SET independent_sources = ?, contested = ?, stats_stale = 0 WHERE id = ?');
  for (const id of statement(db, 'SELECT id FROM events WHERE stats_stale = 1').pluck().all() as number[]) {
    const { independentSources: count, contested } = corroborationOf(db, id);
    store.run(count, Number(contested), id);
  }
}

/**
 * Every event with its corroboration as stored; an event whose claims changed since (it is
 * recounted before the next write commits) is counted now.
 */
export function listEvents(db: Store): EventSummary[] {
  return storedEvents(db).map(({ statsStale, ...event }) => (statsStale ? { ...event, ...corroborationOf(db, event.id) } : event));
}

/** One event with its claims and what makes it contested, or undefined. */
export function findEvent(db: Store, id: number): EventDetail | undefined {
  const [stored] = storedEvents(db, [id]);
  if (!stored) return undefined;
  // The counts are made below from its claims, stale or not.
  const { statsStale, ...event } = stored;
  const { claims, clusterOf } = evidenceOf(db, id);
  const found = disagreements(claims);
  return { ...event, claims, independentSources: independentSources(claims, clusterOf), contested: found.length > 0, disagreements: found };
}

/** The source role of each of these entities. */
export function sourceRoles(db: Store, ids: readonly number[]): Map<number, SourceRole | null> {
  const rows = db.prepare('SELECT id, source_role AS role FROM entities WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as { id: number; role: SourceRole | null }[];
  return new Map(rows.map((r) => [r.id, r.role]));
}

/** Claims linked to any of a set of events (a set filter's values, bound as JSON). */
const inEvents = (column: string) => `EXISTS (SELECT 1 FROM claim_events ce WHERE ce.claim_id = c.id AND ce.${column} IN (SELECT value FROM json_each(?)))`;

/**
 * What the claims grid may filter and sort on (an allow-list: no text from a request becomes SQL).
 * Every column is on the claim row (migration 14 keeps copies of names, titles and counts there),
 * so a filter or a sort over a million claims needs no join.
 */
const claimGridColumns: Record<string, PagedColumn> = {
  id: { sql: 'c.id', kind: 'number' },
  quote: { sql: 'c.quote', kind: 'text' },
  statement: { sql: 'c.statement', kind: 'text' },
  articleTitle: { sql: 'c.article_title', kind: 'text' },
  outlet: { sql: 'c.outlet_name', kind: 'text', set: 'c.outlet_entity_id IN (SELECT value FROM json_each(?))' },
  chain: { sql: 'c.chain_names', kind: 'text', set: 'EXISTS (SELECT 1 FROM claim_sources s WHERE s.claim_id = c.id AND s.entity_id IN (SELECT value FROM json_each(?)))' },
  origin: { sql: 'c.origin_name', kind: 'text', set: 'c.origin_entity_id IN (SELECT value FROM json_each(?))' },
  stance: { sql: 'c.stance', kind: 'text' },
  reportedDate: { sql: 'c.reported_from', kind: 'date' },
  figures: { sql: 'c.first_figure', kind: 'number' },
  events: { sql: 'c.event_titles', kind: 'text', set: inEvents('event_id') },
  relation: { sql: '(SELECT min(ce.relation) FROM claim_events ce WHERE ce.claim_id = c.id)', kind: 'text', set: inEvents('relation') },
  tags: { sql: 'c.tag_names', kind: 'text', set: 'EXISTS (SELECT 1 FROM annotation_tags x WHERE x.annotation_id = c.annotation_id AND x.tag_id IN (SELECT value FROM json_each(?)))' },
  reliability: { sql: 'c.origin_reliability', kind: 'text' },
  credibility: { sql: 'c.credibility', kind: 'number' },
  independentSources: { sql: 'c.independent_sources', kind: 'number' },
  contested: { sql: 'c.contested', kind: 'number' },
  createdAt: { sql: 'c.created_at', kind: 'date' },
  updatedAt: { sql: 'c.updated_at', kind: 'date' },
};

/** The filters of a claims query besides the grid's own: the quick filter's words and a scope. */
function claimScope(request: ClaimQuery, match: string): { sql: string; params: unknown[] }[] {
  return [
    ...(match ? [{ sql: 'c.id IN (SELECT rowid FROM claim_search WHERE claim_search MATCH ?)', params: [match] }] : []),
    ...(request.articleId === undefined ? [] : [{ sql: 'c.article_id = ?', params: [request.articleId] }]),
    ...(request.eventId === undefined ? [] : [{ sql: 'EXISTS (SELECT 1 FROM claim_events ce WHERE ce.claim_id = c.id AND ce.event_id = ?)', params: [request.eventId] }]),
    ...(request.sourceId === undefined
      ? []
      : [{ sql: '(c.origin_entity_id = ? OR c.outlet_entity_id = ? OR EXISTS (SELECT 1 FROM claim_sources s WHERE s.claim_id = c.id AND s.entity_id = ?))', params: [request.sourceId, request.sourceId, request.sourceId] }]),
  ];
}

/** The quick filter as a full-text query: each word, or any spelling the variant table gives it (Reuters, رويترز), begins a word of the claim. */
function quickFilterMatch(db: Store, quickFilter: string | undefined): string {
  const quoted = (key: string) => `"${key.replaceAll('"', '""')}"*`;
  const keys = words(quickFilter ?? '').map(searchKey).filter(Boolean);
  return keys.map((key) => `(${variantKeys(db, key).map(quoted).join(' OR ')})`).join(' AND ');
}

/** The rows of a grid block, and the most a request may ask for (the contract's bound). */
const GRID_BLOCK = 100;
const MAX_BLOCK = 1000;

/** A claims query: a page of the grid, narrowed to an article, an event or a source. */
export type ClaimQuery = PageRequest & { articleId?: number; eventId?: number; sourceId?: number };

/** Claims with these ids, in this order. */
function claimsInOrder(db: Store, ids: readonly number[]): Claim[] {
  const byId = new Map(selectClaims(db, 'WHERE c.id IN (SELECT value FROM json_each(?))', [JSON.stringify(ids)]).map((claim) => [claim.id, claim]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * One block of the claims grid, filtered and sorted by the server, newest first by default. The
 * quick filter matches words however they are spelled, as search does (folded hamza, clitics).
 *
 * The grid's opening block is one LIMIT query (the rowid gives the default order at once), with
 * its count. Any other block comes from the view's ordered ids, found once per view and kept until
 * the store changes: scrolling to row 500,000 then costs a slice, not a walk past 500,000 rows.
 */
export function queryClaims(db: Store, request: ClaimQuery): Page<Claim> {
  const match = quickFilterMatch(db, request.quickFilter);
  const { where, params, orderBy, orderByAll } = pageClauses(claimGridColumns, { ...request, quickFilter: undefined }, {
    // Newest first by id (ids are given in order of creation, and undo brings a claim back under
    // its own): the rowid order, which needs no index and stops at the first block of matches.
    order: { defaultSort: { sql: 'c.id', desc: true }, tieBreaker: 'c.id' },
    extraWhere: claimScope(request, match),
  });
  // A view the analyst made with column filters or a sort reads its ordered ids with its first
  // block (its count comes with them): the wait falls when the analyst has just asked for the
  // view, and every block scrolled to after is a slice, never a pause mid-scroll.
  const columnView = Object.keys(request.filterModel ?? {}).length > 0 || (request.sortModel?.length ?? 0) > 0;
  if (request.startRow > 0 || (columnView && request.withCount)) {
    const ids = viewIds(db, `${where} ${orderByAll}`, params);
    return { rows: claimsInOrder(db, [...ids.subarray(request.startRow, request.endRow)]), total: request.withCount ? ids.length : null };
  }
  // The limit is written into the SQL, one of two constants (a first block holds at most 1,000
  // rows): SQLite plans `LIMIT ?` without its value and, expecting many rows, walks the sorted
  // column's index reading every claim to test the filter, where for 100 rows it would read the
  // filter's covering index and sort the matches (one second against 20 ms at a million claims).
  const limit = request.endRow <= GRID_BLOCK ? GRID_BLOCK : MAX_BLOCK;
  const ids = (db.prepare(`SELECT c.id FROM claims c ${where} ${orderBy} LIMIT ${limit}`).pluck().all(...params) as number[]).slice(0, request.endRow);
  const quickFilterOnly = match && Object.keys(request.filterModel ?? {}).length === 0 && request.articleId === undefined && request.eventId === undefined && request.sourceId === undefined;
  // With nothing but the quick filter, the full-text index counts its matches without reading a claim.
  const total = !request.withCount ? null : quickFilterOnly ? (statement(db, 'SELECT count(*) FROM claim_search WHERE claim_search MATCH ?').pluck().get(match) as number) : viewCount(db, where, params);
  return { rows: claimsInOrder(db, ids), total };
}

/** The ordered ids of a view (a WHERE and an ORDER BY from the allow-list, with bound params), cached. */
function viewIds(db: Store, view: string, params: unknown[]): Int32Array {
  return cachedForView(db, `ids ${view}`, params, () => Int32Array.from(db.prepare(`SELECT c.id FROM claims c ${view}`).pluck().all(...params) as number[]));
}

/** How many claims a WHERE matches, cached. */
function viewCount(db: Store, where: string, params: unknown[]): number {
  return cachedForView(db, `count ${where}`, params, () => db.prepare(`SELECT count(*) FROM claims c ${where}`).pluck().get(...params) as number);
}

/**
 * The source graph of the library, or of one event's claims: each link of a chain is an edge from
 * whoever reports to whomever they cite (the outlet at position -1 cites the first of the chain).
 */
export function sourceGraph(db: Store, eventId?: number): SourceGraph {
  const scope = eventId === undefined ? '' : 'WHERE c.id IN (SELECT claim_id FROM claim_events WHERE event_id = @eventId)';
  const links = `
    WITH scoped AS (SELECT c.id, c.outlet_entity_id, c.origin_entity_id FROM claims c ${scope}),
    links AS (
      SELECT id AS claim, -1 AS position, outlet_entity_id AS entity FROM scoped WHERE outlet_entity_id IS NOT NULL
      UNION ALL SELECT s.claim_id, s.position, s.entity_id FROM claim_sources s JOIN scoped ON scoped.id = s.claim_id
    )`;
  const params = eventId === undefined ? {} : { eventId };
  const edges = db
    .prepare(`${links} SELECT a.entity AS "from", b.entity AS "to", count(DISTINCT a.claim) AS claims FROM links a JOIN links b ON b.claim = a.claim AND b.position = a.position + 1 GROUP BY a.entity, b.entity`)
    .all(params) as SourceGraph['edges'];
  const nodes = db
    .prepare(
      `${links}
       SELECT e.id AS entityId, e.name, e.source_role AS role, e.reliability, count(DISTINCT l.claim) AS claims,
              (SELECT count(*) FROM scoped WHERE scoped.origin_entity_id = e.id) AS origins
       FROM links l JOIN entities e ON e.id = l.entity GROUP BY e.id ORDER BY claims DESC, e.id`,
    )
    .all(params) as SourceGraph['nodes'];
  return { nodes, edges };
}
