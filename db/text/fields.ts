/**
 * What a field may hold, and the one normaliser per kind of field, the same for every way a
 * value arrives: typed in the interface, sent to the API, or read from a file (an imported
 * article's metadata, a REFI-QDA codebook, W3C annotations). The contract's schemas
 * (electron/api/contract/schemas.ts) and the importers all use these. Pure, with no Node
 * modules: the renderer may use it too.
 *
 * Lengths count UTF-16 code units (JavaScript's `length`, as zod's `max` counts).
 */

/** The longest value each field takes. */
export const LIMITS = {
  /** An article's title, outlet and author: one line each. */
  title: 500,
  outlet: 200,
  author: 200,
  url: 2000,
  /**
   * An article's text, typed, imported or replaced from a file. Replacing it re-indexes the
   * article and re-anchors its annotations and entity mentions in one step on the store's one
   * writer, which meanwhile takes no other change (reads go on beside it). bench/replace-text.ts
   * measures it with 1,000 annotations and an entity found hundreds of times on the article: at a
   * million characters, 1.5 s when the text moved (a line added on top), 3 s when one line in
   * twenty was rewritten, 6 s when the text was replaced by another (every passage is then looked
   * for in all of it), on this project's 2-core machine while other work loaded it; at two
   * million, up to 47 s. A million characters is some 500 pages: a whole report, far beyond a
   * news article.
   */
  articleBody: 1_000_000,
  /** The largest file Sanad takes in, uploaded or imported: 200 MB (a bulk CSV of tens of thousands of articles fits; a stray video does not). */
  fileBytes: 200 * 1024 * 1024,
  /** A tag's name (it labels highlights, menus and the codebook tree) and its description. */
  tagName: 80,
  tagDescription: 10_000,
  /** A note on an annotation. */
  note: 10_000,
  /** An entity's name and each of its aliases. */
  entityName: 200,
  /** One spelling of a spelling-variant group (a single word), and how many one group holds. */
  variantTerm: 80,
  variantTerms: 50,
  /** A file's name or path as it arrives. */
  fileName: 1024,
  /** Ids in one call (reviewing mentions), files in one import call. */
  ids: 10_000,
  files: 10_000,
  /** A search query, a find-in-article query, a grid's quick filter. */
  query: 2000,
  findQuery: 500,
  /** Aliases given with a new entity. */
  aliases: 50,
  /** Codes in one codebook file, and how deep they nest. */
  codes: 10_000,
  codeDepth: 50,
  /**
   * Annotations in one W3C import. The import is one undoable step on the store's one writer,
   * each annotation re-anchored and stored with its history: measured at 4 to 6 s for 10,000
   * (and 12 s for 50,000) on this project's 2-core machine while other work loaded it. A larger
   * collection is imported in parts (the export can be made article by article).
   */
  webAnnotations: 20_000,
  /** A JSON document read whole (W3C annotations): how deep it nests and how many values it holds. */
  jsonDepth: 64,
  jsonValues: 2_000_000,
} as const;

/**
 * Bidi embeddings, overrides and isolates (LRE RLE PDF LRO RLO, LRI RLI FSI PDI). In a one-line
 * label they make text display as something it is not ("Trojan Source": after an RLO,
 * "exe.fdp" shows as "pdf.exe") and leak their direction into what surrounds the label. A label
 * needs none: the interface gives each the direction of its own text (dir="auto" in grids, chips
 * and lists, FSI…PDI in messages). The marks LRM, RLM and ALM stay: they set the direction of
 * one neutral character and cannot reorder text beyond it.
 */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** C0 and C1 control characters (line breaks and tabs included): a label is one line. */
const LINE_CONTROLS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g;

/** C0 and C1 controls other than tab and line feed: what prose never holds. */
const PROSE_CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/**
 * A one-line label (title, outlet, author, tag name, entity name, alias) as Sanad stores it:
 * Unicode NFC, no bidi embedding, override or isolate, control characters and line breaks as
 * spaces, runs of white space as one, nothing at either end. Invisible characters are cleaned,
 * never refused: a person cannot see them to take them out, and a file cannot be edited from
 * the import.
 */
export function cleanLine(text: string): string {
  return text.normalize('NFC').replace(BIDI_CONTROLS, '').replace(LINE_CONTROLS, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Free text of several lines (a note, a tag's description): Unicode NFC, LF line endings, no
 * control characters but tab and line feed, nothing blank at either end. Bidi controls stay:
 * prose is shown as a paragraph of its own, where they end with it, and an Arabic note quoting
 * English may need them.
 */
export function cleanProse(text: string): string {
  return text.normalize('NFC').replace(/\r\n?/g, '\n').replace(PROSE_CONTROLS, '').trim();
}

/**
 * `text` cut to at most `max` UTF-16 units, at a word boundary when one falls in its second
 * half, with "…" to show that it was cut; unchanged when it fits. Never splits a surrogate pair.
 */
export function clipAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const space = cut.lastIndexOf(' ');
  if (space > max / 2) cut = cut.slice(0, space);
  return `${cut.replace(/[\s,،;؛:.\-–—]+$/u, '')}…`;
}

/** The start of a long value, to name it in a message without repeating all of it. */
export function excerpt(text: string, max = 40): string {
  return clipAtWord(cleanLine(text), max);
}

/**
 * A value read from a file that breaks a limit and is refused rather than cleaned, with the
 * message to show: its key (in electron/api/error-messages.ts) and parameters.
 */
export class LimitError extends Error {
  override name = 'LimitError';
  constructor(
    readonly key: 'tooLong' | 'tooMany' | 'codeTooLong' | 'fileTooMany' | 'fileTooDeep',
    readonly params: Record<string, string | number>,
    message: string,
  ) {
    super(message);
  }
}
