/**
 * W3C Web Annotation interchange: annotations out as an AnnotationCollection (JSON-LD) and back
 * in. Each target carries both selectors (TextPositionSelector in code points and
 * TextQuoteSelector with 32 characters of context); tags are `tagging` bodies, notes are
 * TextualBody `commenting` bodies with their language and direction. An article is named by its
 * URL when it has one, else by a URN of its text's hash, so another Sanad can find it.
 */
import type { AnnotationRow, Article, WebAnnotationImportReport } from '../api/contract';
import { reanchor } from '../../db/text/anchoring';
import type { JobRunner, Repositories, UnitOfWork } from '../../db/repositories';
import { cleanLine, cleanProse, excerpt, LimitError, LIMITS } from '../../db/text/fields';
import { detectLanguage } from '../../db/text/text';

const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const ARTICLE_URN = 'urn:sanad:article:sha256:';
const ANNOTATION_URN = 'urn:sanad:annotation:';
/** Colour of a tag that arrives with imported annotations and is not in the codebook yet. */
const IMPORTED_TAG_COLOUR = '#b8c4d6';

interface TextualBody {
  type: 'TextualBody';
  purpose: 'tagging' | 'commenting';
  value: string;
  format: 'text/plain';
  language?: string;
  textDirection?: 'rtl' | 'ltr';
}

/** One W3C annotation as Sanad writes it. */
export interface WebAnnotation {
  '@context'?: string;
  id: string;
  type: 'Annotation';
  motivation: 'tagging' | 'commenting' | 'highlighting';
  created: string;
  modified: string;
  body?: TextualBody[];
  target: {
    type: 'SpecificResource';
    source: string;
    selector: (
      | { type: 'TextPositionSelector'; start: number; end: number }
      | { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }
    )[];
  };
}

async function articleSource(repos: Repositories, articleId: number): Promise<string> {
  const article = (await repos.articles.find(articleId))!;
  return article.url ?? `${ARTICLE_URN}${article.contentHash}`;
}

function toWebAnnotation(row: AnnotationRow, sources: Map<number, string>): WebAnnotation {
  const body: TextualBody[] = [];
  for (const tag of row.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag.name, format: 'text/plain' });
  if (row.note) {
    const { language, direction } = detectLanguage(row.note);
    body.push({ type: 'TextualBody', purpose: 'commenting', value: row.note, format: 'text/plain', language, textDirection: direction });
  }
  return {
    // Each annotation carries its own context, so it stands alone when taken out of the collection.
    '@context': W3C_CONTEXT,
    id: `${ANNOTATION_URN}${row.id}-${Date.parse(row.createdAt)}`,
    type: 'Annotation',
    motivation: row.tags.length ? 'tagging' : row.note ? 'commenting' : 'highlighting',
    created: row.createdAt,
    modified: row.updatedAt,
    ...(body.length > 0 && { body }),
    target: {
      type: 'SpecificResource',
      source: sources.get(row.articleId)!,
      selector: [
        { type: 'TextPositionSelector', start: row.start, end: row.end },
        { type: 'TextQuoteSelector', exact: row.exact, prefix: row.prefix, suffix: row.suffix },
      ],
    },
  };
}

/** A W3C AnnotationCollection with its one embedded page, as Sanad writes it. */
export interface WebAnnotationCollection {
  '@context': string;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { id: string; type: 'AnnotationPage'; startIndex: number; items: WebAnnotation[] };
}

/** Annotations read per unit of an export: the store answers other calls between them. */
const EXPORT_PAGE = 1000;

/** An export someone cancelled. */
export class ExportCancelledError extends Error {
  override name = 'ExportCancelledError';
}

/**
 * All annotations, or one article's, as a W3C AnnotationCollection with one embedded page. Read
 * a page at a time in id order (so annotations added meanwhile neither repeat nor shift the
 * rest), optionally followed as a background job with progress and Cancel.
 */
export async function exportWebAnnotations(
  uow: UnitOfWork,
  articleId?: number,
  job?: { runner: JobRunner; label: string; actor: string },
): Promise<WebAnnotationCollection> {
  const total = (await uow.read((repos) => repos.annotations.query({ startRow: 0, endRow: 1, articleId, withCount: true }))).total ?? 0;
  const followed = job?.runner.follow('export', job.label, total, job.actor);
  const sources = new Map<number, string>();
  const items: WebAnnotation[] = [];
  let cursor = 0;
  let read = 0;
  try {
    for (;;) {
      if (followed?.cancelRequested()) throw new ExportCancelledError('The export was cancelled; nothing was written.');
      const rows = await uow.read(async (repos) => {
        const page = await repos.annotations.query({
          startRow: 0,
          endRow: EXPORT_PAGE,
          articleId,
          sortModel: [{ colId: 'id', sort: 'asc' }],
          filterModel: { id: { filterType: 'number', type: 'greaterThan', filter: cursor } },
        });
        for (const row of page.rows) if (!sources.has(row.articleId)) sources.set(row.articleId, await articleSource(repos, row.articleId));
        return page.rows;
      });
      if (rows.length === 0) break;
      // Annotations waiting for review have no certain place in the current text: they stay home.
      items.push(...rows.filter((row) => !row.reviewReason).map((row) => toWebAnnotation(row, sources)));
      cursor = rows.at(-1)!.id;
      read += rows.length;
      followed?.progress(Math.min(total, read));
      await new Promise((resolve) => setImmediate(resolve));
    }
  } catch (error) {
    followed?.finish(error instanceof ExportCancelledError ? 'cancelled' : 'failed', { error: (error as Error).message });
    throw error;
  }
  followed?.finish('done', { result: { annotations: items.length } });
  const stamp = new Date().toISOString();
  const id = `urn:sanad:export:${Date.parse(stamp)}`;
  return {
    '@context': W3C_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: articleId === undefined ? 'Sanad annotations' : `Sanad annotations on article #${articleId}`,
    total: items.length,
    first: { id: `${id}:page:1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

/** The annotations of a collection, a page, an array or a single annotation. */
function annotationsIn(document: unknown): unknown[] {
  if (Array.isArray(document)) return document;
  if (!document || typeof document !== 'object') return [];
  const value = document as { type?: unknown; items?: unknown; first?: unknown; next?: unknown };
  if (value.type === 'Annotation') return [document];
  if (Array.isArray(value.items)) return [...value.items, ...(value.next && typeof value.next === 'object' ? annotationsIn(value.next) : [])];
  if (value.first) return annotationsIn(value.first);
  return [];
}

async function findArticleForSource(repos: Repositories, source: string): Promise<number | undefined> {
  if (source.startsWith(ARTICLE_URN)) return (await repos.articles.findByHash(source.slice(ARTICLE_URN.length)))?.id;
  return repos.articles.findByUrl(source);
}

/**
 * Imports W3C annotations onto the articles they target, placing each from its selectors with
 * the same re-anchoring as text edits. Tags missing from the codebook are added. An annotation
 * already present (same article, place and tag) is skipped; one that cannot be placed is reported.
 */
export async function importWebAnnotations(repos: Repositories, document: unknown, now: string): Promise<WebAnnotationImportReport> {
  const report: WebAnnotationImportReport = { imported: 0, skipped: 0, failed: [] };
  const items = annotationsIn(document);
  if (items.length === 0) {
    report.failed.push({ annotation: '(file)', error: 'no W3C annotations found: expected an Annotation, an AnnotationPage or an AnnotationCollection' });
    return report;
  }
  // The import is one step on the store's one writer: bounded, so it does not hold it for minutes.
  if (items.length > LIMITS.webAnnotations) {
    throw new LimitError('tooMany', { field: 'annotations', max: LIMITS.webAnnotations }, `at most ${LIMITS.webAnnotations} annotations in one import`);
  }
  // Each article is read once, however many annotations target it.
  const articles = new Map<string, Article | null>();
  const articleFor = async (source: string) => {
    if (!articles.has(source)) {
      const id = await findArticleForSource(repos, source);
      articles.set(source, id === undefined ? null : ((await repos.articles.find(id)) ?? null));
    }
    return articles.get(source)!;
  };
  for (const [index, item] of items.entries()) {
    const annotation = item as Partial<WebAnnotation>;
    const name = typeof annotation.id === 'string' ? annotation.id : `#${index + 1}`;
    const fail = (error: string) => report.failed.push({ annotation: name, error });
    const target = Array.isArray(annotation.target) ? annotation.target[0] : annotation.target;
    if (!target || typeof target.source !== 'string') {
      fail('its target names no source document');
      continue;
    }
    const article = await articleFor(target.source);
    if (!article) {
      fail(`no article in this library matches ${excerpt(target.source, 200)}`);
      continue;
    }
    const articleId = article.id;
    const selectors: ({ type?: string } | undefined)[] = Array.isArray(target.selector) ? target.selector : [target.selector];
    const quote = selectors.find((s) => s?.type === 'TextQuoteSelector') as { exact?: unknown; prefix?: unknown; suffix?: unknown } | undefined;
    const position = selectors.find((s) => s?.type === 'TextPositionSelector') as { start?: unknown; end?: unknown } | undefined;
    if (typeof quote?.exact !== 'string' || !quote.exact) {
      fail('it has no TextQuoteSelector to find its passage by');
      continue;
    }
    const offset = (value: unknown) => (Number.isSafeInteger(value) && (value as number) >= 0 ? (value as number) : 0);
    const outcome = reanchor(article.body, {
      start: offset(position?.start),
      end: offset(position?.end),
      exact: quote.exact,
      prefix: typeof quote.prefix === 'string' ? quote.prefix : '',
      suffix: typeof quote.suffix === 'string' ? quote.suffix : '',
    });
    if (outcome.status !== 'anchored') {
      fail(outcome.reason === 'ambiguous' ? 'its quote occurs in several places' : 'its quote is not in the article');
      continue;
    }
    const bodies = (Array.isArray(annotation.body) ? annotation.body : annotation.body ? [annotation.body] : []) as Partial<TextualBody>[];
    // A tag's name and a note take the rules they take typed (db/text/fields.ts); one over its
    // limit fails this annotation alone, with the reason, rather than being cut into another tag.
    const text = (value: unknown) => (typeof value === 'string' ? value : '');
    const tagNames = [...new Set(bodies.filter((b) => b.purpose === 'tagging').map((b) => cleanLine(text(b.value))).filter(Boolean))];
    const note = cleanProse(text(bodies.find((b) => b.purpose === 'commenting' || (b.type === 'TextualBody' && !b.purpose))?.value)) || null;
    const tooLong = tagNames.find((name) => name.length > LIMITS.tagName);
    if (tooLong) {
      fail(`its tag name is ${tooLong.length} characters long; a tag name has at most ${LIMITS.tagName}`);
      continue;
    }
    if (note && note.length > LIMITS.note) {
      fail(`its note is ${note.length} characters long; a note has at most ${LIMITS.note}`);
      continue;
    }
    const tagIds: number[] = [];
    for (const tagName of tagNames) tagIds.push(((await repos.codebook.findByName(tagName)) ?? (await repos.codebook.insert(tagName, IMPORTED_TAG_COLOUR))).id);
    // A passage already annotated here takes the tags it lacks; one that has them all is skipped.
    const existing = await repos.annotations.findAt(articleId, outcome.start, outcome.end);
    if (existing) {
      const added = tagIds.filter((t) => !existing.tagIds.includes(t));
      if (added.length) {
        await repos.annotations.change(existing.id, { tagIds: [...existing.tagIds, ...added] }, now);
        report.imported++;
      } else report.skipped++;
      continue;
    }
    const created = typeof annotation.created === 'string' && !Number.isNaN(Date.parse(annotation.created)) ? new Date(annotation.created).toISOString() : now;
    const { status: _s, method: _m, ...place } = outcome;
    await repos.annotations.insert({ articleId, ...place, tagIds, note }, created);
    report.imported++;
  }
  return report;
}
