/**
 * Turns uploaded files into articles. Each file is checked and stored on its own, in its own
 * transaction: a bad file is reported with its name and reason, and the rest go on.
 */
import { extname } from 'node:path';
import type { ImportReport } from '../api/contract';
import { findArticleByHash, insertArticle, type NewArticle } from '../../db/articles';
import type { Store } from '../../db/store';
import { contentHash, detectLanguage, firstLineTitle, normaliseText } from '../../db/text';

/** Largest single file Sanad imports; an article is far smaller, so anything past this is a mistake. */
export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;

/** File extensions read as plain text. */
const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md']);

/** A file that cannot become an article, with the reason a person reads. */
export class ImportFileError extends Error {
  override name = 'ImportFileError';
}

/** A file as it arrives for import: its name (or path) and its bytes. */
export interface IncomingFile {
  name: string;
  bytes: Uint8Array;
}

/** Reads one file's bytes into an article to store, or throws {@link ImportFileError}. */
export function parseTextFile(file: IncomingFile): NewArticle {
  const extension = extname(file.name).toLowerCase();
  if (!TEXT_EXTENSIONS.has(extension)) {
    throw new ImportFileError(`unsupported file type "${extension || '(none)'}"; Sanad imports .txt and .md text files`);
  }
  if (file.bytes.length > MAX_IMPORT_FILE_BYTES) {
    throw new ImportFileError(`file is ${(file.bytes.length / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB`);
  }
  if (file.bytes.includes(0)) throw new ImportFileError('this is not a text file (it contains binary data)');
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
  } catch {
    throw new ImportFileError('this file is not valid UTF-8 text');
  }
  const body = normaliseText(decoded);
  if (body.trim() === '') throw new ImportFileError('the file is empty');
  return {
    title: firstLineTitle(body),
    outlet: null,
    url: null,
    published: null,
    ...detectLanguage(body),
    body,
    contentHash: contentHash(body),
    sourceName: baseName(file.name),
  };
}

/** Imports each file in its own transaction and reports what became of every one. */
export function importFiles(db: Store, files: IncomingFile[], now: () => string = () => new Date().toISOString()): ImportReport {
  const report: ImportReport = { imported: [], skipped: [], failed: [] };
  for (const file of files) {
    try {
      const article = parseTextFile(file);
      const outcome = db.transaction((): { kind: 'duplicate'; existing: { id: number; title: string } } | { kind: 'inserted'; id: number } => {
        const existing = findArticleByHash(db, article.contentHash);
        return existing ? { kind: 'duplicate', existing } : { kind: 'inserted', id: insertArticle(db, article, now()) };
      })();
      if (outcome.kind === 'duplicate') {
        const { id, title } = outcome.existing;
        report.skipped.push({ file: file.name, reason: `same text as article #${id} "${title}"`, existingId: id });
      } else {
        report.imported.push({ file: file.name, id: outcome.id, title: article.title });
      }
    } catch (error) {
      report.failed.push({ file: file.name, error: error instanceof ImportFileError ? error.message : `could not be stored: ${String(error)}` });
    }
  }
  return report;
}

function baseName(name: string): string {
  return name.split(/[\\/]/).pop() ?? name;
}
