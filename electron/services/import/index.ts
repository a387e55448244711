/**
 * Imports files as articles. Each file is read, checked and stored on its own, in its own
 * transaction: a bad file (or a bad row of a bulk file) is reported with its name and reason,
 * and everything else goes on. Exact duplicates are skipped, naming the article that has the
 * text; near-duplicates are stored and flagged.
 */
import type { ImportReport } from '../../api/contract';
import { findArticleByHash, insertArticle, type NewArticle } from '../../../db/articles';
import type { Store } from '../../../db/store';
import { contentHash, detectLanguage, firstLineTitle, normaliseText } from '../../../db/text';
import { findDatelineDate, parseMetadataDate } from './dates';
import { ImportFileError } from './errors';
import { type ArticleDraft, readDrafts } from './readers';

export { ImportFileError } from './errors';
export { IMPORTABLE_EXTENSIONS } from './readers';

/** Largest file Sanad imports (a bulk CSV of thousands of articles fits; a stray video does not). */
export const MAX_IMPORT_FILE_BYTES = 50 * 1024 * 1024;

/** A file as it arrives for import: its name (or path) and its bytes. */
export interface IncomingFile {
  name: string;
  bytes: Uint8Array;
}

/** Progress and cancellation for long imports. */
export interface ImportOptions {
  now?: () => string;
  /** Called after each file with how many are done. */
  onProgress?: (done: number, total: number, file: string) => void;
  /** Checked before each file; once true, the remaining files are left alone. */
  isCancelled?: () => boolean;
}

const RTL_LANGUAGES = new Set(['ar', 'fa', 'ur', 'he', 'ps', 'ckb', 'yi']);
// Bidi embeddings, overrides and isolates can make a title display as something it is not.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const OTHER_CONTROLS = /[\u0000-\u001F\u007F-\u009F]/g;

function cleanTitle(title: string): string {
  return title.replace(BIDI_CONTROLS, '').replace(OTHER_CONTROLS, ' ').replace(/\s+/g, ' ').trim();
}

/** Completes a draft into the article to store, or throws {@link ImportFileError}. */
export function completeDraft(draft: ArticleDraft): { article: NewArticle; warnings: string[] } {
  const body = normaliseText(draft.body);
  if (body.trim() === '') throw new ImportFileError(draft.sourceFormat === 'txt' || draft.sourceFormat === 'md' ? 'the file is empty' : 'no article text found in it');
  const warnings = [...draft.warnings];
  const givenTitle = draft.fields.title ? cleanTitle(normaliseText(draft.fields.title)) : '';
  const title = givenTitle || cleanTitle(firstLineTitle(body)) || body.slice(0, 80);
  const detected = detectLanguage(body);
  const language = draft.fields.language?.trim().toLowerCase() || detected.language;
  let published = parseMetadataDate(draft.fields.published);
  if (draft.fields.published && !published) warnings.push(`publication date "${draft.fields.published}" not understood; left empty`);
  published ??= findDatelineDate(body);
  const text = (value: string | null | undefined) => (value ? cleanTitle(normaliseText(value)) || null : null);
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

/** Imports each file in its own transaction and reports what became of every one. */
export async function importFiles(db: Store, files: IncomingFile[], options: ImportOptions = {}): Promise<ImportReport> {
  const now = options.now ?? (() => new Date().toISOString());
  const report: ImportReport = { imported: [], skipped: [], failed: [] };
  for (const [index, file] of files.entries()) {
    if (options.isCancelled?.()) break;
    try {
      if (file.bytes.length > MAX_IMPORT_FILE_BYTES) {
        throw new ImportFileError(`file is ${(file.bytes.length / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB`);
      }
      if (file.bytes.length === 0) throw new ImportFileError('the file is empty');
      const drafts = await readDrafts(file.name, file.bytes, file.name);
      // This file's outcome joins the report only once its transaction has committed.
      const fileReport: ImportReport = { imported: [], skipped: [], failed: [] };
      db.transaction(() => {
        for (const draft of drafts) {
          if ('error' in draft) {
            fileReport.failed.push({ file: draft.label, error: draft.error });
            continue;
          }
          try {
            const { article, warnings } = completeDraft(draft);
            const existing = findArticleByHash(db, article.contentHash);
            if (existing) {
              fileReport.skipped.push({ file: draft.label, reason: `same text as article #${existing.id} "${existing.title}"`, existingId: existing.id });
              continue;
            }
            const { id, nearDuplicate } = insertArticle(db, article, now());
            fileReport.imported.push({
              file: draft.label,
              id,
              title: article.title,
              ...(nearDuplicate && { possibleDuplicateOf: nearDuplicate }),
              ...(warnings.length > 0 && { warnings }),
            });
          } catch (error) {
            if (!(error instanceof ImportFileError)) throw error;
            fileReport.failed.push({ file: draft.label, error: error.message });
          }
        }
      })();
      report.imported.push(...fileReport.imported);
      report.skipped.push(...fileReport.skipped);
      report.failed.push(...fileReport.failed);
    } catch (error) {
      report.failed.push({ file: file.name, error: error instanceof ImportFileError ? error.message : `could not be imported: ${(error as Error).message}` });
    }
    options.onProgress?.(index + 1, files.length, file.name);
  }
  return report;
}
