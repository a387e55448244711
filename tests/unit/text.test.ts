import { describe, expect, it } from 'vitest';
import { codePointCounter, codePointOffset, utf16Offset, westernDigits } from '../../db/text/codepoints';
import { contentHash, detectLanguage, firstLineTitle, normaliseText, quoteSelector } from '../../db/text/text';
import { wordSpan } from '../../db/text/words';

describe('normalising imported text', () => {
  it('drops the BOM, turns CRLF and CR into LF, and composes to NFC, keeping every visible character', () => {
    expect(normaliseText('\uFEFFسطر\r\nline\rend')).toBe('سطر\nline\nend');
    expect(normaliseText('e\u0301')).toBe('\u00e9');
    // Tashkeel is text the analyst sees: it stays.
    expect(normaliseText('مُؤَقَّتًا')).toBe('مُؤَقَّتًا'.normalize('NFC'));
  });
});

describe('detecting language', () => {
  it('calls mostly-Arabic text Arabic, right to left, even with English names in it', () => {
    expect(detectLanguage('نقلت وكالة Reuters عن ثلاثة مسؤولين أمريكيين')).toEqual({ language: 'ar', direction: 'rtl' });
    expect(detectLanguage('Reuters quoted three US officials in Baghdad')).toEqual({ language: 'en', direction: 'ltr' });
  });
});

describe('titles', () => {
  it('takes the first sentence of a first line that is a whole paragraph, and leaves the paragraph in the text', () => {
    const lead = 'أعلنت وزارة النقل العراقية إغلاق ميناء الفاو الكبير لمدة ثلاثة أيام. وقال مصدر أمني إن ثلاثة من الحراس أصيبوا بجروح طفيفة في الاشتباكات التي اندلعت ليلًا قرب البوابة الشمالية.';
    expect(firstLineTitle(`${lead}\nوتابع المصدر…`)).toBe('أعلنت وزارة النقل العراقية إغلاق ميناء الفاو الكبير لمدة ثلاثة أيام');
  });
  it('cuts a long first sentence at a word, not inside one', () => {
    const words = Array.from({ length: 40 }, (_, i) => `كلمة${i}`).join(' ');
    const title = firstLineTitle(words);
    expect(title.endsWith('…')).toBe(true);
    expect(words.startsWith(title.slice(0, -1))).toBe(true);
    expect(words[title.length - 1]).toBe(' ');
  });
  it('takes the first non-blank line, trimmed', () => {
    expect(firstLineTitle('\n\n  عنوان المقال  \nالنص')).toBe('عنوان المقال');
  });
  it('cuts a very long first line at a whole code point with an ellipsis', () => {
    const title = firstLineTitle('😀'.repeat(300));
    expect([...title]).toHaveLength(121);
    expect(title.endsWith('…')).toBe(true);
  });
});

describe('quote selectors', () => {
  it('counts code points, so text after an emoji or other astral character anchors right', () => {
    const body = '😀 قاعدة عين الأسد الجوية';
    const start = [...body.slice(0, body.indexOf('عين'))].length;
    const quote = quoteSelector(body, start, start + 9);
    expect(quote.exact).toBe('عين الأسد');
    expect(quote.prefix).toBe('😀 قاعدة ');
    expect(quote.suffix).toBe(' الجوية');
  });
  it('keeps 32 code points of context on each side', () => {
    const body = `${'أ'.repeat(50)}X${'ب'.repeat(50)}`;
    const quote = quoteSelector(body, 50, 51);
    expect([...quote.prefix]).toHaveLength(32);
    expect([...quote.suffix]).toHaveLength(32);
  });
});

describe('code point and UTF-16 offsets', () => {
  it('convert both ways across surrogate pairs', () => {
    const text = 'a😀b𝒜c';
    expect(codePointOffset(text, text.indexOf('b'))).toBe(2);
    expect(utf16Offset(text, 2)).toBe(text.indexOf('b'));
    expect(codePointOffset(text, text.length)).toBe(5);
    expect(utf16Offset(text, 99)).toBe(text.length);
  });

  it('count many offsets into one text alike, in order or not', () => {
    const text = 'a😀b𝒜c';
    const counter = codePointCounter(text);
    const offsets = [0, 1, 3, 4, 6, 7, 3, 0, 7];
    expect(offsets.map(counter)).toEqual(offsets.map((offset) => codePointOffset(text, offset)));
  });
});

describe('content hashes', () => {
  it('are equal for equal text and differ for a one-letter change', () => {
    expect(contentHash('نص')).toBe(contentHash('نص'));
    expect(contentHash('نص')).not.toBe(contentHash('نض'));
  });
});

describe('word boundaries', () => {
  it('widens a span that starts or ends inside a word to the whole words, clitics included, in code points', () => {
    const body = 'ونقلت وكالة الأنباء 😀 الخبر';
    const inside = [...body.slice(0, body.indexOf('قلت'))].length;
    const span = wordSpan(body, inside, inside + 7);
    expect([...body].slice(span.start, span.end).join('')).toBe('ونقلت وكالة');
    const emoji = [...body].indexOf('😀');
    const after = wordSpan(body, emoji + 3, emoji + 5);
    expect([...body].slice(after.start, after.end).join('')).toBe('الخبر');
  });
});

describe('westernDigits', () => {
  it('writes Arabic-Indic and Persian digits as Western ones, leaving the rest', () => {
    expect(westernDigits('٢٠٢٥-٠٩-٢٠')).toBe('2025-09-20');
    expect(westernDigits('۱۴۰۳ سنة 2025')).toBe('1403 سنة 2025');
  });
});
