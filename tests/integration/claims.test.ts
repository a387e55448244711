/** Claims, sources and events through the API: chains, grades, independence, contradiction, undo. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ColumnFilter } from '../../db/model';
import { callApi as call, fixtureUpload, tempApi } from '../helpers';

/** Four reports of the withdrawal, written like the corpus, with outlets and dates. */
async function reports() {
  const api = tempApi();
  await call(api.dispatch, 'importFiles', { files: [fixtureUpload('withdrawal-reports.json')] });
  const articles = await call(api.dispatch, 'listArticles', {});
  const byOutlet = new Map(articles.map((a) => [a.outlet!, a.id]));
  const spanOf = async (outlet: string, quote: string) => {
    const articleId = byOutlet.get(outlet)!;
    const body = (await call(api.dispatch, 'getArticle', { id: articleId })).body;
    const at = body.indexOf(quote);
    if (at < 0) throw new Error(`not in ${outlet}: ${quote}`);
    const start = [...body.slice(0, at)].length;
    return { articleId, start, end: start + [...quote].length };
  };
  return { ...api, spanOf };
}

describe('proposing a chain', () => {
  it('proposes the sources a passage cites after its outlet, the origin last, unnamed ones as such', async () => {
    const { dispatch, spanOf } = await reports();
    expect(await call(dispatch, 'proposeClaim', await spanOf('شفق نيوز', 'الانسحاب بدأ بشكل مفاجئ وسيستغرق أيامًا'))).toEqual({
      chain: [
        { entityId: null, name: 'رويترز', role: 'agency' },
        { entityId: null, name: 'خمسة مسؤولين أمريكيين', role: 'unnamed' },
      ],
      parallel: [],
      reportedDate: null,
      figures: [],
    });
    // "Informed sources told Kurdistan 24": the outlet itself is the reporter, so only its sources are proposed.
    expect((await call(dispatch, 'proposeClaim', await spanOf('كردستان 24', 'اكتمل'))).chain).toEqual([{ entityId: null, name: 'مصادر مطلعة', role: 'unnamed' }]);
    // A passage that cites no one: the outlet is the origin.
    expect((await call(dispatch, 'proposeClaim', await spanOf('شفق نيوز', 'بدأت القوات الأمريكية انسحابها'))).chain).toEqual([]);
  });

  it('does not propose the article\'s own outlet again, however the text writes its name', async () => {
    const { dispatch } = tempApi();
    const article = { title: 'تقليص القوات', outlet: 'العربية', published: '2025-07-13', body: 'قال مسؤول دفاعي أميركي لـ"العربية.نت" إن التقليص سيشمل العراق.' };
    await call(dispatch, 'importFiles', { files: [{ name: 'a.json', dataBase64: Buffer.from(JSON.stringify([article])).toString('base64') }] });
    const body = (await call(dispatch, 'getArticle', { id: 1 })).body;
    expect((await call(dispatch, 'proposeClaim', { articleId: 1, start: 0, end: [...body].length - 1 })).chain).toEqual([{ entityId: null, name: 'مسؤول دفاعي أميركي', role: 'unnamed' }]);
  });

  it('proposes sources named side by side as separate attributions, each after the outlet, the outlet itself left out', async () => {
    const { dispatch } = tempApi();
    const said = 'وأكدت مصادر خاصة لـ"العربية.نت" و"الحدث.نت" أن تقليص القوات سيشمل العراق.';
    // Each outlet's copy under its own dateline (the same text twice would be one article).
    const articles = ['العربية', 'الحدث'].map((outlet) => ({ title: `تقليص القوات (${outlet})`, outlet, published: '2025-07-13', body: `${outlet} – ${said}` }));
    await call(dispatch, 'importFiles', { files: [{ name: 'a.json', dataBase64: Buffer.from(JSON.stringify(articles)).toString('base64') }] });
    const passage = async (articleId: number) => {
      const body = (await call(dispatch, 'getArticle', { id: articleId })).body;
      return { articleId, start: [...body.slice(0, body.indexOf('تقليص'))].length, end: [...body].length - 1 };
    };
    const sources = { entityId: null, name: 'مصادر خاصة', role: 'unnamed' };
    // Read in Al Arabiya: its own sources, and as a separate attribution those that told Al Hadath.
    expect(await call(dispatch, 'proposeClaim', await passage(1))).toMatchObject({ chain: [sources], parallel: [[{ entityId: null, name: 'الحدث.نت', role: 'outlet' }, sources]] });
    // Read in Al Hadath: the other way round.
    expect(await call(dispatch, 'proposeClaim', await passage(2))).toMatchObject({ chain: [{ entityId: null, name: 'العربية.نت', role: 'outlet' }, sources], parallel: [[sources]] });
  });

  it('proposes the date and the figures the passage reports', async () => {
    const { dispatch, spanOf } = await reports();
    expect((await call(dispatch, 'proposeClaim', await spanOf('شفق نيوز', 'وكان الاتفاق بين بغداد وواشنطن قد وُقّع في أيلول 2024'))).reportedDate).toEqual({
      from: '2024-09-01',
      to: '2024-09-30',
      precision: 'month',
    });
    expect((await call(dispatch, 'proposeClaim', await spanOf('Example Wire', 'About 2,500 troops remain in Iraq'))).figures).toEqual([{ value: 2500, unit: null, counted: 'troops' }]);
  });

  it('reads no figure from the number in the outlet\'s name', async () => {
    const { dispatch, spanOf } = await reports();
    const proposal = await call(dispatch, 'proposeClaim', await spanOf('كردستان 24', 'قالت مصادر مطلعة لكردستان 24 إن انسحاب القوات الأمريكية من قاعدة عين الأسد اكتمل'));
    expect(proposal.figures).toEqual([]);
    expect(proposal.chain).toEqual([{ entityId: null, name: 'مصادر مطلعة', role: 'unnamed' }]);
  });

  it('proposes a source the analyst already has as that entity', async () => {
    const { dispatch, spanOf } = await reports();
    const made = await call(dispatch, 'createClaim', { ...(await spanOf('السومرية', 'العملية ستستغرق أيامًا')), chain: [{ entityId: null, name: 'رويترز', role: 'agency' }] });
    const span = await spanOf('شفق نيوز', 'الانسحاب بدأ بشكل مفاجئ');
    await call(dispatch, 'markEntity', { ...(await spanOf('شفق نيوز', 'رويترز')), entityId: made.origin!.entityId });
    expect((await call(dispatch, 'proposeClaim', span)).chain[0]).toEqual({ entityId: made.origin!.entityId, name: 'رويترز', role: 'agency' });
  });
});

describe('claims', () => {
  it('makes a claim from a passage with a confirmed chain: the outlet first, the unnamed origin scoped to its reporter, graded', async () => {
    const { dispatch, spanOf } = await reports();
    const span = await spanOf('شفق نيوز', 'الانسحاب بدأ بشكل مفاجئ وسيستغرق أيامًا');
    const claim = await call(dispatch, 'createClaim', {
      ...span,
      chain: [
        { entityId: null, name: 'رويترز', role: 'agency' },
        { entityId: null, name: 'خمسة مسؤولين أمريكيين', role: 'unnamed' },
      ],
      statement: 'The withdrawal started suddenly and will take days',
      reportedDate: { from: '2025-08-24' },
    });
    expect(claim).toMatchObject({
      quote: 'الانسحاب بدأ بشكل مفاجئ وسيستغرق أيامًا',
      outlet: { name: 'شفق نيوز', role: 'outlet' },
      chain: [
        { name: 'رويترز', role: 'agency' },
        { name: 'خمسة مسؤولين أمريكيين (رويترز)', role: 'unnamed' },
      ],
      origin: { name: 'خمسة مسؤولين أمريكيين (رويترز)' },
      stance: 'asserts',
      reportedDate: { from: '2025-08-24', to: '2025-08-24', precision: 'day' },
      grade: '??',
    });
    // The passage is annotated and tagged as a claim.
    expect((await call(dispatch, 'listAnnotations', { articleId: span.articleId })).map((a) => a.tags.map((t) => t.name))).toEqual([['Claim']]);
    // Reliability belongs to the source: grading it changes every claim citing it.
    expect(await call(dispatch, 'updateEntity', { id: claim.origin!.entityId, reliability: 'C', reliabilityNote: 'unnamed, but Reuters vouches' })).toMatchObject({
      role: 'unnamed',
      reliability: 'C',
      reliabilityNote: 'unnamed, but Reuters vouches',
    });
    await call(dispatch, 'updateClaim', { id: claim.id, credibility: 2 });
    expect((await call(dispatch, 'getClaim', { id: claim.id })).grade).toBe('C2');
  });

  it('keeps two outlets\' unnamed sources apart, and reuses a source by name', async () => {
    const { dispatch, spanOf } = await reports();
    const a = await call(dispatch, 'createClaim', { ...(await spanOf('كردستان 24', 'انسحاب القوات الأمريكية من قاعدة عين الأسد اكتمل')), chain: [{ entityId: null, name: 'مصادر مطلعة', role: 'unnamed' }] });
    const b = await call(dispatch, 'createClaim', { ...(await spanOf('شفق نيوز', 'بدأت القوات الأمريكية انسحابها')), chain: [{ entityId: null, name: 'مصادر مطلعة', role: 'unnamed' }] });
    expect(a.origin!.entityId).not.toBe(b.origin!.entityId);
    expect([a.origin!.name, b.origin!.name]).toEqual(['مصادر مطلعة (كردستان 24)', 'مصادر مطلعة (شفق نيوز)']);
    const c = await call(dispatch, 'createClaim', { ...(await spanOf('السومرية', 'العملية ستستغرق أيامًا')), chain: [{ entityId: null, name: 'رويترز', role: 'agency' }] });
    const d = await call(dispatch, 'createClaim', { ...(await spanOf('شفق نيوز', 'وكان الاتفاق')), chain: [{ entityId: c.origin!.entityId }] });
    expect(d.origin).toEqual(c.origin);
  });

  it('scans the library for a named source a claim creates, as for a new entity, and not for an unnamed one', async () => {
    const { dispatch, spanOf } = await reports();
    const claim = await call(dispatch, 'createClaim', {
      ...(await spanOf('شفق نيوز', 'الانسحاب بدأ بشكل مفاجئ')),
      chain: [
        { entityId: null, name: 'رويترز', role: 'agency' },
        { entityId: null, name: 'خمسة مسؤولين أمريكيين', role: 'unnamed' },
      ],
    });
    const [reuters, officials] = claim.chain;
    // Its name is its alias, found in both articles that name Reuters, waiting for the analyst.
    expect((await call(dispatch, 'listEntities', {})).find((e) => e.id === reuters!.entityId)).toMatchObject({ aliases: ['رويترز'], suggested: 2 });
    const mentions = await call(dispatch, 'listMentions', { entityId: reuters!.entityId });
    expect(mentions.map((m) => [m.articleTitle, m.exact, m.status])).toEqual([
      ['بدء انسحاب القوات الأمريكية من عين الأسد', 'رويترز', 'suggested'],
      ['مسؤولون: الانسحاب من عين الأسد يستغرق أيامًا', 'رويترز', 'suggested'],
    ]);
    expect((await call(dispatch, 'listJobs', {})).filter((j) => j.kind === 'alias-scan').map((j) => [j.label, j.state])).toEqual([['رويترز', 'done']]);
    // "Five US officials" are Reuters's, in this report only: their words elsewhere are other people.
    expect(await call(dispatch, 'listMentions', { entityId: officials!.entityId })).toEqual([]);
    // A source added when the chain is edited is scanned for too.
    const edited = await call(dispatch, 'updateClaim', { id: claim.id, chain: [{ entityId: reuters!.entityId }, { entityId: null, name: 'السومرية', role: 'outlet' }] });
    expect(await call(dispatch, 'listMentions', { entityId: edited.origin!.entityId })).toEqual([]);
    expect((await call(dispatch, 'listJobs', {})).filter((j) => j.kind === 'alias-scan').map((j) => j.label)).toEqual(expect.arrayContaining(['السومرية']));
  });

  it('counts claims through Reuters as one source, an outlet\'s own report as another, and marks a contradicted event', async () => {
    const { dispatch, spanOf } = await reports();
    const event = await call(dispatch, 'createEvent', { title: 'انسحاب القوات الأمريكية من عين الأسد', eventType: 'Strategic developments', date: { from: '2025-08-24' } });
    const viaReuters = [{ entityId: null, name: 'رويترز', role: 'agency' as const }];
    const shafaq = await call(dispatch, 'createClaim', { ...(await spanOf('شفق نيوز', 'الانسحاب بدأ بشكل مفاجئ')), chain: viaReuters, eventId: event.id });
    await call(dispatch, 'createClaim', { ...(await spanOf('السومرية', 'بدأت الانسحاب من قاعدة عين الأسد')), chain: viaReuters, eventId: event.id });
    expect(await call(dispatch, 'getEvent', { id: event.id })).toMatchObject({ independentSources: 1, contested: false, claimCount: 2 });
    // The outlet's own sources: a second origin.
    await call(dispatch, 'createClaim', { ...(await spanOf('كردستان 24', 'اكتمل')), chain: [{ entityId: null, name: 'مصادر مطلعة', role: 'unnamed' }], eventId: event.id });
    expect(await call(dispatch, 'getEvent', { id: event.id })).toMatchObject({ independentSources: 2, contested: false });
    expect((await call(dispatch, 'getClaim', { id: shafaq.id })).suggestedCredibility).toBe(1);
    // The ministry says it is not complete.
    const denial = await call(dispatch, 'createClaim', { ...(await spanOf('Example Wire', 'had not been completed')), chain: [{ entityId: null, name: 'Iraqi Ministry of Defence', role: 'government' }], stance: 'denies' });
    const linked = await call(dispatch, 'linkClaim', { claimId: denial.id, eventId: event.id, relation: 'contradicts' });
    expect(linked).toMatchObject({ independentSources: 2, contested: true, disagreements: [{ kind: 'contradiction', claimIds: [denial.id] }] });
    expect((await call(dispatch, 'listEvents', {}))[0]).toMatchObject({ id: event.id, contested: true, independentSources: 2 });
  });

  it('marks an event contested when its claims report dates that cannot both be right', async () => {
    const { dispatch, spanOf } = await reports();
    const event = await call(dispatch, 'createEvent', { title: 'اتفاق الانسحاب' });
    const september2024 = { from: '2024-09-01', to: '2024-09-30', precision: 'month' as const };
    const september2025 = { from: '2025-09-01', to: '2025-09-30', precision: 'month' as const };
    const shafaq = await call(dispatch, 'createClaim', { ...(await spanOf('شفق نيوز', 'وكان الاتفاق بين بغداد وواشنطن قد وُقّع في أيلول 2024')), reportedDate: september2024, eventId: event.id });
    const kurdistan24 = await call(dispatch, 'createClaim', { ...(await spanOf('كردستان 24', 'الموعد النهائي للانسحاب هو أيلول 2025')), reportedDate: september2025, eventId: event.id });
    // Which claims disagree, and what each says.
    expect(await call(dispatch, 'getEvent', { id: event.id })).toMatchObject({
      contested: true,
      disagreements: [
        {
          kind: 'date',
          claimIds: [shafaq.id, kurdistan24.id],
          sides: [
            { value: september2024, claimIds: [shafaq.id] },
            { value: september2025, claimIds: [kurdistan24.id] },
          ],
        },
      ],
    });
    // Listing events says only that it is contested.
    expect((await call(dispatch, 'listEvents', {}))[0]).toMatchObject({ contested: true, independentSources: 2 });
  });

  it('undoes every claim action: create, edit, grade, event, link', async () => {
    const { dispatch, spanOf } = await reports();
    const claim = await call(dispatch, 'createClaim', { ...(await spanOf('شفق نيوز', 'الانسحاب بدأ بشكل مفاجئ')), chain: [{ entityId: null, name: 'رويترز', role: 'agency' }] });
    await call(dispatch, 'updateClaim', { id: claim.id, statement: 'بدأ الانسحاب', figures: [{ value: 2500, counted: 'جندي' }] });
    await call(dispatch, 'updateEntity', { id: claim.origin!.entityId, reliability: 'B' });
    const event = await call(dispatch, 'createEvent', { title: 'انسحاب' });
    await call(dispatch, 'linkClaim', { claimId: claim.id, eventId: event.id, relation: 'supports' });
    expect((await call(dispatch, 'getClaim', { id: claim.id })).events).toEqual([{ eventId: event.id, title: 'انسحاب', relation: 'supports' }]);
    await call(dispatch, 'undo', {});
    expect((await call(dispatch, 'getClaim', { id: claim.id })).events).toEqual([]);
    await call(dispatch, 'undo', {});
    expect(await call(dispatch, 'listEvents', {})).toEqual([]);
    await call(dispatch, 'undo', {});
    expect((await call(dispatch, 'getClaim', { id: claim.id })).origin!.reliability).toBeNull();
    await call(dispatch, 'undo', {});
    expect(await call(dispatch, 'getClaim', { id: claim.id })).toMatchObject({ statement: null, figures: [] });
    await call(dispatch, 'undo', {});
    expect(await call(dispatch, 'listClaims', {})).toEqual([]);
    expect(await call(dispatch, 'listAnnotations', {})).toEqual([]);
    await call(dispatch, 'redo', {});
    expect((await call(dispatch, 'listClaims', {}))[0]).toMatchObject({ id: claim.id, chain: [{ name: 'رويترز' }] });
  });

  it('edits a claim\'s fields, credibility and event links in one step that one undo takes back', async () => {
    const { dispatch, spanOf } = await reports();
    const first = await call(dispatch, 'createEvent', { title: 'بدء الانسحاب' });
    const second = await call(dispatch, 'createEvent', { title: 'اكتمال الانسحاب' });
    const claim = await call(dispatch, 'createClaim', { ...(await spanOf('شفق نيوز', 'الانسحاب بدأ بشكل مفاجئ')), chain: [{ entityId: null, name: 'رويترز', role: 'agency' }], eventId: first.id });
    await call(dispatch, 'updateEntity', { id: claim.origin!.entityId, reliability: 'B' });
    const edited = await call(dispatch, 'updateClaim', {
      id: claim.id,
      reportedDate: { from: '2025-08-20' },
      credibility: 2,
      events: [{ eventId: second.id, relation: 'contradicts' }],
    });
    expect(edited).toMatchObject({ grade: 'B2', reportedDate: { from: '2025-08-20', to: '2025-08-20' }, events: [{ eventId: second.id, title: 'اكتمال الانسحاب', relation: 'contradicts' }] });
    expect((await call(dispatch, 'getEvent', { id: first.id })).claims).toEqual([]);
    expect(await call(dispatch, 'undo', {})).toMatchObject({ kind: 'claim.edit', detail: { fields: ['reportedDate', 'credibility', 'events'] } });
    expect(await call(dispatch, 'getClaim', { id: claim.id })).toMatchObject({ grade: 'B?', reportedDate: null, events: [{ eventId: first.id, relation: 'supports' }] });
    expect((await call(dispatch, 'getEvent', { id: second.id })).claims).toEqual([]);
  });

  it('refuses to link an edited claim to an event that does not exist, and changes nothing', async () => {
    const { dispatch, spanOf } = await reports();
    const claim = await call(dispatch, 'createClaim', await spanOf('شفق نيوز', 'الانسحاب بدأ بشكل مفاجئ'));
    await expect(call(dispatch, 'updateClaim', { id: claim.id, credibility: 3, events: [{ eventId: 99, relation: 'supports' }] })).rejects.toThrow(/event/i);
    expect((await call(dispatch, 'getClaim', { id: claim.id })).credibility).toBeNull();
  });

  it('refuses what does not exist and what makes no sense, saying what', async () => {
    const { dispatch, spanOf } = await reports();
    const span = await spanOf('شفق نيوز', 'بدأت القوات');
    await expect(call(dispatch, 'createClaim', { ...span, chain: [{ entityId: 999 }] })).rejects.toThrow(/NOT_FOUND: There is no entity #999/);
    await expect(call(dispatch, 'createClaim', { ...span, reportedDate: { from: '2025-09-30', to: '2025-09-01' } })).rejects.toThrow(/INVALID_ARGUMENT/);
    await expect(call(dispatch, 'getEvent', { id: 5 })).rejects.toThrow(/NOT_FOUND: There is no event #5/);
    await expect(call(dispatch, 'updateEntity', { id: 1, reliability: 'G' as 'A' })).rejects.toThrow(/INVALID_ARGUMENT/);
  });
});

describe('merging sources', () => {
  it('moves every claim, event and mention of a source to the one the analyst says it is, keeps its names as aliases, and undoes it as one step', async () => {
    const { dispatch, spanOf } = await reports();
    const arabic = await call(dispatch, 'createClaim', {
      ...(await spanOf('شفق نيوز', 'الانسحاب بدأ بشكل مفاجئ')),
      chain: [
        { entityId: null, name: 'رويترز', role: 'agency' },
        { entityId: null, name: 'خمسة مسؤولين أمريكيين', role: 'unnamed' },
      ],
    });
    const english = await call(dispatch, 'createClaim', {
      ...(await spanOf('Example Wire', 'About 2,500 troops remain in Iraq')),
      chain: [
        { entityId: null, name: 'Reuters', role: 'agency' },
        { entityId: null, name: 'five US officials', role: 'unnamed' },
      ],
    });
    const [arReuters, arOfficials] = arabic.chain.map((s) => s.entityId);
    const [enReuters, enOfficials] = english.chain.map((s) => s.entityId);
    // Reuters cited through "رويترز": one link once they are one source.
    const both = await call(dispatch, 'createClaim', { ...(await spanOf('السومرية', 'العملية ستستغرق أيامًا')), chain: [{ entityId: arReuters! }, { entityId: enReuters! }] });
    const event = await call(dispatch, 'createEvent', { title: 'انسحاب', actorIds: [enReuters!, arReuters!] });
    // The analyst marked "Reuters" on the Arabic word the scan had suggested for رويترز.
    await call(dispatch, 'markEntity', { ...(await spanOf('شفق نيوز', 'رويترز')), entityId: enReuters! });
    await call(dispatch, 'updateEntity', { id: enReuters!, reliability: 'B', reliabilityNote: 'wire agency' });
    const before = { english: await call(dispatch, 'getClaim', { id: english.id }), both: await call(dispatch, 'getClaim', { id: both.id }), entities: await call(dispatch, 'listEntities', {}) };

    const merged = await call(dispatch, 'mergeSources', { sourceId: enReuters!, targetId: arReuters! });
    expect(merged).toMatchObject({ id: arReuters, name: 'رويترز', role: 'agency', reliability: 'B', reliabilityNote: 'wire agency' });
    expect(merged.aliases).toEqual(['رويترز', 'Reuters']);
    expect((await call(dispatch, 'listEntities', {})).some((e) => e.id === enReuters)).toBe(false);
    expect((await call(dispatch, 'getClaim', { id: english.id })).chain.map((s) => s.name)).toEqual(['رويترز', 'five US officials (Reuters)']);
    expect((await call(dispatch, 'getClaim', { id: both.id })).chain.map((s) => s.name)).toEqual(['رويترز']);
    expect((await call(dispatch, 'getClaim', { id: both.id })).origin!.name).toBe('رويترز');
    expect((await call(dispatch, 'getEvent', { id: event.id })).actors.map((a) => a.name)).toEqual(['رويترز']);
    // One place, one mention: the analyst's acceptance is kept on the target's.
    const mentions = await call(dispatch, 'listMentions', { entityId: arReuters! });
    expect(mentions.filter((m) => m.articleTitle === 'بدء انسحاب القوات الأمريكية من عين الأسد').map((m) => m.status)).toEqual(['accepted']);
    // The next claim naming "Reuters" finds the merged source by its alias.
    const again = await call(dispatch, 'createClaim', { ...(await spanOf('Example Wire', 'had not been completed')), chain: [{ entityId: null, name: 'Reuters', role: 'agency' }] });
    expect(again.origin!.entityId).toBe(arReuters);
    await call(dispatch, 'deleteClaim', { id: again.id });

    // Two unnamed sources reported by Reuters, in two languages: the same five officials.
    await call(dispatch, 'mergeSources', { sourceId: enOfficials!, targetId: arOfficials! });
    expect(await call(dispatch, 'getClaim', { id: english.id })).toMatchObject({ chain: [{ name: 'رويترز' }, { name: 'خمسة مسؤولين أمريكيين (رويترز)' }], origin: { entityId: arOfficials } });
    const graph = await call(dispatch, 'sourceGraph', {});
    expect(graph.nodes.find((n) => n.entityId === arOfficials)).toMatchObject({ claims: 2, origins: 2 });

    // Undone one step at a time: the officials apart again, the claim made and deleted meanwhile, then Reuters.
    expect((await call(dispatch, 'undo', {}))!.kind).toBe('source.merge');
    await call(dispatch, 'undo', {});
    await call(dispatch, 'undo', {});
    expect(await call(dispatch, 'undo', {})).toMatchObject({ kind: 'source.merge', quote: 'Reuters', detail: { into: 'رويترز', claims: 2 } });
    expect(await call(dispatch, 'getClaim', { id: english.id })).toEqual(before.english);
    expect(await call(dispatch, 'getClaim', { id: both.id })).toEqual(before.both);
    expect(await call(dispatch, 'listEntities', {})).toEqual(before.entities);
    expect((await call(dispatch, 'getEvent', { id: event.id })).actors.map((a) => a.entityId).sort()).toEqual([arReuters, enReuters].sort());
    expect((await call(dispatch, 'listMentions', { entityId: enReuters! })).map((m) => m.status)).toEqual(['accepted']);
  });

  it('refuses to merge a source into itself or into what does not exist, saying which', async () => {
    const { dispatch, spanOf } = await reports();
    const claim = await call(dispatch, 'createClaim', { ...(await spanOf('شفق نيوز', 'بدأت القوات')), chain: [{ entityId: null, name: 'رويترز', role: 'agency' }] });
    const id = claim.origin!.entityId;
    await expect(call(dispatch, 'mergeSources', { sourceId: id, targetId: id })).rejects.toThrow('INVALID_ARGUMENT: Choose another source to merge “رويترز” into: a source cannot be merged into itself.');
    await expect(call(dispatch, 'mergeSources', { sourceId: id, targetId: 999 })).rejects.toThrow(/NOT_FOUND: There is no entity #999/);
  });
});

describe('the source graph', () => {
  it('draws who cites whom, weighted by claims, so a shared origin shows as one node many outlets lead to', async () => {
    const { dispatch, spanOf } = await reports();
    const event = await call(dispatch, 'createEvent', { title: 'انسحاب' });
    const reuters = [{ entityId: null, name: 'رويترز', role: 'agency' as const }];
    await call(dispatch, 'createClaim', { ...(await spanOf('شفق نيوز', 'الانسحاب بدأ بشكل مفاجئ')), chain: reuters, eventId: event.id });
    await call(dispatch, 'createClaim', { ...(await spanOf('شفق نيوز', 'وكان الاتفاق')), chain: reuters });
    await call(dispatch, 'createClaim', { ...(await spanOf('السومرية', 'بدأت الانسحاب')), chain: reuters, eventId: event.id });
    await call(dispatch, 'createClaim', { ...(await spanOf('كردستان 24', 'اكتمل')), eventId: event.id });
    const graph = await call(dispatch, 'sourceGraph', {});
    const id = (name: string) => graph.nodes.find((n) => n.name === name)!.entityId;
    expect(graph.nodes.find((n) => n.name === 'رويترز')).toMatchObject({ role: 'agency', claims: 3, origins: 3 });
    expect(graph.edges).toEqual(
      expect.arrayContaining([
        { from: id('شفق نيوز'), to: id('رويترز'), claims: 2 },
        { from: id('السومرية'), to: id('رويترز'), claims: 1 },
      ]),
    );
    expect(graph.edges).toHaveLength(2);
    // One event's claims only.
    const forEvent = await call(dispatch, 'sourceGraph', { eventId: event.id });
    expect(forEvent.edges.find((e) => e.from === id('شفق نيوز'))!.claims).toBe(1);
    expect(forEvent.nodes.find((n) => n.name === 'كردستان 24')).toMatchObject({ claims: 1, origins: 1 });
    // A click on a node lists the claims that pass through it.
    expect((await call(dispatch, 'queryClaims', { startRow: 0, endRow: 10, withCount: true, sourceId: id('رويترز') })).total).toBe(3);
  });
});

describe('the claims grid', () => {
  it('pages, filters and sorts claims on the server, and its quick filter finds words however spelled', async () => {
    const { dispatch, spanOf } = await reports();
    const viaReuters = [{ entityId: null, name: 'رويترز', role: 'agency' as const }];
    await call(dispatch, 'createClaim', { ...(await spanOf('شفق نيوز', 'الانسحاب بدأ بشكل مفاجئ')), chain: viaReuters, stance: 'asserts' });
    await call(dispatch, 'createClaim', { ...(await spanOf('كردستان 24', 'اكتمل')), chain: [{ entityId: null, name: 'مصادر مطلعة', role: 'unnamed' }] });
    const denial = await call(dispatch, 'createClaim', { ...(await spanOf('Example Wire', 'had not been completed')), stance: 'denies', statement: 'لم يكتمل الانسحاب' });
    const page = (over: object) => call(dispatch, 'queryClaims', { startRow: 0, endRow: 100, withCount: true, ...over });
    expect((await page({})).total).toBe(3);
    expect((await page({ filterModel: { stance: { filterType: 'text', type: 'equals', filter: 'denies' } } })).rows.map((c) => c.id)).toEqual([denial.id]);
    expect((await page({ filterModel: { origin: { filterType: 'text', type: 'contains', filter: 'رويترز' } } })).total).toBe(1);
    expect((await page({ sortModel: [{ colId: 'outlet', sort: 'asc' }] })).rows.map((c) => c.outlet?.name)).toEqual(['Example Wire', 'شفق نيوز', 'كردستان 24']);
    // The quick filter folds hamza and strips clitics, as search does: "والانسحاب" finds "الانسحاب".
    expect((await page({ quickFilter: 'والانسحاب' })).total).toBe(2);
    expect((await page({ quickFilter: 'رويترز' })).total).toBe(1);
    // …and any spelling the variant table gives a word.
    expect((await page({ quickFilter: 'Reuters' })).total).toBe(1);
    // A hostile column name or value is refused or bound, never run as SQL.
    await expect(call(dispatch, 'queryClaims', { startRow: 0, endRow: 10, sortModel: [{ colId: 'c.id; DROP TABLE claims', sort: 'asc' }] })).rejects.toThrow(/INVALID_ARGUMENT/);
    expect((await page({ filterModel: { statement: { filterType: 'text', type: 'contains', filter: "'; DROP TABLE claims; --" } } })).total).toBe(0);
    expect((await page({})).total).toBe(3);
  });

  it('filters on sets, days and blanks, and counts an event\'s independent sources and contest on each of its claims', async () => {
    const { dispatch, spanOf } = await reports();
    const event = await call(dispatch, 'createEvent', { title: 'انسحاب' });
    const started = await call(dispatch, 'createClaim', { ...(await spanOf('شفق نيوز', 'الانسحاب بدأ بشكل مفاجئ')), reportedDate: { from: '2025-08-24' }, credibility: 2, eventId: event.id });
    const completed = await call(dispatch, 'createClaim', { ...(await spanOf('كردستان 24', 'اكتمل')), reportedDate: { from: '2025-09-15' }, eventId: event.id });
    const denial = await call(dispatch, 'createClaim', { ...(await spanOf('Example Wire', 'had not been completed')), stance: 'denies' });
    const ids = async (over: object) => (await call(dispatch, 'queryClaims', { startRow: 0, endRow: 100, withCount: true, ...over })).rows.map((c) => c.id).sort();
    expect(await ids({ filterModel: { stance: { filterType: 'set', values: ['denies', 'speculates'] } } })).toEqual([denial.id]);
    // null chooses the claims with no value: no credibility yet.
    expect(await ids({ filterModel: { credibility: { filterType: 'set', values: [null] } } })).toEqual([completed.id, denial.id].sort());
    expect(await ids({ filterModel: { events: { filterType: 'set', values: [event.id] } } })).toEqual([started.id, completed.id].sort());
    expect(await ids({ filterModel: { relation: { filterType: 'set', values: ['contradicts', "') OR 1=1 --"] } } })).toEqual([]);
    // A day matches the claims reported on it; a range takes both its ends.
    expect(await ids({ filterModel: { reportedDate: { filterType: 'date', type: 'equals', dateFrom: '2025-08-24 00:00:00' } } })).toEqual([started.id]);
    expect(await ids({ filterModel: { reportedDate: { filterType: 'date', type: 'inRange', dateFrom: '2025-08-24', dateTo: '2025-09-15' } } })).toEqual([started.id, completed.id].sort());
    await expect(call(dispatch, 'queryClaims', { startRow: 0, endRow: 10, filterModel: { reportedDate: { filterType: 'date', type: 'equals', dateFrom: "2025'; --" } } })).rejects.toThrow(
      /INVALID_ARGUMENT: A date filter needs a date written YYYY-MM-DD/,
    );
    // The event's claims report dates three weeks apart: it is contested, on two independent sources, and each of its claims says so.
    const contested = await ids({ filterModel: { contested: { filterType: 'set', values: [1] } } });
    expect(contested).toEqual([started.id, completed.id].sort());
    expect((await call(dispatch, 'queryClaims', { startRow: 0, endRow: 100, filterModel: { independentSources: { filterType: 'number', type: 'equals', filter: 2 } } })).rows).toHaveLength(2);
    expect((await call(dispatch, 'listEvents', {}))[0]).toMatchObject({ independentSources: 2, contested: true });
    // Taking the later date back makes the event agree again; undo makes it contested again.
    await call(dispatch, 'updateClaim', { id: completed.id, reportedDate: { from: '2025-08-24' } });
    expect(await ids({ filterModel: { contested: { filterType: 'set', values: [1] } } })).toEqual([]);
    await call(dispatch, 'undo', {});
    expect(await ids({ filterModel: { contested: { filterType: 'set', values: [1] } } })).toEqual(contested);
    expect((await call(dispatch, 'listEvents', {}))[0]).toMatchObject({ contested: true });
  });

  it('finds a claim by the words it has now, after an edit and after its undo', async () => {
    const { dispatch, spanOf } = await reports();
    const claim = await call(dispatch, 'createClaim', { ...(await spanOf('Example Wire', 'had not been completed')), statement: 'لم يكتمل الانسحاب' });
    const found = async (quickFilter: string) => (await call(dispatch, 'queryClaims', { startRow: 0, endRow: 10, withCount: true, quickFilter })).total;
    await call(dispatch, 'updateClaim', { id: claim.id, statement: 'تأجيل الموعد' });
    expect([await found('تأجيل'), await found('يكتمل')]).toEqual([1, 0]);
    await call(dispatch, 'undo', {});
    expect([await found('تأجيل'), await found('يكتمل')]).toEqual([0, 1]);
    // A source merged into another after the claim was made: the claim is found by the name it now cites.
    await call(dispatch, 'updateClaim', { id: claim.id, chain: [{ entityId: null, name: 'مسؤول عسكري', role: 'unnamed' }] });
    const source = (await call(dispatch, 'getClaim', { id: claim.id })).chain[0]!;
    const officer = await call(dispatch, 'createEntity', { kind: 'person', name: 'ضابط أمريكي' });
    await call(dispatch, 'mergeSources', { sourceId: source.entityId, targetId: officer.id });
    expect([await found('ضابط'), await found('عسكري')]).toEqual([1, 0]);
  });

  it('serves a later block from the view as it stands after a change', async () => {
    const { dispatch, spanOf } = await reports();
    const first = await call(dispatch, 'createClaim', { ...(await spanOf('شفق نيوز', 'الانسحاب بدأ بشكل مفاجئ')) });
    const second = await call(dispatch, 'createClaim', { ...(await spanOf('كردستان 24', 'اكتمل')) });
    const block = async () => (await call(dispatch, 'queryClaims', { startRow: 1, endRow: 2, withCount: true, sortModel: [{ colId: 'id', sort: 'asc' }] })).rows.map((c) => c.statement);
    expect(await block()).toEqual([null]);
    await call(dispatch, 'updateClaim', { id: second.id, statement: 'اكتمل الانسحاب' });
    expect(await block()).toEqual(['اكتمل الانسحاب']);
    await call(dispatch, 'deleteClaim', { id: first.id });
    expect(await block()).toEqual([]);
  });
});

describe('the claims grid\'s set filters, saved views and export', () => {
  /** Three claims: two outlets on the withdrawal (one through Reuters), the ministry's denial on its own event. */
  async function threeClaims() {
    const api = await reports();
    const { dispatch, spanOf } = api;
    const withdrawal = await call(dispatch, 'createEvent', { title: 'انسحاب القوات الأمريكية من عين الأسد' });
    const denialEvent = await call(dispatch, 'createEvent', { title: 'Ministry denies completion' });
    const shafaq = await call(dispatch, 'createClaim', { ...(await spanOf('شفق نيوز', 'الانسحاب بدأ بشكل مفاجئ')), chain: [{ entityId: null, name: 'رويترز', role: 'agency' }], eventId: withdrawal.id });
    const kurdistan = await call(dispatch, 'createClaim', { ...(await spanOf('كردستان 24', 'اكتمل')), chain: [{ entityId: null, name: 'مصادر مطلعة', role: 'unnamed' }], eventId: withdrawal.id });
    const denial = await call(dispatch, 'createClaim', { ...(await spanOf('Example Wire', 'had not been completed')), stance: 'denies', eventId: denialEvent.id, relation: 'mentions' });
    const page = async (filterModel: Record<string, ColumnFilter>, over: object = {}) => {
      const result = await call(dispatch, 'queryClaims', { startRow: 0, endRow: 100, withCount: true, sortModel: [{ colId: 'id', sort: 'asc' }], filterModel, ...over });
      return result.rows.map((c) => c.id);
    };
    return { ...api, withdrawal, denialEvent, shafaq, kurdistan, denial, page };
  }

  it('chooses claims by entity, event, tag, code or blank, binds hostile values and refuses columns it does not know', async () => {
    const { dispatch, withdrawal, denialEvent, shafaq, kurdistan, denial, page } = await threeClaims();
    const set = (...values: (string | number | null)[]): ColumnFilter => ({ filterType: 'set', values });
    expect(await page({ stance: set('denies') })).toEqual([denial.id]);
    expect(await page({ stance: set('asserts', 'speculates') })).toEqual([shafaq.id, kurdistan.id]);
    // Sources by entity id: the outlet, anywhere in the chain, or the origin.
    expect(await page({ outlet: set(shafaq.outlet!.entityId, denial.outlet!.entityId) })).toEqual([shafaq.id, denial.id]);
    expect(await page({ chain: set(shafaq.chain[0]!.entityId) })).toEqual([shafaq.id]);
    expect(await page({ origin: set(kurdistan.origin!.entityId) })).toEqual([kurdistan.id]);
    expect(await page({ events: set(withdrawal.id) })).toEqual([shafaq.id, kurdistan.id]);
    expect(await page({ relation: set('mentions') })).toEqual([denial.id]);
    const claimTag = (await call(dispatch, 'listTags', {})).find((tag) => tag.name === 'Claim')!;
    expect(await page({ tags: set(claimTag.id) })).toEqual([shafaq.id, kurdistan.id, denial.id]);
    expect((await call(dispatch, 'getClaim', { id: shafaq.id })).tags).toEqual([{ id: claimTag.id, name: 'Claim', colour: claimTag.colour }]);
    // Grades: a letter, a digit, or (blank) for none given yet.
    await call(dispatch, 'updateEntity', { id: shafaq.origin!.entityId, reliability: 'B' });
    await call(dispatch, 'updateClaim', { id: kurdistan.id, credibility: 2 });
    expect(await page({ reliability: set('B') })).toEqual([shafaq.id]);
    expect(await page({ reliability: set('B', null) })).toEqual([shafaq.id, kurdistan.id, denial.id]);
    expect(await page({ credibility: set(2) })).toEqual([kurdistan.id]);
    expect(await page({ credibility: set(null) })).toEqual([shafaq.id, denial.id]);
    // Independent sources and contested come from the claim's events.
    expect(await page({ contested: set(1) })).toEqual([]);
    await call(dispatch, 'linkClaim', { claimId: denial.id, eventId: withdrawal.id, relation: 'contradicts' });
    expect(await page({ contested: set(1) })).toEqual([shafaq.id, kurdistan.id, denial.id]);
    expect(await page({ independentSources: { filterType: 'number', type: 'greaterThanOrEqual', filter: 2 } })).toEqual([shafaq.id, kurdistan.id, denial.id]);
    expect(await call(dispatch, 'getClaim', { id: denial.id })).toMatchObject({ contested: true, independentSources: 2, events: [{ eventId: withdrawal.id }, { eventId: denialEvent.id }] });
    // Hostile values are bound, never run: they match nothing and the claims are all still there.
    expect(await page({ stance: set("asserts') OR 1=1 --", "'; DROP TABLE claims; --") })).toEqual([]);
    expect(await page({ outlet: set('1) OR (1=1', '[1]') })).toEqual([]);
    expect(await page({ events: set('0 OR 1=1') })).toEqual([]);
    expect(await page({})).toHaveLength(3);
    // A column the grid does not know is refused by name, however it is written.
    await expect(page({ 'c.id; DROP TABLE claims': set(1) })).rejects.toThrow(/INVALID_ARGUMENT: .*cannot filter on "c\.id; DROP TABLE claims"/);
    await expect(page({ grade: set('B2') })).rejects.toThrow(/cannot filter on "grade"/);
    await expect(page({}, { sortModel: [{ colId: 'grade', sort: 'asc' }] })).rejects.toThrow(/cannot sort on "grade"/);
    await expect(page({ stance: { filterType: 'set', values: ['x'.repeat(201)] } })).rejects.toThrow(/INVALID_ARGUMENT/);
  });

  it('saves a view under a name, replaces it under the same name, deletes it, and undo takes each back', async () => {
    const { dispatch } = tempApi();
    const columns = [
      { colId: 'quote', width: 300, hide: false, sort: null },
      { colId: 'statement', hide: true },
      { colId: 'outlet', width: 150, sort: 'asc' as const, sortIndex: 0 },
    ];
    const reuters = { columns, filterModel: { events: { filterType: 'set' as const, values: [1] } }, quickFilter: 'رويترز' };
    const saved = await call(dispatch, 'saveGridView', { grid: 'claims', name: 'Reuters', state: reuters });
    expect(await call(dispatch, 'listGridViews', { grid: 'claims' })).toEqual([saved]);
    expect(saved.state).toEqual(reuters);
    // Each grid has its own views.
    expect(await call(dispatch, 'listGridViews', { grid: 'library' })).toEqual([]);
    // The same name again replaces the view, which keeps its id.
    const replaced = await call(dispatch, 'saveGridView', { grid: 'claims', name: 'Reuters', state: { columns, filterModel: {} } });
    expect(replaced.id).toBe(saved.id);
    expect((await call(dispatch, 'listGridViews', { grid: 'claims' })).map((v) => v.state.filterModel)).toEqual([{}]);
    await call(dispatch, 'deleteGridView', { id: saved.id });
    expect(await call(dispatch, 'listGridViews', { grid: 'claims' })).toEqual([]);
    // Undo brings the deleted view back, then the view as first saved, then nothing; the history names each step.
    expect(await call(dispatch, 'undo', {})).toMatchObject({ kind: 'view.delete', quote: 'Reuters' });
    expect((await call(dispatch, 'listGridViews', { grid: 'claims' })).map((v) => v.state.filterModel)).toEqual([{}]);
    expect(await call(dispatch, 'undo', {})).toMatchObject({ kind: 'view.save', quote: 'Reuters' });
    expect((await call(dispatch, 'listGridViews', { grid: 'claims' }))[0]!.state).toEqual(reuters);
    await call(dispatch, 'undo', {});
    expect(await call(dispatch, 'listGridViews', { grid: 'claims' })).toEqual([]);
    await call(dispatch, 'redo', {});
    expect((await call(dispatch, 'listGridViews', { grid: 'claims' })).map((v) => v.name)).toEqual(['Reuters']);
    // What makes no sense is refused, saying what.
    await expect(call(dispatch, 'saveGridView', { grid: 'claims', name: '  ', state: { columns, filterModel: {} } })).rejects.toThrow(/INVALID_ARGUMENT.*a view needs a name/);
    await expect(call(dispatch, 'saveGridView', { grid: 'claims', name: 'x', state: { columns: [{ colId: 'quote', sort: 'sideways' as 'asc' }], filterModel: {} } })).rejects.toThrow(/INVALID_ARGUMENT/);
    await expect(call(dispatch, 'deleteGridView', { id: 99 })).rejects.toThrow(/NOT_FOUND/);
  });

  /** The bytes of base64 text, as exceljs reads them. */
  const bytes = (base64: string) => Uint8Array.from(Buffer.from(base64, 'base64')).buffer;

  it('exports the grid\'s view as an XLSX workbook: its rows in its order, Arabic intact, right to left for an Arabic reader', async () => {
    const { dispatch, withdrawal, shafaq, kurdistan } = await threeClaims();
    const view = { filterModel: { events: { filterType: 'set' as const, values: [withdrawal.id] } }, sortModel: [{ colId: 'outlet', sort: 'desc' as const }] };
    const file = await call(dispatch, 'exportClaims', { format: 'xlsx', rightToLeft: true, ...view });
    expect(file).toMatchObject({ rows: 2, fileName: expect.stringMatching(/\.xlsx$/) });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes(file.base64!));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ rightToLeft: true });
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['id', 'quote', 'outlet', 'events', 'independent_sources', 'contested', 'tags']));
    const cell = (row: number, name: string) => sheet.getRow(row).getCell(header.indexOf(name) + 1).value;
    expect(sheet.rowCount).toBe(3);
    // Kurdistan 24 before Shafaq News, as the view sorts outlets from the end.
    expect([cell(2, 'id'), cell(3, 'id')]).toEqual([kurdistan.id, shafaq.id]);
    expect([cell(2, 'quote'), cell(3, 'quote')]).toEqual(['اكتمل', 'الانسحاب بدأ بشكل مفاجئ']);
    expect(cell(3, 'chain')).toBe('شفق نيوز → رويترز');
    expect(cell(3, 'events')).toBe('انسحاب القوات الأمريكية من عين الأسد (supports)');
    expect(cell(3, 'tags')).toBe('Claim');
    // For an English reader the sheet runs left to right.
    const english = await call(dispatch, 'exportClaims', { format: 'xlsx', ...view });
    await workbook.xlsx.load(bytes(english.base64!));
    expect(workbook.worksheets[0]!.views[0]).toMatchObject({ rightToLeft: false });
  });
});

describe('dates that do not exist', () => {
  it('are refused wherever a date is typed: a claim, an event, an article, source details', async () => {
    const { dispatch, spanOf } = await reports();
    const span = await spanOf('شفق نيوز', 'بدأت القوات');
    await expect(call(dispatch, 'createClaim', { ...span, reportedDate: { from: '2026-02-31' } })).rejects.toThrow(/INVALID_ARGUMENT.*no such day/);
    await expect(call(dispatch, 'createEvent', { title: 'x', date: { from: '2025-13' } })).rejects.toThrow(/INVALID_ARGUMENT.*no such day/);
    await expect(call(dispatch, 'updateArticle', { id: span.articleId, published: '2025-13-45' })).rejects.toThrow(/INVALID_ARGUMENT.*no such day/);
    await expect(call(dispatch, 'updateArticlesMetadata', { ids: [span.articleId], published: '2025-02-30' })).rejects.toThrow(/INVALID_ARGUMENT.*no such day/);
    // A leap day that exists is a date.
    expect((await call(dispatch, 'updateArticle', { id: span.articleId, published: '2024-02-29' })).published).toBe('2024-02-29');
  });
});

describe('event types', () => {
  it('takes ACLED\'s types and sub-types in ACLED\'s spelling, or the analyst\'s own, and refuses a sub-type of another type, saying which it takes', async () => {
    const { dispatch } = tempApi();
    // Typed in any case, stored as ACLED writes it (for ACLED's CSV).
    expect(await call(dispatch, 'createEvent', { title: 'اتفاق الانسحاب', eventType: 'strategic developments', subEventType: 'AGREEMENT' })).toMatchObject({
      eventType: 'Strategic developments',
      subEventType: 'Agreement',
    });
    // A type of the analyst's own takes any sub-type; an empty one is none.
    expect(await call(dispatch, 'createEvent', { title: 'Base handover', eventType: 'Handover', subEventType: 'Ceremony' })).toMatchObject({ eventType: 'Handover', subEventType: 'Ceremony' });
    expect(await call(dispatch, 'createEvent', { title: 'x', eventType: ' ', subEventType: '' })).toMatchObject({ eventType: null, subEventType: null });
    await expect(call(dispatch, 'createEvent', { title: 'Strike', eventType: 'Battles', subEventType: 'Air/drone strike' })).rejects.toThrow(
      'INVALID_ARGUMENT: “Air/drone strike” is not one of ACLED’s sub-types of “Battles”, which are: Armed clash, Government regains territory, Non-state actor overtakes territory.',
    );
    const event = await call(dispatch, 'createEvent', { title: 'Strike', eventType: 'Explosions/Remote violence', subEventType: 'Air/drone strike' });
    await expect(call(dispatch, 'updateEvent', { id: event.id, title: 'Strike', subEventType: 'Air/drone strike' })).rejects.toThrow(
      'INVALID_ARGUMENT: The sub-type “Air/drone strike” needs its event type: choose the type too.',
    );
    expect((await call(dispatch, 'getEvent', { id: event.id })).subEventType).toBe('Air/drone strike');
  });
});

describe('editing an event', () => {
  it('changes its place, actors and description in one step that undo takes back and the history names', async () => {
    const { dispatch } = tempApi();
    const anbar = await call(dispatch, 'createEntity', { kind: 'place', name: 'قاعدة عين الأسد' });
    const usForces = await call(dispatch, 'createEntity', { kind: 'organisation', name: 'القوات الأمريكية' });
    const iraq = await call(dispatch, 'createEntity', { kind: 'organisation', name: 'الحكومة العراقية' });
    const event = await call(dispatch, 'createEvent', { title: 'انسحاب', date: { from: '2025-08-24' } });
    const edited = await call(dispatch, 'updateEvent', {
      id: event.id,
      title: 'انسحاب القوات الأمريكية من عين الأسد',
      eventType: 'Strategic developments',
      subEventType: 'Non-violent transfer of territory',
      date: { from: '2025-08-24', to: '2025-08-26' },
      placeId: anbar.id,
      actorIds: [usForces.id, iraq.id],
      description: 'بدأ الانسحاب في 24 آب\nواكتمل بعد يومين.',
    });
    expect(edited).toMatchObject({
      title: 'انسحاب القوات الأمريكية من عين الأسد',
      date: { from: '2025-08-24', to: '2025-08-26', precision: 'day' },
      placeName: 'قاعدة عين الأسد',
      actors: [
        { entityId: usForces.id, name: 'القوات الأمريكية' },
        { entityId: iraq.id, name: 'الحكومة العراقية' },
      ],
      description: 'بدأ الانسحاب في 24 آب\nواكتمل بعد يومين.',
    });
    // One actor taken off, the other kept.
    expect((await call(dispatch, 'updateEvent', { ...edited, actorIds: [iraq.id] })).actors).toEqual([{ entityId: iraq.id, name: 'الحكومة العراقية' }]);
    const [latest, previous] = await call(dispatch, 'listHistory', { limit: 2 });
    expect([latest, previous].map((h) => [h!.kind, h!.quote])).toEqual([
      ['event.edit', 'انسحاب القوات الأمريكية من عين الأسد'],
      ['event.edit', 'انسحاب'],
    ]);
    await call(dispatch, 'undo', {});
    expect((await call(dispatch, 'getEvent', { id: event.id })).actors.map((a) => a.name)).toEqual(['القوات الأمريكية', 'الحكومة العراقية']);
    await call(dispatch, 'undo', {});
    expect(await call(dispatch, 'getEvent', { id: event.id })).toMatchObject({ title: 'انسحاب', eventType: null, placeId: null, actors: [], description: null, date: { to: '2025-08-24' } });
    await call(dispatch, 'redo', {});
    expect((await call(dispatch, 'getEvent', { id: event.id })).placeName).toBe('قاعدة عين الأسد');
    // A place or actor that is not an entity is refused, naming it.
    await expect(call(dispatch, 'updateEvent', { id: event.id, title: 'x', actorIds: [999] })).rejects.toThrow('NOT_FOUND: There is no entity #999.');
  });

  it('deletes an event with its claim links, and undo brings both back', async () => {
    const { dispatch, spanOf } = await reports();
    const event = await call(dispatch, 'createEvent', { title: 'انسحاب' });
    const claim = await call(dispatch, 'createClaim', { ...(await spanOf('شفق نيوز', 'بدأت القوات')), eventId: event.id });
    await call(dispatch, 'deleteEvent', { id: event.id });
    expect(await call(dispatch, 'listEvents', {})).toEqual([]);
    expect((await call(dispatch, 'getClaim', { id: claim.id })).events).toEqual([]);
    expect((await call(dispatch, 'listHistory', { limit: 1 }))[0]).toMatchObject({ kind: 'event.delete', quote: 'انسحاب' });
    await call(dispatch, 'undo', {});
    expect((await call(dispatch, 'getEvent', { id: event.id })).claims.map((c) => c.id)).toEqual([claim.id]);
  });
});

describe('the events timeline', () => {
  /** Three events: a withdrawal its sources date two days apart, a denial in Baghdad with no date of its own, and an earlier event no claim bears on yet. */
  async function timeline() {
    const api = await reports();
    const { dispatch, spanOf } = api;
    const anbar = await call(dispatch, 'createEntity', { kind: 'place', name: 'الأنبار' });
    const baghdad = await call(dispatch, 'createEntity', { kind: 'place', name: 'بغداد' });
    const usForces = await call(dispatch, 'createEntity', { kind: 'organisation', name: 'القوات الأمريكية' });
    const talks = await call(dispatch, 'createEvent', { title: 'جولة مفاوضات', date: { from: '2025-08-20' } });
    const withdrawal = await call(dispatch, 'createEvent', { title: 'انسحاب القوات الأمريكية من عين الأسد', date: { from: '2025-08-24' }, placeId: anbar.id, actorIds: [usForces.id] });
    const denial = await call(dispatch, 'createEvent', { title: 'Ministry denies completion' });
    const shafaq = await call(dispatch, 'createClaim', {
      ...(await spanOf('شفق نيوز', 'الانسحاب بدأ بشكل مفاجئ')),
      chain: [{ entityId: null, name: 'رويترز', role: 'agency' }, { entityId: null, name: 'خمسة مسؤولين أمريكيين', role: 'unnamed' }],
      reportedDate: { from: '2025-08-24' },
      eventId: withdrawal.id,
    });
    const kurdistan = await call(dispatch, 'createClaim', {
      ...(await spanOf('كردستان 24', 'اكتمل')),
      chain: [{ entityId: null, name: 'مصادر مطلعة', role: 'unnamed' }],
      reportedDate: { from: '2025-08-26' },
      eventId: withdrawal.id,
    });
    const ministrySpan = await spanOf('Example Wire', 'had not been completed');
    const ministry = await call(dispatch, 'createClaim', {
      ...ministrySpan,
      chain: [{ entityId: null, name: 'Iraqi Ministry of Defence', role: 'government' }],
      reportedDate: { from: '2025-08-26' },
      placeId: baghdad.id,
      eventId: denial.id,
    });
    const denialTag = await call(dispatch, 'createTag', { name: 'Denial' });
    // Tagging the claim's passage adds the tag to the Claim tag it has.
    await call(dispatch, 'createAnnotation', { ...ministrySpan, tagIds: [denialTag.id] });
    return { ...api, anbar, baghdad, usForces, talks, withdrawal, denial, shafaq, kurdistan, ministry, denialTag };
  }

  it('lists events earliest first, each with every source\'s date, and marks the one its sources date differently as contested', async () => {
    const { dispatch, talks, withdrawal, denial, shafaq, kurdistan, ministry } = await timeline();
    const { events } = await call(dispatch, 'eventTimeline', {});
    // Undated events come last: the denial stands on its claim's date alone.
    expect(events.map((e) => e.id)).toEqual([talks.id, withdrawal.id, denial.id]);
    expect(events[0]).toMatchObject({ date: { from: '2025-08-20', to: '2025-08-20', precision: 'day' }, contested: false, independentSources: 0, reports: [] });
    expect(events[1]).toMatchObject({ title: 'انسحاب القوات الأمريكية من عين الأسد', placeName: 'الأنبار', contested: true, disagreements: ['date'], independentSources: 2 });
    expect(events[1]!.reports).toEqual([
      { claimId: shafaq.id, articleId: shafaq.articleId, annotationId: shafaq.annotationId, relation: 'supports', date: { from: '2025-08-24', to: '2025-08-24', precision: 'day' }, outlet: 'شفق نيوز', origin: 'خمسة مسؤولين أمريكيين (رويترز)' },
      { claimId: kurdistan.id, articleId: kurdistan.articleId, annotationId: kurdistan.annotationId, relation: 'supports', date: { from: '2025-08-26', to: '2025-08-26', precision: 'day' }, outlet: 'كردستان 24', origin: 'مصادر مطلعة (كردستان 24)' },
    ]);
    expect(events[2]).toMatchObject({ date: null, contested: false, reports: [{ claimId: ministry.id, outlet: 'Example Wire', origin: 'Iraqi Ministry of Defence', date: { from: '2025-08-26' } }] });
    // The same corroboration the event screen shows.
    expect(await call(dispatch, 'getEvent', { id: withdrawal.id })).toMatchObject({ contested: true, independentSources: 2 });
  });

  it('keeps the events with a tagged claim, at a place, with an actor, or citing a source anywhere in a chain', async () => {
    const { dispatch, anbar, baghdad, usForces, withdrawal, denial, denialTag } = await timeline();
    const ids = async (filter: object) => (await call(dispatch, 'eventTimeline', filter)).events.map((e) => e.id);
    const { choices } = await call(dispatch, 'eventTimeline', {});
    const source = (name: string) => choices.sources.find((s) => s.name === name)!.id;
    expect(await ids({ tagId: denialTag.id })).toEqual([denial.id]);
    // Every claim's passage carries the starter tag Claim: both events with claims have one.
    expect(await ids({ tagId: choices.tags.find((t) => t.name === 'Claim')!.id })).toEqual([withdrawal.id, denial.id]);
    // The event's own place, or a place one of its claims reports.
    expect(await ids({ placeId: anbar.id })).toEqual([withdrawal.id]);
    expect(await ids({ placeId: baghdad.id })).toEqual([denial.id]);
    expect(await ids({ actorId: usForces.id })).toEqual([withdrawal.id]);
    // Reuters is a link in the middle of Shafaq's chain; Example Wire an outlet; the ministry an origin.
    expect(await ids({ sourceId: source('رويترز') })).toEqual([withdrawal.id]);
    expect(await ids({ sourceId: source('Example Wire') })).toEqual([denial.id]);
    expect(await ids({ sourceId: source('Iraqi Ministry of Defence') })).toEqual([denial.id]);
    // Filters add up.
    expect(await ids({ sourceId: source('رويترز'), tagId: denialTag.id })).toEqual([]);
    // A kept event still shows every source's date, not only the filtered source's.
    expect((await call(dispatch, 'eventTimeline', { sourceId: source('رويترز') })).events[0]!.reports).toHaveLength(2);
    // The choices are what some event has, whatever the filter.
    expect((await call(dispatch, 'eventTimeline', { tagId: denialTag.id })).choices).toEqual(choices);
    expect(choices.tags.map((t) => t.name)).toEqual(['Claim', 'Denial']);
    expect(choices.places.map((p) => p.name)).toEqual(['الأنبار', 'بغداد']);
    expect(choices.actors.map((a) => a.name)).toEqual(['القوات الأمريكية']);
    expect(choices.sources.map((s) => s.name).sort()).toEqual(
      ['Example Wire', 'Iraqi Ministry of Defence', 'خمسة مسؤولين أمريكيين (رويترز)', 'رويترز', 'شفق نيوز', 'كردستان 24', 'مصادر مطلعة (كردستان 24)'].sort(),
    );
    await expect(call(dispatch, 'eventTimeline', { tagId: 0 })).rejects.toThrow(/INVALID_ARGUMENT/);
  });
});
