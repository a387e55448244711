/**
 * W3C Web Annotation interchange: annotations out as an AnnotationCollection (JSON-LD) and back
 * in. Each target carries both selectors (TextPositionSelector in code points and
 * TextQuoteSelector with 32 characters of context); tags are `tagging` bodies, notes are
 * TextualBody `commenting` bodies with their language and direction. An article is named by its
 * URL when it has one, else by a URN of its text's hash, so another Sanad can find it.
 */
import type { AnnotationRow, WebAnnotationImportReport } from '../api/contract';
import { reanchor } from '../../db/text/anchoring';
import { findAnnotationAt, insertAnnotation, listAnnotationRows } from '../../db/sqlite/annotations';
import { findArticle, findArticleByHash } from '../../db/sqlite/articles';
import { statement } from '../../db/sqlite/statements';
import type { Store } from '../../db/sqlite/store';
import { findTagByName, insertTag } from '../../db/sqlite/tags';
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

function articleSource(db: Store, articleId: number): string {
  const article = findArticle(db, articleId)!;
  return article.url ?? `${ARTICLE_URN}${article.contentHash}`;
}

function toWebAnnotation(db: Store, row: AnnotationRow, sources: Map<number, string>): WebAnnotation {
  if (!sources.has(row.articleId)) sources.set(row.articleId, articleSource(db, row.articleId));
  const body: TextualBody[] = [];
  if (row.tagName) body.push({ type: 'TextualBody', purpose: 'tagging', value: row.tagName, format: 'text/plain' });
  if (row.note) {
    const { language, direction } = detectLanguage(row.note);
    body.push({ type: 'TextualBody', purpose: 'commenting', value: row.note, format: 'text/plain', language, textDirection: direction });
  }
  return {
    // Each annotation carries its own context, so it stands alone when taken out of the collection.
    '@context': W3C_CONTEXT,
    id: `${ANNOTATION_URN}${row.id}-${Date.parse(row.createdAt)}`,
    type: 'Annotation',
    motivation: row.tagName ? 'tagging' : row.note ? 'commenting' : 'highlighting',
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

/** All annotations, or one article's, as a W3C AnnotationCollection with one embedded page. */
export function exportWebAnnotations(db: Store, articleId?: number) {
  // Annotations waiting for review have no certain place in the current text: they stay home.
  const rows = listAnnotationRows(db, articleId).filter((r) => !r.reviewReason);
  const sources = new Map<number, string>();
  const stamp = new Date().toISOString();
  const id = `urn:sanad:export:${Date.parse(stamp)}`;
  return {
    '@context': W3C_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: articleId === undefined ? 'Sanad annotations' : `Sanad annotations on article #${articleId}`,
    total: rows.length,
    first: { id: `${id}:page:1`, type: 'AnnotationPage', startIndex: 0, items: rows.map((row) => toWebAnnotation(db, row, sources)) },
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

function findArticleForSource(db: Store, source: string): number | undefined {
  if (source.startsWith(ARTICLE_URN)) return findArticleByHash(db, source.slice(ARTICLE_URN.length))?.id;
  return statement(db, 'SELECT id FROM articles WHERE url = ? ORDER BY id LIMIT 1').pluck().get(source) as number | undefined;
}

/**
 * Imports W3C annotations onto the articles they target, placing each from its selectors with
 * the same re-anchoring as text edits. Tags missing from the codebook are added. An annotation
 * already present (same article, place and tag) is skipped; one that cannot be placed is reported.
 */
export function importWebAnnotations(db: Store, document: unknown, now: string): WebAnnotationImportReport {
  const report: WebAnnotationImportReport = { imported: 0, skipped: 0, failed: [] };
  const items = annotationsIn(document);
  if (items.length === 0) {
    report.failed.push({ annotation: '(file)', error: 'no W3C annotations found: expected an Annotation, an AnnotationPage or an AnnotationCollection' });
    return report;
  }
  items.forEach((item, index) => {
    const annotation = item as Partial<WebAnnotation>;
    const name = typeof annotation.id === 'string' ? annotation.id : `#${index + 1}`;
    const fail = (error: string) => report.failed.push({ annotation: name, error });
    const target = Array.isArray(annotation.target) ? annotation.target[0] : annotation.target;
    if (!target || typeof target.source !== 'string') return fail('its target names no source document');
    const articleId = findArticleForSource(db, target.source);
    if (articleId === undefined) return fail(`no article in this library matches ${target.source}`);
    const selectors: ({ type?: string } | undefined)[] = Array.isArray(target.selector) ? target.selector : [target.selector];
    const quote = selectors.find((s) => s?.type === 'TextQuoteSelector') as { exact: string; prefix?: string; suffix?: string } | undefined;
    const position = selectors.find((s) => s?.type === 'TextPositionSelector') as { start: number; end: number } | undefined;
    if (!quote?.exact) return fail('it has no TextQuoteSelector to find its passage by');
    const article = findArticle(db, articleId)!;
    const outcome = reanchor(article.body, {
      start: position?.start ?? 0,
      end: position?.end ?? 0,
      exact: quote.exact,
      prefix: quote.prefix ?? '',
      suffix: quote.suffix ?? '',
    });
    if (outcome.status !== 'anchored') return fail(outcome.reason === 'ambiguous' ? 'its quote occurs in several places' : 'its quote is not in the article');
    const bodies = (Array.isArray(annotation.body) ? annotation.body : annotation.body ? [annotation.body] : []) as Partial<TextualBody>[];
    const tagName = bodies.find((b) => b.purpose === 'tagging')?.value?.trim();
    const note = bodies.find((b) => b.purpose === 'commenting' || (b.type === 'TextualBody' && !b.purpose))?.value?.trim() || null;
    const tag = tagName ? (findTagByName(db, tagName) ?? insertTag(db, tagName, IMPORTED_TAG_COLOUR)) : null;
    if (findAnnotationAt(db, articleId, outcome.start, outcome.end, tag?.id ?? null)) {
      report.skipped++;
      return;
    }
    const created = typeof annotation.created === 'string' && !Number.isNaN(Date.parse(annotation.created)) ? new Date(annotation.created).toISOString() : now;
    const { status: _s, method: _m, ...place } = outcome;
    insertAnnotation(db, { articleId, ...place, tagId: tag?.id ?? null, note }, created);
    report.imported++;
  });
  return report;
}
