/** Files that calls carry, inline or received beforehand, turned into files the services read. */
import { readFile } from 'node:fs/promises';
import type { IncomingFile } from '../../services/import';
import type { Uploads } from '../../services/uploads';
import { ApiError } from './common';

/** A file as a call gives it (see contract/files.ts). */
export interface FileArgument {
  name: string;
  dataBase64?: string;
  uploadId?: string;
}

/** The files of a call, ready to read, and `release`, which removes the received ones: each is used once. */
export interface CallFiles {
  files: IncomingFile[];
  release(): Promise<void>;
}

/**
 * Resolves a call's files: inline bytes are decoded, a received file is named by its path (read
 * later, where it is prepared). An upload id that names no waiting file refuses the whole call
 * (NOT_FOUND, naming the file), and the call's other received files are removed with it.
 */
export async function callFiles(uploads: Pick<Uploads, 'find' | 'remove'> | undefined, given: readonly FileArgument[]): Promise<CallFiles> {
  const received = given.flatMap((f) => (f.uploadId === undefined ? [] : [f.uploadId]));
  const release = async () => {
    await Promise.all(received.map((id) => uploads?.remove(id)));
  };
  const files: IncomingFile[] = [];
  for (const file of given) {
    if (file.uploadId === undefined) {
      files.push({ name: file.name, bytes: Buffer.from(file.dataBase64 ?? '', 'base64') });
      continue;
    }
    const path = await uploads?.find(file.uploadId);
    if (!path) {
      await release();
      throw new ApiError('NOT_FOUND', 'uploadNotFound', { file: file.name });
    }
    files.push({ name: file.name, path });
  }
  return { files, release };
}

/** Runs `work` on a call's files, then removes the received ones, whatever became of it. */
export async function withCallFiles<T>(uploads: Pick<Uploads, 'find' | 'remove'> | undefined, given: readonly FileArgument[], work: (files: IncomingFile[]) => Promise<T>): Promise<T> {
  const resolved = await callFiles(uploads, given);
  try {
    return await work(resolved.files);
  } finally {
    await resolved.release();
  }
}

/** A call's file read whole here (a codebook: small, and read on the store's thread). */
export function fileBytes(file: IncomingFile): Promise<Uint8Array> {
  return 'path' in file ? readFile(file.path) : Promise.resolve(file.bytes);
}
