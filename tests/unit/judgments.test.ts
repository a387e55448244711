/** Key judgments: ICD 203's wording in both languages, and the warning when one sentence mixes likelihood and confidence. */
import { describe, expect, it } from 'vitest';
import { confidenceTerm, likelihoodBand, likelihoodTerm, mixesLikelihoodAndConfidence } from '../../db/judgments';

describe('key judgments', () => {
  it('words each likelihood with its band, and each confidence, in English and Arabic', () => {
    expect([likelihoodTerm('roughlyEven', 'en'), likelihoodBand('roughlyEven')]).toEqual(['roughly even chance', [45, 55]]);
    expect([likelihoodTerm('almostCertain', 'ar'), likelihoodBand('almostCertain')]).toEqual(['شبه مؤكد', [95, 99]]);
    expect(confidenceTerm('moderate', 'ar')).toBe('ثقة متوسطة');
  });

  it('warns when one sentence says both how likely and how confident, in either language', () => {
    expect(mixesLikelihoodAndConfidence('We assess with high confidence that the withdrawal is likely to finish by September.')).toBe(true);
    expect(mixesLikelihoodAndConfidence('من المرجَّح بثقة عالية أن يكتمل الانسحاب قبل أيلول.')).toBe(true);
    expect(mixesLikelihoodAndConfidence('ونحن واثقون من أنه مستبعد.')).toBe(true);
    // Apart, in two sentences, or only one of them: no warning.
    expect(mixesLikelihoodAndConfidence('The withdrawal will probably finish by September. We have moderate confidence in this.')).toBe(false);
    expect(mixesLikelihoodAndConfidence('سيكتمل الانسحاب قبل أيلول على الأرجح؛ درجة الثقة متوسطة.')).toBe(false);
    expect(mixesLikelihoodAndConfidence('US forces have left Ain al-Asad.')).toBe(false);
  });
});
