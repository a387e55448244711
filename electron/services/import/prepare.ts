/**
 * Everything an import does before touching the store: read the file, decode and extract its
 * text, complete the metadata, and compute search keys and the near-duplicate signature.
 * Pure CPU work with no database, so it can run in a worker thread while the main thread writes.
 */
import { readFile, stat } from 'node:fs/promises';
import type { NewArticle } from '../../../db/model';
import { analyseText, type IndexedText } from '../../../db/text/analyser';
import { cleanLine, clipAtWord, excerpt, LIMITS } from '../../../db/text/fields';
import { contentHash, detectLanguage, firstLineTitle, normaliseText } from '../../../db/text/text';
import { MAX_FILE_BYTES } from '../../api/constants';
import { findDatelineDate, parseMetadataDate } from './dates';
import { ImportFileError } from './errors';
import { type ArticleDraft, readDrafts } from './readers';

/** Largest file Sanad imports (a bulk CSV of tens of thousands of articles fits; a stray video does not). */
export const MAX_IMPORT_FILE_BYTES = MAX_FILE_BYTES;

/**
 * A file as it arrives for import: its name (or path) and its bytes, or where to read them (a
 * received file, read where it is prepared, in the import's worker thread, rather than carried
 * between threads).
 */
export type IncomingFile = { name: string; bytes: Uint8Array } | { name: string; path: string };

/** One article of a file, ready to store. */
export interface PreparedArticle {
  label: string;
  article: NewArticle;
  indexed: IndexedText;
  warnings: string[];
}

/** A file after preparation: its articles and per-row errors, or why the whole file failed. */
export type PreparedFile = { name: string; items: (PreparedArticle | { label: string; error: string; limit?: { field: string; max: number } })[] } | { name: string; error: string };

const RTL_LANGUAGES = new Set(['ar', 'fa', 'ur', 'he', 'ps', 'ckb', 'yi']);

/** The limit of each metadata field a file may give, and how a message names it. */
const METADATA = {
  title: { max: LIMITS.title, name: 'title' },
  outlet: { max: LIMITS.outlet, name: 'outlet' },
  author: { max: LIMITS.author, name: 'author' },
} as const;

/**
 * Completes a draft into the article to store, or throws {@link ImportFileError}. A file's
 * metadata takes the rules a typed value takes (db/text/fields.ts), with one difference: what
 * is too long is cut rather than refused, with a warning, because the file cannot be edited
 * from here and the article should not be lost for a long title. A text too long to store is
 * refused whole: cutting it would lose part of the article unseen.
 */
export function completeDraft(draft: ArticleDraft): { article: NewArticle; warnings: string[] } {
  const body = normaliseText(draft.body);
  if (body.trim() === '') throw new ImportFileError(draft.sourceFormat === 'txt' || draft.sourceFormat === 'md' ? 'the file is empty' : 'no article text found in it');
  if (body.length > LIMITS.articleBody) {
    throw new ImportFileError(`the text is ${body.length.toLocaleString('en-US')} characters long; an article holds at most ${LIMITS.articleBody.toLocaleString('en-US')}: split it into several files`, {
      field: 'body',
      max: LIMITS.articleBody,
    });
  }
  const warnings = [...draft.warnings];
  const metadata = (field: keyof typeof METADATA): string | null => {
    const value = draft.fields[field];
    const cleaned = value ? cleanLine(value) : '';
    if (cleaned.length <= METADATA[field].max) return cleaned || null;
    warnings.push(`the ${METADATA[field].name} was ${cleaned.length.toLocaleString('en-US')} characters long; cut to ${METADATA[field].max}`);
    return clipAtWord(cleaned, METADATA[field].max);
  };
  const title = metadata('title') || cleanLine(firstLineTitle(body)) || clipAtWord(cleanLine(body.slice(0, 1000)), 80);
  const outlet = metadata('outlet');
  const author = metadata('author');
  const detected = detectLanguage(body);
  // A language as the library takes it typed: a code such as ar or en (ar-SA is ar); anything else is detected.
  const givenLanguage = draft.fields.language?.trim() || null;
  const code = givenLanguage ? /^([a-z]{2,3})(?:[-_][a-z0-9-]*)?$/i.exec(givenLanguage)?.[1]?.toLowerCase() : undefined;
  if (givenLanguage && !code) warnings.push(`language "${excerpt(givenLanguage)}" is not a code such as ar or en; detected instead`);
  const language = code || detected.language;
  let published = parseMetadataDate(draft.fields.published);
  if (draft.fields.published && !published) warnings.push(`publication date "${excerpt(draft.fields.published)}" not understood; left empty`);
  published ??= findDatelineDate(body);
  let url = draft.fields.url ? cleanLine(draft.fields.url) || null : null;
  if (url && url.length > LIMITS.url) {
    // A cut address leads somewhere else: it is left out instead.
    warnings.push(`the address (URL) was ${url.length.toLocaleString('en-US')} characters long, over ${LIMITS.url.toLocaleString('en-US')}; left out`);
    url = null;
  }
  return {
    article: {
      title,
      outlet,
      author,
      url,
      published,
      language,
      direction: RTL_LANGUAGES.has(language) ? 'rtl' : code ? 'ltr' : detected.direction,
      body,
      contentHash: contentHash(body),
      sourceName: draft.label.split(/[\\/]/).pop() ?? draft.label,
      sourceFormat: draft.sourceFormat,
      sourceEncoding: draft.sourceEncoding,
    },
    warnings,
  };
}

function describe(error: unknown): string {
  return error instanceof ImportFileError ? error.message : `could not be imported: ${(error as Error).message}`;
}

function checkSize(bytes: number): void {
  if (bytes > MAX_IMPORT_FILE_BYTES) throw new ImportFileError(`file is ${(bytes / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB`);
}

/** A received file's bytes, its size checked before it is read. */
async function readReceived(path: string): Promise<Uint8Array> {
  try {
    checkSize((await stat(path)).size);
    return await readFile(path);
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(`the received file could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); choose it again`);
  }
}

/** Prepares one file; never throws: a failure is described in the result. */
export async function prepareFile(file: IncomingFile): Promise<PreparedFile> {
  try {
    const bytes = 'path' in file ? await readReceived(file.path) : file.bytes;
    checkSize(bytes.length);
    if (bytes.length === 0) throw new ImportFileError('the file is empty');
    const drafts = await readDrafts(file.name, bytes, file.name);
    return {
      name: file.name,
      items: drafts.map((draft) => {
        if ('error' in draft) return draft;
        try {
          const { article, warnings } = completeDraft(draft);
          return { label: draft.label, article, warnings, indexed: analyseText(article.title, article.body) };
        } catch (error) {
          if (!(error instanceof ImportFileError)) throw error;
          return { label: draft.label, error: error.message, ...(error.limit && { limit: error.limit }) };
        }
      }),
    };
  } catch (error) {
    return { name: file.name, error: describe(error) };
  }
}
