/** Text handling shared by import and annotation: normalisation, language, hashing, quotes. */
import { createHash } from 'node:crypto';
import { codePointCount, utf16Offsets } from './codepoints';

/** Context kept on each side of an annotation's exact quote, in code points (as hypothesis does). */
export const QUOTE_CONTEXT_LENGTH = 32;

/** Normalises stored text: no BOM, LF line endings, Unicode NFC. Nothing visible is dropped. */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').normalize('NFC');
}

/** Whether a UTF-16 unit is an Arabic-script letter (base block, supplements, presentation forms). */
function isArabicLetter(unit: number): boolean {
  return (
    (unit >= 0x0620 && unit <= 0x064a) ||
    (unit >= 0x066e && unit <= 0x06d3) ||
    (unit >= 0x0750 && unit <= 0x077f) ||
    (unit >= 0x08a0 && unit <= 0x08ff) ||
    (unit >= 0xfb50 && unit <= 0xfdff) ||
    (unit >= 0xfe70 && unit <= 0xfeff)
  );
}

const LETTER = /\p{L}/u;

/** Language and direction from the share of Arabic-script letters in the first 5,000 characters. */
export function detectLanguage(text: string): { language: 'ar' | 'en'; direction: 'rtl' | 'ltr' } {
  let letters = 0;
  let arabic = 0;
  const end = Math.min(text.length, 5000);
  for (let i = 0; i < end; i++) {
    const unit = text.charCodeAt(i);
    if (isArabicLetter(unit)) arabic++;
    // Cheap ASCII checks first; the Unicode letter test only for the rest.
    else if (!((unit >= 0x41 && unit <= 0x5a) || (unit >= 0x61 && unit <= 0x7a) || (unit > 0x7f && LETTER.test(text[i]!)))) continue;
    letters++;
  }
  return letters > 0 && arabic / letters >= 0.3 ? { language: 'ar', direction: 'rtl' } : { language: 'en', direction: 'ltr' };
}

/** A stable fingerprint of a body, used to recognise the same text imported twice. */
export function contentHash(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

/** How long a title taken from the text may be, in code points, before it is cut. */
const TITLE_LENGTH = 120;

/**
 * A title for a text that came without one: its first non-blank line, or, when that line is a
 * whole paragraph, its first sentence, or its first words up to a readable length with "…".
 * The text itself keeps the paragraph.
 */
export function firstLineTitle(body: string): string {
  const line = (body.split('\n').find((l) => l.trim() !== '') ?? '').trim();
  const codePoints = [...line];
  if (codePoints.length <= TITLE_LENGTH) return line;
  // A first line that is a whole paragraph: its first sentence, if that reads as a title…
  const sentence = /^.+?[.!?؟。](?=\s|$)/u.exec(line)?.[0];
  if (sentence && [...sentence].length <= TITLE_LENGTH) return sentence.replace(/[.]$/, '');
  // …else its words up to a readable length.
  const cut = codePoints.slice(0, TITLE_LENGTH).join('');
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > TITLE_LENGTH / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,،;؛:]+$/u, '')}…`;
}

/**
 * The W3C TextQuoteSelector of code points [start, end) in `body`: the exact text and up to
 * {@link QUOTE_CONTEXT_LENGTH} code points on each side.
 */
export function quoteSelector(body: string, start: number, end: number): { exact: string; prefix: string; suffix: string } {
  // Walks the text once, up to the end of the suffix, instead of splitting all of it into code
  // points: on a long article, with many annotations to re-anchor, that split cost seconds.
  const [prefixFrom, from, to, suffixTo] = utf16Offsets(body, [Math.max(0, start - QUOTE_CONTEXT_LENGTH), start, end, end + QUOTE_CONTEXT_LENGTH]);
  return { exact: from! < to! ? body.slice(from, to) : '', prefix: body.slice(prefixFrom, from), suffix: body.slice(to, suffixTo) };
}

/** The length of `text` in code points. */
export function codePointLength(text: string): number {
  return codePointCount(text);
}
