/**
 * Every API method's name and the IPC channel it travels on, with no zod and no schema: the
 * preload bundles this file alone, so the one script that runs beside the page holds nothing but
 * a list of names and one `invoke` per name. contract/index.ts checks at compile time that the
 * list names exactly the contract's methods (a method added there and not here, or the reverse,
 * does not compile).
 */
export const API_METHOD_NAMES = [
  // articles
  'listArticles',
  'getArticle',
  'queryArticles',
  'listOutlets',
  'importFiles',
  'updateArticle',
  'searchArticles',
  'findInArticle',
  'listSpellingVariants',
  'addSpellingVariants',
  'deleteSpellingVariants',
  'updateArticleText',
  'replaceArticleTextFromFile',
  'updateArticlesMetadata',
  // codebook
  'listTags',
  'createTag',
  'updateTag',
  'mergeTags',
  'deleteTag',
  'exportCodebook',
  'importCodebook',
  // annotations
  'listAnnotations',
  'queryAnnotations',
  'annotationGroups',
  'createAnnotation',
  'deleteAnnotation',
  'updateAnnotation',
  'placeAnnotation',
  'exportWebAnnotations',
  'importWebAnnotations',
  // entities
  'listEntities',
  'createEntity',
  'addEntityAlias',
  'deleteEntity',
  'markEntity',
  'listMentions',
  'reviewMentions',
  'placeMention',
  'deleteMention',
  // history and jobs
  'undo',
  'redo',
  'listHistory',
  'listJobs',
  'cancelJob',
  // claims, sources and events
  'proposeClaim',
  'createClaim',
  'updateClaim',
  'deleteClaim',
  'getClaim',
  'listClaims',
  'queryClaims',
  'exportClaims',
  'updateEntity',
  'mergeSources',
  'sourceGraph',
  'createEvent',
  'updateEvent',
  'deleteEvent',
  'listEvents',
  'getEvent',
  'eventTimeline',
  'listGridViews',
  'saveGridView',
  'deleteGridView',
  'linkClaim',
  'unlinkClaim',
  // the library as one file
  'backupLibrary',
  'restoreLibrary',
  // interchange
  'exportProject',
  'importProject',
  'exportAcledEvents',
  'exportTable',
  // reports
  'createReport',
  'getReport',
  'listReports',
  'updateReport',
  'addToReport',
  'duplicateReport',
  'deleteReport',
  'listReportTemplates',
  'saveReportTemplate',
  'deleteReportTemplate',
  'previewReport',
  'exportReport',
] as const;

/** A name in {@link API_METHOD_NAMES}. */
export type ApiMethodName = (typeof API_METHOD_NAMES)[number];

/** The IPC channel a method travels on in the desktop app. */
export function ipcChannel(name: ApiMethodName): string {
  return `api:${name}`;
}

/** The desktop app's upload: a file sent over IPC in pieces, the first without an id, the last marked `last`. */
export interface UploadChunk {
  uploadId?: string;
  name: string;
  bytes: Uint8Array;
  last: boolean;
}

/** The IPC channel of {@link UploadChunk}s (not an API method: its argument is binary). */
export const UPLOAD_CHANNEL = 'upload:chunk';

/** The desktop app's download: a piece of a file Sanad made for the window (a backup), from `offset`; the last piece removes the file. */
export interface DownloadRequest {
  downloadId: string;
  offset: number;
}

/** A piece of a downloaded file, and whether it is the last. */
export interface DownloadChunk {
  bytes: Uint8Array;
  last: boolean;
}

/** The IPC channel of {@link DownloadRequest}s (not an API method: its answer is binary). */
export const DOWNLOAD_CHANNEL = 'download:chunk';
