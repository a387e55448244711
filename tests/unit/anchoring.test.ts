import { describe, expect, it } from 'vitest';
import { reanchor, type StoredSelectors } from '../../db/text/anchoring';
import { quoteSelector } from '../../db/text/text';

const ORIGINAL = 'قالت الوزارة إن ثلاثة من الحراس أصيبوا بجروح طفيفة قرب البوابة الشمالية للميناء.';

function selectorsFor(body: string, exact: string, occurrence = 0): StoredSelectors {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = body.indexOf(exact, at + 1);
  const start = [...body.slice(0, at)].length;
  const end = start + [...exact].length;
  return { start, end, ...quoteSelector(body, start, end) };
}

describe('re-anchoring an annotation in changed text', () => {
  const old = selectorsFor(ORIGINAL, 'ثلاثة من الحراس');

  it('keeps the position when the quote is still there', () => {
    expect(reanchor(`${ORIGINAL} وأضافت أن التحقيق مستمر.`, old)).toMatchObject({ status: 'anchored', method: 'position', start: old.start, end: old.end });
  });

  it('finds the exact quote where text before it grew', () => {
    const edited = `بيان عاجل: ${ORIGINAL}`;
    const outcome = reanchor(edited, old);
    expect(outcome).toMatchObject({ status: 'anchored', method: 'quote', exact: 'ثلاثة من الحراس' });
    if (outcome.status === 'anchored') expect([...edited].slice(outcome.start, outcome.end).join('')).toBe('ثلاثة من الحراس');
  });

  it('picks the occurrence whose context matches when the quote occurs twice', () => {
    const body = 'أصيب ثلاثة من العمال في المصنع. وفي الميناء أصيب ثلاثة من الحراس بجروح.';
    const target = selectorsFor(body, 'ثلاثة من', 1);
    const edited = `تحديث: ${body}`;
    const outcome = reanchor(edited, target);
    expect(outcome).toMatchObject({ status: 'anchored', method: 'quote' });
    if (outcome.status === 'anchored') expect(outcome.suffix.startsWith(' الحراس')).toBe(true);
  });

  it('follows a lightly edited quote with a fuzzy match near the old place', () => {
    const edited = ORIGINAL.replace('ثلاثة من الحراس', 'ثلاثةً من حراس');
    const outcome = reanchor(edited, old);
    expect(outcome).toMatchObject({ status: 'anchored', method: 'fuzzy' });
    if (outcome.status === 'anchored') expect(outcome.exact).toContain('من حراس');
  });

  it('sends a quote that is gone to review, and never deletes it', () => {
    expect(reanchor('نص مختلف تمامًا لا علاقة له بالخبر الأصلي.', old)).toEqual({ status: 'review', reason: 'unmatched', candidates: [] });
  });

  it('sends a quote to review when two places fit equally well', () => {
    const repeated = 'أعلن المصدر ذلك. أعلن المصدر ذلك.';
    const lost = { start: 40, end: 51, exact: 'أعلن المصدر', prefix: 'قبل ', suffix: ' بعد' };
    const outcome = reanchor(repeated, lost);
    expect(outcome).toMatchObject({ status: 'anchored' });
    // The quote was between the two places it now occurs, equally far from both, with no context to tell.
    const ambiguous = reanchor('س أعلن المصدر س أعلن المصدر س', { start: 9, end: 20, exact: 'أعلن المصدر', prefix: 'x', suffix: 'y' });
    expect(ambiguous).toMatchObject({ status: 'review', reason: 'ambiguous' });
    if (ambiguous.status === 'review') expect(ambiguous.candidates).toHaveLength(2);
  });

  it('counts code points, so text with emoji before the quote still anchors by position', () => {
    const body = `📰📰 ${ORIGINAL}`;
    const selectors = selectorsFor(body, 'الحراس');
    expect(reanchor(body, selectors)).toMatchObject({ status: 'anchored', method: 'position' });
  });
});

describe('bounded work', () => {
  it('sends a very long passage that is not found exactly to review at once, instead of a minutes-long fuzzy search', () => {
    const body = 'كلمة '.repeat(60_000);
    const exact = 'نص '.repeat(50_000);
    expect(reanchor(body, { start: 0, end: [...exact].length, exact, prefix: '', suffix: '' })).toEqual({ status: 'review', reason: 'unmatched', candidates: [] });
  });
});

describe('re-anchoring in a long text', () => {
  it('places a quote that occurs thousands of times where it moved, by its context', () => {
    const filler = 'قال المسؤول إن الميناء مغلق. ';
    const before = filler.repeat(5000);
    const body = `${before}وأكد شهود أن الميناء مغلق منذ الفجر. ${filler.repeat(5000)}`;
    const old = selectorsFor(body, 'الميناء', 5000);
    expect(old.suffix.startsWith(' مغلق منذ الفجر')).toBe(true);
    // A line added on top moves every passage; the quote is found again at its own place.
    const edited = `عاجل\n${body}`;
    const outcome = reanchor(edited, old);
    expect(outcome).toMatchObject({ status: 'anchored', method: 'quote', start: old.start + 5, end: old.end + 5 });
  });

  it('still offers the best places when a quote’s context is found in two places equally near', () => {
    const body = 'أ ب ج الميناء د ه و.  أ ب ج الميناء د ه و.';
    // Once at 6 and once at 28: the old place, 17, is as far from both.
    const old = { start: 17, end: 24, exact: 'الميناء', prefix: 'أ ب ج ', suffix: ' د ه و.' };
    const outcome = reanchor(body, old);
    expect(outcome).toMatchObject({ status: 'review', reason: 'ambiguous', candidates: [{ start: 6, end: 13 }, { start: 28, end: 35 }] });
  });
});

describe('quote selectors on any text', () => {
  /** The selector as it is defined: the text split into code points. */
  const reference = (body: string, start: number, end: number) => {
    const points = [...body];
    return { exact: points.slice(start, end).join(''), prefix: points.slice(Math.max(0, start - 32), start).join(''), suffix: points.slice(end, end + 32).join('') };
  };

  it('match splitting the text into code points, with astral characters and lone surrogates', () => {
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const alphabet = ['a', 'ب', ' ', '\n', '😀', '\uD800', '\uDC00'];
    for (let round = 0; round < 2000; round++) {
      const bmp = round % 2 === 0;
      const length = random(600);
      let body = '';
      for (let i = 0; i < length; i++) body += alphabet[random(bmp ? 4 : alphabet.length)];
      const start = random(length + 10);
      const end = random(length + 10);
      expect(quoteSelector(body, start, end), `${JSON.stringify(body)} ${start} ${end}`).toEqual(reference(body, start, end));
    }
  });
});
