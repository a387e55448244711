/** Independence, contradiction and the credibility Sanad suggests, on claims shaped like the corpus's. */
import { describe, expect, it } from 'vitest';
import { disagreements, independentSources, type LinkedClaim, suggestCredibility } from '../../db/corroboration';

const source = (entityId: number, name: string) => ({ entityId, name, role: null, reliability: null });
const REUTERS = source(1, 'رويترز');
const SHAFAQ = source(2, 'شفق نيوز');
const KURDISTAN24 = source(3, 'كردستان 24');
const MOD = source(4, 'وزارة الدفاع العراقية');

let nextId = 1;
/** A claim of article `articleId`; by default its outlet's own report (the origin is the outlet). */
function claim(articleId: number, origin: LinkedClaim['origin'], over: Partial<LinkedClaim> = {}): LinkedClaim {
  return { id: nextId++, articleId, outlet: origin, origin, reportedDate: null, placeId: null, figures: [], relation: 'supports', ...over };
}
/** A claim of article `articleId` that its outlet carries citing `origin`. */
const citing = (articleId: number, outlet: LinkedClaim['outlet'], origin: LinkedClaim['origin']) => claim(articleId, origin, { outlet });
const noClusters = new Map<number, number>();

describe('independent sources', () => {
  it('counts three outlets quoting Reuters once, and two outlets reporting on their own twice', () => {
    const OUTLETS = [5, 6, 7].map((id) => source(id, `outlet ${id}`));
    expect(independentSources(OUTLETS.map((outlet, i) => citing(i + 1, outlet, REUTERS)), noClusters)).toBe(1);
    expect(independentSources([citing(1, OUTLETS[0]!, REUTERS), citing(2, OUTLETS[1]!, REUTERS), claim(4, KURDISTAN24), claim(5, SHAFAQ)], noClusters)).toBe(3);
  });

  it('counts each source one article cites, and does not join the sources of the articles that cite one of them', () => {
    // Shafaq cites Kurdistan 24 and Reuters; another outlet cites Reuters and the ministry; a third reports on its own.
    const OTHER = source(8, 'outlet 8');
    const claims = [citing(1, SHAFAQ, KURDISTAN24), citing(1, SHAFAQ, REUTERS), citing(2, OTHER, REUTERS), citing(2, OTHER, MOD), claim(3, OTHER)];
    expect(independentSources(claims, noClusters)).toBe(4);
  });

  it('counts near-duplicate articles once, whatever origins their claims name', () => {
    // Article 7 copies article 6: their outlets' own reports are one source.
    expect(independentSources([claim(6, SHAFAQ), claim(7, KURDISTAN24)], new Map([[6, 6], [7, 6]]))).toBe(1);
    expect(independentSources([claim(6, SHAFAQ), claim(7, KURDISTAN24)], new Map([[6, 6], [7, 7]]))).toBe(2);
  });

  it('counts only supporting claims', () => {
    expect(independentSources([claim(1, REUTERS), claim(2, MOD, { relation: 'contradicts' }), claim(3, SHAFAQ, { relation: 'mentions' })], noClusters)).toBe(1);
    expect(independentSources([], noClusters)).toBe(0);
  });
});

describe('disagreements', () => {
  const september2024 = { from: '2024-09-01', to: '2024-09-30', precision: 'month' as const };
  const september2025 = { from: '2025-09-01', to: '2025-09-30', precision: 'month' as const };
  it('finds dates that cannot be the same beyond their precision, naming the claims on each side, but not a day inside a month', () => {
    const a = claim(1, SHAFAQ, { reportedDate: september2024 });
    const b = claim(2, KURDISTAN24, { reportedDate: september2025 });
    const c = claim(3, REUTERS, { reportedDate: september2025 });
    expect(disagreements([b, a, c])).toEqual([
      {
        kind: 'date',
        claimIds: [a.id, b.id, c.id],
        sides: [
          { value: september2024, claimIds: [a.id] },
          { value: september2025, claimIds: [b.id, c.id] },
        ],
      },
    ]);
    expect(disagreements([claim(1, REUTERS, { reportedDate: september2025 }), claim(2, SHAFAQ, { reportedDate: { from: '2025-09-20', to: '2025-09-20', precision: 'day' } })])).toEqual([]);
    // A year agrees with each month in it; only the two months disagree, and the year is on no side.
    const year = claim(3, MOD, { reportedDate: { from: '2025-01-01', to: '2025-12-31', precision: 'year' } });
    const august = claim(4, REUTERS, { reportedDate: { from: '2025-08-01', to: '2025-08-31', precision: 'month' } });
    const september = claim(5, SHAFAQ, { reportedDate: september2025 });
    expect(disagreements([year, august, september])).toMatchObject([{ kind: 'date', claimIds: [august.id, september.id] }]);
  });

  it('names the claims that contradict, report different places, or different figures of the same thing', () => {
    const denial = claim(2, MOD, { relation: 'contradicts', placeId: 12 });
    const report = claim(1, REUTERS);
    expect(disagreements([report, denial])).toEqual([{ kind: 'contradiction', claimIds: [denial.id] }]);
    const anbar = claim(1, REUTERS, { placeId: 10 });
    const baghdad = claim(2, SHAFAQ, { placeId: 11 });
    expect(disagreements([anbar, baghdad])).toEqual([
      {
        kind: 'place',
        claimIds: [anbar.id, baghdad.id],
        sides: [
          { value: 10, claimIds: [anbar.id] },
          { value: 11, claimIds: [baghdad.id] },
        ],
      },
    ]);
    const troops = (value: number) => [{ value, unit: null, counted: 'جندي' }];
    const more = claim(1, REUTERS, { figures: troops(2500) });
    const fewer = claim(2, SHAFAQ, { figures: [...troops(2000), { value: 3, unit: null, counted: 'قواعد' }] });
    expect(disagreements([more, fewer])).toEqual([
      {
        kind: 'figure',
        claimIds: [more.id, fewer.id],
        measure: { unit: null, counted: 'جندي' },
        sides: [
          { value: 2500, claimIds: [more.id] },
          { value: 2000, claimIds: [fewer.id] },
        ],
      },
    ]);
    expect(disagreements([claim(1, REUTERS, { figures: troops(2500) }), claim(2, SHAFAQ, { figures: [{ value: 3, unit: null, counted: 'قواعد' }] })])).toEqual([]);
  });
});

describe('suggested credibility', () => {
  it('suggests 1 for a claim independent sources confirm, 3 for a lone source, 6 without an event', () => {
    const a = claim(1, REUTERS);
    const b = claim(2, KURDISTAN24);
    expect(suggestCredibility(a.id, [{ claims: [a, b], clusterOf: noClusters }])).toBe(1);
    const lone = claim(3, SHAFAQ);
    expect(suggestCredibility(lone.id, [{ claims: [lone], clusterOf: noClusters }])).toBe(3);
    expect(suggestCredibility(lone.id, [])).toBe(6);
  });

  it('suggests 2 when confirmed but disputed, 4 for a lone disputed source, 5 when more sources say otherwise', () => {
    const a = claim(1, REUTERS, { placeId: 1 });
    const b = claim(2, KURDISTAN24, { placeId: 2 });
    expect(suggestCredibility(a.id, [{ claims: [a, b], clusterOf: noClusters }])).toBe(2);
    const lone = claim(3, REUTERS, { placeId: 1 });
    const same = claim(4, REUTERS, { placeId: 2 });
    expect(suggestCredibility(lone.id, [{ claims: [lone, same], clusterOf: noClusters }])).toBe(4);
    const denial = claim(5, MOD, { relation: 'contradicts' });
    expect(suggestCredibility(denial.id, [{ claims: [claim(6, REUTERS), claim(7, SHAFAQ), denial], clusterOf: noClusters }])).toBe(5);
  });
});
