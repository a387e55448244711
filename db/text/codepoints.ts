/**
 * Offsets in Sanad's store count Unicode code points, as W3C TextPositionSelectors do;
 * JavaScript strings and DOM ranges count UTF-16 code units. These convert between the two.
 *
 * Most texts (Arabic and English news) have no character outside the Basic Multilingual Plane,
 * and then both counts are the same: that is checked once per text (the last text asked about is
 * remembered), so converting the offsets of many annotations on one long article does not walk
 * its text again for each.
 */

let lastText: string | null = null;
let lastTextIsBmp = false;

/** Whether `text` has no surrogate (so code points and UTF-16 units count alike). */
function isBmpOnly(text: string): boolean {
  if (text.length < 256) return !/[\uD800-\uDFFF]/.test(text);
  if (text !== lastText) {
    lastText = text;
    lastTextIsBmp = !/[\uD800-\uDFFF]/.test(text);
  }
  return lastTextIsBmp;
}

/** The code-point offset of UTF-16 offset `utf16Offset` in `text`. */
export function codePointOffset(text: string, utf16Offset: number): number {
  if (isBmpOnly(text)) return Math.max(0, Math.min(utf16Offset, text.length));
  let count = 0;
  for (let i = 0; i < utf16Offset && i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by its low half is one code point: count it once.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < utf16Offset) i++;
    count++;
  }
  return count;
}

/** The UTF-16 offset of code-point offset `codePoints` in `text` (clamped to its length). */
export function utf16Offset(text: string, codePoints: number): number {
  if (isBmpOnly(text)) return Math.max(0, Math.min(codePoints, text.length));
  let i = 0;
  for (let n = 0; n < codePoints && i < text.length; n++) {
    const unit = text.charCodeAt(i);
    i += unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length ? 2 : 1;
  }
  return i;
}

/**
 * {@link codePointOffset} for many offsets into one long text: each offset is counted on from
 * the one before, so offsets asked in ascending order cost one pass over the text in all.
 */
export function codePointCounter(text: string): (utf16Offset: number) => number {
  let lastUnit = 0;
  let lastCount = 0;
  return (offset) => {
    if (offset < lastUnit) {
      lastUnit = 0;
      lastCount = 0;
    }
    lastCount += codePointOffset(text.slice(lastUnit, offset), offset - lastUnit);
    lastUnit = offset;
    return lastCount;
  };
}

/** The length of `text` in code points. */
export function codePointCount(text: string): number {
  if (isBmpOnly(text)) return text.length;
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * The UTF-16 offsets of code-point offsets `codePoints` (in any order) in `text`, each clamped to
 * its length, found in one walk, as `[...text]` counts code points (a lone surrogate is one).
 */
export function utf16Offsets(text: string, codePoints: readonly number[]): number[] {
  if (isBmpOnly(text)) return codePoints.map((n) => Math.max(0, Math.min(n, text.length)));
  const offsets = new Map<number, number>();
  let i = 0;
  let n = 0;
  for (const target of [...codePoints].sort((a, b) => a - b)) {
    for (; n < target && i < text.length; n++) {
      const unit = text.charCodeAt(i);
      const next = text.charCodeAt(i + 1);
      i += unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
    }
    offsets.set(target, i);
  }
  return codePoints.map((target) => offsets.get(target)!);
}

/** `text` with Arabic-Indic (٠–٩) and Persian (۰–۹) digits written as Western ones, as dates and figures are stored. */
export function westernDigits(text: string): string {
  return text.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
}
