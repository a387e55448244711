/**
 * The reader shows an article's body as one <p> per line, each holding exactly one text node, so
 * that a DOM position maps to a body offset by adding the paragraph's start. Highlights are then
 * drawn as Ranges over those text nodes (CSS Custom Highlight API): the DOM is never split, and
 * Arabic letters stay joined.
 */
import { codePointOffset } from '../../../db/text/codepoints';
import { widenToWords } from '../../../db/text/words';

/** One line of the body: where it starts (UTF-16 units into the body) and its text. */
export interface Paragraph {
  start: number;
  text: string;
}

/** Splits a body into its non-empty lines, remembering where each starts. */
export function splitParagraphs(body: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let start = 0;
  for (const line of body.split('\n')) {
    if (line.trim() !== '') paragraphs.push({ start, text: line });
    start += line.length + 1;
  }
  return paragraphs;
}

/** The attribute that carries a paragraph's start offset in the DOM. */
export const PARAGRAPH_START_ATTRIBUTE = 'data-start';

/** The rendered paragraphs of the reader's text, in order. */
export function paragraphElements(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(`p[${PARAGRAPH_START_ATTRIBUTE}]`)];
}

function startOf(element: HTMLElement): number {
  return Number(element.getAttribute(PARAGRAPH_START_ATTRIBUTE));
}

/** The body offset (UTF-16) of a DOM boundary point inside the reader's container. */
export function bodyOffsetOf(container: HTMLElement, node: Node, offset: number): number | null {
  if (!container.contains(node)) return null;
  if (node.nodeType === Node.TEXT_NODE) {
    const paragraph = node.parentElement?.closest<HTMLElement>(`p[${PARAGRAPH_START_ATTRIBUTE}]`);
    return paragraph ? startOf(paragraph) + offset : null;
  }
  const element = node as HTMLElement;
  const paragraph = element.closest<HTMLElement>(`p[${PARAGRAPH_START_ATTRIBUTE}]`);
  if (paragraph) return startOf(paragraph) + (offset === 0 ? 0 : (paragraph.textContent ?? '').length);
  // A point between paragraphs: the start of the first paragraph at or after it, or the end of the last.
  const point = document.createRange();
  point.setStart(node, offset);
  const paragraphs = paragraphElements(container);
  const next = paragraphs.find((p) => point.comparePoint(p, 0) >= 0);
  if (next) return startOf(next);
  const last = paragraphs.at(-1);
  return last ? startOf(last) + (last.textContent ?? '').length : null;
}

/**
 * The code-point span [start, end) of the current selection within the reader, trimmed of
 * surrounding whitespace and, unless `snapToWords` is false (Alt held), widened to whole words
 * so a sloppy drag still takes the full word with its clitics. Null when nothing is selected.
 */
export function selectionSpan(container: HTMLElement, body: string, selection: Selection | null, snapToWords = true): { start: number; end: number } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  let start = bodyOffsetOf(container, range.startContainer, range.startOffset);
  let end = bodyOffsetOf(container, range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  while (start < end && /\s/.test(body[start]!)) start++;
  while (end > start && /\s/.test(body[end - 1]!)) end--;
  if (end <= start) return null;
  if (snapToWords) ({ from: start, to: end } = widenToWords(body, start, end));
  return { start: codePointOffset(body, start), end: codePointOffset(body, end) };
}

/** Code point → UTF-16 offset for one body, computed once: the identity when it has no astral characters. */
let offsetsFor: { body: string; toUtf16: (codePoints: number) => number } | null = null;

/** The UTF-16 offset of every code point of `body` and of its end (as utf16Offset gives each), in one walk: asking for each in turn took quadratic time on a long text. */
function utf16OffsetTable(body: string): Uint32Array {
  const table = new Uint32Array([...body].length + 1).fill(body.length);
  for (let i = 0, n = 0; i < body.length && n < table.length; n++) {
    table[n] = i;
    const unit = body.charCodeAt(i);
    i += unit >= 0xd800 && unit <= 0xdbff && i + 1 < body.length ? 2 : 1;
  }
  return table;
}

function toUtf16(body: string, codePoints: number): number {
  if (offsetsFor?.body !== body) {
    const astral = /[\uD800-\uDBFF]/.test(body);
    const table = astral ? utf16OffsetTable(body) : null;
    offsetsFor = { body, toUtf16: table ? (n) => table[Math.min(n, table.length - 1)]! : (n) => Math.min(n, body.length) };
  }
  return offsetsFor.toUtf16(codePoints);
}

/**
 * A DOM Range covering code points [start, end) of the body, or null if the text is not shown.
 * `paragraphs` are the rendered paragraphs of this body ({@link paragraphElements}); callers that
 * draw many ranges look them up once.
 */
export function rangeForSpan(paragraphs: readonly HTMLElement[], body: string, start: number, end: number): Range | null {
  const from = toUtf16(body, start);
  const to = toUtf16(body, end);
  const startPoint = locate(paragraphs, from, 'start');
  const endPoint = locate(paragraphs, to, 'end');
  if (!startPoint || !endPoint) return null;
  const range = document.createRange();
  range.setStart(startPoint.node, startPoint.offset);
  range.setEnd(endPoint.node, endPoint.offset);
  return range.collapsed ? null : range;
}

/**
 * The text node and offset for a body offset. An offset that falls between paragraphs (on a
 * line break) snaps forward for a range's start and backward for its end.
 */
function locate(paragraphs: readonly HTMLElement[], offset: number, edge: 'start' | 'end'): { node: Node; offset: number } | null {
  // Binary search for the paragraph holding the offset, then the linear rules below on a few neighbours.
  let low = 0;
  let high = paragraphs.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (startOf(paragraphs[middle]!) <= offset) low = middle;
    else high = middle - 1;
  }
  const nearby = paragraphs.slice(Math.max(0, low - 1), low + 2);
  const ordered = edge === 'start' ? nearby : [...nearby].reverse();
  for (const paragraph of ordered) {
    const text = paragraph.firstChild;
    if (!text) continue;
    const start = startOf(paragraph);
    const length = text.textContent?.length ?? 0;
    if (offset >= start && offset <= start + length) return { node: text, offset: offset - start };
    if (edge === 'start' && start > offset) return { node: text, offset: 0 };
    if (edge === 'end' && start + length < offset) return { node: text, offset: length };
  }
  return null;
}
