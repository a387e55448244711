/**
 * Month names as news text writes them, one table for the importer's date reader and for search.
 * Arabic has several systems: the Levant and Iraq write كانون الثاني, شباط, آذار…; Egypt and the
 * Gulf يناير, فبراير, مارس…; Algeria and Tunisia جانفي, فيفري…; Morocco يوليوز, غشت, شتنبر….
 * Search treats every name of a month as the same month (see {@link monthsIn}).
 */
import { foldWord, searchKey } from './search-text';

/** One month's names: Arabic (every system and common spelling; some are two words), then English. */
export interface MonthNames {
  month: number;
  arabic: readonly string[];
  english: readonly string[];
}

export const MONTH_NAMES: readonly MonthNames[] = [
  { month: 1, arabic: ['يناير', 'كانون الثاني', 'كانون ثاني', 'جانفي'], english: ['january', 'jan'] },
  { month: 2, arabic: ['فبراير', 'شباط', 'فيفري'], english: ['february', 'feb'] },
  { month: 3, arabic: ['مارس', 'آذار'], english: ['march', 'mar'] },
  { month: 4, arabic: ['أبريل', 'إبريل', 'نيسان', 'أفريل'], english: ['april', 'apr'] },
  { month: 5, arabic: ['مايو', 'أيار', 'ماي'], english: ['may'] },
  { month: 6, arabic: ['يونيو', 'يونيه', 'حزيران', 'جوان'], english: ['june', 'jun'] },
  { month: 7, arabic: ['يوليو', 'يوليه', 'تموز', 'جويلية', 'يوليوز'], english: ['july', 'jul'] },
  { month: 8, arabic: ['أغسطس', 'آب', 'أوت', 'غشت'], english: ['august', 'aug'] },
  { month: 9, arabic: ['سبتمبر', 'أيلول', 'شتنبر'], english: ['september', 'sep', 'sept'] },
  { month: 10, arabic: ['أكتوبر', 'تشرين الأول', 'تشرين أول'], english: ['october', 'oct'] },
  { month: 11, arabic: ['نوفمبر', 'تشرين الثاني', 'تشرين ثاني', 'نونبر'], english: ['november', 'nov'] },
  { month: 12, arabic: ['ديسمبر', 'كانون الأول', 'كانون أول', 'دجنبر'], english: ['december', 'dec'] },
];

/**
 * Arabic month names that are also everyday words or names: مارس "he practised", آب folded as
 * أب "father", نيسان the carmaker, شباط a surname, ماي, جوان and غشت. In text, search reads them as
 * months only beside a date: a number, a word such as شهر or منذ before, or الماضي after.
 */
const AMBIGUOUS = new Set(['مارس', 'آب', 'نيسان', 'شباط', 'ماي', 'جوان', 'غشت'].map(foldWord));

/** Words before an ambiguous month name that make it a month ("في آذار", "منذ مارس", "مطلع نيسان"). */
const BEFORE_MONTH = new Set(['شهر', 'في', 'منذ', 'حتى', 'خلال', 'مطلع', 'أوائل', 'أواخر', 'منتصف', 'نهاية', 'بداية', 'أواسط'].map(foldWord));
/** Words after one that do ("آذار الماضي"). */
const AFTER_MONTH = new Set(['الماضي', 'المقبل', 'القادم', 'المنصرم', 'الجاري', 'الحالي', 'المنقضي'].map(foldWord));

/** Folded one-word Arabic names → month; first words of two-word names → folded second word → month. */
const SINGLE = new Map<string, number>();
const PAIRS = new Map<string, Map<string, number>>();
for (const { month, arabic } of MONTH_NAMES) {
  for (const name of arabic) {
    const [first, second] = name.split(' ').map(foldWord) as [string, string | undefined];
    if (second === undefined) SINGLE.set(first, month);
    else PAIRS.set(first, (PAIRS.get(first) ?? new Map<string, number>()).set(second, month));
  }
}

/** Every folded word that may start a month's name: a name or first word, with any attached letters bareForms() takes off. */
const CANDIDATES = new Set(
  [...SINGLE.keys(), ...PAIRS.keys()].flatMap((name) => ['', 'و', 'ف', 'ب', 'ل', 'وب', 'ول', 'فب', 'فل'].map((letters) => letters + name)),
);

/** Their search keys: a word whose key is not among them names no month (cheaper to look up than folding every word). */
const CANDIDATE_KEYS = new Set([...CANDIDATES].map(searchKey));

/** The word folded, and without one or two attached letters (و ف, then ب ل): "وفي أيلول", "لأيلول". */
function bareForms(folded: string): string[] {
  const forms = [folded];
  let rest = folded;
  if (/^[وف]/.test(rest)) forms.push((rest = rest.slice(1)));
  if (/^[بل]/.test(rest)) forms.push(rest.slice(1));
  return forms;
}

/**
 * The month a one-word name (folded, with any attached letter) stands for, and whether it is
 * ambiguous. An ambiguous name takes و or ف only: باب "door" is not بـ + آب.
 */
function singleMonth(folded: string): { month: number; ambiguous: boolean } | undefined {
  const forms = bareForms(folded);
  for (const [i, form] of forms.entries()) {
    const month = SINGLE.get(form);
    if (month === undefined) continue;
    const ambiguous = AMBIGUOUS.has(form);
    if (ambiguous && i > 0 && !/^[وف]$/.test(folded.slice(0, i))) return undefined;
    return { month, ambiguous };
  }
  return undefined;
}

/** Where a run of words names a month: words [first, last] (one or two of them). */
export interface MonthSpan {
  first: number;
  last: number;
  month: number;
}

const DIGITS = /^[0-9]+$/;

/**
 * The month names among `words` (as written), in order: a two-word name such as كانون الثاني is
 * one span, and كانون alone is none. An ambiguous name (مارس, آب…) counts only beside a date (see
 * AMBIGUOUS). `keys`, the words' search keys if known, let most words be passed over unfolded.
 */
export function monthsIn(words: readonly string[], keys: readonly string[] = words.map(searchKey)): MonthSpan[] {
  const spans: MonthSpan[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!CANDIDATE_KEYS.has(keys[i]!)) continue;
    const here = foldWord(words[i]!);
    if (!CANDIDATES.has(here)) continue;
    const pair = i + 1 < words.length ? bareForms(here).map((f) => PAIRS.get(f)).find(Boolean) : undefined;
    const second = pair?.get(foldWord(words[i + 1]!));
    if (second !== undefined) {
      spans.push({ first: i, last: i + 1, month: second });
      i++;
      continue;
    }
    const single = singleMonth(here);
    if (!single) continue;
    if (single.ambiguous && !monthContext(words, i)) continue;
    spans.push({ first: i, last: i, month: single.month });
  }
  return spans;
}

function monthContext(words: readonly string[], i: number): boolean {
  if (i > 0) {
    const before = foldWord(words[i - 1]!);
    if (DIGITS.test(before) || bareForms(before).some((f) => BEFORE_MONTH.has(f))) return true;
  }
  if (i + 1 < words.length) {
    const after = foldWord(words[i + 1]!);
    if (DIGITS.test(after) || AFTER_MONTH.has(after)) return true;
  }
  return false;
}

/**
 * The month a query word names, ambiguous names included (someone who types مارس may mean
 * March), and whether the name is ambiguous: where an unambiguous name is written, the index
 * always has its month's term too.
 */
export function queryMonth(word: string): { month: number; ambiguous: boolean } | undefined {
  return singleMonth(foldWord(word));
}

/** Whether two query words, side by side, are a two-word month name (كانون الثاني). */
export function isTwoWordMonth(first: string, second: string): boolean {
  return bareForms(foldWord(first)).some((f) => PAIRS.get(f)?.has(foldWord(second)));
}

/** A month's Arabic names as word lists (كانون الثاني → [كانون, الثاني]), for phrases that name it. */
export function arabicMonthNames(month: number): string[][] {
  return (MONTH_NAMES[month - 1]?.arabic ?? []).map((name) => name.split(' '));
}
