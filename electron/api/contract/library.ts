/** The library as one file: a backup to download, and a restore that replaces the library with a backup's. */
import { z } from 'zod';
import { UPLOAD_ID_PATTERN } from '../constants';
import { fileName, method } from './schemas';

/** A backup made, waiting to be fetched once by `downloadId` (see DOWNLOAD_PATH). */
export interface BackupReport {
  fileName: string;
  bytes: number;
  downloadId: string;
  /** The articles it holds, as its manifest counts them. */
  articles: number;
}

/** A restore done: which backup, what it held, and where the library it replaced was kept. */
export interface RestoreReport {
  file: string;
  createdAt: string;
  sanadVersion: string;
  articles: number;
  /** The library's file, now the backup's. */
  library: string;
  /** The library as it was before, kept beside it. */
  keptAs: string;
}

/** The library methods of the contract. */
export const libraryMethods = {
  /** Backs the whole library up into one file (a background job with progress), to download once. */
  backupLibrary: method<BackupReport>('long')(z.object({})),
  /**
   * Replaces the library with a backup received beforehand (`POST /api/upload`), once the backup
   * is verified whole; the library it replaces is kept beside it. A damaged or foreign file is
   * refused (INVALID_ARGUMENT, naming what is wrong) and nothing changes.
   */
  restoreLibrary: method<RestoreReport>('long')(
    z.object({ name: fileName, uploadId: z.string().max(32).regex(UPLOAD_ID_PATTERN, 'not an upload id (upload the file first)') }),
  ),
};
