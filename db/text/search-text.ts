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
    const prefix = nextPrefix(stem);
    if (!prefix) break;
    stem = stem.slice(prefix.length);
  }
  return stem;
}

/** The prefix {@link stripPrefixes} takes next from `stem`, if any. */
function nextPrefix(stem: string): string | undefined {
  return nextArticle(stem) ?? LETTER_PREFIXES.find((p) => stem.startsWith(p) && stem.length - p.length >= MIN_STEM);
}

/**
 * The forms of a folded Arabic word from which {@link stripPrefixes} then takes a single letter
 * (و ف ب ل): the letter may be a clitic (وقال) or the word's own (وزارة, بغداد, فلسطين, whose
 * keys are زار, غداد, سطين). Prefix search looks for them beside the keys, so بغد* finds بغداد.
 */
function letterForms(word: string): string[] {
  const forms: string[] = [];
  let stem = word;
  for (let round = 0; round < 3; round++) {
    const prefix = nextPrefix(stem);
    if (!prefix) break;
    if (prefix.length === 1) forms.push(stem);
    stem = stem.slice(prefix.length);
  }
  return forms;
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
  return keyCache.get(word) ?? learnKey(word, foldWord(word));
}

function learnKey(word: string, folded: string): string {
  const key = ARABIC.test(folded) ? stripSuffixes(stripPrefixes(folded)) : folded;
  if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
  keyCache.set(word, key);
  return key;
}

/** What indexing and prefix search know of a word beside its key: its letter forms (see letterForms). */
interface WordForms {
  letterForms: readonly string[];
  /** The letter forms, marked as index terms. */
  letterTerms: readonly string[];
}

const formsCache = new Map<string, WordForms>();
const NO_FORMS: WordForms = { letterForms: [], letterTerms: [] };
/**
 * Words that may have letter forms: those that begin, once folded, with و ف ب ل or an article
 * (ا). Anything else that is not plain ASCII or a plain Arabic letter is looked at too.
 */
const MAY_HAVE_FORMS = /^(?:[وفبلاأإآٱ]|[^\u0000-\u007F\u0621-\u064A])/;

/** A word's letter forms, cached as keys are (search reads the keys alone: snippets mark words by key). */
function formsOf(word: string): WordForms {
  if (!MAY_HAVE_FORMS.test(word)) return NO_FORMS;
  return formsCache.get(word) ?? learnForms(word, foldWord(word));
}

function learnForms(word: string, folded: string): WordForms {
  const forms = ARABIC.test(folded) ? letterForms(folded) : [];
  const found = forms.length ? { letterForms: forms, letterTerms: forms.map((f) => LETTER_FORM_MARK + f) } : NO_FORMS;
  if (formsCache.size >= KEY_CACHE_LIMIT) formsCache.clear();
  formsCache.set(word, found);
  return found;
}

/**
 * Marks on index terms that are not a word's key, so that no query word can ever equal one nor a
 * prefix reach one by accident: Arabic-Indic digits, which folding turns into 0-9 in every word.
 */
const LETTER_FORM_MARK = '\u0660';
const MONTH_MARK = '\u0661';

/** The words of a text as indexing needs them: their keys, and their letter-form terms (once each). */
export function analyseWords(words: readonly string[]): { keys: string[]; letterTerms: Set<string> } {
  const keys: string[] = new Array(words.length);
  const terms = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    let key = keyCache.get(word);
    if (MAY_HAVE_FORMS.test(word)) {
      let forms = formsCache.get(word);
      if (forms === undefined) {
        // A word not seen before: folded once for both.
        const folded = foldWord(word);
        forms = learnForms(word, folded);
        key ??= learnKey(word, folded);
      }
      for (const term of forms.letterTerms) terms.add(term);
    }
    keys[i] = key ?? searchKey(word);
  }
  return { keys, letterTerms: terms };
}

/** The index term that every name of a month stands for (see months.ts). */
export function monthTerm(month: number): string {
  return `${MONTH_MARK}شهر${String(month).padStart(2, '0')}`;
}

/**
 * A prefix as search reads it (`word*`): folded, without a leading article (ال وال بال فال كال
 * لل, as every word loses it), and never stemmed. It matches index keys that begin with `prefix`
 * (انسحا* finds والانسحاب, whose key is انسحاب), letter-form terms that begin with `letterTerm`
 * (بغد* finds بغداد, key غداد), and, whole, the `stems`: keys it spells with suffixes, or the
 * start of one, after them (حكومة* finds الحكومة, key حكوم; like the word حكومة, it then finds
 * حكومات too). Latin prefixes match keys only.
 */
export function prefixSearch(typed: string): { prefix: string; letterTerm?: string; stems: string[] } {
  let prefix = foldWord(typed);
  if (!ARABIC.test(prefix)) return { prefix, stems: [] };
  for (let article = nextArticle(prefix); article; article = nextArticle(prefix)) prefix = prefix.slice(article.length);
  const stems: string[] = [];
  for (let length = MIN_STEM; length < prefix.length; length++) {
    // A key followed by whole suffixes (حكوم + ه); or, if the key is long enough not to be
    // another short word's, by the start of one (انسحاب + ا, of انسحابات).
    const rest = prefix.slice(length);
    if (SUFFIX_CHAINS.has(rest) || (length > MIN_STEM && SUFFIX_STARTS.has(rest))) stems.push(prefix.slice(0, length));
  }
  return { prefix, letterTerm: LETTER_FORM_MARK + prefix, stems };
}

function nextArticle(stem: string): string | undefined {
  return ARTICLE_PREFIXES.find((p) => stem.startsWith(p) && stem.length - p.length >= 2);
}

/** One or two suffixes in a row (ه, ات, اته, ...), as stripSuffixes takes them off a word; and their starts. */
const SUFFIX_CHAINS = new Set([...SUFFIXES, ...SUFFIXES.flatMap((a) => SUFFIXES.map((b) => a + b))]);
const SUFFIX_STARTS = new Set([...SUFFIX_CHAINS].flatMap((chain) => [...chain].map((_, i) => chain.slice(0, i + 1))));

/** Whether `word` is one that prefix `prefix` (as {@link prefixSearch} reads it) finds by its key or its letter forms. */
export function startsWithPrefix(word: string, prefix: string): boolean {
  return searchKey(word).startsWith(prefix) || formsOf(word).letterForms.some((f) => f.startsWith(prefix));
}

/** The words of `text`, without their offsets (cheaper, for indexing). */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Each word's key, in order, space separated: the words of the text the full-text index holds (see analyser.ts). */
export function indexText(text: string): string {
  return words(text).map(searchKey).join(' ');
}
