/**
 * The library as one file, SQLite's way. A copy is made with SQLite's online backup API, which
 * reads the store page by page while it stays in use: writes made meanwhile through the same
 * connection go into the copy as it is made, so the copy is the library at one moment (WAL
 * included). A file is checked before it may become a library: SQLite's integrity and
 * foreign-key checks, Sanad's application id, and a schema this version knows.
 */
import Database from 'better-sqlite3';
import { LibraryFileError } from '../errors';
import type { LibraryFileFacts, LibraryFiles, SnapshotOptions } from '../repositories';
import { finishJob } from './jobs';
import { migrations } from './migrations';
import { SANAD_APPLICATION_ID, schemaVersion, type Store } from './store';

/** Pages copied per step of a backup (4 MB at the default page size): a few milliseconds, so other calls answer between steps. */
const PAGES_PER_STEP = 1000;

/** Copies and checks of library files, copies taken from `db`. */
export function sqliteLibraryFiles(db: Store): LibraryFiles {
  return { ...sqliteLibraryCheck, snapshot: (dest, options) => snapshotStore(db, dest, options) };
}

/** The check alone, which needs no open store (a restore into a new library). */
export const sqliteLibraryCheck: Pick<LibraryFiles, 'verify'> = { verify: async (path) => verifyLibraryFile(path) };

/**
 * Copies the whole store to the new file `dest` while it stays in use, progress counted in pages.
 * The copy is left as a file of its own (no write-ahead log beside it), with the job that follows
 * it recorded as done: restored, it must not claim a backup is still running.
 */
export async function snapshotStore(db: Store, dest: string, { onProgress, job }: SnapshotOptions = {}): Promise<LibraryFileFacts> {
  const { totalPages } = await db.backup(dest, {
    progress: ({ totalPages, remainingPages }) => {
      onProgress?.(totalPages - remainingPages, totalPages);
      return PAGES_PER_STEP;
    },
  });
  onProgress?.(totalPages, totalPages);
  const copy = new Database(dest);
  try {
    copy.pragma('journal_mode = DELETE');
    if (job) finishJob(copy, job.id, 'done', job.now);
    return facts(copy);
  } finally {
    copy.close();
  }
}

/**
 * Checks, opening it read-only, that `path` is a sound Sanad library this version can open (an
 * older schema is fine: opening it migrates it); throws {@link LibraryFileError} naming what is
 * wrong otherwise.
 */
export function verifyLibraryFile(path: string): LibraryFileFacts {
  let db: Store;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new LibraryFileError('notADatabase', (error as Error).message);
  }
  try {
    let applicationId: number;
    let version: number;
    try {
      applicationId = db.pragma('application_id', { simple: true }) as number;
      version = schemaVersion(db);
    } catch (error) {
      throw new LibraryFileError('notADatabase', (error as Error).message);
    }
    if (applicationId !== SANAD_APPLICATION_ID) throw new LibraryFileError('foreign', `application id ${applicationId}`);
    const latest = migrations.at(-1)!.version;
    if (version > latest) throw new LibraryFileError('newerSchema', `schema ${version}`, { found: version, latest });
    const problems = (db.pragma('integrity_check(5)') as { integrity_check: string }[]).map((row) => row.integrity_check);
    if (problems.join() !== 'ok') throw new LibraryFileError('damaged', problems.join('; '));
    const broken = db.pragma('foreign_key_check') as { table: string; parent: string }[];
    if (broken.length > 0) throw new LibraryFileError('brokenReferences', `${broken.length} rows of ${broken[0]!.table} point at missing rows of ${broken[0]!.parent}`);
    return facts(db);
  } catch (error) {
    if (error instanceof LibraryFileError) throw error;
    // SQLite found the file unreadable part way (a damaged page, say).
    throw new LibraryFileError('damaged', (error as Error).message);
  } finally {
    db.close();
  }
}

/** The schema version and the rows of every table (the full-text index's own tables included; virtual tables are read through them). */
function facts(db: Store): LibraryFileFacts {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name").pluck().all() as string[];
  const rows: Record<string, number> = {};
  // A table's name comes from the file's own schema and cannot be a bound parameter: it is quoted.
  for (const table of tables) rows[table] = db.prepare(`SELECT count(*) FROM "${table.replaceAll('"', '""')}"`).pluck().get() as number;
  return { schemaVersion: schemaVersion(db), rows };
}
