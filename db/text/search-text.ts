/**
 * Text as search sees it. Arabic is written many ways: with or without hamza and tashkeel,
 * ى for ي, ة for ه, with clitics attached (و ف ب ك ل ال ...). Each word is folded to one
 * spelling and lightly stemmed, for the index and for queries alike, so a query finds the word
 * however it was written. The original text is never changed: snippets are cut from it.
 */

/** A word of the original text and where it sits (UTF-16 offsets). */
export interface TextToken {
  text: string;
  start: number;
  end: number;
}

// Letters, digits and combining marks (tashkeel stays inside its word). Tatweel is a letter (Lm).
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const ARABIC = /[\u0600-\u06FF]/;
const MARKS = /\p{M}/gu;
const ARABIC_INDIC_DIGIT_ZERO = 0x0660;
const PERSIAN_DIGIT_ZERO = 0x06f0;

/** Every word of `text`, in order, with its offsets. */
export function tokenize(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  for (const match of text.matchAll(WORD)) tokens.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  return tokens;
}

/**
 * One spelling per word: compatibility forms unfolded (presentation forms, ligatures), hamza
 * on alef and madda to bare alef (أ إ آ ٱ → ا), hamza on waw or ya to hamza (مسؤول = مسئول), ى → ي, ة → ه, Persian ی ک → ي ك,
 * tashkeel, tatweel and Latin accents dropped, Arabic-Indic and Persian digits to 0-9, lower case.
 */
export function foldWord(word: string): string {
  // Most words need no Unicode normalisation: plain Arabic letters, or plain ASCII.
  if (PLAIN_ARABIC.test(word)) return word.replace(/[أإآؤئىة]/g, (ch) => PLAIN_FOLDS[ch]!);
  if (PLAIN_ASCII.test(word)) return word.toLowerCase();
  let folded = '';
  const hamzaSeated = word.normalize('NFKC').replace(/[ؤئ]/g, 'ء');
  for (const ch of hamzaSeated.normalize('NFD').replace(MARKS, '')) {
    const code = ch.codePointAt(0)!;
    if (code >= ARABIC_INDIC_DIGIT_ZERO && code <= ARABIC_INDIC_DIGIT_ZERO + 9) folded += String(code - ARABIC_INDIC_DIGIT_ZERO);
    else if (code >= PERSIAN_DIGIT_ZERO && code <= PERSIAN_DIGIT_ZERO + 9) folded += String(code - PERSIAN_DIGIT_ZERO);
    else folded += FOLDED_LETTERS[ch] ?? ch;
  }
  return folded.toLowerCase();
}

const PLAIN_ARABIC = /^[\u0621-\u063A\u0641-\u064A]+$/;
const PLAIN_ASCII = /^[A-Za-z0-9]+$/;
const PLAIN_FOLDS: Record<string, string> = { 'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ؤ': 'ء', 'ئ': 'ء', 'ى': 'ي', 'ة': 'ه' };

const FOLDED_LETTERS: Record<string, string> = {
  'ٱ': 'ا',
  'ى': 'ي',
  'ی': 'ي',
  'ة': 'ه',
  'ک': 'ك',
  'ـ': '',
};

// Clitics stripped from the front, longest first; single letters only while three letters remain,
// so short words keep their root. Stripping is repeated, and done the same way for the index and
// the query: a word with clitics passes through the bare word on its way down, so both end alike.
const ARTICLE_PREFIXES = ['وال', 'فال', 'بال', 'كال', 'لل', 'ال'];
// ك alone is left out: as a clitic it is rare, as a first root letter common (وكالة, كتب).
const LETTER_PREFIXES = ['و', 'ف', 'ب', 'ل'];
const SUFFIXES = ['هما', 'كما', 'تين', 'تان', 'ها', 'هم', 'هن', 'كم', 'كن', 'نا', 'ات', 'ان', 'ون', 'ين', 'يه', 'ه', 'ي'];
const MIN_STEM = 3;

/** Strips attached prefixes (و ف ب ك ل ال وال بال كال فال لل) from a folded Arabic word. */
export function stripPrefixes(word: string): string {
  let stem = word;
  for (let round = 0; round < 3; round++) {
    const article = ARTICLE_PREFIXES.find((p) => stem.startsWith(p) && stem.length - p.length >= 2);
    const letter = article ? undefined : LETTER_PREFIXES.find((p) => stem.startsWith(p) && stem.length - p.length >= MIN_STEM);
    const prefix = article ?? letter;
    if (!prefix) break;
    stem = stem.slice(prefix.length);
  }
  return stem;
}

/** Strips common suffixes (pronouns, plural and dual endings, nisba) from a folded Arabic word. */
function stripSuffixes(word: string): string {
  let stem = word;
  for (let round = 0; round < 2; round++) {
    const suffix = SUFFIXES.find((s) => stem.endsWith(s) && stem.length - s.length >= MIN_STEM);
    if (!suffix) break;
    stem = stem.slice(0, -suffix.length);
  }
  return stem;
}

const keyCache = new Map<string, string>();
const KEY_CACHE_LIMIT = 500_000;

/** The index key of a word: folded, and stemmed if Arabic. Word frequencies are skewed, so keys are cached. */
export function searchKey(word: string): string {
  let key = keyCache.get(word);
  if (key === undefined) {
    const folded = foldWord(word);
    key = ARABIC.test(folded) ? stripSuffixes(stripPrefixes(folded)) : folded;
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    keyCache.set(word, key);
  }
  return key;
}

/** The words of `text`, without their offsets (cheaper, for indexing). */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** The text the full-text index holds for `text`: each word's key, in order, space separated. */
export function indexText(text: string): string {
  return words(text).map(searchKey).join(' ');
}
