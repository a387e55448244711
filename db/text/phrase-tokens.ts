/**
 * Words and punctuation of a passage as the claim readers (attribution, reported dates and
 * figures) see them: each with its place in the original text and its folded spelling, and the
 * spellings a word may stand for once Arabic clitics (و ف ب ل لل) are taken off. Pure.
 */
import { foldWord } from './search-text';

/** A word or a punctuation mark of a text; offsets are UTF-16 indices into that text. */
export interface PhraseToken {
  text: string;
  start: number;
  end: number;
  /** {@link foldWord} of a word (hamza, ta marbuta, alef maqsura, tashkeel, digits, case); punctuation as written. */
  folded: string;
  word: boolean;
}

// "U.S." and "U.N." are one word (their dots end no sentence); then words; then each other
// visible character on its own (quotes, commas, slashes, percent signs).
const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}\p{M}]+|[^\s\p{L}\p{N}\p{M}]/gu;

/** The words and punctuation marks of `text`, in order. */
export function phraseTokens(text: string): PhraseToken[] {
  const tokens: PhraseToken[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const word = /[\p{L}\p{N}]/u.test(match[0]);
    tokens.push({ text: match[0], start: match.index, end: match.index + match[0].length, folded: word ? foldWord(match[0]) : match[0], word });
  }
  return tokens;
}

/** A phrase folded word by word, words joined by one space: the key tables here are built with. */
export function foldPhrase(phrase: string): string {
  return phraseTokens(phrase)
    .map((t) => t.folded)
    .join(' ');
}

/** One reading of a folded word: `form` once `letters` (the clitics, e.g. 'ول') are taken off its front. */
export interface CliticForm {
  form: string;
  letters: string;
}

/**
 * The readings of a folded Arabic word with its clitics taken off: itself, without a leading
 * و or ف (and), then without ب, ل or ك (with, to, like); لل (ل + ال, whose alef is not written)
 * reads as ال. "وللتحالف" gives وللتحالف, للتحالف, لتحالف and التحالف. A Latin word is only itself.
 */
export function cliticForms(folded: string): CliticForm[] {
  const forms: CliticForm[] = [{ form: folded, letters: '' }];
  if (!/^[\u0621-\u064A]/.test(folded)) return forms;
  let rest = folded;
  let letters = '';
  if (/^[وف]/.test(rest) && rest.length > 3) {
    letters = rest[0]!;
    rest = rest.slice(1);
    forms.push({ form: rest, letters });
  }
  if (rest.startsWith('لل') && rest.length > 4) forms.push({ form: `ا${rest.slice(1)}`, letters: `${letters}ل` });
  if (/^[بلك]/.test(rest) && rest.length > 3) forms.push({ form: rest.slice(1), letters: letters + rest[0]! });
  return forms;
}

/** The UTF-16 index in `word` just after its first `letters` letters (tashkeel and tatweel after them go too). */
export function afterLetters(word: string, letters: number): number {
  let i = 0;
  for (let seen = 0; seen < letters && i < word.length; i++) if (/\p{L}/u.test(word[i]!) && word[i] !== 'ـ') seen++;
  while (i < word.length && /[\p{M}ـ]/u.test(word[i]!)) i++;
  return i;
}
