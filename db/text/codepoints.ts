/**
 * Offsets in Sanad's store count Unicode code points, as W3C TextPositionSelectors do;
 * JavaScript strings and DOM ranges count UTF-16 code units. These convert between the two.
 */

/** The code-point offset of UTF-16 offset `utf16Offset` in `text`. */
export function codePointOffset(text: string, utf16Offset: number): number {
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
