/** Files in and out of the renderer, the same in the desktop app and in the browser. */
import { downloadFile, type UploadProgress, uploadFile } from './api';

/** Saves text as a file the browser (or the desktop app) downloads. */
export function downloadText(fileName: string, text: string, type: string): void {
  downloadBlob(fileName, new Blob([text], { type }));
}

/** Saves bytes sent as base64 (a workbook) as a file the browser downloads. */
export function downloadBase64(fileName: string, base64: string, type: string): void {
  downloadBlob(fileName, new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type }));
}

/** Saves a file Sanad made for the window (a backup), fetched once by its download id. */
export async function downloadMadeFile(fileName: string, downloadId: string): Promise<void> {
  downloadBlob(fileName, await downloadFile(downloadId));
}

function downloadBlob(fileName: string, blob: Blob): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(link.href);
}

/**
 * A file as API calls carry it (`importFiles`, `importCodebook`, `replaceArticleTextFromFile`):
 * its bytes sent ahead as they are, not as base64 in the call (see `uploadFile`), then named by
 * the upload's id. Every file the interface sends goes through here.
 */
export async function sendFile(file: Blob, name: string, onProgress?: UploadProgress): Promise<{ name: string; uploadId: string }> {
  const { uploadId } = await uploadFile(file, name, onProgress);
  return { name, uploadId };
}
