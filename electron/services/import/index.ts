/**
 * Imports files as articles. Each file is prepared (read, decoded, extracted, analysed; see
 * prepare.ts), then stored atomically: a bad file (or a bad row of a bulk file) is reported with
 * its name and reason, and everything else goes on. Exact duplicates are skipped, naming the
 * article that has the text; near-duplicates are stored and flagged.
 */
import type { CitationField, ImportReport } from '../../api/contract';
import type { JobRunner, UnitOfWork } from '../../../db/repositories';
import { inThreadPreparer, type Preparer } from './pool';
import type { IncomingFile, PreparedFile } from './prepare';

export { ImportFileError } from './errors';
export { createPreparer, inThreadPreparer, type Preparer } from './pool';
export { type IncomingFile, MAX_IMPORT_FILE_BYTES } from './prepare';
export { IMPORTABLE_EXTENSIONS } from './readers';

/** What a briefing needs to cite and date an article: the summary says which articles came without them. */
const CITATION_FIELDS: readonly CitationField[] = ['outlet', 'published'];

/** Progress and cancellation for long imports, and where preparation runs. */
export interface ImportOptions {
  /** Worker threads for preparation; in the calling thread if not given. */
  preparer?: Preparer;
  now?: () => string;
  /** Called after each file is stored, with how many are done. */
  onProgress?: (done: number, total: number, file: string) => void;
  /** Checked between chunks of files; once true, the files not yet prepared are left alone. */
  isCancelled?: () => boolean;
  /** Follows the import as a background job (progress, Cancel, the result), with this label. */
  job?: { runner: JobRunner; label: string; actor: string };
}

/** Files stored under one commit: each is still atomic (its own savepoint), commits are grouped. */
const FILES_PER_COMMIT = 1000;

/**
 * Imports files and reports what became of every one. Preparation of the next chunk of files
 * runs (in worker threads, given a preparer) while the current chunk is stored: one transaction
 * per chunk, and inside it a savepoint per file, so a file that fails rolls back alone and the
 * others go on, while the disk sees one commit per chunk rather than per file.
 */
export async function importFiles(uow: UnitOfWork, files: IncomingFile[], options: ImportOptions = {}): Promise<ImportReport> {
  const now = options.now ?? (() => new Date().toISOString());
  const preparer = options.preparer ?? inThreadPreparer;
  const report: ImportReport = { imported: [], skipped: [], failed: [] };
  const prepareChunk = (first: number) => Promise.all(files.slice(first, first + FILES_PER_COMMIT).map((f) => preparer.prepare(f)));
  let done = 0;
  const job = options.job?.runner.follow('import', options.job.label, files.length, options.job.actor);
  const cancelled = () => Boolean(options.isCancelled?.() || job?.cancelRequested());
  let next = files.length > 0 ? prepareChunk(0) : null;
  try {
    for (let first = 0; next; first += FILES_PER_COMMIT) {
      const chunk = await next;
      next = first + FILES_PER_COMMIT < files.length && !cancelled() ? prepareChunk(first + FILES_PER_COMMIT) : null;
      const importedBefore = report.imported.length;
      await uow.write(async (repos) => {
        for (const prepared of chunk) {
          await storeFile(uow, prepared, now, report);
          done++;
          options.onProgress?.(done, files.length, prepared.name);
        }
        // Known entities are looked for in the new articles too.
        await repos.entities.suggestIn(
          report.imported.slice(importedBefore).map((i) => i.id),
          now(),
        );
        job?.progress(done);
      });
    }
  } catch (error) {
    job?.finish('failed', { error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
  const summary = { imported: report.imported.length, skipped: report.skipped.length, failed: report.failed.length };
  job?.finish(done < files.length ? 'cancelled' : 'done', { result: summary });
  return report;
}

/** Stores one prepared file atomically (a unit inside the chunk's: a savepoint). */
async function storeFile(uow: UnitOfWork, prepared: PreparedFile, now: () => string, report: ImportReport): Promise<void> {
  if ('error' in prepared) {
    report.failed.push({ file: prepared.name, error: prepared.error });
    return;
  }
  // This file's outcome joins the report only once its savepoint is released.
  const fileReport: ImportReport = { imported: [], skipped: [], failed: [] };
  try {
    await uow.write(async (repos) => {
      for (const item of prepared.items) {
        if ('error' in item) {
          fileReport.failed.push({ file: item.label, error: item.error });
          continue;
        }
        const existing = await repos.articles.findByHash(item.article.contentHash);
        if (existing) {
          fileReport.skipped.push({ file: item.label, reason: `same text as article #${existing.id} "${existing.title}"`, existingId: existing.id });
          continue;
        }
        const { id, nearDuplicate } = await repos.articles.insert(item.article, now(), item.indexed);
        const missing = CITATION_FIELDS.filter((field) => item.article[field] == null);
        fileReport.imported.push({
          file: item.label,
          id,
          title: item.article.title,
          ...(nearDuplicate && { possibleDuplicateOf: nearDuplicate }),
          ...(item.warnings.length > 0 && { warnings: item.warnings }),
          ...(missing.length > 0 && { missing }),
        });
      }
    });
  } catch (error) {
    report.failed.push({ file: prepared.name, error: `could not be stored: ${(error as Error).message}` });
    return;
  }
  report.imported.push(...fileReport.imported);
  report.skipped.push(...fileReport.skipped);
  report.failed.push(...fileReport.failed);
}
