/** A file (or a row of a bulk file) that cannot become an article, with the reason a person reads. */
export class ImportFileError extends Error {
  override name = 'ImportFileError';
}
