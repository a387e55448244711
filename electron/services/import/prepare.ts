/**
 * Everything an import does before touching the store: read the file, decode and extract its
 * text, complete the metadata, and compute search keys and the near-duplicate signature.
 * Pure CPU work with no database, so it can run in a worker thread while the main thread writes.
 */
import { readFile, stat } from 'node:fs/promises';
import type { NewArticle } from '../../../db/model';
import { analyseText, type IndexedText } from '../../../db/text/analyser';
import { contentHash, detectLanguage, firstLineTitle, normaliseText } from '../../../db/text/text';
import { MAX_ARTICLE_CHARS, MAX_FILE_BYTES } from '../../api/constants';
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
export type PreparedFile = { name: string; items: (PreparedArticle | { label: string; error: string })[] } | { name: string; error: string };

const RTL_LANGUAGES = new Set(['ar', 'fa', 'ur', 'he', 'ps', 'ckb', 'yi']);
// Bidi embeddings, overrides and isolates can make a title display as something it is not.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const OTHER_CONTROLS = /[\u0000-\u001F\u007F-\u009F]/g;

function cleanLine(text: string): string {
  return text.replace(BIDI_CONTROLS, '').replace(OTHER_CONTROLS, ' ').replace(/\s+/g, ' ').trim();
}

/** Completes a draft into the article to store, or throws {@link ImportFileError}. */
export function completeDraft(draft: ArticleDraft): { article: NewArticle; warnings: string[] } {
  const body = normaliseText(draft.body);
  if (body.length > MAX_ARTICLE_CHARS) {
    throw new ImportFileError(
      `its text is ${body.length.toLocaleString('en')} characters long, more than the ${MAX_ARTICLE_CHARS.toLocaleString('en')} one article holds; ` +
        'split it into several articles (several files, or rows of a CSV or JSON Lines file)',
    );
  }
  if (body.trim() === '') throw new ImportFileError(draft.sourceFormat === 'txt' || draft.sourceFormat === 'md' ? 'the file is empty' : 'no article text found in it');
  const warnings = [...draft.warnings];
  const givenTitle = draft.fields.title ? cleanLine(normaliseText(draft.fields.title)) : '';
  const title = givenTitle || cleanLine(firstLineTitle(body)) || body.slice(0, 80);
  const detected = detectLanguage(body);
  const language = draft.fields.language?.trim().toLowerCase() || detected.language;
  let published = parseMetadataDate(draft.fields.published);
  if (draft.fields.published && !published) warnings.push(`publication date "${draft.fields.published}" not understood; left empty`);
  published ??= findDatelineDate(body);
  const text = (value: string | null | undefined) => (value ? cleanLine(normaliseText(value)) || null : null);
  return {
    article: {
      title,
      outlet: text(draft.fields.outlet),
      author: text(draft.fields.author),
      url: text(draft.fields.url),
      published,
      language,
      direction: RTL_LANGUAGES.has(language) ? 'rtl' : draft.fields.language ? 'ltr' : detected.direction,
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
          return { label: draft.label, error: error.message };
        }
      }),
    };
  } catch (error) {
    return { name: file.name, error: describe(error) };
  }
}
