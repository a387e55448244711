/**
 * A library's backup as one file (`.sanad-backup`): a zip (JSZip, already Sanad's for .qdpx)
 * holding `library.sqlite`, a copy of the store taken while it stays in use, and
 * `manifest.json`, which says what made it (format, Sanad's version, schema version, when) and
 * what it holds (the rows of every table, the database file's size and SHA-256).
 *
 * A restore trusts none of it until it has checked all of it: the archive, the manifest, the
 * checksum, then the database itself (written to a temporary file beside the target and checked
 * by the store: integrity, references, application id, schema), and its rows against the
 * manifest. Only then is it moved into place, by a rename; a file refused on the way leaves
 * nothing behind.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import JSZip from 'jszip';
import { z } from 'zod';
import { LibraryFileError } from '../../db/errors';
import type { LibraryFileFacts, LibraryFiles, SnapshotOptions } from '../../db/repositories';
import { version as sanadVersion } from '../../package.json';
import { type ApiErrorBody, errorBody } from '../api/constants';
import type { ErrorKey, ErrorParams } from '../api/error-messages';

/** The ending of a backup file's name. */
export const BACKUP_EXTENSION = '.sanad-backup';

/** The archive's layout version: a backup of a later format is refused, naming the Sanad that made it. */
export const BACKUP_FORMAT = 1;

const DATABASE_ENTRY = 'library.sqlite';
const MANIFEST_ENTRY = 'manifest.json';

const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  application: z.literal('sanad'),
  sanadVersion: z.string().max(64),
  schemaVersion: z.number().int().min(0),
  createdAt: z.string().max(64),
  database: z.object({ file: z.literal(DATABASE_ENTRY), bytes: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  rows: z.record(z.string().max(200), z.number().int().min(0)),
});

/** What a backup says about itself. */
export type BackupManifest = z.infer<typeof manifestSchema>;

/** A backup that cannot be made or restored, with the message (both languages) naming why; nothing was written. */
export class BackupError extends Error {
  override name = 'BackupError';
  readonly body: ApiErrorBody;
  constructor(key: ErrorKey, params: ErrorParams = {}) {
    const body = errorBody('INVALID_ARGUMENT', key, params);
    super(body.message);
    this.body = body;
  }
}

/** The file name a backup made at `isoTime` is offered under: `sanad-2026-01-31-1405.sanad-backup`. */
export function backupFileName(isoTime: string): string {
  return `sanad-${isoTime.slice(0, 16).replace('T', '-').replace(':', '')}${BACKUP_EXTENSION}`;
}

/** Where the library at `library` is kept when a restore replaces it: beside it, named with the time. */
export function previousLibraryPath(library: string, isoTime: string): string {
  return `${library}.before-restore-${isoTime.slice(0, 19).replaceAll(':', '-')}`;
}

/** Where a restore run by the app leaves the verified library for the store's owner to move into place (see {@link placeRestored}). */
export function verifiedRestorePath(library: string): string {
  return `${library}.restore-verified`;
}

/**
 * Writes a backup of the store to `outPath`: a consistent copy (through `files`), its checksum,
 * the manifest, then the archive, which appears at `outPath` only once it is whole.
 */
export async function createBackup(files: LibraryFiles, outPath: string, { now, ...snapshot }: SnapshotOptions & { now: string }): Promise<{ manifest: BackupManifest; bytes: number }> {
  const copy = besideTemp(outPath);
  const archive = besideTemp(outPath);
  try {
    const facts = await files.snapshot(copy, snapshot);
    const { bytes, sha256 } = await digest(copy);
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      application: 'sanad',
      sanadVersion,
      schemaVersion: facts.schemaVersion,
      createdAt: now,
      database: { file: DATABASE_ENTRY, bytes, sha256 },
      rows: facts.rows,
    };
    const zip = new JSZip();
    zip.file(MANIFEST_ENTRY, `${JSON.stringify(manifest, null, 2)}\n`);
    // Streamed from the copy into the archive: a large library is never whole in memory.
    zip.file(DATABASE_ENTRY, createReadStream(copy));
    await pipeline(zip.generateNodeStream({ type: 'nodebuffer', streamFiles: true, compression: 'DEFLATE', compressionOptions: { level: 6 } }), createWriteStream(archive, { flags: 'wx', mode: 0o600 }));
    await rename(archive, outPath);
    return { manifest, bytes: (await stat(outPath)).size };
  } finally {
    await removeDatabaseFile(copy);
    await rm(archive, { force: true });
  }
}

/**
 * Reads and checks the backup at `archivePath` (called `name` in messages) and leaves the library
 * it holds, verified, in a new file beside `target`, returning that file's path. Throws
 * {@link BackupError} naming what is wrong, leaving nothing behind.
 */
export async function stageRestore(files: Pick<LibraryFiles, 'verify'>, archivePath: string, name: string, target: string): Promise<{ staged: string; manifest: BackupManifest }> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(await readFile(archivePath), { checkCRC32: true });
  } catch (error) {
    throw new BackupError('backupNotArchive', { file: name, reason: (error as Error).message });
  }
  const manifest = await readManifest(zip, name);
  const entry = zip.file(DATABASE_ENTRY);
  if (!entry) throw new BackupError('backupNotArchive', { file: name, reason: `it holds no ${DATABASE_ENTRY}` });
  const staged = besideTemp(target);
  try {
    const hash = createHash('sha256');
    let bytes = 0;
    const counting = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        bytes += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(entry.nodeStream('nodebuffer'), counting, createWriteStream(staged, { flags: 'wx', mode: 0o600 }));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code) throw error;
      throw new BackupError('backupNotArchive', { file: name, reason: (error as Error).message });
    }
    if (bytes !== manifest.database.bytes || hash.digest('hex') !== manifest.database.sha256) throw new BackupError('backupChecksum', { file: name });
    const facts = await verify(files, staged, name);
    for (const table of new Set([...Object.keys(manifest.rows), ...Object.keys(facts.rows)])) {
      if (manifest.rows[table] !== facts.rows[table]) {
        throw new BackupError('backupRowCounts', { file: name, table, expected: manifest.rows[table] ?? 0, found: facts.rows[table] ?? 0 });
      }
    }
    return { staged, manifest };
  } catch (error) {
    await removeDatabaseFile(staged);
    throw error;
  }
}

/**
 * Restores the backup at `archivePath` as the library `target` (the command line's restore).
 * An existing library there is replaced only with `force`, and then kept beside it.
 */
export async function restoreBackup(
  files: Pick<LibraryFiles, 'verify'>,
  archivePath: string,
  target: string,
  { force = false, now }: { force?: boolean; now: string },
): Promise<{ manifest: BackupManifest; keptAs: string | null }> {
  if (!force && existsSync(target)) throw new BackupError('restoreTargetExists', { path: target });
  // A new library may go in a new folder; one made for a refused backup is removed again.
  const madeFolder = await mkdir(dirname(target), { recursive: true });
  try {
    const { staged, manifest } = await stageRestore(files, archivePath, archivePath, target);
    const keptAs = existsSync(target) ? previousLibraryPath(target, now) : null;
    await placeRestored(staged, target, keptAs);
    return { manifest, keptAs };
  } catch (error) {
    if (madeFolder) await rm(madeFolder, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Moves a verified library into place: the current one (with its write-ahead log, if one is
 * left) is renamed to `keptAs`, then the verified one to `target`. Nothing may have the library
 * open meanwhile.
 */
export async function placeRestored(verified: string, target: string, keptAs: string | null): Promise<void> {
  const moved: string[] = [];
  try {
    if (keptAs) {
      for (const suffix of JOURNALS) {
        if (!existsSync(target + suffix)) continue;
        await rename(target + suffix, keptAs + suffix);
        moved.push(suffix);
      }
    }
    await rename(verified, target);
  } catch (error) {
    // The library is never left missing: what was moved aside goes back.
    for (const suffix of moved) await rename(keptAs + suffix, target + suffix);
    throw error;
  }
}

/**
 * Undoes {@link placeRestored} when the restored library cannot be opened after all: it goes back
 * to `verified`, and the library kept as `keptAs` back to `target`.
 */
export async function takeBackRestored(verified: string, target: string, keptAs: string): Promise<void> {
  await rename(target, verified);
  for (const suffix of JOURNALS) {
    if (existsSync(keptAs + suffix)) await rename(keptAs + suffix, target + suffix);
  }
}

/** A database file's own name and the journals SQLite may keep beside it. */
const JOURNALS = ['', '-wal', '-shm', '-journal'];

async function readManifest(zip: JSZip, name: string): Promise<BackupManifest> {
  const entry = zip.file(MANIFEST_ENTRY);
  if (!entry) throw new BackupError('backupNoManifest', { file: name });
  let raw: unknown;
  try {
    raw = JSON.parse(await entry.async('string'));
  } catch (error) {
    throw new BackupError('backupBadManifest', { file: name, reason: `it is not JSON (${(error as Error).message})` });
  }
  const said = raw as { format?: unknown; sanadVersion?: unknown };
  if (typeof said?.format === 'number' && said.format > BACKUP_FORMAT) throw new BackupError('backupNewerFormat', { file: name, version: String(said.sanadVersion ?? '?') });
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    throw new BackupError('backupBadManifest', { file: name, reason: parsed.error.issues.map((i) => `${i.path.join('.') || 'manifest'}: ${i.message}`).join('; ') });
  }
  return parsed.data;
}

/** The store's check of a library file, its refusal told as a backup's. */
async function verify(files: Pick<LibraryFiles, 'verify'>, path: string, name: string): Promise<LibraryFileFacts> {
  try {
    return await files.verify(path);
  } catch (error) {
    if (!(error instanceof LibraryFileError)) throw error;
    if (error.reason === 'newerSchema') throw new BackupError('backupNewerSchema', { file: name, found: error.schema!.found, latest: error.schema!.latest });
    if (error.reason === 'foreign') throw new BackupError('backupForeign', { file: name });
    if (error.reason === 'notADatabase') throw new BackupError('backupNotDatabase', { file: name });
    throw new BackupError('backupDamaged', { file: name, reason: error.detail });
  }
}

/** A file's size and SHA-256, read as a stream. */
async function digest(path: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { bytes, sha256: hash.digest('hex') };
}

/** A new temporary name beside `path` (same folder, so a rename moves it into place at once). */
function besideTemp(path: string): string {
  return `${path}.${randomBytes(6).toString('hex')}.partial`;
}

/** Removes a database file and any journal SQLite left beside it. */
async function removeDatabaseFile(path: string): Promise<void> {
  await Promise.all(JOURNALS.map((suffix) => rm(path + suffix, { force: true })));
}
