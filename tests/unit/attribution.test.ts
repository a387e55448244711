import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KNOWN_SOURCE_NAMES, proposeChain, type SourceMention, type SourceRole } from '../../db/text/attribution';
import { readReportedFigures } from '../../db/text/reported-values';

/** Code-point span of the first occurrence of `words` in `body` (after `after`, if given). */
function span(body: string, words: string, after = ''): { start: number; end: number } {
  const index = body.indexOf(words, after ? body.indexOf(after) : 0);
  if (index < 0) throw new Error(`"${words}" is not in the text`);
  const start = [...body.slice(0, index)].length;
  return { start, end: start + [...words].length };
}

type Shown = { entityId: number | null; name: string; role: SourceRole | null };
const shown = (links: readonly Shown[]): Shown[] => links.map(({ entityId, name, role }) => ({ entityId, name, role }));

/** The chain Sanad proposes for `passage` in `body`, as the API shows it. */
function chain(body: string, passage: string, mentions: SourceMention[] = []): Shown[] {
  return shown(proposeChain(body, span(body, passage), mentions).chain);
}

/** The chain and the parallel chains Sanad proposes for `passage` in `body`. */
function attribution(body: string, passage: string, mentions: SourceMention[] = []): { chain: Shown[]; parallel: Shown[][] } {
  const proposed = proposeChain(body, span(body, passage), mentions);
  return { chain: shown(proposed.chain), parallel: proposed.parallel.map(shown) };
}

const named = (name: string, role: SourceRole | null) => ({ entityId: null, name, role });

/** The values of the figures in `passage` of `body`, the names of the sources proposed for it and of well-known sources counting nothing, as the claim dialog proposes them. */
function figuresIn(body: string, passage: string): number[] {
  const proposed = proposeChain(body, span(body, passage), []);
  const names = [...KNOWN_SOURCE_NAMES, ...[proposed.chain, ...proposed.parallel].flat().map((l) => l.name)];
  return readReportedFigures(passage, names).map((f) => f.value);
}
const unnamed = (name: string) => ({ entityId: null, name, role: 'unnamed' as const });

describe('proposing the attribution chain of an Arabic passage', () => {
  it.each([
    [
      'the agency, then whom it quotes (نقلت X عن Y)',
      'ونقلت وكالة رويترز عن خمسة مسؤولين أمريكيين أن آخر الجنود سيغادرون قاعدة الحبانية قبل نهاية الشهر.',
      'آخر الجنود سيغادرون قاعدة الحبانية',
      [named('رويترز', 'agency'), unnamed('خمسة مسؤولين أمريكيين')],
    ],
    [
      'whom a source told before the source (قال X لـY)',
      'وقال مصدر أمني لوكالة الأنباء المحلية إن رتلاً من الشاحنات العسكرية غادر القاعدة فجراً.',
      'رتلاً من الشاحنات العسكرية غادر القاعدة',
      [named('وكالة الأنباء المحلية', 'agency'), unnamed('مصدر أمني')],
    ],
    [
      'a channel named after قناة, then informed sources',
      'وقالت مصادر مطلعة لقناة العربية إن عملية الإخلاء ستنتهي خلال أسبوع.',
      'عملية الإخلاء ستنتهي خلال أسبوع',
      [named('العربية', 'outlet'), unnamed('مصادر مطلعة')],
    ],
    [
      'وفقًا لـ written onto the name',
      'وفقًا لوكالة الأناضول، فإن طائرات الشحن نقلت المعدات الثقيلة إلى أربيل.',
      'طائرات الشحن نقلت المعدات الثقيلة',
      [named('الأناضول', 'agency')],
    ],
    [
      'a ministry as a government source',
      'وذكرت وزارة الدفاع العراقية أن القاعدة سُلّمت بالكامل إلى قيادة القوة الجوية.',
      'القاعدة سُلّمت بالكامل',
      [named('وزارة الدفاع العراقية', 'government')],
    ],
    [
      'an official speaking to a wire agency',
      'وأكد مسؤول عسكري عراقي لوكالة فرانس برس أن المستشارين الأمريكيين غادروا القاعدة.',
      'المستشارين الأمريكيين غادروا القاعدة',
      [named('فرانس برس', 'agency'), unnamed('مسؤول عسكري عراقي')],
    ],
    [
      'حسبما أفادت به after what it reports',
      'انسحب آخر المستشارين من قاعدة بلد يوم السبت، حسبما أفادت به وكالة شفق نيوز.',
      'انسحب آخر المستشارين من قاعدة بلد',
      [named('شفق نيوز', 'agency')],
    ],
    [
      'a newspaper citing diplomats (نقلًا عن)',
      'وأوردت صحيفة الشرق الأوسط، نقلًا عن دبلوماسيين غربيين، أن واشنطن أبلغت بغداد بجدول الانسحاب.',
      'واشنطن أبلغت بغداد بجدول الانسحاب',
      [named('الشرق الأوسط', 'outlet'), unnamed('دبلوماسيين غربيين')],
    ],
    [
      'the author of a statement (بحسب بيان صادر عن)',
      'وبحسب بيان صادر عن قيادة العمليات المشتركة، فإن القوات العراقية تسلمت المقر بالكامل.',
      'القوات العراقية تسلمت المقر',
      [named('قيادة العمليات المشتركة', 'military')],
    ],
    [
      'a subject written before its verb',
      'مصادر دبلوماسية أوضحت أن الاتفاق سيوقَّع في الأسابيع المقبلة.',
      'الاتفاق سيوقَّع',
      [unnamed('مصادر دبلوماسية')],
    ],
    [
      'whom it was told written before who said it',
      'وقالت لرويترز ثلاثة مصادر عسكرية إن الطائرات المسيرة رُصدت فوق القاعدة.',
      'الطائرات المسيرة رُصدت فوق القاعدة',
      [named('رويترز', 'agency'), unnamed('ثلاثة مصادر عسكرية')],
    ],
    [
      'a spokesman speaking "in a statement to" an agency',
      'وقال المتحدث باسم وزارة الدفاع في تصريح لوكالة الأنباء العراقية إن القاعدة باتت تحت سيطرة الجيش.',
      'القاعدة باتت تحت سيطرة الجيش',
      [named('وكالة الأنباء العراقية', 'agency'), named('المتحدث باسم وزارة الدفاع', 'official')],
    ],
    [
      'لـ written apart, with the name in quotes',
      'وقال مسؤول في الحشد الشعبي لـ«الجزيرة نت» إن الفصائل لن تعلق على الانسحاب.',
      'الفصائل لن تعلق على الانسحاب',
      [named('الجزيرة نت', 'outlet'), unnamed('مسؤول في الحشد الشعبي')],
    ],
    [
      'the coalition as a military source, "in a statement" skipped',
      'وقال التحالف الدولي في بيان إن مهمته في العراق انتهت رسمياً.',
      'مهمته في العراق انتهت',
      [named('التحالف الدولي', 'military')],
    ],
    [
      'the Pentagon as a government source',
      'وأعلن البنتاغون، الأحد، أن آخر دفعة من الجنود وصلت إلى الكويت.',
      'آخر دفعة من الجنود وصلت إلى الكويت',
      [named('البنتاغون', 'government')],
    ],
    [
      'a person with no title, before إن',
      'وقال ترامب إن الجنود سيعودون إلى الوطن قريباً.',
      'الجنود سيعودون إلى الوطن',
      [named('ترامب', null)],
    ],
    [
      'an agency that got it from an official (كما قال X نقلا عن Y)',
      'وكما قال مسؤول أميركي نقلاً عن وكالة الأنباء، فإن الخطة تحتاج إلى موافقة نهائية.',
      'الخطة تحتاج إلى موافقة نهائية',
      [unnamed('مسؤول أميركي'), named('وكالة الأنباء', 'agency')],
    ],
    [
      'the first of two outlets one statement was made to',
      'وأكدت مصادر خاصة لـ"العربية.نت" و"الحدث.نت" أن تقليص القوات سيشمل قاعدة بلد.',
      'تقليص القوات سيشمل قاعدة بلد',
      [named('العربية.نت', 'outlet'), unnamed('مصادر خاصة')],
    ],
  ])('%s', (_case, body, passage, expected) => {
    expect(chain(body, passage)).toEqual(expected);
  });

  it('reads nested reporting in order: the sources, then the officials they heard', () => {
    const body = 'وأفادت مصادر مطلعة بأن اجتماعاً عُقد في بغداد، قال خلاله مسؤولون أمريكيون إن الجدول الزمني لن يتغير.';
    expect(chain(body, 'الجدول الزمني لن يتغير')).toEqual([unnamed('مصادر مطلعة'), unnamed('مسؤولون أمريكيون')]);
    expect(chain(body, 'اجتماعاً عُقد في بغداد')).toEqual([unnamed('مصادر مطلعة')]);
  });

  it('gives each clause of a long sentence the source that speaks for it', () => {
    const body =
      'بدأت القوات الأجنبية إخلاء مواقعها في المطار، وفقًا لتقارير صحفية محلية، مما يؤكد تسارع الخطة، وبدأت القوات الأمريكية نقل معداتها من قاعدة بلد يوم الأحد، حسبما أفادت به وكالة كردستان 24.';
    expect(chain(body, 'إخلاء مواقعها في المطار')).toEqual([unnamed('تقارير صحفية محلية')]);
    expect(chain(body, 'نقل معداتها من قاعدة بلد')).toEqual([named('كردستان 24', 'outlet')]);
  });

  it('proposes nothing when the outlet itself reports it', () => {
    expect(chain('وصلت طائرات الشحن إلى القاعدة صباح الأحد.', 'وصلت طائرات الشحن')).toEqual([]);
  });

  it('does not lend a later speaker to what came before him in the sentence', () => {
    const body = 'غادرت القوات القاعدة صباح الأحد، وقال مسؤولون محليون إن السكان احتفلوا بالحدث.';
    expect(chain(body, 'غادرت القوات القاعدة')).toEqual([]);
    expect(chain(body, 'السكان احتفلوا بالحدث')).toEqual([unnamed('مسؤولون محليون')]);
  });

  it('does not carry a source over from the sentence before', () => {
    const body = 'وذكرت رويترز أن الاتفاق أُبرم في أيلول. وانسحبت القوات بعد ذلك بأشهر.';
    expect(chain(body, 'وانسحبت القوات بعد ذلك')).toEqual([]);
  });

  it('names nobody for "the report", "his words" or "what was reported"', () => {
    expect(chain('وفقًا للتقرير، فإن الانسحاب سيتم على مراحل.', 'الانسحاب سيتم على مراحل')).toEqual([]);
    expect(chain('وبحسب ما ورد، فإن الانسحاب سيتم على مراحل.', 'الانسحاب سيتم على مراحل')).toEqual([]);
    expect(chain('غادر الرتل القاعدة باتجاه الحدود، حسب تعبيره.', 'غادر الرتل القاعدة')).toEqual([]);
  });

  it('lists a source once though two phrases name it', () => {
    const body = 'أفادت رويترز بأن الخطة أُقرّت، ووفقًا لرويترز، كانت الخطة تتضمن مغادرة القاعدة قبل نهاية العام.';
    expect(chain(body, 'كانت الخطة تتضمن مغادرة القاعدة')).toEqual([named('رويترز', 'agency')]);
  });

  it('ends what a speaker says where a clause joined on names another speaker', () => {
    const body = 'قال الجيش العراقي إن القاعدة أُخليت بالكامل، وقال مسؤولون محليون إن بعض الجنود انتقلوا إلى أربيل.';
    expect(chain(body, 'القاعدة أُخليت بالكامل')).toEqual([named('الجيش العراقي', 'military')]);
    expect(chain(body, 'بعض الجنود انتقلوا إلى أربيل')).toEqual([unnamed('مسؤولون محليون')]);
  });

  it('proposes two reporting phrases side by side as two attributions, not one citing the other', () => {
    const body = 'وفقا لتقرير صادر عن رويترز وبحسب وكالة الأناضول، اتفقت بغداد وواشنطن على جدول الانسحاب.';
    expect(attribution(body, 'اتفقت بغداد وواشنطن')).toEqual({ chain: [named('رويترز', 'agency')], parallel: [[named('الأناضول', 'agency')]] });
  });

  it.each([
    [
      'two subjects of one verb (قالت X وY إن)',
      'وقالت وزارة الدفاع العراقية ووكالة رويترز إن آخر الجنود غادروا قاعدة بلد.',
      'آخر الجنود غادروا قاعدة بلد',
      [named('وزارة الدفاع العراقية', 'government')],
      [[named('رويترز', 'agency')]],
    ],
    [
      'two agencies after one designator (وكالتا X وY)',
      'وذكرت وكالتا رويترز وفرانس برس أن الرتل عبر الحدود.',
      'الرتل عبر الحدود',
      [named('رويترز', 'agency')],
      [[named('فرانس برس', 'agency')]],
    ],
    [
      'one statement made to two outlets (لـ"X" و"Y"), the unnamed sources after each',
      'وأكدت مصادر خاصة لـ"العربية.نت" و"الحدث.نت" أن تقليص القوات سيشمل قاعدة بلد.',
      'تقليص القوات سيشمل قاعدة بلد',
      [named('العربية.نت', 'outlet'), unnamed('مصادر خاصة')],
      [[named('الحدث.نت', 'outlet'), unnamed('مصادر خاصة')]],
    ],
    [
      'وفقًا لـ two sources, ل written on both',
      'وفقًا لرويترز ولوكالة الأناضول، غادرت القوات القاعدة.',
      'غادرت القوات القاعدة',
      [named('رويترز', 'agency')],
      [[named('الأناضول', 'agency')]],
    ],
    [
      'an agency quoting two kinds of officials (عن X وY)',
      'ونقلت رويترز عن مسؤولين عراقيين ومسؤولين أمريكيين أن الانسحاب سيكتمل في أيلول.',
      'الانسحاب سيكتمل في أيلول',
      [named('رويترز', 'agency'), unnamed('مسؤولين عراقيين')],
      [[named('رويترز', 'agency'), unnamed('مسؤولين أمريكيين')]],
    ],
    [
      'two verbs joined, each with its subject (قالت X وأكدت Y أن)',
      'وقالت رويترز وأكدت فرانس برس أن القوات غادرت القاعدة.',
      'القوات غادرت القاعدة',
      [named('رويترز', 'agency')],
      [[named('فرانس برس', 'agency')]],
    ],
  ])('proposes sources named side by side as parallel attributions: %s', (_case, body, passage, expectedChain, parallel) => {
    expect(attribution(body, passage)).toEqual({ chain: expectedChain, parallel });
  });

  it('keeps one description whose adjectives are joined with و, and nests what a source reports', () => {
    expect(attribution('ونقلت رويترز عن مسؤولين عراقيين وأمريكيين أن القوات غادرت.', 'القوات غادرت')).toEqual({
      chain: [named('رويترز', 'agency'), unnamed('مسؤولين عراقيين وأمريكيين')],
      parallel: [],
    });
    const nested = 'وأفادت مصادر مطلعة بأن اجتماعاً عُقد في بغداد، قال خلاله مسؤولون أمريكيون إن الجدول الزمني لن يتغير.';
    expect(attribution(nested, 'الجدول الزمني لن يتغير')).toEqual({ chain: [unnamed('مصادر مطلعة'), unnamed('مسؤولون أمريكيون')], parallel: [] });
  });

  it('reads a passage over two sentences, each with its own source, as two attributions', () => {
    const body = 'وذكرت رويترز أن الاتفاق أُبرم. وقال مسؤول عراقي إن القوات انسحبت.';
    expect(attribution(body, 'الاتفاق أُبرم. وقال مسؤول عراقي إن القوات انسحبت')).toEqual({ chain: [named('رويترز', 'agency')], parallel: [[unnamed('مسؤول عراقي')]] });
  });

  it('reads a person quoted by a newspaper past his title and "قوله"', () => {
    const body = 'ونقلت الصحيفة عن سالم الجبوري، مستشار وزير الدفاع لشؤون التسليح، قوله إن الصفقة أُنجزت، وإن التسليم يبدأ قريباً.';
    expect(chain(body, 'التسليم يبدأ قريباً')).toEqual([named('الصحيفة', 'outlet'), named('سالم الجبوري', null)]);
  });

  it('keeps a verb with a noun for object to its own clause', () => {
    const body = 'ومنذ أن أعلن الجيش الأمريكي إنهاء دوره القتالي، كان لأمريكا نحو 2500 جندي في العراق.';
    expect(chain(body, 'إنهاء دوره القتالي')).toEqual([named('الجيش الأمريكي', 'military')]);
    expect(chain(body, 'نحو 2500 جندي في العراق')).toEqual([]);
  });
});

describe('proposing the attribution chain of an English passage', () => {
  it.each([
    [
      'according to X, citing Y',
      'The US will complete its withdrawal from Ain al-Asad by September 2025, according to Reuters, citing five US officials.',
      'The US will complete its withdrawal',
      [named('Reuters', 'agency'), unnamed('five US officials')],
    ],
    [
      'X told Y that …',
      'Iraqi security sources told Al Jazeera that a convoy had left the base.',
      'a convoy had left the base',
      [named('Al Jazeera', 'outlet'), unnamed('Iraqi security sources')],
    ],
    [
      '…, X said in a statement',
      'The base was handed over on Saturday, the Iraqi Ministry of Defence said in a statement.',
      'The base was handed over on Saturday',
      [named('Iraqi Ministry of Defence', 'government')],
    ],
    [
      'a source familiar with the talks, on condition of anonymity',
      'A source familiar with the talks told AFP on condition of anonymity that the deal was final.',
      'the deal was final',
      [named('AFP', 'agency'), unnamed('source familiar with the talks')],
    ],
    [
      'X reported, quoting Y, that …',
      'Shafaq News reported, quoting a local official, that US troops had moved to Erbil.',
      'US troops had moved to Erbil',
      [named('Shafaq News', 'agency'), unnamed('local official')],
    ],
    ['diplomats', 'Diplomats said the coalition mission would end next year.', 'the coalition mission would end', [unnamed('Diplomats')]],
    ['U.S. is one word', 'U.S. officials said the drawdown would continue into the spring.', 'the drawdown would continue', [unnamed('U.S. officials')]],
    ['officials told X', 'US forces have left the base, five US officials told Reuters on Sunday.', 'US forces have left the base', [named('Reuters', 'agency'), unnamed('five US officials')]],
  ])('%s', (_case, body, passage, expected) => {
    expect(chain(body, passage)).toEqual(expected);
  });

  it.each([
    ['according to X and Y', 'The troops left the base, according to Reuters and AFP.', 'The troops left the base', [named('Reuters', 'agency')], [[named('AFP', 'agency')]]],
    ['X and Y reported', 'Reuters and AFP reported that the troops left the base.', 'the troops left the base', [named('Reuters', 'agency')], [[named('AFP', 'agency')]]],
    [
      'X, Y and Z reported',
      'Reuters, AFP and Anadolu reported that the troops left the base.',
      'the troops left the base',
      [named('Reuters', 'agency')],
      [[named('AFP', 'agency')], [named('Anadolu', 'agency')]],
    ],
    [
      'officials told X and Y',
      'Iraqi officials told Reuters and AFP that the troops left the base.',
      'the troops left the base',
      [named('Reuters', 'agency'), unnamed('Iraqi officials')],
      [[named('AFP', 'agency'), unnamed('Iraqi officials')]],
    ],
    [
      '…, X reported, citing Y and Z',
      'The troops left the base, Reuters reported, citing Iraqi officials and a Western diplomat.',
      'The troops left the base',
      [named('Reuters', 'agency'), unnamed('Iraqi officials')],
      [[named('Reuters', 'agency'), unnamed('Western diplomat')]],
    ],
  ])('proposes sources named side by side as parallel attributions: %s', (_case, body, passage, expectedChain, parallel) => {
    expect(attribution(body, passage)).toEqual({ chain: expectedChain, parallel });
  });

  it('nests what a source reports others said, and takes no clause before "and" for a source', () => {
    expect(attribution('According to Reuters, officials said that the troops left the base.', 'the troops left the base')).toEqual({
      chain: [named('Reuters', 'agency'), unnamed('officials')],
      parallel: [],
    });
    expect(attribution('Iraqi troops left and officials said the base was empty.', 'the base was empty')).toEqual({ chain: [unnamed('officials')], parallel: [] });
    expect(attribution('The ministry closed the base, officials said.', 'The ministry closed the base')).toEqual({ chain: [unnamed('officials')], parallel: [] });
  });

  it('proposes nothing for what the outlet says itself, or for a sentence after a cited one', () => {
    expect(chain('Troops left the base on Sunday.', 'Troops left the base')).toEqual([]);
    expect(chain('Reuters reported the plan in September. The troops left in January.', 'The troops left in January')).toEqual([]);
  });
});

describe('known sources and offsets', () => {
  it('prefers an entity the analyst accepted: its id and its name, with or without the clitic on the word', () => {
    const body = 'وذكرت وكالة الأنباء العراقية أن الحكومة تسلمت القاعدة، ووفقًا لرويترز فإن التسليم تأخر يومين.';
    const ina: SourceMention = { entityId: 7, name: 'واع', role: 'agency', ...span(body, 'وكالة الأنباء العراقية') };
    // The analyst marked رويترز without its ل, and has not given it a role yet.
    const reuters: SourceMention = { entityId: 3, name: 'Reuters', role: null, ...span(body, 'رويترز') };
    expect(chain(body, 'الحكومة تسلمت القاعدة', [ina, reuters])).toEqual([{ entityId: 7, name: 'واع', role: 'agency' }]);
    expect(chain(body, 'التسليم تأخر يومين', [ina, reuters])).toEqual([{ entityId: 3, name: 'Reuters', role: 'agency' }]);
  });

  it('gives each proposed source the place of its words, in code points', () => {
    // An emoji before the sentence takes two UTF-16 units but one code point.
    const body = '📌 ونقلت وكالة رويترز عن خمسة مسؤولين أمريكيين أن الانسحاب اكتمل.';
    const codePoints = [...body];
    const links = proposeChain(body, span(body, 'الانسحاب اكتمل'), []).chain;
    expect(links.map((l) => codePoints.slice(l.start, l.end).join(''))).toEqual(['رويترز', 'خمسة مسؤولين أمريكيين']);
  });

  it('reads a whole article written like the corpus, passage by passage', () => {
    const body = readFileSync(join(__dirname, '../fixtures/ar-claims-withdrawal.txt'), 'utf8');
    const ministry: SourceMention = { entityId: 21, name: 'وزارة الدفاع العراقية', role: 'government', ...span(body, 'وزارة الدفاع العراقية') };
    const of = (passage: string) => chain(body, passage, [ministry]);
    expect(of('بدأت يوم السبت إخلاء قاعدة بلد الجوية')).toEqual([unnamed('مصادر عراقية')]);
    expect(of('نحو 800 جندي سيغادرون القاعدة')).toEqual([named('رويترز', 'agency'), unnamed('ثلاثة مسؤولين أمريكيين')]);
    expect(of('يُنقل معظمهم إلى أربيل')).toEqual([named('رويترز', 'agency'), unnamed('ثلاثة مسؤولين أمريكيين')]);
    expect(of('رتلاً من أربعين شاحنة عسكرية')).toEqual([named('وكالة الأنباء العراقية', 'agency'), unnamed('مصدر أمني')]);
    expect(of('عملية التسليم ستكتمل')).toEqual([{ entityId: 21, name: 'وزارة الدفاع العراقية', role: 'government' }]);
    expect(of('الجدول الزمني قد يتأخر')).toEqual([named('العربية', 'outlet'), unnamed('مصادر مطلعة')]);
    expect(of('انسحبت من قاعدة عين الأسد')).toEqual([named('خلية الإعلام الأمني', 'military')]);
    expect(of('ولم يصدر تعليق فوري')).toEqual([]);
    // Two sources side by side: two attributions, and the number in an outlet's name no figure.
    expect(attribution(body, 'الطائرات الأمريكية غادرت مطار بغداد', [ministry])).toEqual({
      chain: [named('وزارة الخارجية العراقية', 'government')],
      parallel: [[named('رويترز', 'agency')]],
    });
    expect(of('300 جندي أمريكي وصلوا إلى أربيل')).toEqual([named('كردستان 24', 'outlet')]);
    expect(figuresIn(body, 'وأفادت قناة كردستان 24 بأن 300 جندي أمريكي وصلوا إلى أربيل')).toEqual([300]);
  });

  it('reads the same article in English', () => {
    const body = readFileSync(join(__dirname, '../fixtures/en-claims-withdrawal.txt'), 'utf8');
    expect(chain(body, 'US forces began leaving Balad air base')).toEqual([unnamed('Iraqi security sources')]);
    expect(chain(body, 'About 800 troops will leave')).toEqual([named('Reuters', 'agency'), unnamed('three US officials')]);
    expect(chain(body, 'a convoy of 40 trucks')).toEqual([named('Iraqi News Agency', 'agency'), unnamed('security source')]);
    expect(chain(body, 'The handover will be complete')).toEqual([named('Iraqi Ministry of Defence', 'government')]);
    expect(chain(body, 'the timetable could slip')).toEqual([named('Al Arabiya', 'outlet'), unnamed('Informed sources')]);
    expect(chain(body, 'The US embassy in Baghdad did not comment')).toEqual([]);
    expect(attribution(body, 'US aircraft left Baghdad International Airport')).toEqual({ chain: [named('Reuters', 'agency')], parallel: [[named('AFP', 'agency')]] });
    expect(chain(body, '300 US troops had arrived in Erbil')).toEqual([named('Kurdistan 24', 'outlet')]);
    expect(figuresIn(body, 'Kurdistan 24 reported that 300 US troops had arrived in Erbil')).toEqual([300]);
  });

  it('reads a passage that spans the reporting phrase itself', () => {
    const body = 'ونقلت وكالة رويترز عن خمسة مسؤولين أمريكيين أن القوات ستغادر.';
    expect(chain(body, body.slice(0, -1))).toEqual([named('رويترز', 'agency'), unnamed('خمسة مسؤولين أمريكيين')]);
  });
});
