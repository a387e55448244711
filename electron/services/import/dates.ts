/**
 * Publication dates as they are written in metadata and in Arabic and English text: ISO and
 * numeric dates, and day-month-year with month names in any Arabic system (يناير…, كانون الثاني…,
 * جانفي…) or English, in Western or Arabic-Indic digits. Everything becomes YYYY-MM-DD.
 */
import { MONTH_NAMES } from '../../../db/text/months';
import { foldWord } from '../../../db/text/search-text';

// The table search uses too (db/text/months.ts). Keys are folded (hamza, ta marbuta, alef
// maqsura) so every spelling of a month matches.
const MONTHS: [readonly string[], number][] = MONTH_NAMES.map(({ month, arabic, english }) => [[...arabic, ...english], month]);

const foldPhrase = (phrase: string) => phrase.split(/\s+/).map(foldWord).join(' ');
const MONTH_BY_NAME = new Map(MONTHS.flatMap(([names, month]) => names.map((n) => [foldPhrase(n), month] as const)));
// Longest names first, so "كانون الثاني" is not read as a bare "كانون".
const MONTH_PATTERN = [...MONTH_BY_NAME.keys()].sort((a, b) => b.length - a.length).join('|');

/** Text folded for date matching: Arabic-Indic digits to 0-9, letters folded, Arabic comma to comma. */
function foldForDates(text: string): string {
  return text.replace(/[\p{L}\p{N}\p{M}]+/gu, (w) => foldWord(w)).replace(/،/g, ',');
}

function iso(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return date.toISOString().slice(0, 10);
}

const DAY_MONTH_YEAR = new RegExp(`(?<![0-9])([0-9]{1,2})\\s+(?:من\\s+)?(?:شهر\\s+)?(${MONTH_PATTERN})\\s*,?\\s+(?:عام\\s+|سنه\\s+)?([0-9]{4})(?![0-9])`, 'u');
const MONTH_DAY_YEAR = new RegExp(`(?<![\\p{L}])(${MONTH_PATTERN})\\.?\\s+([0-9]{1,2})(?:st|nd|rd|th)?,?\\s+([0-9]{4})(?![0-9])`, 'u');
const ISO_DATE = /(?<![0-9])([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})(?![0-9])/;
const DMY_NUMERIC = /(?<![0-9])([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})(?![0-9])/;

/** The first full date (day, month and year) in `text`, as YYYY-MM-DD, or null. */
export function findDate(text: string): string | null {
  const folded = foldForDates(text);
  const candidates: { index: number; date: string | null }[] = [];
  const dmy = DAY_MONTH_YEAR.exec(folded);
  if (dmy) candidates.push({ index: dmy.index, date: iso(Number(dmy[3]), MONTH_BY_NAME.get(dmy[2]!)!, Number(dmy[1])) });
  const mdy = MONTH_DAY_YEAR.exec(folded);
  if (mdy) candidates.push({ index: mdy.index, date: iso(Number(mdy[3]), MONTH_BY_NAME.get(mdy[1]!)!, Number(mdy[2])) });
  const isoDate = ISO_DATE.exec(folded);
  if (isoDate) candidates.push({ index: isoDate.index, date: iso(Number(isoDate[1]), Number(isoDate[2]), Number(isoDate[3])) });
  const numeric = DMY_NUMERIC.exec(folded);
  if (numeric) candidates.push({ index: numeric.index, date: iso(Number(numeric[3]), Number(numeric[2]), Number(numeric[1])) });
  return candidates.filter((c) => c.date).sort((a, b) => a.index - b.index)[0]?.date ?? null;
}

/** A date from metadata (ISO timestamps, RFC 2822, PDF's D:YYYYMMDD, or written out), as YYYY-MM-DD; null unless day, month and year are all there. */
export function parseMetadataDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const pdf = /^D:(\d{4})(\d{2})(\d{2})/.exec(value.trim());
  if (pdf) return iso(Number(pdf[1]), Number(pdf[2]), Number(pdf[3]));
  // No Date.parse fallback: it reads a bare year or month as the 1st of January.
  return findDate(value);
}

/** Characters from the top of an article searched for its date: the dateline, not dates the story mentions. */
const DATELINE_LENGTH = 400;

/** The publication date written near the top of an article's text, if any. */
export function findDatelineDate(body: string): string | null {
  return findDate(body.slice(0, DATELINE_LENGTH));
}
