import { describe, expect, it } from 'vitest';
import { readReportedDates, readReportedFigures } from '../../db/text/reported-values';

/** The dates read, as an analyst sees them: text, range and precision. */
const dates = (text: string, reference?: string) => readReportedDates(text, reference).map(({ text, from, to, precision }) => ({ text, from, to, precision }));
const figures = (text: string) => readReportedFigures(text).map(({ text, value, unit, counted }) => ({ text, value, unit, counted }));

describe('reading the dates a passage reports', () => {
  it.each([
    ['في سبتمبر 2024، أفادت رويترز بأن المفاوضين اتفقوا', 'سبتمبر 2024', '2024-09-01', '2024-09-30', 'month'],
    ['بحلول أيلول/سبتمبر 2025', 'أيلول/سبتمبر 2025', '2025-09-01', '2025-09-30', 'month'],
    ['بحلول سبتمبر/أيلول 2025', 'سبتمبر/أيلول 2025', '2025-09-01', '2025-09-30', 'month'],
    ['ومنذ ديسمبر/كانون الأول 2021، عندما أعلن الجيش', 'ديسمبر/كانون الأول 2021', '2021-12-01', '2021-12-31', 'month'],
    ['حتى أيلول 2026', 'أيلول 2026', '2026-09-01', '2026-09-30', 'month'],
    ['في شباط 2024', 'شباط 2024', '2024-02-01', '2024-02-29', 'month'],
    ['غادر آخر جندي في 20 أيلول 2025 القاعدة', '20 أيلول 2025', '2025-09-20', '2025-09-20', 'day'],
    ['في 7 أكتوبر/تشرين الأول 2023 في إسرائيل', '7 أكتوبر/تشرين الأول 2023', '2023-10-07', '2023-10-07', 'day'],
    ['في 20 كانون الثاني 2026', '20 كانون الثاني 2026', '2026-01-20', '2026-01-20', 'day'],
    ['في ٢٠ أيلول ٢٠٢٥', '٢٠ أيلول ٢٠٢٥', '2025-09-20', '2025-09-20', 'day'],
    ['يوم 3 من شهر آب 2024', '3 من شهر آب 2024', '2024-08-03', '2024-08-03', 'day'],
    ['وصلت في 5 أوت 2024', '5 أوت 2024', '2024-08-05', '2024-08-05', 'day'],
    ['اعتبارا من جانفي 2026', 'جانفي 2026', '2026-01-01', '2026-01-31', 'month'],
    ['في جوان 2025', 'جوان 2025', '2025-06-01', '2025-06-30', 'month'],
    ['نهاية شتنبر 2025', 'نهاية شتنبر 2025', '2025-09-01', '2025-09-30', 'month'],
    ['بيان صدر في 2025/09/20', '2025/09/20', '2025-09-20', '2025-09-20', 'day'],
    ['بيان صدر في 20/9/2025', '20/9/2025', '2025-09-20', '2025-09-20', 'day'],
    ['نشر عام 2003 نحو 170 ألف جندي', 'عام 2003', '2003-01-01', '2003-12-31', 'year'],
    ['بناء على طلب الحكومة في عام 2023.', 'عام 2023', '2023-01-01', '2023-12-31', 'year'],
    ['في أواخر 2024، تم اغتيال', 'أواخر 2024', '2024-01-01', '2024-12-31', 'year'],
    ['تجنب تكرار سيناريو أفغانستان في 2021، حيث', '2021', '2021-01-01', '2021-12-31', 'year'],
    ['The deadline is September 2025.', 'September 2025', '2025-09-01', '2025-09-30', 'month'],
    ['Officials agreed on the plan in 2024.', '2024', '2024-01-01', '2024-12-31', 'year'],
    ['The base was handed over on September 21, 2025.', 'September 21, 2025', '2025-09-21', '2025-09-21', 'day'],
    ['It closed on 20 September 2025.', '20 September 2025', '2025-09-20', '2025-09-20', 'day'],
    ['by the end of Sept. 2025', 'end of Sept. 2025', '2025-09-01', '2025-09-30', 'month'],
    ['Attacks rose in late 2023.', 'late 2023', '2023-01-01', '2023-12-31', 'year'],
  ])('%s → %s', (text, read, from, to, precision) => {
    expect(dates(text)).toEqual([{ text: read, from, to, precision }]);
  });

  it('reads a month without its year as the latest such month on or before the article date', () => {
    expect(dates('قصف المواقع النووية في يونيو', '2025-07-15')).toEqual([{ text: 'يونيو', from: '2025-06-01', to: '2025-06-30', precision: 'month' }]);
    expect(dates('قصف المواقع النووية في يونيو', '2025-05-15')).toEqual([{ text: 'يونيو', from: '2024-06-01', to: '2024-06-30', precision: 'month' }]);
    expect(dates('سيكتمل الانسحاب نهاية سبتمبر', '2025-09-10')).toEqual([{ text: 'نهاية سبتمبر', from: '2025-09-01', to: '2025-09-30', precision: 'month' }]);
    expect(dates('Troops left in December.', '2025-01-08')).toEqual([{ text: 'December', from: '2024-12-01', to: '2024-12-31', precision: 'month' }]);
  });

  it('reads "next" and "last" months on the right side of the article date', () => {
    expect(dates('بحلول سبتمبر المقبل', '2025-07-15')).toEqual([{ text: 'سبتمبر المقبل', from: '2025-09-01', to: '2025-09-30', precision: 'month' }]);
    expect(dates('بحلول سبتمبر المقبل', '2025-09-15')).toEqual([{ text: 'سبتمبر المقبل', from: '2026-09-01', to: '2026-09-30', precision: 'month' }]);
    expect(dates('منذ مارس الماضي', '2025-03-20')).toEqual([{ text: 'مارس الماضي', from: '2024-03-01', to: '2024-03-31', precision: 'month' }]);
  });

  it('leaves the range empty for a month or day without its year when there is no article date', () => {
    expect(dates('سيكتمل الانسحاب نهاية سبتمبر')).toEqual([{ text: 'نهاية سبتمبر', from: '', to: '', precision: 'month' }]);
    expect(dates('في 20 أيلول غادر الرتل')).toEqual([{ text: '20 أيلول', from: '', to: '', precision: 'day' }]);
    expect(dates('في 20 أيلول غادر الرتل', '2025-10-01')).toEqual([{ text: '20 أيلول', from: '2025-09-20', to: '2025-09-20', precision: 'day' }]);
  });

  it('resolves a weekday to the latest such day on or before the article date', () => {
    // 2025-09-24 is a Wednesday; the Sunday before it is the 21st.
    expect(dates('بدأت الولايات المتحدة انسحابا مفاجئا يوم الأحد', '2025-09-24')).toEqual([{ text: 'يوم الأحد', from: '2025-09-21', to: '2025-09-21', precision: 'weekday' }]);
    expect(dates('قالت الحكومة العراقية، الأحد، إن القوات انسحبت', '2025-09-24')).toEqual([{ text: 'الأحد', from: '2025-09-21', to: '2025-09-21', precision: 'weekday' }]);
    expect(dates('Iraqi officials said on Sunday that the handover was complete.', '2025-09-21')).toEqual([{ text: 'Sunday', from: '2025-09-21', to: '2025-09-21', precision: 'weekday' }]);
    expect(dates('ونشرت الوزارة، السبت، مقطع فيديو', '2025-09-21')).toEqual([{ text: 'السبت', from: '2025-09-20', to: '2025-09-20', precision: 'weekday' }]);
  });

  it('reads "last Sunday" as the week before when the article is dated on a Sunday, and "next" as after it', () => {
    expect(dates('غادر الرتل الأحد الماضي', '2025-09-21')).toEqual([{ text: 'الأحد الماضي', from: '2025-09-14', to: '2025-09-14', precision: 'weekday' }]);
    expect(dates('The talks resume next Monday.', '2025-09-24')).toEqual([{ text: 'next Monday', from: '2025-09-29', to: '2025-09-29', precision: 'weekday' }]);
  });

  it('gives a weekday without an article date an empty range', () => {
    expect(dates('بدأ الانسحاب يوم الأحد')).toEqual([{ text: 'يوم الأحد', from: '', to: '', precision: 'weekday' }]);
  });

  it('joins a weekday to the full date written after it', () => {
    expect(dates('يوم الأحد 21 أيلول 2025 غادر آخر جندي')).toEqual([{ text: 'يوم الأحد 21 أيلول 2025', from: '2025-09-21', to: '2025-09-21', precision: 'day' }]);
    expect(dates('on Sunday, September 21, 2025')).toEqual([{ text: 'Sunday, September 21, 2025', from: '2025-09-21', to: '2025-09-21', precision: 'day' }]);
  });

  it('reads every date of a passage in order, with its place in code points', () => {
    const text = '📌 اتفقوا في سبتمبر 2024 على المغادرة بحلول أيلول 2025';
    const found = readReportedDates(text);
    expect(found.map((d) => d.text)).toEqual(['سبتمبر 2024', 'أيلول 2025']);
    expect(found.map((d) => [...text].slice(d.start, d.end).join(''))).toEqual(['سبتمبر 2024', 'أيلول 2025']);
  });

  it('reads no date in figures, in month names used as words, or in impossible days', () => {
    expect(dates('أرسلت أكثر من 2000 جندي')).toEqual([]);
    expect(dates('قال إن الحكومة مارس عليها ضغط كبير')).toEqual([]);
    expect(dates('Officials may leave soon.')).toEqual([]);
    expect(dates('في 31 حزيران 2025')).toEqual([]);
    expect(dates('زار أب الجندي القاعدة')).toEqual([]);
  });
});

describe('reading the figures a passage reports', () => {
  it.each([
    ['كان لأمريكا حوالي 2,500 جندي في العراق', '2,500 جندي', 2500, null, 'جندي'],
    ['نشر ٢٥٠٠ عسكري', '٢٥٠٠ عسكري', 2500, null, 'عسكري'],
    ['نحو ألفين وخمسمئة جندي', 'ألفين وخمسمئة جندي', 2500, null, 'جندي'],
    ['نحو ألفان وخمسمائة جندي', 'ألفان وخمسمائة جندي', 2500, null, 'جندي'],
    ['نقلت عن خمسة مسؤولين أمريكيين', 'خمسة مسؤولين', 5, null, 'مسؤولين'],
    ['ثلاثة مسؤولين عراقيين', 'ثلاثة مسؤولين', 3, null, 'مسؤولين'],
    ['مسؤولان من دول أخرى، وثلاثة مسؤولين عراقيين', 'ثلاثة مسؤولين', 3, null, 'مسؤولين'],
    ['أصيب بخمسة صواريخ', 'خمسة صواريخ', 5, null, 'صواريخ'],
    ['مئتا جندي غادروا', 'مئتا جندي', 200, null, 'جندي'],
    ['ثلاثمائة عنصر', 'ثلاثمائة عنصر', 300, null, 'عنصر'],
    ['ثلاث مئة عنصر', 'ثلاث مئة عنصر', 300, null, 'عنصر'],
    ['بلغ عددهم خمسة وعشرين مستشارا', 'خمسة وعشرين مستشارا', 25, null, 'مستشارا'],
    ['أحد عشر جندياً', 'أحد عشر جندياً', 11, null, 'جنديا'],
    ['ثلاثة عشر ألفاً من الجنود', 'ثلاثة عشر ألفاً', 13000, null, null],
    ['عشرة آلاف مقاتل', 'عشرة آلاف مقاتل', 10000, null, 'مقاتل'],
    ['مئة وخمسون ألف شخص', 'مئة وخمسون ألف شخص', 150000, null, 'شخص'],
    ['بلغ عدد القوات 170 ألف جندي', '170 ألف جندي', 170000, null, 'جندي'],
    ['ما لا يقل عن 70 هجومًا على القوات', '70 هجومًا', 70, null, 'هجوما'],
    ['صفقة بقيمة 1.5 مليون دولار', '1.5 مليون دولار', 1500000, 'دولار', null],
    ['بقيمة ٢٫٥ مليار دولار', '٢٫٥ مليار دولار', 2500000000, 'دولار', null],
    ['تراجعت الهجمات بنسبة 40%', '40%', 40, '%', null],
    ['تراجعت الهجمات بنسبة ٤٠٪', '٤٠٪', 40, '%', null],
    ['تراجعت الهجمات 40 في المئة', '40 في المئة', 40, '%', null],
    ['About 2,500 US troops remain in Iraq.', '2,500 US troops', 2500, null, 'troops'],
    ['three guards were wounded', 'three guards', 3, null, 'guards'],
    ['five US officials said', 'five US officials', 5, null, 'officials'],
    ['twenty-five thousand people fled', 'twenty-five thousand people', 25000, null, 'people'],
    ['a $5 million contract', '$5 million', 5000000, '$', null],
    ['troops cut by 40 percent', '40 percent', 40, '%', null],
  ])('%s → %s', (text, read, value, unit, counted) => {
    expect(figures(text)).toEqual([{ text: read, value, unit, counted }]);
  });

  it('reads every figure of a passage in order, with its place in code points, and none from its dates', () => {
    const text = '📌 في 7 أكتوبر 2023 بدأت هجمات أصيب فيها 5 عسكريين، وفي أغسطس/آب 2024 شنت الميليشيات 70 هجوما';
    const found = readReportedFigures(text);
    expect(found.map((f) => [f.value, f.counted])).toEqual([
      [5, 'عسكريين'],
      [70, 'هجوما'],
    ]);
    expect(found.map((f) => [...text].slice(f.start, f.end).join(''))).toEqual(['5 عسكريين', '70 هجوما']);
  });

  it('reads no figure from the number in an outlet\'s or source\'s name, but still from the figures beside it', () => {
    const names = ['كردستان 24', 'Kurdistan 24', 'France 24'];
    const read = (text: string) => readReportedFigures(text, names).map(({ text, value }) => ({ text, value }));
    expect(read('بدأت القوات نقل معداتها يوم الأحد، حسبما أفادت به وكالة كردستان 24.')).toEqual([]);
    // The clitic ل written onto the name.
    expect(read('قالت مصادر مطلعة لكردستان 24 إن 300 جندي غادروا القاعدة.')).toEqual([{ text: '300 جندي', value: 300 }]);
    expect(read('Informed sources told Kurdistan 24 that 300 troops had left.')).toEqual([{ text: '300 troops', value: 300 }]);
    expect(read('France 24 reported 300 troops had left.')).toEqual([{ text: '300 troops', value: 300 }]);
    // A number glued to letters was never a figure.
    expect(read('i24 News said 300 troops had left.')).toEqual([{ text: '300 troops', value: 300 }]);
    // Without the names, 24 reads as a figure: the names are what tells them apart.
    expect(readReportedFigures('وكالة كردستان 24').map((f) => f.value)).toEqual([24]);
  });

  it('reads no figure from vague or other words', () => {
    expect(figures('آلاف الجنود غادروا')).toEqual([]);
    expect(figures('one of the officials said')).toEqual([]);
    expect(figures('طائرات F-16 في الأجواء')).toEqual([]);
    expect(figures('قال إنه لست أعلم')).toEqual([]);
  });
});
