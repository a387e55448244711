import { describe, expect, it } from 'vitest';
import { monthsIn } from '../../db/text/months';
import { words } from '../../db/text/search-text';
import { findDate } from '../../electron/services/import/dates';

const months = (text: string) => monthsIn(words(text)).map(({ first, last, month }) => [first, last, month]);

describe('month names in text', () => {
  it('finds a month in every Arabic system, a two-word name as one', () => {
    expect(months('وصل في أيلول')).toEqual([[2, 2, 9]]);
    expect(months('وصل في سبتمبر')).toEqual([[2, 2, 9]]);
    expect(months('منذ كانون الثاني الماضي')).toEqual([[1, 2, 1]]);
    expect(months('في تشرين أول')).toEqual([[1, 2, 10]]);
    expect(months('بتاريخ 12 جانفي')).toEqual([[2, 2, 1]]);
    expect(months('ولأيلول')).toEqual([[0, 0, 9]]);
  });

  it('does not read كانون alone, nor "كان الثاني", as a month', () => {
    expect(months('كان الثاني في السباق')).toEqual([]);
    expect(months('كانون للتدفئة')).toEqual([]);
  });

  it('reads a name that is also a word as a month only beside a date', () => {
    expect(months('مارس الوفد ضغوطا')).toEqual([]);
    expect(months('في 5 مارس')).toEqual([[2, 2, 3]]);
    expect(months('مارس 2025')).toEqual([[0, 0, 3]]);
    expect(months('منذ آذار')).toEqual([[1, 1, 3]]);
    expect(months('زار الأب ابنه')).toEqual([]);
    expect(months('في آب الماضي')).toEqual([[1, 1, 8]]);
    // باب ("door") is not ب + آب, even beside a date word.
    expect(months('في باب المندب')).toEqual([]);
  });
});

describe('dates the importer reads, with the same month table', () => {
  it.each([
    ['٢٠ أيلول ٢٠٢٥', '2025-09-20'],
    ['3 كانون الثاني 2024', '2024-01-03'],
    ['12 جانفي 2026', '2026-01-12'],
    ['1 غشت 2023', '2023-08-01'],
    ['5 تشرين ثاني 2022', '2022-11-05'],
  ])('%s → %s', (text, date) => {
    expect(findDate(text)).toBe(date);
  });
});
