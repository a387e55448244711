/**
 * Re-anchoring annotations when an article's text changes, in hypothesis's order: the stored
 * position if the quote is still there; else the exact quote (the occurrence whose context
 * matches best, then the nearest to the old position); else a bounded fuzzy match near the old
 * position. Anything ambiguous or not found goes to review, with what was found: nothing is
 * moved silently and nothing is deleted. Offsets are Unicode code points (TextPositionSelector).
 */
import search from 'approx-string-match';
import { codePointOffset, utf16Offset } from './codepoints';
import { quoteSelector } from './text';

/** The W3C selectors an annotation stores. */
export interface StoredSelectors {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

/** How an annotation was placed in the new text, or why it needs the analyst. */
export type AnchorOutcome =
  | { status: 'anchored'; method: 'position' | 'quote' | 'fuzzy'; start: number; end: number; exact: string; prefix: string; suffix: string }
  | { status: 'review'; reason: 'ambiguous' | 'unmatched'; candidates: { start: number; end: number }[] };

/** Share of a quote's characters that may differ in a fuzzy match. */
const FUZZY_ERROR_SHARE = 0.25;
/** How far (in characters, beyond the quote's own length) the fuzzy search looks around the old position. */
const FUZZY_WINDOW = 500;
/**
 * The longest quote the fuzzy search takes on: its cost grows with the quote's length times the
 * window's, and a passage this long that is not found exactly goes to review instead (one of
 * a million characters once took minutes).
 */
const FUZZY_MAX_QUOTE = 2000;

function anchoredAt(body: string, start: number, end: number, method: 'position' | 'quote' | 'fuzzy'): AnchorOutcome {
  return { status: 'anchored', method, start, end, ...quoteSelector(body, start, end) };
}

/** How many characters of the stored prefix and suffix agree with the text around [from, to) (UTF-16). */
function contextScore(body: string, from: number, to: number, old: StoredSelectors): number {
  let score = 0;
  const before = body.slice(Math.max(0, from - old.prefix.length - 2), from);
  for (let i = 1; i <= Math.min(before.length, old.prefix.length) && before.at(-i) === old.prefix.at(-i); i++) score++;
  const after = body.slice(to, to + old.suffix.length + 2);
  for (let i = 0; i < Math.min(after.length, old.suffix.length) && after[i] === old.suffix[i]; i++) score++;
  return score;
}

/** Where an annotation with selectors `old` belongs in `body`, the article's new text. */
export function reanchor(body: string, old: StoredSelectors): AnchorOutcome {
  const oldFrom = utf16Offset(body, old.start);
  const oldTo = utf16Offset(body, old.end);
  if (body.slice(oldFrom, oldTo) === old.exact && old.exact !== '') return anchoredAt(body, old.start, old.end, 'position');

  if (old.exact) {
    const rank = (occurrences: number[]) =>
      occurrences
        .map((at) => ({ at, score: contextScore(body, at, at + old.exact.length, old), distance: Math.abs(at - oldFrom) }))
        .sort((a, b) => b.score - a.score || a.distance - b.distance);
    let ranked = rank(nearestOccurrences(body, old.exact, oldFrom, old.prefix.length + old.suffix.length, (at) => contextScore(body, at, at + old.exact.length, old)));
    const [best, second] = ranked;
    if (best) {
      if (second && second.score === best.score && second.distance === best.distance) {
        // Ambiguous: the places to offer are ranked among all occurrences.
        ranked = rank(allOccurrences(body, old.exact));
        return { status: 'review', reason: 'ambiguous', candidates: ranked.slice(0, 5).map((r) => span(body, r.at, r.at + old.exact.length)) };
      }
      const { start, end } = span(body, best.at, best.at + old.exact.length);
      return anchoredAt(body, start, end, 'quote');
    }
  }

  const windowFrom = Math.max(0, oldFrom - old.exact.length - FUZZY_WINDOW);
  const windowTo = Math.min(body.length, oldTo + old.exact.length + FUZZY_WINDOW);
  const maxErrors = Math.floor(old.exact.length * FUZZY_ERROR_SHARE);
  const matches = maxErrors > 0 && old.exact.length <= FUZZY_MAX_QUOTE ? search(body.slice(windowFrom, windowTo), old.exact, maxErrors) : [];
  if (matches.length === 0) return { status: 'review', reason: 'unmatched', candidates: [] };
  const fewest = Math.min(...matches.map((m) => m.errors));
  // Overlapping results are one place found several ways; distinct places with equal errors are ambiguous.
  const places = matches
    .filter((m) => m.errors === fewest)
    .map((m) => ({ from: windowFrom + m.start, to: windowFrom + m.end }))
    .filter((m, i, all) => i === 0 || m.from >= all[i - 1]!.to);
  const best = places.sort((a, b) => Math.abs(a.from - oldFrom) - Math.abs(b.from - oldFrom));
  if (best.length > 1 && Math.abs(best[0]!.from - oldFrom) === Math.abs(best[1]!.from - oldFrom)) {
    return { status: 'review', reason: 'ambiguous', candidates: best.slice(0, 5).map((m) => span(body, m.from, m.to)) };
  }
  const { start, end } = span(body, best[0]!.from, best[0]!.to);
  return anchoredAt(body, start, end, 'fuzzy');
}

/** Every start of `exact` in `body` (UTF-16), overlapping ones included. */
function allOccurrences(body: string, exact: string): number[] {
  const found: number[] = [];
  for (let at = body.indexOf(exact); at >= 0; at = body.indexOf(exact, at + 1)) found.push(at);
  return found;
}

/** How many occurrences of a quote are weighed at most: a quote found this often is placed among those nearest its old place. */
const MAX_OCCURRENCES = 1000;

/**
 * The occurrences of `exact` that can rank first, looked for in a window around `from` that
 * widens (x4) until it holds one with its whole context (`perfect`): every occurrence as near
 * as that one is then inside it, and none further can rank above it. A moved passage is so
 * found near its old place without scanning (and scoring every occurrence in) a long text;
 * one whose context changed everywhere is looked for in all of it, or among the
 * {@link MAX_OCCURRENCES} nearest once the window holds that many.
 */
function nearestOccurrences(body: string, exact: string, from: number, perfect: number, score: (at: number) => number): number[] {
  for (let radius = 256; ; radius *= 4) {
    const lo = Math.max(0, from - radius);
    const hi = Math.min(body.length, from + radius + exact.length);
    const window = body.slice(lo, hi);
    const found: number[] = [];
    for (let at = window.indexOf(exact); at >= 0; at = window.indexOf(exact, at + 1)) found.push(lo + at);
    if ((lo === 0 && hi === body.length) || found.length >= MAX_OCCURRENCES) return found;
    if (found.some((at) => Math.abs(at - from) <= radius && score(at) >= perfect)) return found;
  }
}

function span(body: string, from: number, to: number): { start: number; end: number } {
  return { start: codePointOffset(body, from), end: codePointOffset(body, to) };
}

/** The text around a span, for showing old and new context side by side in review. */
export function contextAround(body: string, start: number, end: number): { prefix: string; exact: string; suffix: string } {
  return quoteSelector(body, start, Math.max(start, end));
}

