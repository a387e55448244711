/** A file a call carries: its bytes inline, or a file received beforehand and named by its upload id. */
import { z } from 'zod';
import { UPLOAD_ID_PATTERN } from '../constants';
import { fileData, fileName } from './schemas';

/**
 * The fields of a file in a call: `name`, and either `dataBase64` (the bytes inline, for small
 * files and scripts; the JSON body is limited to 64 MB) or `uploadId` (a file received by
 * `POST /api/upload` or, in the desktop app, over IPC; up to 200 MB, used once).
 */
export const fileFields = {
  name: fileName,
  dataBase64: fileData.optional(),
  uploadId: z.string().max(32).regex(UPLOAD_ID_PATTERN, 'not an upload id (upload the file first)').optional(),
};

/** Exactly one of `dataBase64` and `uploadId`. */
export const oneSource = [
  (file: { dataBase64?: string; uploadId?: string }) => (file.dataBase64 === undefined) !== (file.uploadId === undefined),
  'give the file as dataBase64 or as uploadId (one of them)',
] as const;

/** A file in a call. */
export const fileInput = z.object(fileFields).refine(...oneSource);
