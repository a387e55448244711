/** The interface's messages: every one compiles as ICU MessageFormat, and counts take the right plural. */
import { describe, expect, it } from 'vitest';
import { type ErrorKey, errorMessages, errorText } from '../../electron/api/error-messages';
import { en, formatMessage, type MessageKey, queryWithStoredTagNames } from '../../renderer/src/messages';

describe('interface messages', () => {
  it('all compile in both languages, with placeholders filled', () => {
    for (const key of Object.keys(en) as MessageKey[]) {
      // Every placeholder the English message names, given a number (plurals need one).
      const values = Object.fromEntries([...en[key].matchAll(/\{(\w+)/g)].map((m) => [m[1]!, 3]));
      for (const lang of ['en', 'ar'] as const) {
        const text = formatMessage(lang, key, values);
        expect(text, `${lang}.${key}`).not.toMatch(/[{}]/);
      }
    }
  });

  it('counts articles with the six Arabic plural forms and the two English ones', () => {
    const arabic = [0, 1, 2, 3, 10, 11, 99, 100, 1002].map((n) => formatMessage('ar', 'articleCount', { n }));
    expect(arabic).toEqual(['لا مقالات', 'مقال واحد', 'مقالان', '3 مقالات', '10 مقالات', '11 مقالًا', '99 مقالًا', '100 مقال', '1,002 مقال']);
    expect([0, 1, 2, 100000].map((n) => formatMessage('en', 'articleCount', { n }))).toEqual(['0 articles', '1 article', '2 articles', '100,000 articles']);
  });

  it('says how many imported articles lack an outlet and a date, in the plural each count takes', () => {
    const lacking = (lang: 'en' | 'ar', outlet: number, published: number) => formatMessage(lang, 'missingDetails', { outlet, published }).split(':')[0];
    expect(lacking('en', 2, 2)).toBe('2 articles have no outlet, and 2 have no date');
    expect(lacking('en', 1, 0)).toBe('1 article has no outlet, and all have a date');
    expect(lacking('ar', 2, 2)).toBe('مقالان بلا وسيلة نشر، واثنان بلا تاريخ');
    expect(lacking('ar', 0, 11)).toBe('لكل المقالات وسيلة نشر، و11 بلا تاريخ');
    expect([1, 3, 100].map((n) => formatMessage('ar', 'addSourceDetailsTo', { n }))).toEqual([
      'إضافة بيانات المصدر إلى المقال المحدد…',
      'إضافة بيانات المصدر إلى 3 مقالات محددة…',
      'إضافة بيانات المصدر إلى 100 مقال محدد…',
    ]);
  });
});

describe('messages that choose by a word', () => {
  it('match the word given, not the isolated text a name becomes', () => {
    expect(formatMessage('en', 'step_mention.review', { status: 'accepted', count: 2 })).toBe('acceptance of 2 mentions of');
    expect(formatMessage('en', 'step_mention.review', { status: 'rejected', count: 1 })).toBe('rejection of 1 mention of');
    expect(formatMessage('en', 'addEntityAs', { name: 'الأنبار', kind: 'place' })).toBe('Add “\u2068الأنبار\u2069” as a place');
    expect(formatMessage('ar', 'addEntityAs', { name: 'الأنبار', kind: 'place' })).toBe('أضف «\u2068الأنبار\u2069» مكانًا جديدًا');
  });
});

describe('claims in Arabic', () => {
  it('say how many claims a source is the origin of, and how many match, in the plural each count takes', () => {
    expect([1, 2, 3, 11].map((origins) => formatMessage('ar', 'graphNode', { claims: 11, origins }))).toEqual([
      '11 ادعاءً، مصدر أصلي لادعاء واحد',
      '11 ادعاءً، مصدر أصلي لادعاءين',
      '11 ادعاءً، مصدر أصلي لـ3 ادعاءات',
      '11 ادعاءً، مصدر أصلي لـ11 ادعاءً',
    ]);
    expect(formatMessage('ar', 'graphNode', { claims: 1, origins: 0 })).toBe('ادعاء واحد');
    expect([1, 2, 5].map((n) => formatMessage('ar', 'claimMatching', { n }))).toEqual(['ادعاء واحد مطابق', 'ادعاءان مطابقان', '5 ادعاءات مطابقة']);
    expect(formatMessage('en', 'claimMatching', { n: 2 })).toBe('2 matching claims');
  });
});

describe('API error messages', () => {
  it('say the same thing in both languages: every key, with the same placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(errorMessages.en) as ErrorKey[]) {
      expect(placeholders(errorMessages.ar[key]), key).toEqual(placeholders(errorMessages.en[key]));
    }
  });

  it('fill in their parameters in the interface language', () => {
    expect(errorText('en', 'tagExists', { name: 'Claim' })).toBe('A tag called “Claim” already exists.');
    expect(errorText('ar', 'tagExists', { name: 'ادعاء' })).toBe('يوجد من قبل وسم اسمه «ادعاء».');
    expect(errorText('ar', 'articleNotFound', { id: 7 })).toBe('لا يوجد مقال رقم 7؛ ربما حُذف.');
  });
});

describe('tag: in a search', () => {
  it('finds a starter tag by the name the interface shows, in either language, and leaves other tags alone', () => {
    expect(queryWithStoredTagNames('انسحاب tag:ادعاء')).toBe('انسحاب tag:Claim');
    expect(queryWithStoredTagNames('tag:"ادعاء" AND عين')).toBe('tag:Claim AND عين');
    expect(queryWithStoredTagNames('tag:Claim')).toBe('tag:Claim');
    expect(queryWithStoredTagNames('tag:مسؤولون')).toBe('tag:مسؤولون');
  });
});
