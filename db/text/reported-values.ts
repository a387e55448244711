/**
 * The values a claim reports, read from its passage: dates (a day, a month, a year or a weekday,
 * each with its precision) and figures (a number, its unit and what it counts). Arabic as news
 * writes it: both month systems (سبتمبر / أيلول) and the Maghreb's (جوان, أوت), "أيلول/سبتمبر
 * 2025", Arabic-Indic digits, number words with their dual forms ("ألفين وخمسمئة جندي"). These
 * are proposals the analyst confirms; offsets count code points, as everywhere in Sanad.
 */
import { codePointCounter, westernDigits } from './codepoints';
import { afterLetters, cliticForms, foldPhrase, phraseTokens, type PhraseToken } from './phrase-tokens';
import { MONTH_NAMES } from './months';
import { foldWord } from './search-text';

/** A date a passage reports. `from`/`to` are YYYY-MM-DD (a month runs from its first to its last day), or both '' when a weekday or a date without its year has no reference date to resolve against. */
export interface ReportedDate {
  from: string;
  to: string;
  precision: 'day' | 'month' | 'year' | 'weekday';
  text: string;
  start: number;
  end: number;
}

/** A figure a passage reports: "2,500 جندي" → 2500, counted 'جندي'; "40%" → 40, unit '%'. */
export interface ReportedFigure {
  value: number;
  unit: string | null;
  counted: string | null;
  text: string;
  start: number;
  end: number;
}

/** Folded month names by their first word, longest first so "كانون الثاني" is tried before any one-word name. */
const MONTHS = new Map<string, { month: number; words: string[]; latin: boolean }[]>();
for (const { month, arabic, english } of MONTH_NAMES) {
  for (const name of [...arabic, ...english]) {
    const words = foldPhrase(name).split(' ');
    const list = MONTHS.get(words[0]!) ?? [];
    list.push({ month, words, latin: /[a-z]/i.test(name) });
    MONTHS.set(words[0]!, list.sort((a, b) => b.words.length - a.words.length));
  }
}
// Month names that are also everyday words (آب/أب father, ماي, مارس he practised, May the verb):
// read only beside a day or a year, or after the word "month".
const AMBIGUOUS_MONTHS = new Set(['اب', 'ماي', 'مارس', 'may', 'mar', 'jan', 'sep', 'oct', 'dec', 'aug', 'jun', 'jul', 'apr', 'feb', 'nov', 'sept'].map((w) => foldWord(w)));

const WEEKDAYS = new Map<string, number>(
  (
    [
      ['الأحد', 0],
      ['الاثنين', 1],
      ['الإثنين', 1],
      ['الثلاثاء', 2],
      ['الأربعاء', 3],
      ['الخميس', 4],
      ['الجمعة', 5],
      ['السبت', 6],
      ['Sunday', 0],
      ['Monday', 1],
      ['Tuesday', 2],
      ['Wednesday', 3],
      ['Thursday', 4],
      ['Friday', 5],
      ['Saturday', 6],
    ] as const
  ).map(([name, day]) => [foldWord(name), day]),
);

const folded = (words: string[]) => new Set(words.map(foldPhrase));
/** Words that place a month or year within it; they belong to the date's text ("نهاية سبتمبر"). */
const PART_OF_PERIOD = folded(['نهاية', 'بداية', 'مطلع', 'أوائل', 'أواخر', 'منتصف', 'أواسط', 'شهر', 'early', 'late', 'mid']);
/** English parts of a period that take "of": "end of September". */
const ENDS_OF_PERIOD = folded(['end', 'beginning', 'start', 'middle']);
/** Prepositions a bare month or year follows ("في يونيو", "in 2024"); they stay out of the date's text. Not من / of / from: "أكثر من 2000 جندي" counts soldiers. */
const PERIOD_PREPOSITIONS = folded(['في', 'بحلول', 'منذ', 'حتى', 'خلال', 'قبل', 'بعد', 'in', 'by', 'since', 'until', 'till', 'during', 'before', 'after']);
const YEAR_WORDS = folded(['عام', 'العام', 'سنة', 'السنة', 'year']);

/** A date found at tokens [from, to). */
interface DateMatch {
  from: number;
  to: number;
  precision: ReportedDate['precision'];
  year: number | null;
  month: number | null;
  day: number | null;
  weekday: number | null;
  /** "الأحد الماضي", "last Sunday" (strictly before the reference), "سبتمبر المقبل", "next Sunday" (strictly after); null: on or before. */
  relative: 'last' | 'next' | null;
}

/** The month named at token i (a clitic و ف ب ل allowed on its first word), with the token after it. */
function monthAt(tokens: PhraseToken[], i: number): { month: number; next: number; ambiguous: boolean } | null {
  const first = tokens[i];
  if (!first?.word) return null;
  const latin = /[a-z]/.test(first.folded);
  // English month names are capitalised ("May", not the verb "may"); Arabic ones may carry و ب ل.
  if (latin && !/^\p{Lu}/u.test(first.text)) return null;
  const candidates = (latin ? [first.folded] : cliticForms(first.folded).map((f) => f.form)).flatMap((form) => MONTHS.get(form) ?? []);
  for (const candidate of candidates) {
    if (!candidate.words.every((w, k) => k === 0 || tokens[i + k]?.folded === w)) continue;
    let next = i + candidate.words.length;
    if (candidate.latin && candidate.words[0]!.length <= 4 && tokens[next]?.text === '.') next++;
    // "أيلول/سبتمبر", "سبتمبر (أيلول)": the same month in the other system.
    const slash = tokens[next]?.text;
    if (slash === '/' || slash === '(') {
      const other = monthAt(tokens, next + 1);
      if (other) next = other.next + (slash === '(' && tokens[other.next]?.text === ')' ? 1 : 0);
    }
    return { month: candidate.month, next, ambiguous: AMBIGUOUS_MONTHS.has(candidate.words.join(' ')) };
  }
  return null;
}

function dayAt(tokens: PhraseToken[], i: number): number | null {
  const match = /^([0-9]{1,2})(?:st|nd|rd|th)?$/.exec(tokens[i]?.folded ?? '');
  const day = match ? Number(match[1]) : 0;
  return day >= 1 && day <= 31 ? day : null;
}

function yearAt(tokens: PhraseToken[], i: number): number | null {
  // "2025م": the م (Gregorian) written onto the year.
  const match = /^([0-9]{4})م?$/.exec(tokens[i]?.folded ?? '');
  const year = match ? Number(match[1]) : 0;
  return year >= 1900 && year <= 2100 ? year : null;
}

/** Skips "،", "," and, between a month and its year, "من عام" / "عام" / "of". */
function skipToYear(tokens: PhraseToken[], i: number): number {
  if (tokens[i]?.text === ',' || tokens[i]?.text === '،') i++;
  if (tokens[i]?.folded === 'من' && YEAR_WORDS.has(tokens[i + 1]?.folded ?? '')) i++;
  if (YEAR_WORDS.has(tokens[i]?.folded ?? '')) i++;
  return i;
}

const LAST = folded(['الماضي', 'الماضية', 'المنصرم', 'المنصرمة', 'الفائت']);
const NEXT = folded(['المقبل', 'المقبلة', 'القادم', 'القادمة']);

/** "الماضي" (last) or "المقبل" (next) after a weekday or month. */
function relativeAt(tokens: PhraseToken[], i: number): 'last' | 'next' | null {
  const word = tokens[i]?.folded ?? '';
  return LAST.has(word) ? 'last' : NEXT.has(word) ? 'next' : null;
}

/** The day of the week (0 Sunday … 6 Saturday) a word names (الأحد, والسبت, Sunday), or null; English only capitalised. */
export function weekdayOf(token: Pick<PhraseToken, 'text' | 'folded'>): number | null {
  if (/[a-z]/.test(token.folded) && !/^\p{Lu}/u.test(token.text)) return null;
  for (const { form } of cliticForms(token.folded)) {
    const weekday = WEEKDAYS.get(form);
    if (weekday !== undefined) return weekday;
  }
  return null;
}

function weekdayAt(tokens: PhraseToken[], i: number): { weekday: number; next: number } | null {
  const token = tokens[i];
  const weekday = token?.word ? weekdayOf(token) : null;
  return weekday === null ? null : { weekday, next: i + 1 };
}

/** The full date (day, month and year) starting at token i, in any of the orders news writes. */
function fullDateAt(tokens: PhraseToken[], i: number): DateMatch | null {
  const day = dayAt(tokens, i);
  if (day !== null) {
    // 20 أيلول 2025, 7 أكتوبر/تشرين الأول 2023, 20 September 2025, 7 من أكتوبر 2023
    let m = i + 1;
    if (tokens[m]?.folded === 'من' || tokens[m]?.folded === 'of') m++;
    if (tokens[m]?.folded === 'شهر') m++;
    const month = monthAt(tokens, m);
    if (month) {
      const y = skipToYear(tokens, month.next);
      const year = yearAt(tokens, y);
      return { from: i, to: year !== null ? y + 1 : month.next, precision: 'day', year, month: month.month, day, weekday: null, relative: null };
    }
    // 20/9/2025, 20-09-2025
    const separator = tokens[i + 1]?.text;
    if ((separator === '/' || separator === '-' || separator === '.') && tokens[i + 3]?.text === separator) {
      const numericMonth = dayAt(tokens, i + 2);
      const year = yearAt(tokens, i + 4);
      if (numericMonth !== null && numericMonth <= 12 && year !== null) return { from: i, to: i + 5, precision: 'day', year, month: numericMonth, day, weekday: null, relative: null };
    }
  }
  // 2025-09-20, 2025/9/20
  const isoYear = yearAt(tokens, i);
  const isoSeparator = tokens[i + 1]?.text;
  if (isoYear !== null && (isoSeparator === '-' || isoSeparator === '/') && tokens[i + 3]?.text === isoSeparator) {
    const month = dayAt(tokens, i + 2);
    const isoDay = dayAt(tokens, i + 4);
    if (month !== null && month <= 12 && isoDay !== null) return { from: i, to: i + 5, precision: 'day', year: isoYear, month, day: isoDay, weekday: null, relative: null };
  }
  // September 20, 2025
  const month = monthAt(tokens, i);
  if (month) {
    const englishDay = dayAt(tokens, month.next);
    const y = tokens[month.next + 1]?.text === ',' ? month.next + 2 : month.next + 1;
    const year = englishDay !== null ? yearAt(tokens, y) : null;
    if (englishDay !== null && year !== null) return { from: i, to: y + 1, precision: 'day', year, month: month.month, day: englishDay, weekday: null, relative: null };
  }
  return null;
}

/** The date expression starting at token i, if any (the longest reading). */
function dateAt(tokens: PhraseToken[], i: number): DateMatch | null {
  const token = tokens[i]!;
  // "يوم الأحد 20 أيلول 2025", "Sunday, September 21, 2025": the weekday joins the date after it.
  const startsWithDay = token.folded === 'يوم' || token.folded === 'last' || token.folded === 'next' ? i + 1 : i;
  const weekday = weekdayAt(tokens, startsWithDay);
  if (weekday) {
    let next = weekday.next;
    if (tokens[next]?.text === ',' || tokens[next]?.text === '،') next++;
    const full = fullDateAt(tokens, next);
    if (full) return { ...full, from: i };
    const after = relativeAt(tokens, weekday.next);
    const before = token.folded === 'last' ? 'last' : token.folded === 'next' ? 'next' : null;
    return { from: i, to: weekday.next + (after ? 1 : 0), precision: 'weekday', year: null, month: null, day: null, weekday: weekday.weekday, relative: after ?? before };
  }

  const full = fullDateAt(tokens, i);
  if (full) return full;

  // A part of a period ("نهاية", "late", "end of") belongs to the date; a preposition ("في",
  // "in", "by the") does not. Either may stand before a month or year written without a day.
  let at = i;
  let from = i;
  if (PERIOD_PREPOSITIONS.has(tokens[at]?.folded ?? '')) {
    at++;
    if (tokens[at]?.folded === 'the') at++;
    from = at;
  }
  const partOf = PART_OF_PERIOD.has(tokens[at]?.folded ?? '') || (ENDS_OF_PERIOD.has(tokens[at]?.folded ?? '') && tokens[at + 1]?.folded === 'of');
  if (partOf) {
    at++;
    if (tokens[at]?.folded === 'of' || tokens[at]?.text === '-') at++;
  }
  const cued = at > i;

  // "في 2025/09/20": the preposition stands before a full date, read from where it starts.
  if (at > i && fullDateAt(tokens, at)) return null;
  const month = monthAt(tokens, at);
  if (month) {
    const y = skipToYear(tokens, month.next);
    const year = yearAt(tokens, y);
    const afterMonthWord = tokens[at - 1]?.folded === 'شهر' || relativeAt(tokens, month.next) !== null;
    if (year !== null) return { from, to: y + 1, precision: 'month', year, month: month.month, day: null, weekday: null, relative: null };
    if (cued && (!month.ambiguous || afterMonthWord)) {
      const relative = relativeAt(tokens, month.next);
      return { from, to: month.next + (relative ? 1 : 0), precision: 'month', year: null, month: month.month, day: null, weekday: null, relative };
    }
    return null;
  }
  // "عام 2023", "في عام 2023", "أواخر 2024", "in 2024": a year needs a word before it saying so.
  const yearWord = YEAR_WORDS.has(tokens[at]?.folded ?? '') ? 1 : 0;
  const year = yearAt(tokens, at + yearWord);
  if (year !== null && (cued || yearWord > 0) && tokens[at + yearWord + 1]?.text !== '%') {
    return { from, to: at + yearWord + 1, precision: 'year', year, month: null, day: null, weekday: null, relative: null };
  }
  return null;
}

/** Every date expression in `tokens`, in order, none inside another. */
function* dateMatches(tokens: PhraseToken[]): Generator<DateMatch> {
  for (let i = 0; i < tokens.length; i++) {
    const match = dateAt(tokens, i);
    if (!match) continue;
    yield match;
    i = match.to - 1;
  }
}

/** A reference date (YYYY-MM-DD) as a UTC date, or null when absent or not a real date. */
function parseReference(reference: string | undefined): Date | null {
  const match = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(reference ?? '');
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCDate() === Number(match[3]) && date.getUTCMonth() === Number(match[2]) - 1 ? date : null;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const utc = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));

/** The from/to of a match, resolving a missing year or a weekday against the reference; null for an impossible date (31 June). */
function resolve(match: DateMatch, reference: Date | null): { from: string; to: string } | null {
  if (match.precision === 'weekday') {
    if (!reference) return { from: '', to: '' };
    let back = (reference.getUTCDay() - match.weekday! + 7) % 7;
    if (back === 0 && match.relative === 'last') back = 7;
    if (match.relative === 'next') back -= 7;
    const day = isoDay(new Date(reference.getTime() - back * 86_400_000));
    return { from: day, to: day };
  }
  let year = match.year;
  if (year === null) {
    // News tells what has happened: a month or day without its year is the latest one on or
    // before the article's date ("في يونيو" in a July article is this June, in a May one last
    // June's), unless the text says "last" (strictly before) or "next" (strictly after).
    if (!reference) return { from: '', to: '' };
    const refMonth = reference.getUTCMonth() + 1;
    // A month is compared as a whole, a day on its own day.
    const order = Math.sign(match.month! - refMonth) || (match.day === null ? 0 : Math.sign(match.day - reference.getUTCDate()));
    const refYear = reference.getUTCFullYear();
    if (match.relative === 'next') year = order > 0 ? refYear : refYear + 1;
    else if (match.relative === 'last') year = order < 0 ? refYear : refYear - 1;
    else year = order <= 0 ? refYear : refYear - 1;
  }
  if (match.precision === 'year') return { from: `${year}-01-01`, to: `${year}-12-31` };
  if (match.precision === 'month') return { from: isoDay(utc(year, match.month!, 1)), to: isoDay(utc(year, match.month! + 1, 0)) };
  const date = utc(year, match.month!, match.day!);
  if (date.getUTCMonth() !== match.month! - 1) return null;
  return { from: isoDay(date), to: isoDay(date) };
}

/**
 * The dates `text` reports, in order: "20 أيلول 2025" (day), "سبتمبر 2024", "أيلول/سبتمبر 2025",
 * "نهاية سبتمبر" (month), "عام 2023", "in 2024" (year), "يوم الأحد", "on Sunday" (weekday).
 * A weekday, or a day or month written without its year, is resolved against `reference`
 * (YYYY-MM-DD, the article's publication date) to the latest such day or month on or before it;
 * without a reference its from/to are ''.
 */
export function readReportedDates(text: string, reference?: string): ReportedDate[] {
  const tokens = phraseTokens(text);
  const parsedReference = parseReference(reference);
  const dates: ReportedDate[] = [];
  const codePoint = codePointCounter(text);
  for (const match of dateMatches(tokens)) {
    const range = resolve(match, parsedReference);
    if (!range) continue;
    const start = tokens[match.from]!.start;
    const end = tokens[match.to - 1]!.end;
    dates.push({ ...range, precision: match.precision, text: text.slice(start, end), start: codePoint(start), end: codePoint(end) });
  }
  return dates;
}

// ---------------------------------------------------------------------------------------------
// Figures
// ---------------------------------------------------------------------------------------------

type NumberWordKind = 'unit' | 'ten' | 'hundred' | 'scale' | 'dual-scale';
const NUMBER_WORDS = new Map<string, { value: number; kind: NumberWordKind }>();
function numberWords(kind: NumberWordKind, value: number, words: string[]): void {
  for (const word of words) NUMBER_WORDS.set(foldWord(word), { value, kind });
}
numberWords('unit', 1, ['واحد', 'واحدة', 'one']);
numberWords('unit', 2, ['اثنان', 'اثنين', 'اثنتان', 'اثنتين', 'اثنا', 'اثني', 'اثنتا', 'اثنتي', 'two']);
numberWords('unit', 3, ['ثلاث', 'ثلاثة', 'three']);
numberWords('unit', 4, ['أربع', 'أربعة', 'four']);
numberWords('unit', 5, ['خمس', 'خمسة', 'five']);
numberWords('unit', 6, ['ست', 'ستة', 'six']);
numberWords('unit', 7, ['سبع', 'سبعة', 'seven']);
numberWords('unit', 8, ['ثمان', 'ثماني', 'ثمانية', 'eight']);
numberWords('unit', 9, ['تسع', 'تسعة', 'nine']);
numberWords('unit', 10, ['عشر', 'عشرة', 'ten']);
numberWords('unit', 11, ['eleven']);
numberWords('unit', 12, ['twelve']);
numberWords('unit', 13, ['thirteen']);
numberWords('unit', 14, ['fourteen']);
numberWords('unit', 15, ['fifteen']);
numberWords('unit', 16, ['sixteen']);
numberWords('unit', 17, ['seventeen']);
numberWords('unit', 18, ['eighteen']);
numberWords('unit', 19, ['nineteen']);
numberWords('ten', 20, ['عشرون', 'عشرين', 'twenty']);
numberWords('ten', 30, ['ثلاثون', 'ثلاثين', 'thirty']);
numberWords('ten', 40, ['أربعون', 'أربعين', 'forty']);
numberWords('ten', 50, ['خمسون', 'خمسين', 'fifty']);
numberWords('ten', 60, ['ستون', 'ستين', 'sixty']);
numberWords('ten', 70, ['سبعون', 'سبعين', 'seventy']);
numberWords('ten', 80, ['ثمانون', 'ثمانين', 'eighty']);
numberWords('ten', 90, ['تسعون', 'تسعين', 'ninety']);
numberWords('hundred', 100, ['مئة', 'مائة', 'hundred']);
numberWords('hundred', 200, ['مئتان', 'مئتين', 'مائتان', 'مائتين', 'مئتا', 'مائتا']);
for (const [value, stems] of [
  [300, ['ثلاث']],
  [400, ['أربع']],
  [500, ['خمس']],
  [600, ['ست']],
  [700, ['سبع']],
  [800, ['ثمان', 'ثماني']],
  [900, ['تسع']],
] as const) {
  numberWords('hundred', value, stems.flatMap((stem) => [`${stem}مئة`, `${stem}مائة`]));
}
numberWords('scale', 1000, ['ألف', 'ألفا', 'آلاف', 'ألوف', 'thousand']);
numberWords('scale', 1_000_000, ['مليون', 'مليونا', 'ملايين', 'million']);
numberWords('scale', 1_000_000_000, ['مليار', 'مليارا', 'مليارات', 'بليون', 'billion']);
numberWords('dual-scale', 2000, ['ألفان', 'ألفين', 'ألفا']);
numberWords('dual-scale', 2_000_000, ['مليونان', 'مليونين']);
numberWords('dual-scale', 2_000_000_000, ['ملياران', 'مليارين']);
// ألفا is both "thousand" (accusative, after 11-99: "عشرون ألفا") and "two thousand" (construct
// dual); after a number it is the first, on its own the second.
const ALFAN = foldWord('ألفا');
const TEEN = new Set([foldWord('عشر'), foldWord('عشرة')]);
/** Plurals that multiply a number before them ("ثلاثة آلاف") but alone are vague ("آلاف الجنود"). */
const PLURAL_SCALES = new Set(['آلاف', 'ألوف', 'ملايين', 'مليارات'].map((w) => foldWord(w)));
/** Only as a part of a teen ("أحد عشر", "إحدى عشرة"): on its own, أحد is "someone". */
const TEEN_ONE = new Set([foldWord('أحد'), foldWord('إحدى')]);

/**
 * The value of a single number word (folded: Arabic or English), or null: خمسة → 5, عشرين → 20,
 * خمسمئة → 500, ألفين → 2000, million → 1,000,000.
 */
export function numberWordValue(foldedWord: string): number | null {
  return NUMBER_WORDS.get(foldedWord)?.value ?? null;
}

/**
 * The number word at token i: itself, or after و ("and": within a number, "ألفين وخمسمئة", or
 * before one, "وثلاثة مسؤولين"), or, starting a number, after ف, ب or ل ("بخمسة"; not لست, "I am not").
 */
function numberWordAt(tokens: PhraseToken[], i: number, continuing: boolean): { value: number; kind: NumberWordKind; letters: string } | null {
  const token = tokens[i];
  if (!token?.word) return null;
  for (const { form, letters } of cliticForms(token.folded)) {
    const entry = NUMBER_WORDS.get(form);
    if (!entry) continue;
    if (letters === '' || letters === 'و' || (!continuing && /^[فبل]$/.test(letters) && form.length >= 3)) return { ...entry, letters };
  }
  return null;
}

/** Reads a number written in words from token i: "ألفين وخمسمئة", "ثلاثة عشر ألفا", "twenty-five thousand". */
function wordNumberAt(tokens: PhraseToken[], i: number): { value: number; next: number } | null {
  let total = 0;
  let current = 0;
  let last: NumberWordKind | null = null;
  let k = i;
  let read = 0;
  for (;;) {
    let at = k;
    // English joins with "and" and hyphens; Arabic writes و onto the next word.
    if (read > 0 && (tokens[at]?.folded === 'and' || tokens[at]?.text === '-') && numberWordAt(tokens, at + 1, false)) at++;
    const word = numberWordAt(tokens, at, read > 0);
    if (!word) break;
    if (read === 0 && PLURAL_SCALES.has(tokens[at]!.folded)) return null;
    // "one" and "واحد" alone are rarely a figure ("one of the"); "one million", "واحد وعشرون" are.
    if (read === 0 && word.kind === 'unit' && word.value === 1 && !isScaleNext(tokens, at + 1) && numberWordAt(tokens, at + 1, true)?.letters !== 'و') return null;
    let { value, kind } = word;
    if (kind === 'dual-scale' && tokens[at]!.folded.endsWith(ALFAN) && (current > 0 || total > 0)) {
      kind = 'scale';
      value = 1000;
    }
    if (kind === 'unit' && TEEN.has(tokens[at + 1]?.folded ?? '') && value < 10) {
      value += 10;
      at++;
    }
    if (kind === 'scale') {
      current = (current || 1) * value;
      total += current;
      current = 0;
    } else if (kind === 'dual-scale') {
      total += value;
    } else if (kind === 'hundred' && value === 100 && (last === 'unit' || tokens[at]!.folded === 'hundred') && word.letters === '') {
      // "ثلاث مئة", "two hundred"
      current = (current || 1) * 100;
    } else {
      current += value;
    }
    last = kind;
    read++;
    k = at + 1;
  }
  // "أحد عشر": the one that only counts before عشر.
  if (read === 0 && TEEN_ONE.has(tokens[i]?.folded ?? '') && TEEN.has(tokens[i + 1]?.folded ?? '')) return { value: 11, next: i + 2 };
  const value = total + current;
  return read > 0 && value > 0 ? { value, next: k } : null;
}

function isScaleNext(tokens: PhraseToken[], i: number): boolean {
  const word = numberWordAt(tokens, i, false);
  return word?.kind === 'scale' || word?.kind === 'hundred';
}

// Digits with thousands separators (2,500; ٢٬٥٠٠) and a decimal part (1.5; ١٫٥), Western,
// Arabic-Indic or Persian; not glued to letters or to a hyphenated name (F-16, G7).
const DIGITS = /(?<![\p{L}\p{N}]-?)[0-9٠-٩۰-۹]+(?:[,٬][0-9٠-٩۰-۹]{3})*(?:[.٫][0-9٠-٩۰-۹]+)?(?![\p{L}\p{N}])/gu;
const PERCENT_SIGNS = new Set(['%', '٪']);
const PERCENT_WORDS = [['في', 'المئة'], ['في', 'المائة'], ['بالمئة'], ['بالمائة'], ['percent'], ['per', 'cent']].map((words) => words.map((w) => foldWord(w)));
const CURRENCY_SIGNS = new Set(['$', '€', '£']);
/** Words naming what a figure measures rather than what it counts. */
const UNIT_WORDS = folded([
  'دولار', 'دولارا', 'دولارات', 'يورو', 'دينار', 'دينارا', 'ريال', 'كيلومتر', 'كيلومترا', 'كيلومترات', 'كم', 'متر', 'مترا', 'أمتار', 'ميل', 'ميلا', 'أميال',
  'طن', 'طنا', 'أطنان', 'كيلوغرام', 'كغ', 'برميل', 'dollars', 'dollar', 'euros', 'km', 'kilometres', 'kilometers', 'miles', 'metres', 'meters', 'tons', 'tonnes', 'barrels',
]);
/** Words after a number that are not what it counts ("70 على", "in 2024 the"). */
const NOT_COUNTED = folded([
  'في', 'من', 'على', 'إلى', 'عن', 'مع', 'أو', 'و', 'ثم', 'إن', 'أن', 'منذ', 'حتى', 'خلال', 'بين', 'لا', 'لم', 'قد', 'كان', 'كانت', 'حيث', 'التي', 'الذي', 'الذين', 'هذا', 'هذه',
  'and', 'or', 'of', 'in', 'on', 'at', 'to', 'the', 'a', 'an', 'for', 'by', 'from', 'with', 'were', 'was', 'are', 'is', 'have', 'has', 'had', 'will', 'would', 'that', 'who', 'which', 'as', 'more', 'than',
]);
/** English puts adjectives before the counted noun ("2,500 US troops"): up to this many words are read, the last kept. */
const ENGLISH_COUNTED_WORDS = 4;
/** Lower-case English words read as adjectives before the counted noun (capitalised ones, US or Iraqi, are too). */
const ENGLISH_ADJECTIVES = folded(['senior', 'more', 'additional', 'other', 'armed', 'civilian', 'foreign', 'local', 'security', 'military', 'government', 'unnamed', 'anonymous', 'american', 'iraqi', 'coalition', 'new']);

/** The unit or counted noun after a number ending before token k. */
function countedAfter(tokens: PhraseToken[], k: number): { unit: string | null; counted: string | null; next: number } {
  if (PERCENT_SIGNS.has(tokens[k]?.text ?? '')) return { unit: '%', counted: null, next: k + 1 };
  for (const words of PERCENT_WORDS) if (words.every((w, n) => tokens[k + n]?.folded === w)) return { unit: '%', counted: null, next: k + words.length };
  const first = tokens[k];
  if (!first?.word || NOT_COUNTED.has(first.folded) || /^[0-9]/.test(first.folded)) return { unit: null, counted: null, next: k };
  const bare = (token: PhraseToken) => token.text.replace(/[\p{M}ـ]/gu, '');
  if (UNIT_WORDS.has(first.folded)) return { unit: bare(first), counted: null, next: k + 1 };
  if (!/[a-z]/.test(first.folded)) return { unit: null, counted: bare(first), next: k + 1 };
  let last = k;
  for (let n = k + 1; n < k + ENGLISH_COUNTED_WORDS; n++) {
    const token = tokens[n];
    const previous = tokens[last]!;
    const adjective = /^\p{Lu}/u.test(previous.text) || ENGLISH_ADJECTIVES.has(previous.folded);
    if (!adjective || !token?.word || NOT_COUNTED.has(token.folded) || /^[0-9]/.test(token.folded)) break;
    last = n;
  }
  const noun = tokens[last]!;
  if (UNIT_WORDS.has(noun.folded)) return { unit: bare(noun), counted: null, next: last + 1 };
  return { unit: null, counted: bare(noun), next: last + 1 };
}

/** Western digits of a number written with any digits and separators, as a JavaScript number. */
function digitValue(written: string): number {
  const western = westernDigits(written);
  return Number(western.replace(/[,٬]/g, '').replace('٫', '.'));
}

/**
 * The tokens of `tokens` inside an occurrence of one of `names` ("كردستان 24", "France 24"),
 * matched word by word on folded spellings; the first word may carry و ف ب ل ("لكردستان 24").
 * Returns their starts.
 */
function tokensInNames(tokens: PhraseToken[], names: readonly string[]): Set<number> {
  const inName = new Set<number>();
  const byFirstWord = new Map<string, string[][]>();
  for (const name of names) {
    const words = phraseTokens(name).map((t) => t.folded);
    if (words.length > 0) byFirstWord.set(words[0]!, [...(byFirstWord.get(words[0]!) ?? []), words]);
  }
  tokens.forEach((token, i) => {
    if (!token.word) return;
    for (const { form } of cliticForms(token.folded)) {
      for (const words of byFirstWord.get(form) ?? []) {
        if (!words.every((w, n) => n === 0 || tokens[i + n]?.folded === w)) continue;
        for (let n = 0; n < words.length; n++) inName.add(tokens[i + n]!.start);
      }
    }
  });
  return inName;
}

/**
 * The figures `text` reports, in order: digits ("2,500 جندي", "٢٥٠٠ عسكري", "1.5 مليون دولار",
 * "170 ألف جندي"), number words ("ألفين وخمسمئة جندي", "خمسة مسؤولين", "three guards") and
 * percentages ("40%", "٤٠٪", "40 في المئة"), each with its unit or what it counts (the word
 * after it; in English the noun after its adjectives). Numbers that are part of a date are not
 * figures, nor are those inside one of `names`: the names of outlets and sources the text may
 * mention ("كردستان 24", "France 24"), whose number counts nothing.
 */
export function readReportedFigures(text: string, names: readonly string[] = []): ReportedFigure[] {
  const tokens = phraseTokens(text);
  const inDate = new Set<number>();
  for (const match of dateMatches(tokens)) for (let k = match.from; k < match.to; k++) inDate.add(tokens[k]!.start);
  const inName = tokensInNames(tokens, names);
  const figures: ReportedFigure[] = [];
  const indexByStart = new Map(tokens.map((t, index) => [t.start, index]));
  const indexByEnd = new Map(tokens.map((t, index) => [t.end, index]));

  const add = (start: number, value: number, k: number, unitBefore: string | null) => {
    // "$5 million": the currency is the unit; what follows is not counted.
    const after = unitBefore ? { unit: null, counted: null, next: k } : countedAfter(tokens, k);
    const end = after.next > k ? tokens[after.next - 1]!.end : tokens[k - 1]!.end;
    figures.push({ value, unit: unitBefore ?? after.unit, counted: after.counted, text: text.slice(start, end), start, end });
    return after.next;
  };

  // Digits, with a scale word after them ("170 ألف").
  const taken = new Set<number>();
  for (const match of text.matchAll(DIGITS)) {
    const first = indexByStart.get(match.index);
    const last = indexByEnd.get(match.index + match[0].length);
    if (first === undefined || last === undefined || inDate.has(match.index) || inName.has(match.index)) continue;
    let k = last + 1;
    let value = digitValue(match[0]);
    const scale = numberWordAt(tokens, k, false);
    if (scale?.kind === 'scale') {
      value *= scale.value;
      k++;
    }
    const before = tokens[first - 1];
    const currency = before && CURRENCY_SIGNS.has(before.text) && before.end === match.index ? before : null;
    for (let n = first; n < k; n++) taken.add(n);
    add(currency ? currency.start : match.index, value, k, currency ? currency.text : null);
  }
  // Numbers in words.
  for (let i = 0; i < tokens.length; i++) {
    if (taken.has(i) || inDate.has(tokens[i]!.start) || inName.has(tokens[i]!.start)) continue;
    const number = wordNumberAt(tokens, i);
    if (!number) continue;
    // "وثلاثة مسؤولين": the figure's text starts after the و.
    const token = tokens[i]!;
    const letters = numberWordAt(tokens, i, false)?.letters.length ?? 0;
    const next = add(token.start + afterLetters(token.text, letters), number.value, number.next, null);
    i = Math.max(number.next, next) - 1;
  }
  // Found in two passes (digits, then words); offsets become code points once in order.
  const codePoint = codePointCounter(text);
  return figures.sort((a, b) => a.start - b.start).map((figure) => ({ ...figure, start: codePoint(figure.start), end: codePoint(figure.end) }));
}
