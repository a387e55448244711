/**
 * Bytes to text. The encoding is detected, never assumed: a byte-order mark first, then a
 * charset the file declares (HTML), then UTF-16 without a mark, then strict UTF-8, then
 * chardet (a port of ICU's detector) choosing among the legacy encodings Arabic text comes in.
 */
import chardet from 'chardet';
import { ImportFileError } from './errors';

/** Decoded text, the encoding it was read in, and anything the analyst should know. */
export interface DecodedText {
  text: string;
  encoding: string;
  warnings: string[];
}

/** Legacy encodings Sanad reads, as chardet names them → as TextDecoder names them. */
const LEGACY_ENCODINGS: Record<string, string> = {
  'windows-1256': 'windows-1256',
  'ISO-8859-6': 'iso-8859-6',
  'windows-1252': 'windows-1252',
  'ISO-8859-1': 'windows-1252',
};

/** Share of control characters above which a "text" file is taken for binary data. */
const BINARY_CONTROL_SHARE = 0.01;

/** Decodes a file's bytes, or throws {@link ImportFileError} saying why it is not text. */
export function decodeText(bytes: Uint8Array, declaredCharset?: string | null): DecodedText {
  const bom = decodeByBom(bytes);
  if (bom) return finish(bom.text, bom.encoding);
  if (declaredCharset) {
    const declared = tryDecode(bytes, declaredCharset);
    if (declared !== null) return finish(declared, declaredCharset.toLowerCase());
  }
  // UTF-16 before UTF-8: Arabic in UTF-16LE is byte for byte "valid UTF-8" (0x06 and ASCII-range bytes).
  const utf16 = guessUtf16(bytes);
  if (utf16) return finish(new TextDecoder(utf16).decode(bytes), utf16);
  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== null) return finish(utf8, 'utf-8');
  const badUtf8At = invalidUtf8Offset(bytes);
  if (badUtf8At !== null && looksMostlyUtf8(bytes)) {
    throw new ImportFileError(`this file is UTF-8 text with an invalid byte sequence at byte ${badUtf8At}; the file may be damaged`);
  }
  if (controlShare(bytes) > BINARY_CONTROL_SHARE) throw new ImportFileError('this is not a text file (it contains binary data)');
  const guess = chardet.analyse(bytes).find((c) => LEGACY_ENCODINGS[c.name]);
  if (!guess) {
    throw new ImportFileError('cannot tell which encoding this text is in; save it as UTF-8 and import it again');
  }
  const encoding = LEGACY_ENCODINGS[guess.name]!;
  return finish(new TextDecoder(encoding).decode(bytes), encoding);
}

function finish(text: string, encoding: string): DecodedText {
  const warnings: string[] = [];
  const nulCount = text.split('\0').length - 1;
  if (nulCount > 0) {
    // A stray NUL or two in a text is damage to clean up; many of them mean binary data.
    if (nulCount > 3 && nulCount / text.length > BINARY_CONTROL_SHARE) throw new ImportFileError('this is not a text file (it contains binary data)');
    text = text.replaceAll('\0', '');
    warnings.push(`removed ${nulCount} NUL byte${nulCount === 1 ? '' : 's'} (invisible, not text)`);
  }
  if (controlShare(text) > BINARY_CONTROL_SHARE) {
    throw new ImportFileError('this is not a text file (it contains binary data)');
  }
  return { text, encoding, warnings };
}

function decodeByBom(bytes: Uint8Array): { text: string; encoding: string } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: strictOrThrow(bytes.subarray(3), 'utf-8'), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: strictOrThrow(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: strictOrThrow(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  return null;
}

function strictOrThrow(bytes: Uint8Array, encoding: string): string {
  const text = tryDecode(bytes, encoding);
  if (text === null) throw new ImportFileError(`this file starts as ${encoding.toUpperCase()} text but holds invalid byte sequences; the file may be damaged`);
  return text;
}

function tryDecode(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-16 without a mark: one byte of most pairs is zero (Latin) or 0x06 (Arabic), always on the same side. */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  let evenHigh = 0;
  let oddHigh = 0;
  const pairs = Math.min(bytes.length / 2, 4096);
  for (let i = 0; i < pairs; i++) {
    const even = bytes[2 * i]!;
    const odd = bytes[2 * i + 1]!;
    if (even === 0x00 || even === 0x06) evenHigh++;
    if (odd === 0x00 || odd === 0x06) oddHigh++;
  }
  if (oddHigh / pairs > 0.6 && evenHigh / pairs < 0.2) return tryDecode(bytes, 'utf-16le') === null ? null : 'utf-16le';
  if (evenHigh / pairs > 0.6 && oddHigh / pairs < 0.2) return tryDecode(bytes, 'utf-16be') === null ? null : 'utf-16be';
  return null;
}

/** The length of the valid UTF-8 sequence starting at byte `i`, or 0 if the bytes there are not UTF-8. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  if (length === 0 || i + length > bytes.length) return 0;
  for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return 0;
  return length;
}

/** The offset of the first byte that breaks UTF-8, or null if there is none. */
function invalidUtf8Offset(bytes: Uint8Array): number | null {
  for (let i = 0; i < bytes.length; ) {
    const length = utf8SequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return null;
}

/** Whether most non-ASCII bytes form valid UTF-8 sequences (a damaged UTF-8 file, not a legacy one). */
function looksMostlyUtf8(bytes: Uint8Array): boolean {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    const length = utf8SequenceLength(bytes, i);
    if (length > 1) valid++;
    if (length === 0) invalid++;
    i += Math.max(1, length);
  }
  return valid >= 4 && invalid <= valid / 10;
}

/** Share of bytes (or UTF-16 units) that are control characters other than tab, newlines and form feed. */
function controlShare(units: Uint8Array | string): number {
  if (units.length === 0) return 0;
  let controls = 0;
  for (let i = 0; i < units.length; i++) {
    const u = typeof units === 'string' ? units.charCodeAt(i) : units[i]!;
    if (u < 0x20 && u !== 0x09 && u !== 0x0a && u !== 0x0d && u !== 0x0c) controls++;
  }
  return controls / units.length;
}
