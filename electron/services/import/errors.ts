/** A file (or a row of a bulk file) that cannot become an article, with the reason a person reads. */
export class ImportFileError extends Error {
  override name = 'ImportFileError';
  /** Set when the reason is a limit a typed value has too (the field and its largest size), so a caller can say it as it says that one. */
  constructor(
    message: string,
    readonly limit?: { field: string; max: number },
  ) {
    super(message);
  }
}
