/**
 * Sanad's proposal of a claim's attribution chain: whom a passage cites, through whom, read from
 * the reporting phrases of the sentence around it ("ونقلت وكالة رويترز عن خمسة مسؤولين أمريكيين
 * أن …" → رويترز, then خمسة مسؤولين أمريكيين). A heuristic over words, not a parser: it knows the
 * reporting verbs and prepositions of Arabic and English news, well-known agencies and outlets,
 * and the nouns that head a source's description (مصادر, مسؤول, وزارة, officials, Ministry). The
 * analyst confirms or edits what it proposes. Pure; offsets count code points.
 */
import { codePointOffset, utf16Offset } from './codepoints';
import { afterLetters, cliticForms, foldPhrase, phraseTokens, type PhraseToken } from './phrase-tokens';
import { numberWordValue, weekdayOf } from './reported-values';

import type { SourceRole } from '../model';

export type { SourceRole };

/** A known source mentioned in the article (an entity mention the analyst accepted), with its place. */
export interface SourceMention {
  entityId: number;
  name: string;
  role: SourceRole | null;
  start: number;
  end: number;
}

/** One link of a proposed chain: a known entity (entityId) or words of the text naming a source not yet an entity (entityId null). */
export interface ProposedLink {
  entityId: number | null;
  name: string;
  role: SourceRole | null;
  start: number;
  end: number;
}

/** What Sanad proposes for a passage: one chain of who cites whom, and the other attributions its sentence gives beside it. */
export interface ProposedAttribution {
  /** The sources the passage cites, in order, the origin last. */
  chain: ProposedLink[];
  /**
   * Other chains for the same words, each a separate attribution (a claim of its own), never
   * links of the first: sources named side by side ("قالت وزارة الدفاع العراقية ووكالة رويترز
   * إن", "according to Reuters and AFP", "لـ"العربية.نت" و"الحدث.نت"") or a second reporting
   * phrase beside the first ("وفقا لرويترز وبحسب وكالة الأنباء العراقية").
   */
  parallel: ProposedLink[][];
}

// ---------------------------------------------------------------------------------------------
// Word tables. Written as news writes them and folded once (hamza, ta marbuta, alef maqsura),
// so every spelling matches.
// ---------------------------------------------------------------------------------------------
const folded = (words: string[]) => new Set(words.map(foldPhrase));

/** Arabic reporting verbs (past and present, the persons news uses), without و/ف. */
const ARABIC_VERBS = folded([
  'قال', 'قالت', 'قالوا', 'يقول', 'تقول', 'يقولون', 'ذكر', 'ذكرت', 'ذكروا', 'يذكر', 'تذكر', 'أفاد', 'أفادت', 'أفادوا', 'يفيد', 'تفيد',
  'أكد', 'أكدت', 'أكدوا', 'يؤكد', 'تؤكد', 'أعلن', 'أعلنت', 'أعلنوا', 'يعلن', 'تعلن', 'صرح', 'صرحت', 'صرحوا', 'كشف', 'كشفت', 'كشفوا', 'يكشف', 'تكشف',
  'أوضح', 'أوضحت', 'أوضحوا', 'أضاف', 'أضافت', 'أضافوا', 'أشار', 'أشارت', 'أشاروا', 'أورد', 'أوردت', 'أبلغ', 'أبلغت', 'أبلغوا', 'نفى', 'نفت', 'نفوا',
  'زعم', 'زعمت', 'ادعى', 'ادعت', 'رجح', 'رجحت', 'نقل', 'نقلت', 'نقلوا', 'ينقل', 'تنقل',
]);
/** نقل: "نقلت X عن Y", X reports what Y said. */
const TRANSMITTING_VERBS = folded(['نقل', 'نقلت', 'نقلوا', 'ينقل', 'تنقل']);
const ENGLISH_VERBS = folded([
  'said', 'says', 'say', 'told', 'tells', 'tell', 'reported', 'announced', 'confirmed', 'stated', 'added', 'quoted', 'cited', 'claimed', 'denied', 'noted',
  'revealed', 'disclosed', 'wrote', 'tweeted', 'posted', 'warned', 'explained',
]);
/** "X told Y": Y heard it from X, so Y comes first. */
const TELLING_VERBS = folded(['told', 'tells', 'tell']);
/** "X quoted Y (as saying)": X reports Y's words. */
const QUOTING_VERBS = folded(['quoted', 'cited']);
/** After a source: "citing Y", "نقلا عن Y": whom it got it from. */
const CITING_WORDS = folded(['citing', 'quoting']);

/** Words that make a name out of what follows ("وكالة رويترز" is رويترز). */
const DESIGNATORS = folded(['وكالة', 'قناة', 'صحيفة', 'شبكة', 'موقع', 'تلفزيون', 'إذاعة', 'مجلة', 'فضائية', 'وكالتا', 'وكالتي', 'قناتا', 'قناتي', 'صحيفتا', 'صحيفتي']);
/** Words saying what was said, standing for their author: "بيان وزارة الدفاع", "a report by Reuters". */
const REPORT_WORDS = folded(['تقرير', 'بيان', 'تصريح', 'تصريحات', 'report', 'statement']);
/** "في بيان", "في تصريح لـ…", "في مقابلة مع…": how it was said, not who said it. */
const STATEMENT_WORDS = folded(['بيان', 'تصريح', 'تصريحات', 'حديث', 'مقابلة', 'مؤتمر', 'لقاء', 'تغريدة', 'منشور', 'رسالة', 'كلمة', 'statement', 'interview', 'briefing', 'press', 'post']);
/** Nouns naming no source however they are used: "كشفت المعلومات أن", "according to the report". */
const NOT_SOURCES = folded([
  'التقرير', 'التقارير', 'البيان', 'المعلومات', 'معلومات', 'التقديرات', 'تقديرات', 'الأنباء', 'أنباء', 'الأرقام', 'المعطيات', 'الوثائق', 'الصور', 'الخطوة', 'ما', 'هذا',
  'هذه', 'ذلك', 'تلك', 'report', 'reports', 'statement', 'data', 'figures', 'estimates', 'information', 'documents', 'images', 'footage', 'this', 'it',
]);
const PRONOUNS = folded(['he', 'she', 'they', 'we', 'i', 'you', 'it', 'this', 'that', 'there', 'هو', 'هي', 'هم']);

/** Nouns that head an Arabic source's description (folded, without ال), and the role they give it. */
const ARABIC_HEADS = new Map<string, SourceRole>();
function heads(role: SourceRole, words: string[]): void {
  for (const word of words) ARABIC_HEADS.set(foldPhrase(word), role);
}
heads('unnamed', [
  'مصدر', 'مصادر', 'مصدرين', 'مصدران', 'مسؤول', 'مسؤولة', 'مسؤولين', 'مسؤولون', 'مسؤولان', 'مسؤولو', 'مسؤولي', 'دبلوماسي', 'دبلوماسيون', 'دبلوماسيين',
  'شهود', 'شاهد', 'سكان', 'مقربون', 'مقربين', 'أوساط', 'جهات', 'تقارير', 'وسائل', 'ناشطون', 'ناشطين',
]);
heads('official', ['متحدث', 'ناطق', 'وزير', 'وزيرة', 'رئيس', 'مستشار', 'سفير', 'قائد', 'محافظ', 'نائب', 'عضو', 'أمين', 'مدير', 'زعيم', 'المتحدثة', 'الناطقة']);
heads('government', ['وزارة', 'حكومة', 'رئاسة', 'مكتب', 'مجلس', 'سفارة', 'خارجية', 'داخلية', 'برلمان', 'شرطة', 'سلطات', 'إدارة', 'هيئة']);
heads('military', ['جيش', 'تحالف', 'قيادة', 'قوات', 'خلية', 'بحرية', 'أركان']);
heads('armed_group', ['كتائب', 'فصائل', 'فصيل', 'ميليشيات', 'ميليشيا', 'مليشيات', 'جماعة', 'تنظيم', 'مقاومة']);
heads('ngo', ['منظمة', 'مرصد', 'جمعية', 'صليب', 'هلال']);
heads('agency', ['وكالة']);
heads('outlet', ['صحيفة', 'قناة', 'موقع', 'شبكة', 'تلفزيون', 'إذاعة', 'مجلة', 'فضائية']);
heads('social_media', ['حساب', 'صفحة']);

/** English words that tell a source's role wherever they stand in its description (the first one found counts). */
const ENGLISH_HEADS = new Map<string, SourceRole>();
function englishHeads(role: SourceRole, words: string[]): void {
  for (const word of words) ENGLISH_HEADS.set(word, role);
}
englishHeads('unnamed', ['official', 'officials', 'source', 'sources', 'diplomat', 'diplomats', 'witness', 'witnesses', 'residents', 'people', 'person', 'insiders', 'activists']);
englishHeads('official', ['spokesman', 'spokeswoman', 'spokesperson', 'minister', 'secretary', 'adviser', 'advisor', 'president', 'ambassador', 'commander', 'general', 'governor', 'envoy']);
englishHeads('government', ['ministry', 'government', 'pentagon', 'office', 'presidency', 'embassy', 'department', 'parliament', 'police', 'authorities', 'administration', 'cabinet']);
englishHeads('military', ['army', 'military', 'coalition', 'command', 'forces', 'navy']);
englishHeads('armed_group', ['militia', 'militias', 'faction', 'factions', 'group', 'brigades']);
englishHeads('ngo', ['organisation', 'organization', 'observatory', 'watchdog', 'charity', 'ngo']);
englishHeads('agency', ['agency']);
englishHeads('outlet', ['newspaper', 'channel', 'broadcaster', 'network', 'television', 'website', 'outlet', 'daily']);

/** Sources known by name before they are entities: wire agencies, outlets, bodies news cites. `ambiguous` names are also everyday words (العربية "Arabic", الجزيرة "the island"). */
const KNOWN_SOURCES: { role: SourceRole; names: string[]; ambiguous?: boolean }[] = [
  { role: 'agency', names: ['رويترز', 'Reuters'] },
  { role: 'agency', names: ['وكالة الصحافة الفرنسية', 'فرانس برس', 'فرانس بريس', 'أ ف ب', 'AFP', 'Agence France-Presse', 'Agence France Presse'] },
  { role: 'agency', names: ['أسوشيتد برس', 'أسوشييتد برس', 'أسوشيتدبرس', 'Associated Press', 'AP'] },
  { role: 'agency', names: ['الأناضول', 'Anadolu', 'Anadolu Agency'] },
  { role: 'agency', names: ['وكالة الأنباء العراقية', 'واع', 'INA', 'Iraqi News Agency'] },
  { role: 'agency', names: ['شفق نيوز', 'Shafaq News', 'Shafaq'] },
  { role: 'agency', names: ['شفق'], ambiguous: true },
  { role: 'agency', names: ['بلومبرغ', 'بلومبيرغ', 'Bloomberg'] },
  { role: 'agency', names: ['شينخوا', 'Xinhua'] },
  { role: 'agency', names: ['سانا', 'SANA'] },
  { role: 'agency', names: ['إرنا', 'IRNA'] },
  { role: 'agency', names: ['تسنيم', 'Tasnim'] },
  { role: 'agency', names: ['سبوتنيك', 'Sputnik'] },
  { role: 'agency', names: ['د ب أ', 'dpa'] },
  { role: 'outlet', names: ['كردستان 24', 'Kurdistan 24', 'Kurdistan24'] },
  { role: 'outlet', names: ['فرانس 24', 'France 24', 'France24'] },
  { role: 'outlet', names: ['i24NEWS', 'i24 News'] },
  { role: 'outlet', names: ['رووداو', 'Rudaw'] },
  { role: 'outlet', names: ['العربية.نت', 'العربية نت', 'Al Arabiya', 'Al-Arabiya'] },
  { role: 'outlet', names: ['العربية'], ambiguous: true },
  { role: 'outlet', names: ['الحدث.نت', 'قناة الحدث', 'Al Hadath', 'Al-Hadath'] },
  { role: 'outlet', names: ['الجزيرة نت', 'الجزيرة.نت', 'Al Jazeera', 'Al-Jazeera'] },
  { role: 'outlet', names: ['الجزيرة'], ambiguous: true },
  { role: 'outlet', names: ['سكاي نيوز عربية', 'سكاي نيوز', 'Sky News Arabia', 'Sky News'] },
  { role: 'outlet', names: ['سي إن إن', 'CNN'] },
  { role: 'outlet', names: ['بي بي سي', 'BBC'] },
  { role: 'outlet', names: ['نيويورك تايمز', 'New York Times'] },
  { role: 'outlet', names: ['واشنطن بوست', 'Washington Post'] },
  { role: 'outlet', names: ['وول ستريت جورنال', 'Wall Street Journal'] },
  { role: 'outlet', names: ['أكسيوس', 'Axios'] },
  { role: 'outlet', names: ['الميادين', 'Al Mayadeen'] },
  { role: 'outlet', names: ['السومرية', 'Alsumaria'] },
  { role: 'outlet', names: ['الشرق الأوسط', 'الحرة', 'بغداد اليوم'], ambiguous: true },
  { role: 'government', names: ['البنتاغون', 'البنتاجون', 'Pentagon'] },
  { role: 'government', names: ['البيت الأبيض', 'White House'] },
  { role: 'government', names: ['الخارجية الأمريكية', 'الخارجية الأميركية', 'State Department'] },
  { role: 'government', names: ['الكرملين', 'Kremlin'] },
  { role: 'military', names: ['سنتكوم', 'القيادة المركزية الأمريكية', 'القيادة المركزية الأميركية', 'CENTCOM', 'US Central Command', 'Central Command'] },
  { role: 'military', names: ['التحالف الدولي', 'International Coalition', 'Global Coalition', 'US-led coalition'] },
  { role: 'military', names: ['قيادة العمليات المشتركة', 'Joint Operations Command'] },
  { role: 'military', names: ['خلية الإعلام الأمني', 'Security Media Cell'] },
  { role: 'armed_group', names: ['كتائب حزب الله', 'Kataib Hezbollah', 'Kata’ib Hezbollah'] },
  { role: 'armed_group', names: ['حركة النجباء', 'النجباء', 'Nujaba'] },
  { role: 'armed_group', names: ['حزب الله', 'Hezbollah'] },
  { role: 'armed_group', names: ['الحوثيون', 'الحوثيين', 'جماعة الحوثي', 'Houthis'] },
  { role: 'armed_group', names: ['هيئة الحشد الشعبي', 'الحشد الشعبي', 'Popular Mobilization Forces', 'PMF'] },
  { role: 'armed_group', names: ['المقاومة الإسلامية في العراق', 'Islamic Resistance in Iraq'] },
  { role: 'armed_group', names: ['داعش', 'تنظيم الدولة الإسلامية', 'ISIS', 'Islamic State'] },
  { role: 'ngo', names: ['المرصد السوري لحقوق الإنسان', 'Syrian Observatory for Human Rights'] },
  { role: 'ngo', names: ['هيومن رايتس ووتش', 'Human Rights Watch'] },
  { role: 'ngo', names: ['منظمة العفو الدولية', 'العفو الدولية', 'Amnesty International'] },
  { role: 'ngo', names: ['اللجنة الدولية للصليب الأحمر', 'الصليب الأحمر', 'Red Cross'] },
];
/** Every name of a well-known source, as news writes it ("كردستان 24", "France 24"): words whose numbers count nothing. */
export const KNOWN_SOURCE_NAMES: readonly string[] = KNOWN_SOURCES.flatMap((s) => s.names);

/** Known names by their first folded word, longest first. */
const KNOWN_BY_FIRST_WORD = new Map<string, { words: string[]; role: SourceRole; ambiguous: boolean }[]>();
for (const { role, names, ambiguous } of KNOWN_SOURCES) {
  for (const name of names) {
    const words = phraseTokens(name).map((t) => t.folded);
    const list = KNOWN_BY_FIRST_WORD.get(words[0]!) ?? [];
    list.push({ words, role, ambiguous: ambiguous ?? false });
    list.sort((a, b) => b.words.length - a.words.length);
    KNOWN_BY_FIRST_WORD.set(words[0]!, list);
  }
}
/** Words after a known name that still belong to it: "وكالة رويترز للأنباء", "the Reuters news agency". */
const NAME_TAILS = folded(['للأنباء', 'الإخبارية', 'الإخباري', 'news', 'agency', 'newspaper', 'television', 'channel']);

/** Words no source's description runs over (Arabic: that, about, in, on, to, from, with, days, times …). */
const ARABIC_STOPS = folded([
  'أن', 'إن', 'بأن', 'أنه', 'أنها', 'بأنه', 'بأنها', 'إنه', 'إنها', 'عن', 'في', 'على', 'إلى', 'من', 'مع', 'خلال', 'حول', 'بشأن', 'منذ', 'بعد', 'قبل', 'حتى', 'لكن',
  'الذي', 'التي', 'الذين', 'ما', 'لا', 'لم', 'لن', 'قد', 'كان', 'كانت', 'اليوم', 'أمس', 'يوم', 'مساء', 'صباح', 'ليلة', 'فجر', 'ظهر', 'قوله', 'قولها', 'قولهم',
  'تأكيده', 'تأكيدها', 'أيضا', 'كذلك', 'خلالها', 'خلاله', 'فيه', 'فيها', 'به', 'بها', 'عنه', 'عنها', 'له', 'لها', 'و', 'ف', 'ثم', 'أو', 'حيث', 'بينما', 'فيما',
  'إذ', 'إذا', 'كما', 'مثل', 'إلا', 'هذا', 'هذه', 'ذلك', 'تلك', 'هناك', 'نقلا', 'وفقا', 'بحسب', 'حسب', 'حسبما', 'ل',
]);
/** Skipped between a reporting verb and its subject or what follows it: "أفادت به", "أكد خلالها", "قالت، الأحد،", "نقلت عنه قوله". */
const ARABIC_FILLERS = folded(['قوله', 'قولها', 'قولهم', 'تأكيده', 'تأكيدها', 'تأكيدهم', 'به', 'بها', 'خلالها', 'خلاله', 'فيه', 'فيها', 'أيضا', 'كذلك', 'بدوره', 'بدورها', 'بدورهم', 'اليوم', 'أمس', 'مجددا', 'رسميا', 'حاليا', 'يوم', 'مساء', 'صباح', 'ليلة']);
/** What follows a speaker: that, a colon, a quote. A subject without a known head must be followed by one of these. */
const ARABIC_COMPLEMENTS = folded(['أن', 'إن', 'بأن', 'أنه', 'أنها', 'بأنه', 'بأنها', 'إنه', 'إنها', 'إنهم', 'أنهم']);
/** Adjectives of sources that are not nisba adjectives ("مصادر مطلعة", "مصادر خاصة", "المتحدث باسم"); folded, without ال. */
const SOURCE_ADJECTIVES = folded([
  'مطلع', 'مطلعة', 'مطلعون', 'مطلعين', 'خاص', 'خاصة', 'رفيع', 'رفيعة', 'رفيعو', 'كبير', 'كبيرة', 'كبار', 'بارز', 'بارزة', 'سابق', 'سابقة', 'مقرب', 'مقربة', 'مقربون', 'مقربين',
  'موثوق', 'موثوقة', 'مسؤولة', 'قريب', 'قريبة', 'متطابقة', 'مختلفة', 'عديدة', 'باسم', 'مشترك', 'مشتركة',
]);
/** A nisba adjective (أمني، عسكري، العراقية، أمريكيين): what most descriptions of sources end with. */
const isNisba = (form: string) => form.length >= 4 && /(ي|يه|يون|يين|يان|يتان|يتين)$/.test(form);
const ARABIC_QUANTIFIERS = folded(['عدة', 'بعض', 'عدد', 'كبار', 'أحد', 'إحدى', 'أبرز']);
/** Words before an attribution that still leave it at the head of its clause ("وفي هذا السياق، بحسب …"). */
const CLAUSE_OPENERS = folded(['و', 'ف', 'ثم', 'في', 'هذا', 'السياق', 'ذلك', 'الإطار', 'المقابل', 'جهته', 'جهتها', 'من', 'and', 'but', 'meanwhile', 'however', 'in', 'this', 'context']);

const ENGLISH_STOPS = folded([
  'that', 'which', 'who', 'whom', 'whose', 'and', 'or', 'but', 'as', 'because', 'when', 'while', 'if', 'since', 'after', 'before', 'where', 'so', 'then', 'on', 'in',
  'at', 'to', 'by', 'from', 'into', 'about', 'than', 'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'could', 'should', 'can', 'may',
  'might', 'not', 'saying', 'adding', 'citing', 'quoting', 'according', 'also', 'reportedly', 'earlier', 'later', 'today', 'yesterday',
]);
const DETERMINERS = folded(['the', 'a', 'an']);
/** Between a subject and its verb: "officials have said", "Reuters also reported". */
const ENGLISH_AUXILIARIES = folded(['has', 'have', 'had', 'also', 'reportedly', 'previously', 'later', 'earlier', 'separately', 'was', 'were', 'is', 'are']);
const ENGLISH_FILLERS = folded(['today', 'yesterday', 'earlier', 'later', 'late', 'also', 'separately', 'publicly', 'privately', 'again', 'recently', 'week', 'month', 'last', 'this', 'on']);
/** The longest description read as one source, in words. */
const MAX_SOURCE_WORDS = 8;
/** The most text read on either side of a passage for its sentence, in UTF-16 units. */
const MAX_CONTEXT = 1500;

// ---------------------------------------------------------------------------------------------
// Reading sources
// ---------------------------------------------------------------------------------------------

/** A source read from the text, from token `from` up to token `next`; its link's offsets are the window's UTF-16 units (a mention's are its own code points). */
interface Found {
  link: ProposedLink;
  from: number;
  next: number;
  /** Sources named side by side with this one in the same place ("وزارة الدفاع ووكالة رويترز", "Reuters and AFP"): each its own attribution, not one citing the other. */
  parallel?: Found[];
}

/** A reporting phrase and the chain it gives, tokens [from, to). */
interface Attribution {
  /** 'clause-verb': an Arabic verb whose object is a noun ("أعلن الجيش إنهاء دوره"), not أن/إن and what was said. */
  kind: 'verb' | 'clause-verb' | 'preposition';
  /** Written with و or ف on it ("وقال", "ووفقًا", "and officials said"): it opens a clause of its own. */
  joined: boolean;
  from: number;
  to: number;
  links: Found[];
}

/** The sentences read (the window), their tokens, and the mentions inside them with their UTF-16 offsets into the window (`at`, `until`). */
interface Context {
  text: string;
  t: PhraseToken[];
  mentions: (SourceMention & { at: number; until: number })[];
}

/** How a phrase's first word is read: its form with clitics off, and where the name starts in the text. */
interface Reading {
  form: string;
  cut: number;
  /** ل + ال wrote لل: the name gets its alef back. */
  restoreAlef: boolean;
}

const isArabic = (form: string) => /[\u0621-\u064A]/.test(form);
const isQuote = (token: PhraseToken | undefined) => !!token && /^["“”«»'‘’„(]$/.test(token.text);
const isComma = (token: PhraseToken | undefined) => token?.text === ',' || token?.text === '،';
const stripArticle = (form: string) => (form.startsWith('ال') && form.length > 4 ? form.slice(2) : form);
/** A word's form once a leading و or ف (and) is off, as verbs and openers are written. */
const withoutConjunction = (token: PhraseToken) => cliticForms(token.folded).find((f) => f.letters.length <= 1 && !/[بلك]/.test(f.letters) && f.form !== token.folded)?.form;
const isForm = (token: PhraseToken | undefined, set: Set<string>) => !!token?.word && (set.has(token.folded) || set.has(withoutConjunction(token) ?? ''));

function arabicHead(form: string): SourceRole | undefined {
  return ARABIC_HEADS.get(form) ?? ARABIC_HEADS.get(stripArticle(form));
}

function isVerb(token: PhraseToken | undefined): boolean {
  return isForm(token, ARABIC_VERBS) || (!!token && ENGLISH_VERBS.has(token.folded));
}

/**
 * The readings of the word at k as the first word of a source: as written, after ل ("لرويترز",
 * "للتحالف"), after و when it is joined on to another source ("ووكالة رويترز"), or after both ("ولفرانس برس").
 */
function readings(ctx: Context, k: number, afterL: boolean, joined = false): Reading[] {
  const token = ctx.t[k]!;
  const letters = (joined ? 'و' : '') + (afterL ? 'ل' : '');
  if (!letters) return [{ form: token.folded, cut: token.start, restoreAlef: false }];
  const forms = cliticForms(token.folded).filter((f) => f.letters === letters);
  // لل is ل + ال ("للتحالف"): its other reading, ل + لتحالف, is no word.
  const withArticle = forms.filter((f) => f.form.startsWith('ال') && afterL && token.folded.startsWith(`${letters}ل`));
  return (withArticle.length > 0 ? withArticle : forms).map((f) => {
    const cut = token.start + afterLetters(token.text, letters.length);
    return { form: f.form, cut, restoreAlef: f.form.startsWith('ال') && !ctx.text.startsWith('ا', cut) };
  });
}

function nameText(ctx: Context, reading: Reading, end: number): string {
  return (reading.restoreAlef ? 'ا' : '') + ctx.text.slice(reading.cut, end);
}

/** The index of the first token starting at or after `offset`. */
function tokenFrom(ctx: Context, offset: number, from: number): number {
  let k = from;
  while (k < ctx.t.length && ctx.t[k]!.start < offset) k++;
  return k;
}

/** A mention the analyst accepted starting on word k (with or without its clitics). */
function mentionAt(ctx: Context, k: number, reading: Reading): Found | null {
  const token = ctx.t[k]!;
  const mention = ctx.mentions.find((m) => m.at >= token.start && m.at <= reading.cut);
  if (!mention) return null;
  const { entityId, name, role, start, end } = mention;
  return { link: { entityId, name, role: role ?? roleAt(ctx, k, reading), start, end }, from: k, next: tokenFrom(ctx, mention.until, k + 1) };
}

/** A known name (رويترز, the Pentagon) starting on word k; `distinctOnly` leaves out names that are also everyday words. */
function knownAt(ctx: Context, k: number, reading: Reading, distinctOnly = false): Found | null {
  for (const known of KNOWN_BY_FIRST_WORD.get(reading.form) ?? []) {
    if (distinctOnly && known.ambiguous) continue;
    if (!known.words.every((w, n) => n === 0 || ctx.t[k + n]?.folded === w)) continue;
    let next = k + known.words.length;
    const end = ctx.t[next - 1]!.end;
    // "وكالة شفق العراقية", "رويترز للأنباء": the agency's own descriptors go with it.
    while (ctx.t[next]?.word && (NAME_TAILS.has(ctx.t[next]!.folded) || (isArabic(reading.form) && /^ال.+يه$/.test(ctx.t[next]!.folded) && !arabicHead(ctx.t[next]!.folded)))) next++;
    return { link: { entityId: null, name: nameText(ctx, reading, end), role: known.role, start: reading.cut, end }, from: k, next };
  }
  return null;
}

/** The role the words at k give (for a mention whose entity has no role yet). */
function roleAt(ctx: Context, k: number, reading: Reading): SourceRole | null {
  return knownAt(ctx, k, reading)?.link.role ?? (isArabic(reading.form) ? arabicHead(reading.form) : ENGLISH_HEADS.get(reading.form)) ?? null;
}

/** Whether a word begins a new source, so a description before it stops there ("أبلغ مسؤول عراقي رويترز"); `evenAmbiguous` counts names that are also everyday words. */
function startsNamedSource(ctx: Context, k: number, evenAmbiguous = false): boolean {
  const token = ctx.t[k]!;
  return ctx.mentions.some((m) => m.at >= token.start && m.at < token.end) || !!knownAt(ctx, k, { form: token.folded, cut: token.start, restoreAlef: false }, !evenAmbiguous);
}

/** Whether word k is "لـ" + a source: the one a statement was made to ("قال مصدر أمني لوكالة الأنباء"). */
function startsRecipient(ctx: Context, k: number): boolean {
  const token = ctx.t[k];
  if (!token?.word) return false;
  if (token.folded === 'ل') return true;
  return readings(ctx, k, true).some((r) => !!mentionAt(ctx, k, r) || !!knownAt(ctx, k, r) || !!arabicHead(r.form) || DESIGNATORS.has(stripArticle(r.form)));
}

type Headless = 'free' | 'before-complement' | 'never';

/**
 * The source named at word j: a mention, a known name (after a designator such as وكالة or
 * قناة), or a description headed by a source noun ("خمسة مسؤولين أمريكيين", "وزارة الدفاع
 * العراقية", "five US officials"). `afterL` when it is written after ل (وفقا لـ, told to);
 * `joined` when after و, joined on to the source before it; `headless` says whether words with
 * no source noun ("ترامب", "Trump") may be a source.
 */
function readSource(ctx: Context, j: number, afterL: boolean, headless: Headless, limit: number, joined = false): Found | null {
  let k = j;
  // "لـ" and "ولـ" written apart from the name.
  if (afterL && ctx.t[k]?.folded === (joined ? 'ول' : 'ل')) {
    k++;
    afterL = false;
    joined = false;
  }
  while (isQuote(ctx.t[k])) k++;
  if (k >= limit || !ctx.t[k]?.word) return null;
  if (!isArabic(ctx.t[k]!.folded)) return afterL || joined ? null : readEnglishSource(ctx, k, headless, limit);
  for (const reading of readings(ctx, k, afterL, joined)) {
    const named = mentionAt(ctx, k, reading) ?? knownAt(ctx, k, reading);
    if (named) return named;
    if (DESIGNATORS.has(stripArticle(reading.form))) {
      let n = k + 1;
      while (isQuote(ctx.t[n])) n++;
      const after = ctx.t[n];
      if (after?.word) {
        const plain = { form: after.folded, cut: after.start, restoreAlef: false };
        const designated = mentionAt(ctx, n, plain) ?? knownAt(ctx, n, plain);
        if (designated) return designated;
      }
    }
    const described = readDescription(ctx, k, reading, headless, limit);
    if (described) return described;
  }
  return null;
}

/** An Arabic description: [quantifier] head noun, then its genitives and adjectives. */
function readDescription(ctx: Context, k: number, reading: Reading, headless: Headless, limit: number): Found | null {
  let h = k;
  let form = reading.form;
  const counted = numberWordValue(form) !== null || /^[0-9]/.test(form) || ARABIC_QUANTIFIERS.has(form);
  if (counted) {
    h++;
    if (ctx.t[h]?.folded === 'من') h++;
    if (!ctx.t[h]?.word) return null;
    form = ctx.t[h]!.folded;
  }
  if (NOT_SOURCES.has(form) || REPORT_WORDS.has(stripArticle(form)) || ARABIC_STOPS.has(form) || isVerb(ctx.t[h])) return null;
  const role = arabicHead(form) ?? null;
  if (role === null && (counted || headless === 'never' || /^[0-9]/.test(form))) return null;
  // Arabic adjectives follow their noun; a noun in construct takes a genitive ("وزارة الدفاع",
  // "مستشار رئيس الوزراء"), and a definite genitive its own adjectives ("قيادة العمليات
  // المشتركة"). A definite or sound-plural head takes no genitive, so "أكد المسؤولون الانسحاب"
  // and "أكد مسؤولون التزامهم" stop before the object.
  let construct = !form.startsWith('ال') && !/(ون|ين|ان)$/.test(form);
  let genitive = false;
  let e = h + 1;
  while (e < limit && e - k < MAX_SOURCE_WORDS) {
    const token = ctx.t[e]!;
    if (!token.word || isVerb(token) || startsNamedSource(ctx, e) || weekdayOf(token) !== null) break;
    const word = token.folded;
    if (ARABIC_STOPS.has(word)) {
      // "مصدر في وزارة الدفاع": where an unnamed source sits is part of its description.
      const next = ctx.t[e + 1];
      const where =
        word === 'في' && role === 'unnamed' && next?.word && ((arabicHead(next.folded) && arabicHead(next.folded) !== 'unnamed') || startsNamedSource(ctx, e + 1, true));
      // "مصادر مطلعة على المفاوضات"
      const informed = word === 'على' && /^مطلع/.test(stripArticle(ctx.t[e - 1]!.folded)) && next?.word && !ARABIC_STOPS.has(next.folded);
      if (!where && !informed) break;
      if (where && startsNamedSource(ctx, e + 1, true)) {
        // "مصدر في الحشد الشعبي": the named body is read whole.
        const body = readSource(ctx, e + 1, false, 'never', limit);
        if (!body) break;
        e = body.next;
        break;
      }
      construct = where === true;
      genitive = informed === true;
      e++;
      continue;
    }
    // "قال مصدر أمني لوكالة الأنباء": ل starts whom it was told, except after a spokesman ("المتحدث الرسمي لوزارة الدفاع").
    if (role !== 'official' && startsRecipient(ctx, e)) break;
    if (role !== null) {
      const adjective = isNisba(stripArticle(word)) || SOURCE_ADJECTIVES.has(stripArticle(word));
      const definite = word.startsWith('ال');
      // "المتحدث باسم وزارة الدفاع": باسم (in the name of) takes a genitive.
      if (adjective) construct = stripArticle(word) === foldPhrase('باسم');
      else if (definite && (construct || genitive)) {
        genitive = true;
        construct = false;
      } else if (!definite && construct && arabicHead(word)) construct = true;
      else break;
    }
    e++;
  }
  const end = ctx.t[e - 1]!.end;
  if (role === null && headless === 'before-complement' && !followedByComplement(ctx, e, limit)) return null;
  // "حسب تعبيره", "بحسب قوله": a word with a pronoun on it points back to a speaker named before.
  if (role === null && e === h + 1 && /..(ه|ها|هم)$/.test(form)) return null;
  return { link: { entityId: null, name: nameText(ctx, reading, end), role, start: reading.cut, end }, from: k, next: e };
}

/** Whether what follows word e (fillers skipped) introduces what was said: أن, إن, a colon or a quote. */
function followedByComplement(ctx: Context, e: number, limit: number): boolean {
  const k = skipFillers(ctx, e, limit);
  const token = ctx.t[k];
  return !!token && (ARABIC_COMPLEMENTS.has(token.folded) || token.text === ':' || isQuote(token) || startsRecipient(ctx, k));
}

/** An English source: determiners off, then a mention, a known name or a description up to a stop word. */
function readEnglishSource(ctx: Context, j: number, headless: Headless, limit: number): Found | null {
  let k = j;
  while (ctx.t[k]?.word && DETERMINERS.has(ctx.t[k]!.folded)) k++;
  if (k >= limit || !ctx.t[k]?.word) return null;
  const reading = { form: ctx.t[k]!.folded, cut: ctx.t[k]!.start, restoreAlef: false };
  const named = mentionAt(ctx, k, reading) ?? knownAt(ctx, k, reading);
  if (named) return named;
  let e = k;
  let role: SourceRole | null = null;
  while (e < limit && e - k < MAX_SOURCE_WORDS) {
    const token = ctx.t[e]!;
    // "US-led", "the ministry's spokesman": hyphens and possessives inside a description.
    const joiner = (token.text === '-' || token.text === "'" || token.text === '’') && e > k && ctx.t[e + 1]?.word && ctx.t[e + 1]!.start === token.end;
    if (!token.word && !joiner) break;
    if (token.word && (ENGLISH_STOPS.has(token.folded) || ENGLISH_VERBS.has(token.folded) || weekdayOf(token) !== null)) break;
    if (e > k && token.word && startsNamedSource(ctx, e)) break;
    role ??= ENGLISH_HEADS.get(token.folded) ?? null;
    e++;
  }
  if (e === k || NOT_SOURCES.has(ctx.t[k]!.folded) || PRONOUNS.has(ctx.t[k]!.folded)) return null;
  if (role === null && (headless === 'never' || !/^\p{Lu}/u.test(ctx.t[k]!.text))) return null;
  const end = ctx.t[e - 1]!.end;
  return { link: { entityId: null, name: ctx.text.slice(reading.cut, end), role, start: reading.cut, end }, from: j, next: e };
}

/**
 * A source, or the author of a report or statement: "بيان وزارة الدفاع", "تقرير صادر عن رويترز",
 * "بيان لوزارة الدفاع", "a report by Reuters". "وفقا للتقرير", "according to the report" name no one.
 */
function readSourceOrReport(ctx: Context, j: number, afterL: boolean, headless: Headless, limit: number): Found | null {
  let k = j;
  if (afterL && ctx.t[k]?.folded === 'ل') {
    k++;
    afterL = false;
  }
  while (ctx.t[k]?.word && DETERMINERS.has(ctx.t[k]!.folded)) k++;
  const token = ctx.t[k];
  if (!token?.word) return null;
  const report = (afterL ? cliticForms(token.folded).filter((f) => f.letters === 'ل') : [{ form: token.folded }]).some((f) => REPORT_WORDS.has(stripArticle(f.form)));
  if (!report) return readSource(ctx, k, afterL, headless, limit);
  let n = k + 1;
  // "تقرير صادر عن", "بيان صادر من", "a report by", "a statement from"
  if (ctx.t[n]?.word && /^صادر/.test(ctx.t[n]!.folded) && /^(عن|من)$/.test(ctx.t[n + 1]?.folded ?? '')) n += 2;
  else if (/^(by|from|of)$/.test(ctx.t[n]?.folded ?? '')) n++;
  else if (startsRecipient(ctx, n)) return readSource(ctx, n, true, 'free', limit);
  return readSource(ctx, n, false, 'never', limit);
}

/** Skips what stands between a reporting word and its source, or after the source: fillers, days, commas, "في وقت سابق", "on Sunday". */
function skipFillers(ctx: Context, k: number, limit: number): number {
  for (;;) {
    const token = ctx.t[k];
    if (!token || k >= limit) return k;
    if (isComma(token)) k++;
    else if (isForm(token, ARABIC_FILLERS) || ENGLISH_FILLERS.has(token.folded) || weekdayOf(token) !== null) k++;
    // "في وقت سابق", "في وقت لاحق"
    else if (token.folded === 'في' && ctx.t[k + 1]?.folded === 'وقت' && ctx.t[k + 2]?.word) k += 3;
    // "on condition of anonymity"
    else if (token.folded === 'condition' && ctx.t[k + 1]?.folded === 'of') k += 3;
    else return k;
  }
}

/**
 * After a speaker: "في بيان", "في تصريح لوكالة الأنباء", "في مقابلة مع قناة", "in a statement",
 * "in an interview with CNN". Returns where reading goes on and the source it was said to, if named.
 */
function readStatement(ctx: Context, k: number, limit: number): { next: number; recipient: Found | null } {
  const opener = ctx.t[k]?.folded;
  if (opener !== 'في' && opener !== 'in') return { next: k, recipient: null };
  let n = k + 1;
  while (ctx.t[n]?.word && DETERMINERS.has(ctx.t[n]!.folded)) n++;
  if (!ctx.t[n] || !STATEMENT_WORDS.has(ctx.t[n]!.folded)) return { next: k, recipient: null };
  n++;
  // Its adjectives: "في بيان رسمي", "في مؤتمر صحفي".
  for (let words = 0; words < 3 && ctx.t[n]?.word && !startsRecipient(ctx, n) && !ARABIC_STOPS.has(ctx.t[n]!.folded) && !ENGLISH_STOPS.has(ctx.t[n]!.folded) && ctx.t[n]!.folded !== 'with'; words++) n++;
  if (startsRecipient(ctx, n)) {
    const recipient = withParallel(ctx, readSource(ctx, n, true, 'free', limit), true, limit);
    if (recipient) return { next: recipient.next, recipient };
  }
  if (ctx.t[n]?.folded === 'مع' || ctx.t[n]?.folded === 'with') {
    const recipient = withParallel(ctx, readSource(ctx, n + 1, false, 'free', limit), false, limit);
    if (recipient) return { next: recipient.next, recipient };
  }
  return { next: n, recipient: null };
}

/** "نقلا عن Y", "citing Y", "مستندة إلى Y" after a source: whom it cites, and whom they cite in turn. */
function readCited(ctx: Context, k: number, limit: number): { links: Found[]; next: number } {
  const links: Found[] = [];
  let next = k;
  for (;;) {
    const n = skipFillers(ctx, next, limit);
    const token = ctx.t[n];
    let source: Found | null = null;
    if (token?.folded === 'نقلا' && ctx.t[n + 1]?.folded === 'عن') source = readSourceOrReport(ctx, n + 2, false, 'free', limit);
    else if (token && CITING_WORDS.has(token.folded)) source = readSourceOrReport(ctx, n + 1, false, 'free', limit);
    else if (token && /^(مستند|استناد)/.test(token.folded) && /^(الى|على)$/.test(ctx.t[n + 1]?.folded ?? '')) source = readSourceOrReport(ctx, n + 2, false, 'free', limit);
    source = withParallel(ctx, source, false, limit);
    if (!source) return { links, next };
    links.push(source);
    next = source.next;
  }
}

/** A short aside after a speaker: its alias in quotes ("سنتكوم"), "التابعة لوزارة الدفاع", ", مستشار رئيس الوزراء ,". */
function skipAside(ctx: Context, k: number, limit: number): number {
  const token = ctx.t[k];
  if (isQuote(token)) {
    const close = ctx.t.slice(k + 1, Math.min(limit, k + 7)).findIndex((t) => isQuote(t));
    if (close >= 0) return skipAside(ctx, k + 2 + close, limit);
  }
  if (token?.word && /^التابع/.test(token.folded)) {
    const owner = readSource(ctx, k + 1, true, 'free', limit);
    if (owner) return skipAside(ctx, owner.next, limit);
  }
  if (isComma(token)) {
    const title = readSource(ctx, k + 1, false, 'never', limit);
    if (title?.link.role === 'official') {
      // The title runs on to the next comma ("، مستشار رئيس الوزراء للشؤون الخارجية،").
      let close = title.next;
      while (close < limit && close - title.next < MAX_SOURCE_WORDS && ctx.t[close]!.word) close++;
      if (isComma(ctx.t[close])) return close + 1;
    }
  }
  return k;
}

/**
 * A source joined on at word k to the one before it: "ووكالة رويترز", "و"الحدث.نت"", "ولفرانس
 * برس" (`afterL`: the first was written after ل), "and AFP". Only a source with a name or a
 * source noun, and not the subject of a verb of its own ("وأكدت مصادر", "and officials said").
 */
function joinedSourceAt(ctx: Context, k: number, afterL: boolean, limit: number): Found | null {
  const token = ctx.t[k];
  if (!token?.word || k >= limit) return null;
  let found: Found | null = null;
  if (token.folded === 'and' || token.folded === 'و') found = (afterL ? readSource(ctx, k + 1, true, 'never', limit) : null) ?? readSource(ctx, k + 1, false, 'never', limit);
  else if (isArabic(token.folded)) found = (afterL ? readSource(ctx, k, true, 'never', limit, true) : null) ?? readSource(ctx, k, false, 'never', limit, true);
  return found && !isVerb(ctx.t[skipFillers(ctx, found.next, limit)]) ? found : null;
}

/** `found` with the sources named side by side after it ("رويترز وفرانس برس", "Reuters, AFP and Anadolu") as its parallel ones, read on past them. */
function withParallel(ctx: Context, found: Found | null, afterL: boolean, limit: number): Found | null {
  if (!found) return null;
  const parallel: Found[] = [];
  let next = found.next;
  for (;;) {
    // The quote closing a name: "لـ"العربية.نت" و"الحدث.نت"".
    let k = next;
    while (isQuote(ctx.t[k])) k++;
    // "Reuters, AFP and Anadolu": a comma lists one more when another follows it.
    const listed = isComma(ctx.t[k]) ? readSource(ctx, k + 1, afterL, 'never', limit) : null;
    if (listed && (isComma(ctx.t[listed.next]) || joinedSourceAt(ctx, listed.next, afterL, limit))) {
      parallel.push(listed);
      next = listed.next;
      continue;
    }
    const joined = joinedSourceAt(ctx, k, afterL, limit);
    if (!joined) break;
    parallel.push(joined);
    next = joined.next;
  }
  return parallel.length > 0 ? { ...found, next, parallel } : found;
}

/** The subject before its verb with those named side by side before it ("Reuters and AFP reported"): the first named is the subject, the others parallel. */
function withParallelBefore(ctx: Context, subject: Found, floor: number): Found {
  let first = subject;
  const others: Found[] = [];
  for (;;) {
    const joiner = ctx.t[first.from - 1];
    // A comma lists only before "and": "Reuters, AFP and Anadolu reported" (not "The ministry closed it, officials said").
    if (!(joiner?.folded === 'and' || joiner?.folded === 'و' || (isComma(joiner) && others.length > 0))) break;
    const earlier = readSubjectBefore(ctx, first.from - 1, floor);
    // A headless name before "and" is more often the end of another clause ("Iraqi troops left and officials said").
    if (!earlier || (earlier.link.role === null && earlier.link.entityId === null)) break;
    others.unshift(first);
    first = earlier;
  }
  return others.length > 0 ? { ...first, next: subject.next, parallel: others } : subject;
}

/** The subject written before its verb ("مصادر مطلعة أوضحت أن", "five US officials told Reuters"): a source that ends right at the verb. */
function readSubjectBefore(ctx: Context, v: number, floor: number): Found | null {
  let end = v;
  while (end > floor && ENGLISH_AUXILIARIES.has(ctx.t[end - 1]!.folded)) end--;
  let first = end;
  while (first > floor && end - first < MAX_SOURCE_WORDS) {
    const token = ctx.t[first - 1]!;
    const joiner = (token.text === '-' || token.text === "'" || token.text === '’') && first - 1 > floor && ctx.t[first - 2]!.word;
    if (!token.word && !joiner && !isQuote(token)) break;
    if (token.word && (ARABIC_STOPS.has(token.folded) || (ENGLISH_STOPS.has(token.folded) && !DETERMINERS.has(token.folded)) || isVerb(token))) break;
    first--;
  }
  for (let p = first; p < end; p++) {
    if (!ctx.t[p]!.word) continue;
    const found = readSource(ctx, p, false, 'never', end);
    if (found && found.next === end) return found;
    // A capitalised name with no source noun ("Trump said") only when it is all there is.
    if (p === first && !isArabic(ctx.t[p]!.folded)) {
      const name = readSource(ctx, p, false, 'free', end);
      if (name && name.next === end) return name;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Reporting phrases
// ---------------------------------------------------------------------------------------------

/** An attribution starting with a preposition: وفقا لـ، بحسب، حسبما أفادت، نقلا عن، على لسان، according to, citing. */
function readPrepositional(ctx: Context, i: number, limit: number): Attribution | null {
  const token = ctx.t[i]!;
  const form = withoutConjunction(token) && !['وفقا', 'وفق'].includes(token.folded) ? withoutConjunction(token)! : token.folded;
  let source: Found | null = null;
  if (form === 'وفقا' || form === 'وفق' || form === 'طبقا') {
    const next = ctx.t[i + 1];
    // "وفقا لما ذكرته وكالة …"
    const what = next && cliticForms(next.folded).some((f) => f.letters === 'ل' && f.form === 'ما');
    if (what && isVerb(ctx.t[i + 2])) source = readSource(ctx, skipFillers(ctx, i + 3, limit), false, 'free', limit);
    else source = readSourceOrReport(ctx, i + 1, true, 'free', limit);
  } else if (form === 'بحسب' || form === 'حسب') {
    if (ctx.t[i + 1]?.folded === 'ما') {
      if (isVerb(ctx.t[i + 2])) source = readSource(ctx, skipFillers(ctx, i + 3, limit), false, 'free', limit);
    } else source = readSourceOrReport(ctx, i + 1, false, 'free', limit);
  } else if (form === 'حسبما' || form === 'كما' || form === 'مثلما') {
    if (isVerb(ctx.t[i + 1])) source = readSource(ctx, skipFillers(ctx, i + 2, limit), false, 'before-complement', limit) ?? readSource(ctx, skipFillers(ctx, i + 2, limit), false, 'free', limit);
  } else if ((form === 'نقلا' && ctx.t[i + 1]?.folded === 'عن') || (form === 'على' && ctx.t[i + 1]?.folded === 'لسان')) {
    source = readSourceOrReport(ctx, i + 2, false, 'free', limit);
  } else if (form === 'استنادا' && /^(الى|على)$/.test(ctx.t[i + 1]?.folded ?? '')) {
    source = readSourceOrReport(ctx, i + 2, false, 'free', limit);
  } else if (form === 'according' && ctx.t[i + 1]?.folded === 'to') {
    source = readSourceOrReport(ctx, i + 2, false, 'free', limit);
  } else if (CITING_WORDS.has(form)) {
    source = readSourceOrReport(ctx, i + 1, false, 'free', limit);
  }
  source = withParallel(ctx, source, form === 'وفقا' || form === 'وفق' || form === 'طبقا', limit);
  if (!source) return null;
  const cited = readCited(ctx, source.next, limit);
  return { kind: 'preposition', joined: form !== token.folded, from: i, to: cited.next, links: [source, ...cited.links] };
}

/** An attribution with a reporting verb: its speaker (before or after it), whom it was told to, whom it quotes. */
function readVerbal(ctx: Context, i: number, floor: number, limit: number): Attribution | null {
  const verb = ctx.t[i]!;
  const english = ENGLISH_VERBS.has(verb.folded);
  let from = i;
  let recipient: Found | null = null;
  let subject: Found | null = null;
  let j: number;
  if (english) {
    const before = readSubjectBefore(ctx, i, floor);
    subject = before && withParallelBefore(ctx, before, floor);
    // '"…", said a spokesman.'
    if (!subject && (isComma(ctx.t[i - 1]) || isQuote(ctx.t[i - 1]))) subject = withParallel(ctx, readSource(ctx, i + 1, false, 'free', limit), false, limit);
    if (!subject) return null;
    if (subject.from < i) from = subject.from;
    j = subject.from < i ? i + 1 : subject.next;
    if (TELLING_VERBS.has(verb.folded)) {
      recipient = withParallel(ctx, readSource(ctx, j, false, 'free', limit), false, limit);
      if (recipient) j = recipient.next;
    }
  } else {
    j = skipFillers(ctx, i + 1, limit);
    // "قالت لرويترز مصادر مطلعة": whom it was told can come before who said it.
    if (startsRecipient(ctx, j)) {
      recipient = withParallel(ctx, readSource(ctx, j, true, 'free', limit), true, limit);
      if (recipient) j = skipFillers(ctx, recipient.next, limit);
    }
    subject = withParallel(ctx, readSourceOrReport(ctx, j, false, 'before-complement', limit), false, limit);
    if (subject) j = subject.next;
    // A subject before its verb only with what was said after it ("مصادر مطلعة أوضحت أن"):
    // "بدأت القوات نقل معداتها" has a noun, not a verb, after its subject.
    else if (followedByComplement(ctx, i + 1, limit)) {
      subject = readSubjectBefore(ctx, i, floor);
      if (!subject) return null;
      from = subject.from;
    } else return null;
  }
  j = skipAside(ctx, skipFillers(ctx, j, limit), limit);
  const statement = readStatement(ctx, j, limit);
  j = skipFillers(ctx, statement.next, limit);
  recipient ??= statement.recipient;
  if (!recipient && !english && startsRecipient(ctx, j)) {
    recipient = withParallel(ctx, readSource(ctx, j, true, 'free', limit), true, limit);
    if (recipient) j = skipFillers(ctx, recipient.next, limit);
  }
  let quoted: Found | null = null;
  const transmitting = isForm(verb, TRANSMITTING_VERBS);
  if ((transmitting && ctx.t[j]?.folded === 'عن') || (english && QUOTING_VERBS.has(verb.folded))) {
    quoted = withParallel(ctx, readSourceOrReport(ctx, ctx.t[j]?.folded === 'عن' ? j + 1 : j, false, 'free', limit), false, limit);
    if (quoted) j = skipFillers(ctx, skipAside(ctx, quoted.next, limit), limit);
  }
  // نقل reports only with عن ("نقلت رويترز عن …"); otherwise it is the noun "moving" ("نقل الجنود").
  if (transmitting && !quoted && !recipient && !followedByComplement(ctx, j, limit)) return null;
  const cited = readCited(ctx, j, limit);
  const links = [recipient, subject, quoted, ...cited.links].filter((f): f is Found => f !== null);
  const to = Math.max(cited.next, j, subject.next, i + 1);
  const saysWhat = english || followedByComplement(ctx, to, limit) || skipFillers(ctx, to, limit) >= limit;
  const joined = english ? /^(and|but)$/.test(ctx.t[from - 1]?.folded ?? '') : !ARABIC_VERBS.has(verb.folded);
  return { kind: saysWhat ? 'verb' : 'clause-verb', joined, from, to, links };
}

const PREPOSITIONAL_CUES = folded(['وفقا', 'وفق', 'طبقا', 'بحسب', 'حسب', 'حسبما', 'كما', 'مثلما', 'نقلا', 'على', 'استنادا', 'according', 'citing', 'quoting']);

/** Every reporting phrase in tokens [from, to) (one sentence), in order. */
function attributionsIn(ctx: Context, from: number, to: number): Attribution[] {
  const found: Attribution[] = [];
  for (let i = from; i < to; i++) {
    const token = ctx.t[i]!;
    if (!token.word) continue;
    const floor = found.at(-1)?.to ?? from;
    const attribution = isForm(token, PREPOSITIONAL_CUES) ? readPrepositional(ctx, i, to) : isVerb(token) ? readVerbal(ctx, i, floor, to) : null;
    if (!attribution) continue;
    found.push(attribution);
    i = attribution.to - 1;
  }
  return found;
}

/**
 * The token ranges an attribution speaks for, within its sentence [start, end):
 * - a verb ("قال X إن …", "X said that …") speaks for what follows it, to the end of the
 *   sentence ("أفادت مصادر أن … أكد خلالها مسؤولون …" nests the second in the first); written
 *   after what it reports (", X said.") it speaks for that, back to the previous attribution;
 *   an Arabic verb with a noun for object ("أعلن الجيش إنهاء دوره القتالي") only for its clause;
 * - a preposition at the head of its sentence ("وفقا لرويترز، …") speaks for the whole rest; in
 *   the middle or at the end (", حسبما أفادت به وكالة كردستان 24.") for what stands before it
 *   back to the previous attribution, and for the clause right after it.
 * Each attribution speaks for its own words too.
 */
function scopes(ctx: Context, list: Attribution[], start: number, end: number): [number, number][][] {
  const all = list.map((a, n) => {
    const previousEnd = Math.max(start, list[n - 1]?.to ?? start);
    const contentBefore = ctx.t.slice(previousEnd, a.from).some((t) => t.word && !isForm(t, CLAUSE_OPENERS));
    const ranges: [number, number][] = [[a.from, a.to]];
    // ", X said on Sunday." ends its sentence: nothing but fillers and punctuation after it.
    let after = a.to;
    while (after < end && (!ctx.t[after]!.word || skipFillers(ctx, after, end) > after)) after = ctx.t[after]!.word ? skipFillers(ctx, after, end) : after + 1;
    const endsSentence = after >= end;
    const nextStart = list[n + 1]?.from ?? end;
    // A clause joined on with its own attribution ("…، وقال مسؤولون إن …") ends what this one
    // speaks for; one right after it with nothing between ("وفقا لرويترز وبحسب واع، …") shares it.
    const joinedAfter = list.slice(n + 1).find((b) => b.joined && !besideEachOther(ctx, a, b));
    const forwardEnd = joinedAfter?.from ?? end;
    /** The clause after the attribution: to the next comma or semicolon (one comma right after it skipped). */
    const clause = (): [number, number] => {
      let clauseEnd = isComma(ctx.t[a.to]) ? a.to + 1 : a.to;
      while (clauseEnd < nextStart && !isComma(ctx.t[clauseEnd]) && ctx.t[clauseEnd]!.text !== ';' && ctx.t[clauseEnd]!.text !== '؛') clauseEnd++;
      return [a.to, clauseEnd];
    };
    if (a.kind === 'verb') ranges.push(contentBefore && endsSentence ? [previousEnd, a.from] : [a.to, forwardEnd]);
    else if (a.kind === 'clause-verb') ranges.push(clause());
    // "…، ووفقًا لرويترز فإن …": a preposition with و on it opens a clause of its own.
    else if (!contentBefore || a.joined) ranges.push([a.to, forwardEnd]);
    else ranges.push([previousEnd, a.from], clause());
    return ranges;
  });
  // "وقالت رويترز وأكدت فرانس برس أن …": a verb with nothing said after it, right before a joined
  // one, speaks for what that one speaks for.
  for (let n = list.length - 2; n >= 0; n--) {
    if (list[n]!.kind === 'clause-verb' && list[n + 1]!.joined && besideEachOther(ctx, list[n]!, list[n + 1]!)) all[n] = [all[n]![0]!, ...all[n + 1]!.slice(1)];
  }
  return all;
}

/** Whether only clause openers and punctuation stand between the end of phrase a and the start of phrase b. */
function besideEachOther(ctx: Context, a: Attribution, b: Attribution): boolean {
  return !ctx.t.slice(a.to, b.from).some((t) => t.word && !isForm(t, CLAUSE_OPENERS));
}

// ---------------------------------------------------------------------------------------------
// Sentences
// ---------------------------------------------------------------------------------------------

const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'gen', 'col', 'lt', 'sgt', 'capt', 'maj', 'rep', 'sen', 'gov', 'jr', 'sr', 'st', 'no', 'vs', 'inc', 'co', 'corp']);

/** Whether the character at i ends a sentence: a line break, or . ! ? ؟ ۔ before a space or the end (not "Mr.", "U.S.", "العربية.نت"). */
function endsSentence(text: string, i: number): boolean {
  const ch = text[i];
  if (ch === '\n') return true;
  if (!ch || !/[.!?؟۔]/.test(ch)) return false;
  let k = i + 1;
  while (k < text.length && /["”»'’)\]]/.test(text[k]!)) k++;
  if (k < text.length && !/\s/.test(text[k]!)) return false;
  if (ch !== '.') return true;
  const word = /([\p{L}]+)$/u.exec(text.slice(Math.max(0, i - 8), i))?.[1] ?? '';
  return !(word.length === 1 && /[A-Z]/.test(word)) && !ABBREVIATIONS.has(word.toLowerCase());
}

/** The sentences around [from, to) (UTF-16): from the start of the one holding `from` to the end of the one holding the passage's end. */
function sentenceWindow(body: string, from: number, to: number): { start: number; end: number } {
  let start = from;
  while (start > 0 && from - start < MAX_CONTEXT && !endsSentence(body, start - 1)) start--;
  let end = Math.max(from, to - 1);
  while (end < body.length && end - to < MAX_CONTEXT && !endsSentence(body, end)) end++;
  return { start, end: Math.min(body.length, end + 1) };
}

/**
 * Proposes the attribution of the passage [start, end) (code points) of `body`: the chain of
 * sources it cites, in order, the origin last, not including the article's own outlet (an empty
 * chain means the outlet is the origin; the caller drops a first link that is the article's
 * outlet itself, as in "مصادر خاصة لـ"العربية.نت"" read in Al Arabiya), and the parallel chains
 * beside it. Read in the sentence(s) holding the passage: reporting verbs and prepositions, the
 * sources after or before them, whom a statement was made to ("لوكالة", "told") before whoever
 * made it, whom they cite ("عن", "citing") after them. A reporting phrase inside what another
 * reports ("أفادت مصادر بأن … قال خلاله مسؤولون إن …") continues its chain; one beside it, or
 * a source named side by side with another, starts a parallel chain. `mentions` are the source
 * entities the analyst accepted in the article; a source that is one of them gets its entity,
 * its name and (when it has one) its role. Others are the words of the text that name them, with
 * a role from a known name (رويترز → agency) or from the noun heading them (مصادر مطلعة →
 * unnamed, وزارة الدفاع العراقية → government). No source appears twice in a chain.
 */
export function proposeChain(body: string, passage: { start: number; end: number }, mentions: readonly SourceMention[]): ProposedAttribution {
  const from = utf16Offset(body, passage.start);
  const to = Math.max(from, utf16Offset(body, passage.end));
  const window = sentenceWindow(body, from, to);
  const text = body.slice(window.start, window.end);
  const base = codePointOffset(body, window.start);
  const baseEnd = base + codePointOffset(text, text.length);
  const ctx: Context = {
    text,
    t: phraseTokens(text),
    mentions: mentions
      .filter((m) => m.start >= base && m.end <= baseEnd && m.end > m.start)
      .map((m) => ({ ...m, at: utf16Offset(text, m.start - base), until: utf16Offset(text, m.end - base) })),
  };

  // The passage as a token range, and the sentences inside the window.
  const passageFrom = from - window.start;
  const passageTo = Math.max(to - window.start, passageFrom + 1);
  const sentenceEnds: number[] = [];
  ctx.t.forEach((token, k) => {
    if (!token.word && endsSentence(text, token.start)) sentenceEnds.push(k + 1);
  });
  if (sentenceEnds.at(-1) !== ctx.t.length) sentenceEnds.push(ctx.t.length);

  // Each reporting phrase speaking for the passage ends one chain: its own sources after those
  // of the phrases it is nested in.
  const paths: Found[][] = [];
  let sentenceStart = 0;
  for (const sentenceEnd of sentenceEnds) {
    const list = attributionsIn(ctx, sentenceStart, sentenceEnd);
    const ranges = scopes(ctx, list, sentenceStart, sentenceEnd);
    const speaking = list.flatMap((_, n) => (ranges[n]!.some(([a, b]) => b > a && ctx.t[a]!.start < passageTo && ctx.t[b - 1]!.end > passageFrom) ? [n] : []));
    const parents = new Map(speaking.map((n) => [n, nestedIn(ctx, list, ranges, speaking, n)]));
    for (const leaf of speaking.filter((n) => ![...parents.values()].includes(n))) {
      const path: number[] = [];
      for (let n: number | undefined = leaf; n !== undefined && !path.includes(n); n = parents.get(n)) path.unshift(n);
      paths.push(path.flatMap((n) => list[n]!.links));
    }
    sentenceStart = sentenceEnd;
  }
  // A source with others named beside it gives a chain for each of them, the rest the same.
  const chains = paths.flatMap((path) => [path, ...path.flatMap((found, k) => (found.parallel ?? []).map((other) => path.map((f, n) => (n === k ? other : f))))]);

  const toLinks = (chain: Found[]): ProposedLink[] => {
    const seen = new Set<string>();
    const proposed: ProposedLink[] = [];
    for (const { link } of chain) {
      const keys = [foldPhrase(link.name), ...(link.entityId === null ? [] : [`#${link.entityId}`])];
      if (keys.some((key) => seen.has(key))) continue;
      keys.forEach((key) => seen.add(key));
      // Mentions carry body offsets already; the others are offsets into the window.
      const fromMention = link.entityId !== null;
      proposed.push({
        ...link,
        start: fromMention ? link.start : base + codePointOffset(text, link.start),
        end: fromMention ? link.end : base + codePointOffset(text, link.end),
      });
    }
    return proposed;
  };
  const [chain = [], ...others] = chains.map(toLinks);
  const shown = new Set([chainKey(chain)]);
  const parallel = others.filter((links) => {
    const key = chainKey(links);
    if (links.length === 0 || shown.has(key)) return false;
    shown.add(key);
    return true;
  });
  return { chain, parallel };
}

/**
 * The reporting phrase speaking for the passage inside whose report phrase n stands (the closest
 * one), if any. A second preposition or a joined verb right after a phrase ("وفقا لرويترز وبحسب
 * واع، …", "قالت رويترز وأكدت فرانس برس أن") stands beside it, not inside: it shares what the
 * first reports ("According to Reuters, officials said …" nests).
 */
function nestedIn(ctx: Context, list: Attribution[], ranges: [number, number][][], speaking: number[], n: number): number | undefined {
  let parent: number | undefined;
  let size = Infinity;
  const phrase = list[n]!;
  for (const m of speaking) {
    const beside = (phrase.kind === 'preposition' || phrase.joined) && besideEachOther(ctx, list[m]!, phrase);
    if (m === n || beside) continue;
    // The first range is the phrase's own words; the others, what it reports.
    for (const [a, b] of ranges[m]!.slice(1)) {
      if (a <= list[n]!.from && list[n]!.to <= b && b - a < size) {
        parent = m;
        size = b - a;
      }
    }
  }
  return parent;
}

/** A chain's sources as one key, to tell chains apart. */
export function chainKey(links: readonly { entityId: number | null; name: string }[]): string {
  return links.map((l) => (l.entityId === null ? foldPhrase(l.name) : `#${l.entityId}`)).join(' ← ');
}
