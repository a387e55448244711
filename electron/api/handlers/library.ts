/** Handlers of the library as one file: backing it up to download, and restoring it from a backup. */
import { BackupError, backupFileName, createBackup, placeRestored, previousLibraryPath, stageRestore, verifiedRestorePath } from '../../services/backup';
import { ApiError, type Handlers, LOCAL_ACTOR, type Services } from './common';
import { withCallFiles } from './files';

type LibraryMethods = 'backupLibrary' | 'restoreLibrary';

/** Raised from the backup's progress when the analyst cancels it: the copy stops there. */
class BackupCancelled extends Error {}

/** The library handlers. */
export function libraryHandlers({ jobs, now, uploads, libraryFiles, libraryPath }: Services): Pick<Handlers, LibraryMethods> {
  const requireFiles = () => {
    if (!libraryFiles || !uploads) throw new ApiError('INTERNAL', 'restoreUnavailable');
    return { libraryFiles, uploads };
  };
  return {
    backupLibrary: async () => {
      const { libraryFiles, uploads } = requireFiles();
      const startedAt = now();
      const fileName = backupFileName(startedAt);
      const { id, path } = await uploads.reserve();
      // A background job, so the jobs panel shows the copy's progress (in pages) with Cancel.
      const job = jobs.follow('backup', fileName, 0, LOCAL_ACTOR);
      try {
        const { manifest, bytes } = await createBackup(libraryFiles, path, {
          now: startedAt,
          job: { id: job.id, now: startedAt },
          onProgress: (done, total) => {
            if (job.cancelRequested()) throw new BackupCancelled();
            job.progress(done, total);
          },
        });
        job.finish('done', { result: { bytes } });
        return { fileName, bytes, downloadId: id, articles: manifest.rows.articles ?? 0 };
      } catch (error) {
        await uploads.remove(id);
        if (error instanceof BackupCancelled) {
          job.finish('cancelled');
          throw new ApiError('CONFLICT', 'backupCancelled');
        }
        job.finish('failed', { error: error instanceof Error ? error.message : String(error) });
        throw error;
      }
    },
    restoreLibrary: async ({ name, uploadId }) => {
      const { libraryFiles, uploads } = requireFiles();
      if (!libraryPath) throw new ApiError('INTERNAL', 'restoreUnavailable');
      return withCallFiles(uploads, [{ name, uploadId }], async ([file]) => {
        if (!file || !('path' in file)) throw new ApiError('NOT_FOUND', 'uploadNotFound', { file: name });
        try {
          const { staged, manifest } = await stageRestore(libraryFiles, file.path, name, libraryPath);
          // Verified: left where the store workers' owner takes it once this call has answered.
          await placeRestored(staged, verifiedRestorePath(libraryPath), null);
          return {
            file: name,
            createdAt: manifest.createdAt,
            sanadVersion: manifest.sanadVersion,
            articles: manifest.rows.articles ?? 0,
            library: libraryPath,
            keptAs: previousLibraryPath(libraryPath, now()),
          };
        } catch (error) {
          if (error instanceof BackupError) throw new ApiError(error.body.code, error.body.key!, error.body.params);
          throw error;
        }
      });
    },
  };
}
