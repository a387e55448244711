/**
 * Entities and their mentions. An alias is matched as a sequence of search keys, so عين الأسد,
 * عين الاسد and بعين الأسد all match the alias "عين الأسد", and Ain al-Asad matches its own alias.
 * Matching articles are found through the full-text index, then scanned word by word.
 */
import type { StoredSelectors } from '../text/anchoring';
import type { EntityKind, EntitySummary, MentionRow, ReanchorReport } from '../model';
import { searchKey, tokenize, words } from '../text/search-text';
import { statement } from './statements';
import type { Store } from './store';
import { codePointLength, quoteSelector } from '../text/text';

/** An alias's words as search keys, space separated ('' if it has no words). */
export function aliasKeys(alias: string): string {
  return words(alias).map(searchKey).join(' ');
}

/** Every entity (or only entity `id`) with its aliases and how many mentions are accepted and waiting. */
export function listEntities(db: Store, id: number | null = null): EntitySummary[] {
  const rows = statement(
    db,
    `SELECT e.id, e.kind, e.name, e.source_role AS role, e.reliability, e.reliability_note AS reliabilityNote,
            (SELECT json_group_array(alias) FROM (SELECT alias FROM entity_aliases a WHERE a.entity_id = e.id ORDER BY a.id)) AS aliases,
            (SELECT count(*) FROM entity_mentions m WHERE m.entity_id = e.id AND m.status = 'accepted') AS accepted,
            (SELECT count(*) FROM entity_mentions m WHERE m.entity_id = e.id AND m.status = 'suggested') AS suggested
     FROM entities e WHERE @id IS NULL OR e.id = @id ORDER BY e.kind, e.name`,
  ).all({ id }) as (Omit<EntitySummary, 'aliases'> & { aliases: string })[];
  return rows.map((r) => ({ ...r, aliases: JSON.parse(r.aliases) as string[] }));
}

/** One entity's summary, or undefined. */
export function findEntity(db: Store, id: number): EntitySummary | undefined {
  return listEntities(db, id)[0];
}

/** The entity of this kind and name (case-insensitively), if any. */
export function findEntityByName(db: Store, kind: EntityKind, name: string): { id: number } | undefined {
  return statement(db, 'SELECT id FROM entities WHERE kind = ? AND lower(name) = lower(?)').get(kind, name) as { id: number } | undefined;
}

/** Creates an entity and returns its id. */
export function insertEntity(db: Store, kind: EntityKind, name: string, now: string): number {
  return Number(statement(db, 'INSERT INTO entities (kind, name, created_at) VALUES (?, ?, ?)').run(kind, name, now).lastInsertRowid);
}

/** Adds an alias (ignored if the entity has one with the same keys); returns whether it was new. */
export function addAlias(db: Store, entityId: number, alias: string): boolean {
  const keys = aliasKeys(alias);
  if (!keys) return false;
  return statement(db, 'INSERT OR IGNORE INTO entity_aliases (entity_id, alias, alias_keys) VALUES (?, ?, ?)').run(entityId, alias.trim(), keys).changes > 0;
}

/** Deletes an entity with its aliases and mentions. */
export function deleteEntity(db: Store, id: number): boolean {
  return statement(db, 'DELETE FROM entities WHERE id = ?').run(id).changes > 0;
}

/** Where each alias occurs in `body`: code-point spans of word sequences whose keys equal the alias's. */
function findAliasesIn(body: string, aliases: { entityId: number; keys: string[] }[]): { entityId: number; start: number; end: number }[] {
  const byFirstKey = new Map<string, { entityId: number; keys: string[] }[]>();
  for (const alias of aliases) byFirstKey.set(alias.keys[0]!, [...(byFirstKey.get(alias.keys[0]!) ?? []), alias]);
  const tokens = tokenize(body);
  const keys = tokens.map((t) => searchKey(t.text));
  const found: { entityId: number; start: number; end: number }[] = [];
  // Code-point offsets counted on as the tokens go (counting from the start for each match made
  // a common alias in a long text quadratic).
  let counted = 0;
  let countedTo = 0;
  const codePointsTo = (at: number) => {
    counted += at >= countedTo ? codePointLength(body.slice(countedTo, at)) : -codePointLength(body.slice(at, countedTo));
    countedTo = at;
    return counted;
  };
  keys.forEach((key, i) => {
    for (const alias of byFirstKey.get(key) ?? []) {
      if (i + alias.keys.length > keys.length || !alias.keys.every((k, j) => keys[i + j] === k)) continue;
      const last = tokens[i + alias.keys.length - 1]!;
      const start = codePointsTo(tokens[i]!.start);
      found.push({ entityId: alias.entityId, start, end: codePointsTo(last.end) });
    }
  });
  return longestFirst(found);
}

/** Spans that overlap no longer (or earlier, equally long) span: at one place, one suggestion, the longest alias's. */
function longestFirst<T extends { start: number; end: number }>(spans: T[]): T[] {
  const kept: T[] = [];
  for (const span of [...spans].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)) {
    if (!kept.some((k) => k.start < span.end && span.start < k.end)) kept.push(span);
  }
  return kept.sort((a, b) => a.start - b.start);
}

type AliasKeys = { entityId: number; keys: string[] };

function aliasesOf(db: Store, entityId: number | undefined): AliasKeys[] {
  return (
    (entityId === undefined
      ? statement(db, 'SELECT entity_id AS entityId, alias_keys AS keys FROM entity_aliases').all()
      : statement(db, 'SELECT entity_id AS entityId, alias_keys AS keys FROM entity_aliases WHERE entity_id = ?').all(entityId)) as { entityId: number; keys: string }[]
  ).map((a) => ({ entityId: a.entityId, keys: a.keys.split(' ') }));
}

/** Articles whose index holds one of the aliases as a phrase, among ids in (afterId, upToId]. */
function articlesWithAliases(db: Store, aliases: AliasKeys[], afterId: number, upToId: number): number[] {
  const found = aliases.flatMap(
    (alias) =>
      statement(db, 'SELECT rowid FROM article_search WHERE article_search MATCH ? AND rowid > ? AND rowid <= ?')
        .pluck()
        .all(`"${alias.keys.join(' ').replace(/"/g, '""')}"`, afterId, upToId) as number[],
  );
  return [...new Set(found)].sort((x, y) => x - y);
}

function suggestIn(db: Store, now: string, aliases: AliasKeys[], articles: number[]): number {
  const insert = statement(
    db,
    `INSERT OR IGNORE INTO entity_mentions (entity_id, article_id, start_offset, end_offset, exact, prefix, suffix, status, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'suggested', ?)`,
  );
  const body = statement(db, 'SELECT body FROM article_texts WHERE article_id = ?').pluck();
  // A place that already has a mention (of any entity, whatever its status) gets no new suggestion:
  // a rejected suggestion does not come back, and one place is one mention.
  const existing = statement(db, 'SELECT start_offset AS start, end_offset AS "end" FROM entity_mentions WHERE article_id = ? ORDER BY start_offset');
  let added = 0;
  for (const articleId of articles) {
    const text = body.get(articleId) as string | undefined;
    if (text === undefined) continue;
    // The places found do not overlap and come in text order, so one pass over the mentions
    // already there (in order of their start) tells which overlap one: among those that start
    // before a found place ends, the furthest end reaches into it or not.
    const before = existing.all(articleId) as { start: number; end: number }[];
    let next = 0;
    let furthestEnd = -1;
    for (const { entityId: found, start, end } of findAliasesIn(text, aliases)) {
      for (; next < before.length && before[next]!.start < end; next++) furthestEnd = Math.max(furthestEnd, before[next]!.end);
      if (furthestEnd > start) continue;
      const { exact, prefix, suffix } = quoteSelector(text, start, end);
      added += insert.run(found, articleId, start, end, exact, prefix, suffix, now).changes;
    }
  }
  return added;
}

/**
 * Suggests mentions of every entity's aliases in the given articles, scanning each once for all
 * aliases (as an import or a text change does). Places already suggested, accepted or rejected
 * are left as they are. Returns how many suggestions were added.
 */
export function suggestMentions(db: Store, now: string, articleIds: number[]): number {
  const aliases = aliasesOf(db, undefined);
  return aliases.length ? suggestIn(db, now, aliases, articleIds) : 0;
}

/**
 * One chunk of an alias scan: suggests mentions of entity `entityId`'s aliases in the articles
 * with ids in (afterId, upToId] that contain them (found through the full-text index).
 */
export function suggestEntityMentionsInRange(db: Store, now: string, entityId: number, afterId: number, upToId: number): { scanned: number; added: number } {
  const aliases = aliasesOf(db, entityId);
  if (aliases.length === 0) return { scanned: 0, added: 0 };
  const articles = articlesWithAliases(db, aliases, afterId, upToId);
  return { scanned: articles.length, added: suggestIn(db, now, aliases, articles) };
}

/** The highest article id: where an alias scan ends. */
export function lastArticleId(db: Store): number {
  return (statement(db, 'SELECT coalesce(max(id), 0) FROM articles').pluck().get() as number) ?? 0;
}

const mentionColumns = `
  m.id, m.entity_id AS entityId, e.name AS entityName, e.kind, m.article_id AS articleId, a.title AS articleTitle,
  m.start_offset AS start, m.end_offset AS "end", m.exact, m.prefix, m.suffix, m.status, m.review_reason AS reviewReason`;

/**
 * Moves an article's mentions with its new text, as the shared anchoring places annotations:
 * found at the same place or by their quote and context, a mention moves there. A mention is a
 * whole alias, so a fuzzy match (which could point at a fragment of a word) does not count.
 * An accepted mention not found again keeps its decision and waits for review; a suggestion or
 * a rejected one not found is dropped (the scan that follows suggests again wherever an alias
 * still stands, and a rejected one's text is gone).
 */
export function reanchorMentions(db: Store, articleId: number, placeIn: (old: StoredSelectors) => { start: number; end: number; exact: string; prefix: string; suffix: string; exactMatch: boolean } | { reason: 'ambiguous' | 'unmatched' }): ReanchorReport['mentions'] {
  const report = { moved: 0, needReview: 0, dropped: 0 };
  const mentions = statement(db, 'SELECT id, status, start_offset AS start, end_offset AS "end", exact, prefix, suffix FROM entity_mentions WHERE article_id = ? ORDER BY id').all(articleId) as (StoredSelectors & { id: number; status: MentionRow['status'] })[];
  const move = statement(db, 'UPDATE OR IGNORE entity_mentions SET start_offset = ?, end_offset = ?, exact = ?, prefix = ?, suffix = ?, review_reason = NULL WHERE id = ?');
  const drop = statement(db, 'DELETE FROM entity_mentions WHERE id = ?');
  const review = statement(db, 'UPDATE entity_mentions SET review_reason = ? WHERE id = ?');
  // Decided mentions first, so that if two land on one place the decision is the one kept.
  for (const mention of [...mentions].sort((a, b) => Number(a.status === 'suggested') - Number(b.status === 'suggested'))) {
    const place = placeIn(mention);
    // A place another mention of the entity already holds is no place for this one.
    if ('exactMatch' in place && place.exactMatch && move.run(place.start, place.end, place.exact, place.prefix, place.suffix, mention.id).changes > 0) {
      report.moved++;
    } else if (mention.status !== 'accepted') {
      // A suggestion, or a rejected one (kept only so it is not suggested again), whose text is gone.
      drop.run(mention.id);
      report.dropped++;
    } else {
      review.run('reason' in place ? place.reason : 'unmatched', mention.id);
      report.needReview++;
    }
  }
  return report;
}

/** One mention with its entity and article, or undefined. */
export function findMention(db: Store, id: number): MentionRow | undefined {
  return statement(db, `SELECT ${mentionColumns} FROM entity_mentions m JOIN entities e ON e.id = m.entity_id JOIN articles a ON a.id = m.article_id WHERE m.id = ?`).get(id) as
    | MentionRow
    | undefined;
}

/** Mentions of one entity or in one article (accepted and suggested unless `status` says), in text order. */
export function listMentions(db: Store, filter: { entityId?: number; articleId?: number; status?: MentionRow['status'] }): MentionRow[] {
  const conditions = ["m.status IN ('suggested', 'accepted')"];
  const params: unknown[] = [];
  if (filter.status) {
    conditions[0] = 'm.status = ?';
    params.push(filter.status);
  }
  if (filter.entityId !== undefined) {
    conditions.push('m.entity_id = ?');
    params.push(filter.entityId);
  }
  if (filter.articleId !== undefined) {
    conditions.push('m.article_id = ?');
    params.push(filter.articleId);
  }
  return db
    .prepare(
      `SELECT ${mentionColumns} FROM entity_mentions m JOIN entities e ON e.id = m.entity_id JOIN articles a ON a.id = m.article_id
       WHERE ${conditions.join(' AND ')} ORDER BY a.id, m.start_offset`,
    )
    .all(...params) as MentionRow[];
}

/** Records a mention the analyst marked by hand (accepted at once). */
export function insertAcceptedMention(db: Store, entityId: number, articleId: number, start: number, end: number, body: string, now: string): number {
  const { exact, prefix, suffix } = quoteSelector(body, start, end);
  statement(
    db,
    `INSERT INTO entity_mentions (entity_id, article_id, start_offset, end_offset, exact, prefix, suffix, status, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'accepted', ?)
     ON CONFLICT (entity_id, article_id, start_offset, end_offset) DO UPDATE SET status = 'accepted'`,
  ).run(entityId, articleId, start, end, exact, prefix, suffix, now);
  return statement(db, 'SELECT id FROM entity_mentions WHERE entity_id = ? AND article_id = ? AND start_offset = ? AND end_offset = ?')
    .pluck()
    .get(entityId, articleId, start, end) as number;
}

/** Puts a mention (one waiting for review) on a new place of its article's text; false if there is no such mention. */
export function placeMention(db: Store, id: number, start: number, end: number, body: string): boolean {
  const { exact, prefix, suffix } = quoteSelector(body, start, end);
  return (
    statement(db, 'UPDATE entity_mentions SET start_offset = ?, end_offset = ?, exact = ?, prefix = ?, suffix = ?, review_reason = NULL WHERE id = ?').run(
      start,
      end,
      exact,
      prefix,
      suffix,
      id,
    ).changes > 0
  );
}

/** Removes a mention; false if there is none. */
export function deleteMention(db: Store, id: number): boolean {
  return statement(db, 'DELETE FROM entity_mentions WHERE id = ?').run(id).changes > 0;
}

/** Accepts or rejects mentions (the caller records them as one step); returns how many changed. */
export function reviewMentions(db: Store, ids: number[], status: 'accepted' | 'rejected'): number {
  const review = statement(db, 'UPDATE entity_mentions SET status = ? WHERE id = ? AND status <> ?');
  return ids.reduce((changed, id) => changed + review.run(status, id, status).changes, 0);
}
