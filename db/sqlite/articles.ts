/** Queries on the articles table; every write keeps the search index in step. */
import type { Article, ArticleEdit, ArticleSummary, InsertedArticle, NewArticle, OutletCount, Page, PageRequest, ReanchorReport, SourceDetails, SourceDetailsReport } from '../model';
import { type PagedColumn, pageClauses } from './paging';
import { reanchor } from '../text/anchoring';
import { listAnnotationRows, writeAnnotation } from './annotations';
import { reanchorMentions, suggestMentions } from './entities';
import { analyseText, type IndexedText } from '../text/analyser';
import { findNearDuplicate, indexArticle, replaceSignature, signatureColumn, unindexArticle } from './search-index';
import { statement } from './statements';
import { codePointLength, contentHash, detectLanguage, quoteSelector as quoteAt } from '../text/text';
import { wordSpan } from '../text/words';
import type { Store } from './store';

const summaryColumns = `
  a.id, a.title, a.outlet, a.author, a.url, a.published, a.language, a.direction,
  a.source_name AS sourceName, a.source_format AS sourceFormat, a.source_encoding AS sourceEncoding,
  a.imported_at AS importedAt, a.body_length AS length,
  a.near_duplicate_of AS nearDuplicateOf, a.near_duplicate_similarity AS nearDuplicateSimilarity,
  (SELECT d.title FROM articles d WHERE d.id = a.near_duplicate_of) AS nearDuplicateTitle,
  a.annotation_count AS annotationCount`;

/** Every article, newest import first. */
export function listArticles(db: Store): ArticleSummary[] {
  return db.prepare(`SELECT ${summaryColumns} FROM articles a ORDER BY a.imported_at DESC, a.id DESC`).all() as ArticleSummary[];
}

/** What the library grid may filter and sort on. */
const articleColumns: Record<string, PagedColumn> = {
  id: { sql: 'a.id', kind: 'number' },
  title: { sql: 'a.title', kind: 'text' },
  outlet: { sql: 'a.outlet', kind: 'text' },
  author: { sql: 'a.author', kind: 'text' },
  url: { sql: 'a.url', kind: 'text' },
  published: { sql: 'a.published', kind: 'date' },
  language: { sql: 'a.language', kind: 'text' },
  direction: { sql: 'a.direction', kind: 'text' },
  sourceFormat: { sql: 'a.source_format', kind: 'text' },
  sourceName: { sql: 'a.source_name', kind: 'text' },
  importedAt: { sql: 'a.imported_at', kind: 'date' },
  annotationCount: { sql: 'a.annotation_count', kind: 'number' },
  length: { sql: 'a.body_length', kind: 'number' },
  nearDuplicateOf: { sql: 'a.near_duplicate_of', kind: 'number' },
};

/**
 * An article a briefing cannot cite or date: it has no outlet or no publication date. (A blank
 * outlet is stored as NULL: the contract and the importer both turn blanks into NULL.)
 */
const LACKING_CITATION = '(a.outlet IS NULL OR a.published IS NULL)';

/**
 * One block of the library, sorted and filtered by the server; newest import first by default.
 * `lackingCitation` keeps only the articles without an outlet or a date.
 */
export function queryArticles(db: Store, request: PageRequest & { lackingCitation?: boolean }): Page<ArticleSummary> {
  const { where, params, orderBy } = pageClauses(articleColumns, request, {
    quickFilterColumns: ['title', 'outlet', 'author'],
    order: { defaultSort: { sql: 'a.imported_at', desc: true }, tieBreaker: 'a.id' },
    extraWhere: request.lackingCitation ? [{ sql: LACKING_CITATION, params: [] }] : [],
  });
  const rows = db
    .prepare(`SELECT ${summaryColumns} FROM articles a ${where} ${orderBy} LIMIT ? OFFSET ?`)
    .all(...params, request.endRow - request.startRow, request.startRow) as ArticleSummary[];
  const total = request.withCount ? (db.prepare(`SELECT count(*) FROM articles a ${where}`).pluck().get(...params) as number) : null;
  return { rows, total };
}

/** Every outlet with its number of articles, most articles first (for the outlet filter's suggestions). */
export function listOutlets(db: Store): OutletCount[] {
  return statement(db, 'SELECT outlet, count(*) AS articles FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY articles DESC, outlet').all() as OutletCount[];
}

/** One article with its body, or undefined. */
export function findArticle(db: Store, id: number): Article | undefined {
  return statement(db, `SELECT ${summaryColumns}, x.body, a.content_hash AS contentHash FROM articles a JOIN article_texts x ON x.article_id = a.id WHERE a.id = ?`).get(id) as
    | Article
    | undefined;
}

/** The article whose body hashes to `contentHash`, if one was imported already. */
export function findArticleByHash(db: Store, contentHash: string): { id: number; title: string } | undefined {
  return statement(db, 'SELECT id, title FROM articles WHERE content_hash = ? ORDER BY id LIMIT 1').get(contentHash) as
    | { id: number; title: string }
    | undefined;
}

/** The first article with this URL, if any. */
export function findArticleByUrl(db: Store, url: string): number | undefined {
  return statement(db, 'SELECT id FROM articles WHERE url = ? ORDER BY id LIMIT 1').pluck().get(url) as number | undefined;
}

/**
 * Stores a new article, indexes it, and flags it if it nearly duplicates an earlier one.
 * `indexed` may come precomputed (from an import worker); it is computed here otherwise.
 */
export function insertArticle(db: Store, article: NewArticle, importedAt: string, indexed: IndexedText = analyseText(article.title, article.body)): InsertedArticle {
  const nearDuplicate = findNearDuplicate(db, indexed.signature);
  const result = statement(
    db,
    `INSERT INTO articles (title, outlet, author, url, published, language, direction, content_hash,
                           source_name, source_format, source_encoding, imported_at, near_duplicate_of, near_duplicate_similarity, body_length,
                           created_by, changed_by, changed_at)
     SELECT @title, @outlet, @author, @url, @published, @language, @direction, @contentHash,
            @sourceName, @sourceFormat, @sourceEncoding, @importedAt, @nearDuplicateOf, @nearDuplicateSimilarity, @bodyLength,
            r.actor, r.actor, r.at
     FROM history_recording r`,
  ).run({
    ...article,
    importedAt,
    bodyLength: codePointLength(article.body),
    nearDuplicateOf: nearDuplicate?.id ?? null,
    nearDuplicateSimilarity: nearDuplicate?.similarity ?? null,
  });
  const id = Number(result.lastInsertRowid);
  statement(db, 'INSERT INTO article_texts (article_id, body, minhash) VALUES (?, ?, ?)').run(id, article.body, signatureColumn(indexed));
  indexArticle(db, id, indexed);
  return nearDuplicate ? { id, nearDuplicate } : { id };
}

/** The article fields an analyst can edit in the library, as column names. */
const EDITABLE_COLUMNS: Record<keyof ArticleEdit, string> = {
  title: 'title',
  outlet: 'outlet',
  author: 'author',
  url: 'url',
  published: 'published',
  language: 'language',
  direction: 'direction',
};

/** Changes an article's metadata; a new title is re-indexed. Returns false if there is no such article. */
export function updateArticle(db: Store, id: number, edit: ArticleEdit): boolean {
  const fields = (Object.keys(edit) as (keyof ArticleEdit)[]).filter((k) => edit[k] !== undefined);
  if (fields.length === 0) return findArticle(db, id) !== undefined;
  // Column names come from the allow-list above, never from the request.
  const assignments = fields.map((f) => `${EDITABLE_COLUMNS[f]} = @${f}`).join(', ');
  const changed = db.prepare(`UPDATE articles SET ${assignments} WHERE id = @id`).run({ ...edit, id }).changes > 0;
  if (changed && edit.title !== undefined) {
    const article = findArticle(db, id)!;
    unindexArticle(db, id);
    indexArticle(db, id, analyseText(article.title, article.body));
  }
  // (The near-duplicate signature depends on the body alone, so it stays.)
  return changed;
}

/** The fields {@link fillSourceDetails} may set, as column names (an allow-list: no name from a request becomes SQL). */
const SOURCE_COLUMNS: Record<keyof SourceDetails, string> = { outlet: 'outlet', url: 'url', published: 'published' };

/**
 * Gives many articles the same source details in one statement (so a history step records each
 * article once). Each field goes only to the articles without it, unless `overwrite`; an
 * article that already has the value is not counted. Returns how many articles changed, and how
 * many got each field.
 */
export function fillSourceDetails(db: Store, ids: readonly number[], details: SourceDetails, overwrite: boolean): SourceDetailsReport {
  const fields = (Object.keys(SOURCE_COLUMNS) as (keyof SourceDetails)[]).filter((f) => details[f] != null);
  const report: SourceDetailsReport = { articles: 0, outlet: 0, url: 0, published: 0 };
  if (fields.length === 0 || ids.length === 0) return report;
  // Whether field f changes on row a: given, and (overwriting or empty there), and different.
  const changes = (f: keyof SourceDetails) => {
    const column = SOURCE_COLUMNS[f];
    return `((@overwrite OR a.${column} IS NULL) AND a.${column} IS NOT @${f})`;
  };
  const chosen = 'a.id IN (SELECT value FROM json_each(@ids))';
  const params = { ...Object.fromEntries(fields.map((f) => [f, details[f]])), ids: JSON.stringify(ids), overwrite: overwrite ? 1 : 0 };
  const counts = db.prepare(`SELECT ${fields.map((f) => `count(*) FILTER (WHERE ${changes(f)}) AS ${f}`).join(', ')} FROM articles a WHERE ${chosen}`).get(params) as Record<
    keyof SourceDetails,
    number
  >;
  // Only rows that change are updated, so the rest keep who changed them last and when.
  const assignments = fields.map((f) => `${SOURCE_COLUMNS[f]} = CASE WHEN ${changes(f)} THEN @${f} ELSE a.${SOURCE_COLUMNS[f]} END`).join(', ');
  report.articles = db.prepare(`UPDATE articles AS a SET ${assignments} WHERE ${chosen} AND (${fields.map(changes).join(' OR ')})`).run(params).changes;
  for (const f of fields) report[f] = counts[f];
  return report;
}

/**
 * Replaces an article's text (edited, or re-imported from a newer version of its source) and
 * re-anchors every annotation on it; those that cannot be placed with certainty keep their old
 * selectors and are marked for review. Returns false if there is no such article.
 */
export function replaceArticleBody(db: Store, id: number, body: string, now: string): ReanchorReport | false {
  const article = findArticle(db, id);
  if (!article) return false;
  const indexed = analyseText(article.title, body);
  statement(db, 'UPDATE article_texts SET body = ?, minhash = ? WHERE article_id = ?').run(body, signatureColumn(indexed), id);
  statement(db, 'UPDATE articles SET content_hash = ?, direction = ? WHERE id = ?').run(contentHash(body), detectLanguage(body).direction, id);
  replaceSignature(db, id, indexed.signature);
  unindexArticle(db, id);
  indexArticle(db, id, indexed);
  const report: ReanchorReport = { byPosition: 0, byQuote: 0, byFuzzyMatch: 0, needReview: 0, mentions: { moved: 0, needReview: 0, dropped: 0 } };
  const length = codePointLength(body);
  for (const annotation of listAnnotationRows(db, id)) {
    // An annotation already waiting for review is placed from its original selectors again.
    const outcome = reanchor(body, annotation);
    if (outcome.status === 'anchored') {
      const { status: _s, method, ...place } = outcome;
      writeAnnotation(db, { ...annotation, ...place, reviewReason: null, reviewCandidates: null, updatedAt: now });
      report[method === 'position' ? 'byPosition' : method === 'quote' ? 'byQuote' : 'byFuzzyMatch']++;
    } else {
      // Unmatched: the new context is what now stands at the old place, offered like a candidate.
      // (Widened to whole words: the old offsets may fall inside words of the new text.)
      const places = outcome.candidates.length
        ? outcome.candidates
        : [wordSpan(body, Math.min(annotation.start, length - 1), Math.min(Math.max(annotation.end, annotation.start + 1), length))];
      const candidates = places.map((c) => ({ ...c, ...quoteAt(body, c.start, c.end) }));
      writeAnnotation(db, { ...annotation, reviewReason: outcome.reason, reviewCandidates: candidates, updatedAt: now });
      report.needReview++;
    }
  }
  report.mentions = reanchorMentions(db, id, (old) => {
    const outcome = reanchor(body, old);
    return outcome.status === 'anchored' ? { ...outcome, exactMatch: outcome.method !== 'fuzzy' } : { reason: outcome.reason };
  });
  // Entities' aliases are looked for in the new text, where no mention stands yet.
  suggestMentions(db, now, [id]);
  return report;
}
