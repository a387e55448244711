/**
 * Opens Sanad's one SQLite file: pragmas, a backup before migrating, then the pending
 * migrations in one transaction. Knows nothing about Electron or HTTP.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { ANALYSER_VERSION } from '../text/analyser';
import { migrations as allMigrations, type Migration } from './migrations';
import { indexedAnalyserVersion, markIndexCurrent } from './search-index';
import { refreshVariantKeys } from './spelling-variants';

/**
 * Page cache per connection, in KiB (negative: SQLite's convention for a size, not pages). The
 * article rows of 100,000 articles take ~30 MB; the default 2 MB cache made a sorted, filtered page
 * deep in the library read them from the OS again each time.
 */
const CACHE_KIB = -65_536;

/** How long a write waits for another process's lock before it gives up, in ms. */
export const BUSY_TIMEOUT_MS = 5000;

/** An open store. */
export type Store = Database.Database;

/** A store that cannot be opened as it is, with a message a person can act on. */
export class StoreOpenError extends Error {
  override name = 'StoreOpenError';
}

/** Options for {@link openStore}; `migrations` exists so tests can migrate step by step. */
export interface OpenStoreOptions {
  migrations?: readonly Migration[];
  /** Where the pre-migration copy goes; defaults beside the database file. */
  backupPath?: (fromVersion: number) => string;
}

/** Opens (creating if needed) the database at `path` and brings its schema up to date. */
export function openStore(path: string, options: OpenStoreOptions = {}): Store {
  const migrations = options.migrations ?? allMigrations;
  assertMonotonic(migrations);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const existed = path !== ':memory:' && existsSync(path);
  const db = new Database(path);
  try {
    // Decide whether this file is a Sanad library we may change before writing a byte to it.
    assertOurs(db, migrations);
    db.pragma(`application_id = ${SANAD_APPLICATION_ID}`);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('synchronous = NORMAL');
    db.pragma(`cache_size = ${CACHE_KIB}`);
    // Statement journals (one per savepoint: an import opens one per file) stay in memory.
    db.pragma('temp_store = MEMORY');
    migrate(db, migrations, existed ? (options.backupPath ?? ((v) => `${path}.v${v}-${Date.now()}.bak`)) : null);
    // Keys the analyser derives that are cheap to rebuild at once; the articles' index is rebuilt by
    // the re-index job, unless there are no articles yet: then this analyser builds every key from the start.
    if (migrations === allMigrations && indexedAnalyserVersion(db) !== ANALYSER_VERSION) {
      refreshVariantKeys(db);
      if (!db.prepare('SELECT 1 FROM articles LIMIT 1').get()) markIndexCurrent(db);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Opens a read-only connection to a store another connection has already brought up to date:
 * under WAL it reads a consistent snapshot while the writer goes on, so long reads never wait
 * for writes nor writes for them. Refuses a schema it does not know, as {@link openStore} does.
 */
export function openReadOnlyStore(path: string, migrations: readonly Migration[] = allMigrations): Store {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma(`cache_size = ${CACHE_KIB}`);
  const latest = migrations.at(-1)?.version ?? 0;
  const version = schemaVersion(db);
  if (version !== latest) {
    db.close();
    throw new StoreOpenError(`The store at ${path} is at schema ${version}, not ${latest}; open it for writing first.`);
  }
  return db;
}

/** SQLite's application id for Sanad's libraries ("SNAD"), so other programs' files are told apart. */
export const SANAD_APPLICATION_ID = 0x534e4144;

/**
 * Refuses, untouched, a file Sanad must not change: one written by a newer Sanad, or another
 * program's database (another application id, or tables and no Sanad schema version).
 */
function assertOurs(db: Store, migrations: readonly Migration[]): void {
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  const version = schemaVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  const hasTables = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1").get() !== undefined;
  if ((applicationId !== 0 && applicationId !== SANAD_APPLICATION_ID) || (version === 0 && hasTables)) {
    throw new StoreOpenError('This file is not a Sanad library (it belongs to another program); the file has not been changed. Choose another file, or a new one.');
  }
  if (version > latest) {
    throw new StoreOpenError(
      `This database was written by a newer version of Sanad (schema ${version}; this version knows up to ${latest}). ` +
        'Update Sanad to open it; the file has not been changed.',
    );
  }
}

/** The schema version the database is at. */
export function schemaVersion(db: Store): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function migrate(db: Store, migrations: readonly Migration[], backupPath: ((fromVersion: number) => string) | null): void {
  const current = schemaVersion(db);
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return;
  // Keep a copy of a database that already holds data before changing its schema.
  if (backupPath && current > 0) db.prepare('VACUUM INTO ?').run(backupPath(current));
  // Rebuilding a table (SQLite's 12-step procedure) needs foreign keys off, or dropping the old
  // table would cascade; they are checked before the migrations commit, and turned back on.
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const migration of pending) {
        db.exec(migration.sql);
        migration.up?.(db);
        db.pragma(`user_version = ${migration.version}`);
      }
      const broken = db.pragma('foreign_key_check') as { table: string }[];
      if (broken.length) throw new StoreOpenError(`Migrating left ${broken.length} broken references (first in ${broken[0]!.table}); nothing was changed.`);
    })();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

function assertMonotonic(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration "${m.name}" has version ${m.version}, expected ${i + 1}`);
  });
}
