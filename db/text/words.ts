/**
 * Word boundaries, the same for the reader's selections and for the server's offers of a place:
 * a passage never starts or ends inside a word. Pure, with no Node modules: the renderer uses it.
 */
import { codePointOffset, utf16Offset } from './codepoints';

/** A letter, digit or combining mark: what a word is made of (Arabic clitics included). */
const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;

/** Widens [from, to) (UTF-16 offsets into `body`) to whole words, so no word is cut at either end. */
export function widenToWords(body: string, from: number, to: number): { from: number; to: number } {
  while (from > 0 && WORD_CHARACTER.test(body[from - 1]!) && WORD_CHARACTER.test(body[from]!)) from--;
  while (to < body.length && WORD_CHARACTER.test(body[to]!) && WORD_CHARACTER.test(body[to - 1]!)) to++;
  return { from, to };
}

/** {@link widenToWords} for a span in code points (as anchors count). */
export function wordSpan(body: string, start: number, end: number): { start: number; end: number } {
  const { from, to } = widenToWords(body, utf16Offset(body, start), utf16Offset(body, end));
  return { start: codePointOffset(body, from), end: codePointOffset(body, to) };
}
