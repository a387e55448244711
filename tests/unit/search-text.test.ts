import { describe, expect, it } from 'vitest';
import { indexTerms } from '../../db/text/analyser';
import { foldWord, indexText, monthTerm, prefixSearch, searchKey, startsWithPrefix } from '../../db/text/search-text';

describe('folding Arabic spelling', () => {
  it.each([
    ['أ إ آ ٱ', 'ا ا ا ا'],
    ['مستشفى', 'مستشفي'],
    ['قاعدة', 'قاعده'],
    ['مُؤَقَّتًا', 'مءقتا'],
    ['انسحــــاب', 'انسحاب'],
    ['٢٠٢٥ ۱۴۰۳', '2025 1403'],
    ['Réuters ÉLYSÉE', 'reuters elysee'],
    ['ﻻ', 'لا'],
  ])('%s → %s', (written, folded) => {
    expect(written.split(' ').map(foldWord).join(' ')).toBe(folded);
  });

  it('spells hamza on waw and on ya alike (مسؤول = مسئول)', () => {
    expect(searchKey('مسؤول')).toBe(searchKey('مسئول'));
  });
});

describe('stemming clitics and suffixes', () => {
  it.each([
    [['القاعدة', 'قاعدة', 'وللقاعدة', 'بالقاعدة', 'القاعدتين']],
    [['أمريكي', 'الأمريكية', 'الأمريكيين', 'والأمريكي']],
    [['واشنطن', 'بواشنطن', 'وواشنطن']],
    [['الانسحاب', 'انسحاب', 'وانسحاب', 'انسحابها', 'بانسحاب']],
    [['وكالة', 'الوكالة', 'لوكالة', 'ووكالة']],
  ])('gives %j one key', (forms) => {
    expect(new Set(forms.map(searchKey)).size).toBe(1);
  });

  it('keeps short words whole', () => {
    expect(searchKey('بلد')).toBe('بلد');
    expect(searchKey('من')).toBe('من');
  });

  it('indexes a text as the keys of its words, in order', () => {
    expect(indexText('وقال المسؤول: «الانسحاب اكتمل».')).toBe('قال مسءول انسحاب اكتمل');
  });
});

describe('prefix search', () => {
  it('reads a prefix folded, without a leading article, never stemmed, with the keys it spells before a suffix', () => {
    expect(prefixSearch('الحكومة')).toMatchObject({ prefix: 'حكومه', stems: ['حكوم'] });
    expect(prefixSearch('والانسحاب')).toMatchObject({ prefix: 'انسحاب', stems: [] });
    expect(prefixSearch('انسحابا')).toMatchObject({ prefix: 'انسحابا', stems: ['انسحاب'] });
    expect(prefixSearch('مسلمي')).toMatchObject({ prefix: 'مسلمي', stems: ['مسلم'] });
    // A single letter may be the word's own: it stays.
    expect(prefixSearch('بغد')).toMatchObject({ prefix: 'بغد', stems: [] });
    expect(prefixSearch('Washing')).toMatchObject({ prefix: 'washing', stems: [] });
  });

  it('finds a word by its key or by its form before the stemmer took a first letter', () => {
    expect(startsWithPrefix('والانسحاب', 'انسحا')).toBe(true);
    expect(startsWithPrefix('بغداد', 'بغد')).toBe(true);
    expect(startsWithPrefix('فلسطين', 'فلس')).toBe(true);
    expect(startsWithPrefix('وزارة', 'وزار')).toBe(true);
    // زار "visited" has the key of وزارة, but does not begin with وزار.
    expect(startsWithPrefix('زار', 'وزار')).toBe(false);
  });

  it('indexes the forms that lost a first letter, once each, after the keys in order', () => {
    const mark = '\u0660';
    expect(indexTerms(['بغداد', 'وبغداد', 'الحكومة'])).toBe(['غداد', 'غداد', 'حكوم', `${mark}بغداد`, `${mark}وبغداد`].join(' '));
    expect(indexTerms(['Reuters', 'said'])).toBe('reuters said');
  });

  it('indexes a month once under one term, however it is named', () => {
    expect(indexTerms(['في', '20', 'أيلول']).split(' ')).toContain(monthTerm(9));
    expect(indexTerms(['كانون', 'الثاني']).split(' ')).toContain(monthTerm(1));
    expect(indexTerms(['كانون', 'الثاني']).split(' ')).not.toContain(monthTerm(12));
  });
});
