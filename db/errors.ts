/**
 * Errors any store implementation raises for a caller's mistake or a refused change; the API
 * turns each into a clear message with its code.
 */

/** A page request that names a column or an operator the grid does not offer. */
export class PageRequestError extends Error {
  override name = 'PageRequestError';
}

/** A query the analyst wrote that cannot be understood, with what is wrong. */
export class SearchQueryError extends Error {
  override name = 'SearchQueryError';
}

/** An undo or redo that would overwrite a later change; the message says which. */
export class UndoRefusedError extends Error {
  override name = 'UndoRefusedError';
}

/** Another program held the library's write lock longer than the store waits for it; nothing was changed. */
export class StoreBusyError extends Error {
  override name = 'StoreBusyError';
  constructor(readonly waitedSeconds: number) {
    super(`another program is writing to the library; waited ${waitedSeconds} s`);
  }
}

/** The disk (or the library's allowed size) is full: the change was not made, and the library is as it was. */
export class StoreFullError extends Error {
  override name = 'StoreFullError';
}

/** The library's file or folder cannot be written (read-only); nothing was changed. */
export class StoreReadOnlyError extends Error {
  override name = 'StoreReadOnlyError';
}

/**
 * A file offered as a library (a backup being restored) that must not become one: what is wrong
 * with it, for the caller to name. Nothing was changed when this is thrown.
 */
export class LibraryFileError extends Error {
  override name = 'LibraryFileError';
  constructor(
    /** notADatabase: not SQLite, or cut short; damaged: fails SQLite's integrity check; brokenReferences: rows point at rows that are not there; foreign: another program's database; newerSchema: written by a newer Sanad. */
    readonly reason: 'notADatabase' | 'damaged' | 'brokenReferences' | 'foreign' | 'newerSchema',
    readonly detail: string,
    /** For newerSchema: the file's schema and the newest this Sanad knows. */
    readonly schema?: { found: number; latest: number },
  ) {
    super(`${reason}: ${detail}`);
  }
}

/** A section, item, judgment, claim or event an edit of a report names that is not there (or not in that report). */
export class ReportReferenceError extends Error {
  override name = 'ReportReferenceError';
  constructor(
    readonly what: 'section' | 'item' | 'judgment' | 'claim' | 'event',
    readonly id: number,
  ) {
    super(`there is no ${what} #${id} in this report`);
  }
}
