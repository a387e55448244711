/**
 * Key judgments as ICD 203 (the US Intelligence Community's analytic standards) asks them to be
 * written: a likelihood from a fixed scale of seven terms with their percentage bands, and,
 * separately, a confidence level. The two must not be mixed in one sentence ("we assess with high
 * confidence that it is likely…" says two things at once). Pure vocabulary, shared by the
 * renderer (the editor's choices and its warning) and the exports (the wording in the report's
 * language).
 */
import type { Confidence, Likelihood, ReportLanguage } from './model';

/** The ICD 203 likelihood scale, least likely first, with each term's band in percent. */
export const LIKELIHOODS: readonly { key: Likelihood; from: number; to: number; en: string; ar: string }[] = [
  { key: 'almostNoChance', from: 1, to: 5, en: 'almost no chance', ar: 'احتمال شبه معدوم' },
  { key: 'veryUnlikely', from: 5, to: 20, en: 'very unlikely', ar: 'مستبعد جدا' },
  { key: 'unlikely', from: 20, to: 45, en: 'unlikely', ar: 'مستبعد' },
  { key: 'roughlyEven', from: 45, to: 55, en: 'roughly even chance', ar: 'احتمال متكافئ تقريبا' },
  { key: 'likely', from: 55, to: 80, en: 'likely', ar: 'مرجح' },
  { key: 'veryLikely', from: 80, to: 95, en: 'very likely', ar: 'مرجح جدا' },
  { key: 'almostCertain', from: 95, to: 99, en: 'almost certain', ar: 'شبه مؤكد' },
];

/** The confidence levels, lowest first. */
export const CONFIDENCES: readonly { key: Confidence; en: string; ar: string }[] = [
  { key: 'low', en: 'low confidence', ar: 'ثقة منخفضة' },
  { key: 'moderate', en: 'moderate confidence', ar: 'ثقة متوسطة' },
  { key: 'high', en: 'high confidence', ar: 'ثقة عالية' },
];

/** A likelihood's term in a language. */
export function likelihoodTerm(key: Likelihood, language: ReportLanguage): string {
  return LIKELIHOODS.find((l) => l.key === key)![language];
}

/** A likelihood's band, e.g. [55, 80]. */
export function likelihoodBand(key: Likelihood): [number, number] {
  const { from, to } = LIKELIHOODS.find((l) => l.key === key)!;
  return [from, to];
}

/** A confidence level's wording in a language. */
export function confidenceTerm(key: Confidence, language: ReportLanguage): string {
  return CONFIDENCES.find((c) => c.key === key)![language];
}

// Words that say how likely something is, and words that say how sure the analyst is. Arabic is
// matched inside words (it attaches conjunctions and prepositions: "والمرجح", "بثقة").
const LIKELIHOOD_WORDS = /\b(?:almost no chance|remote(?:ly)?|(?:very |highly )?(?:un)?likely|(?:highly )?(?:im)?probabl[ey]|even chance|almost certain(?:ly)?|nearly certain)\b|مرجح|يرجح|ترجيح|مستبعد|احتمال|محتمل|شبه مؤكد|مؤكد تقريبا/iu;
const CONFIDENCE_WORDS = /\bconfiden(?:ce|t)\b|ثقة|واثق/iu;
/** Arabic short vowels, shadda and tatweel, which do not change a word. */
const ARABIC_MARKS = /[\u064B-\u0652\u0670\u0640]/gu;

/**
 * Whether a judgment's text puts a likelihood and a confidence in one sentence (ICD 203 asks for
 * them apart): "It is likely, with high confidence, that…", "من المرجح بثقة عالية أن…".
 */
export function mixesLikelihoodAndConfidence(text: string): boolean {
  return text
    .replace(ARABIC_MARKS, '')
    .split(/[.!?؟؛;\n]+/u)
    .some((sentence) => LIKELIHOOD_WORDS.test(sentence) && CONFIDENCE_WORDS.test(sentence));
}
