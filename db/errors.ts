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
