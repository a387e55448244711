/** Handlers of claims, sources and events. */
import type { ChainInput, Claim, EventDetail, HistoryKind, ProposedSource, StepLabel } from '../../../db/model';
import type { Repositories } from '../../../db/repositories';
import { suggestCredibility } from '../../../db/corroboration';
import { chainKey, KNOWN_SOURCE_NAMES, proposeChain, type ProposedLink } from '../../../db/text/attribution';
import { foldPhrase } from '../../../db/text/phrase-tokens';
import { readReportedDates, readReportedFigures } from '../../../db/text/reported-values';
import { claimsCsv, claimsXlsx } from '../../services/claims-export';
import { ApiError, explainQueryErrors, type Handlers, passage, scanEntityAliases, type Services } from './common';

type ClaimMethods =
  | 'proposeClaim'
  | 'createClaim'
  | 'updateClaim'
  | 'deleteClaim'
  | 'getClaim'
  | 'listClaims'
  | 'queryClaims'
  | 'exportClaims'
  | 'updateEntity'
  | 'mergeSources'
  | 'sourceGraph'
  | 'createEvent'
  | 'updateEvent'
  | 'deleteEvent'
  | 'listEvents'
  | 'getEvent'
  | 'eventTimeline'
  | 'linkClaim'
  | 'unlinkClaim';

/**
 * An outlet's name as the text may write it: العربية.نت and قناة العربية are العربية (the article's
 * outlet is where every chain starts, so it is not proposed again as a link).
 */
function outletKey(name: string): string {
  return foldPhrase(name).replace(/(?: ?\. ?| )(نت|net|com)$/u, '').replace(/^(قناه|موقع|صحيفه|جريده|وكاله) /u, '').trim();
}

/** Claims read per query while exporting. */
const EXPORT_BLOCK = 1000;

/** The built-in tag a passage gets when it becomes a claim, so claims stand out in the reader. */
const CLAIM_TAG = 'Claim';

async function requireClaim(repos: Repositories, id: number): Promise<Claim> {
  const claim = await repos.claims.find(id);
  if (!claim) throw new ApiError('NOT_FOUND', 'claimNotFound', { id });
  return claim;
}

async function requireEvent(repos: Repositories, id: number): Promise<EventDetail> {
  const event = await repos.events.find(id);
  if (!event) throw new ApiError('NOT_FOUND', 'eventNotFound', { id });
  return event;
}

async function requireEntity(repos: Repositories, id: number | null | undefined): Promise<void> {
  if (id != null && !(await repos.entities.find(id))) throw new ApiError('NOT_FOUND', 'entityNotFound', { id });
}

function claimLabel(kind: HistoryKind, claim: Pick<Claim, 'id' | 'articleId' | 'quote'>, detail: Record<string, unknown> = {}): StepLabel {
  return { kind, subjectId: claim.id, articleId: claim.articleId, quote: claim.quote, detail };
}

function eventLabel(kind: HistoryKind, event: { id: number; title: string }, detail: Record<string, unknown> = {}): StepLabel {
  return { kind, subjectId: event.id, quote: event.title, detail };
}

/**
 * The entity ids of a chain the analyst confirmed, creating the sources it names that are not
 * entities yet. An unnamed source belongs to whoever reports it (the link before it, or the
 * outlet): its name carries the reporter's, so two outlets' "informed sources" stay two sources
 * unless the analyst links both to the same entity. A new named source gets its name as an
 * alias, as a new entity does, and is listed in `named` for the caller to scan the library for
 * it; an unnamed one gets none (its words, "مصادر مطلعة", name other people in every article).
 */
async function resolveChain(repos: Repositories, links: readonly ChainInput[], outletId: number | null, now: string): Promise<{ ids: number[]; named: number[] }> {
  const ids: number[] = [];
  const named: number[] = [];
  for (const link of links) {
    if (link.entityId !== null) {
      await requireEntity(repos, link.entityId);
      // A known entity cited with a role it has not been given yet takes it.
      if (link.role && (await repos.sources.roles([link.entityId])).get(link.entityId) === null) await repos.sources.update(link.entityId, { role: link.role });
      ids.push(link.entityId);
      continue;
    }
    const reporterId = ids.at(-1) ?? outletId;
    const reporter = reporterId === null ? undefined : await repos.entities.find(reporterId);
    const name = link.role === 'unnamed' && reporter ? `${link.name} (${reporter.name})` : link.name;
    const existing = await repos.sources.findByName(name);
    if (existing) {
      ids.push(existing.id);
      continue;
    }
    const id = await repos.sources.insert(name, link.role, link.role === 'unnamed' ? reporterId : null, now);
    if (link.role !== 'unnamed' && (await repos.entities.addAlias(id, name))) named.push(id);
    ids.push(id);
  }
  return { ids, named };
}

/** The article's outlet as a source entity (made the first time a claim needs it), or null when the article names none. */
async function outletSource(repos: Repositories, outlet: string | null, now: string): Promise<number | null> {
  if (!outlet) return null;
  const existing = await repos.sources.findByName(outlet);
  if (existing) {
    if (existing.role === null) await repos.sources.update(existing.id, { role: 'outlet' });
    return existing.id;
  }
  return repos.sources.insert(outlet, 'outlet', null, now);
}

/** The claims' handlers. */
export function claimHandlers(services: Services): Pick<Handlers, ClaimMethods> {
  const { now } = services;
  /** Scans the library for the sources a claim created, as for any new entity, so their other mentions are suggested. */
  const scanNewSources = async (named: readonly number[]) => {
    for (const entityId of named) await scanEntityAliases(services, entityId);
  };
  return {
    proposeClaim: async ({ articleId, start, end }, { repos }) => {
      const { article } = await passage(repos, articleId, start, end);
      // Accepted mentions name sources for the chain; suggested ones too are names whose numbers are not figures.
      const mentions = await repos.entities.mentions({ articleId });
      const accepted = mentions.filter((m) => m.status === 'accepted');
      const roles = await repos.sources.roles([...new Set(accepted.map((m) => m.entityId))]);
      const proposal = proposeChain(
        article.body,
        { start, end },
        accepted.map((m) => ({ entityId: m.entityId, name: m.entityName, role: roles.get(m.entityId) ?? null, start: m.start, end: m.end })),
      );
      // The article's outlet is where every chain starts; it is not part of the proposal.
      const outlet = article.outlet ? outletKey(article.outlet) : null;
      const shown = (links: readonly ProposedLink[]): ProposedSource[] => links.filter((l) => outletKey(l.name) !== outlet).map(({ entityId, name, role }) => ({ entityId, name, role }));
      const chain = shown(proposal.chain);
      // A parallel chain that is the outlet alone, or the chain again once the outlet is off, is no other attribution.
      const keys = new Set([chainKey(chain)]);
      const parallel: ProposedSource[][] = [];
      for (const links of proposal.parallel.map(shown)) {
        if (links.length === 0 || keys.has(chainKey(links))) continue;
        keys.add(chainKey(links));
        parallel.push(links);
      }
      const proposedSources = [proposal.chain, ...proposal.parallel].flat();
      const quote = [...article.body].slice(start, end).join('');
      // The date and figures the passage reports, read against the article's date ("on Sunday").
      const [date] = readReportedDates(quote, article.published ?? undefined).filter((d) => d.from);
      return {
        chain,
        parallel,
        reportedDate: date ? { from: date.from, to: date.to, precision: date.precision } : null,
        // "قالت مصادر لكردستان 24": a number in a source's name counts nothing.
        figures: readReportedFigures(quote, [...(article.outlet ? [article.outlet] : []), ...KNOWN_SOURCE_NAMES, ...proposedSources.map((l) => l.name), ...mentions.map((m) => m.exact)]).map(
          ({ value, unit, counted }) => ({ value, unit, counted }),
        ),
      };
    },
    createClaim: async ({ articleId, start, end, chain, statement, stance, reportedDate, placeId, figures, credibility, eventId, relation }, call) => {
      const { claim, named } = await call.step<{ claim: Claim; named: number[] }>(
        (made) => claimLabel('claim.create', made.claim),
        async (repos) => {
          const { article, ...quote } = await passage(repos, articleId, start, end);
          await requireEntity(repos, placeId);
          if (eventId !== undefined) await requireEvent(repos, eventId);
          const claimTag = await repos.codebook.findByName(CLAIM_TAG);
          const existing = await repos.annotations.findAt(articleId, start, end);
          const annotation = existing
            ? claimTag && !existing.tagIds.includes(claimTag.id)
              ? (await repos.annotations.change(existing.id, { tagIds: [...existing.tagIds, claimTag.id] }, now()))!
              : existing
            : await repos.annotations.insert({ articleId, start, end, ...quote, tagIds: claimTag ? [claimTag.id] : [], note: null }, now());
          const outletId = await outletSource(repos, article.outlet, now());
          const resolved = await resolveChain(repos, chain, outletId, now());
          const inserted = await repos.claims.insert(
            {
              annotationId: annotation.id,
              articleId,
              statement: statement ?? null,
              stance: stance ?? 'asserts',
              reportedDate: reportedDate ?? null,
              placeId: placeId ?? null,
              figures: figures ?? [],
              credibility: credibility ?? null,
              outletId,
              chain: resolved.ids,
            },
            now(),
          );
          if (eventId !== undefined) await repos.claims.link(inserted.id, eventId, relation);
          return { claim: eventId === undefined ? inserted : (await repos.claims.find(inserted.id))!, named: resolved.named };
        },
      );
      await scanNewSources(named);
      return claim;
    },
    updateClaim: async ({ id, chain, events, ...fields }, call) => {
      const claim = await call.read((repos) => requireClaim(repos, id));
      await call.read((repos) => requireEntity(repos, fields.placeId));
      for (const { eventId } of events ?? []) await call.read((repos) => requireEvent(repos, eventId));
      const changedFields = Object.keys(fields).concat(chain ? ['chain'] : [], events ? ['events'] : []);
      const changed = await call.step(claimLabel('claim.edit', claim, { fields: changedFields }), async (repos) => {
        const resolved = chain && (await resolveChain(repos, chain, claim.outlet?.entityId ?? null, now()));
        await repos.claims.change(id, { ...fields, ...(resolved && { chain: resolved.ids }) }, now());
        // The analyst edits the claim's event links with the rest: in the same step, so one undo takes all back.
        if (events) {
          for (const link of claim.events) if (!events.some((e) => e.eventId === link.eventId)) await repos.claims.unlink(id, link.eventId);
          for (const { eventId, relation } of events) await repos.claims.link(id, eventId, relation);
        }
        return { claim: (await repos.claims.find(id))!, named: resolved?.named ?? [] };
      });
      await scanNewSources(changed.named);
      return changed.claim;
    },
    deleteClaim: async ({ id }, call) => {
      const claim = await requireClaim(call.repos, id);
      await call.step(claimLabel('claim.delete', claim), (repos) => repos.claims.delete(id));
      return { deleted: true as const };
    },
    getClaim: async ({ id }, { repos }) => {
      const claim = await requireClaim(repos, id);
      return { ...claim, suggestedCredibility: suggestCredibility(id, await repos.claims.evidence(id)) };
    },
    listClaims: (filter, { repos }) => repos.claims.list(filter),
    queryClaims: (request, { repos }) => explainQueryErrors(() => repos.claims.query(request)),
    exportClaims: async ({ format, rightToLeft, ...view }, { repos }) => {
      const claims: Claim[] = [];
      for (let startRow = 0; ; startRow += EXPORT_BLOCK) {
        const { rows } = await explainQueryErrors(() => repos.claims.query({ ...view, startRow, endRow: startRow + EXPORT_BLOCK, withCount: false }));
        claims.push(...rows);
        if (rows.length < EXPORT_BLOCK) break;
      }
      const fileName = `sanad-claims-${now().slice(0, 10)}.${format}`;
      // The workbook is built in memory (no file, no network), so the read's snapshot is only held a little longer.
      return format === 'csv' ? { fileName, text: claimsCsv(claims), rows: claims.length } : { fileName, base64: (await claimsXlsx(claims, { rightToLeft })).toString('base64'), rows: claims.length };
    },
    updateEntity: async ({ id, role, reliability, reliabilityNote }, call) => {
      const entity = await call.repos.entities.find(id);
      if (!entity) throw new ApiError('NOT_FOUND', 'entityNotFound', { id });
      await call.step({ kind: 'source.edit', subjectId: id, quote: entity.name, detail: { reliability: reliability ?? '' } }, (repos) =>
        repos.sources.update(id, { role, reliability, reliabilityNote }),
      );
      return (await call.repos.entities.find(id))!;
    },
    mergeSources: async ({ sourceId, targetId }, call) => {
      const source = await call.repos.entities.find(sourceId);
      if (!source) throw new ApiError('NOT_FOUND', 'entityNotFound', { id: sourceId });
      if (sourceId === targetId) throw new ApiError('INVALID_ARGUMENT', 'mergeSameSource', { name: source.name });
      const target = await call.repos.entities.find(targetId);
      if (!target) throw new ApiError('NOT_FOUND', 'entityNotFound', { id: targetId });
      await call.step<number>(
        (claims) => ({ kind: 'source.merge', subjectId: targetId, quote: source.name, detail: { into: target.name, claims } }),
        (repos) => repos.sources.merge(sourceId, targetId, now()),
      );
      return (await call.repos.entities.find(targetId))!;
    },
    sourceGraph: async ({ eventId }, { repos }) => {
      if (eventId !== undefined) await requireEvent(repos, eventId);
      return repos.sources.graph(eventId);
    },
    createEvent: async (fields, call) => {
      for (const entityId of [fields.placeId, ...fields.actorIds]) await requireEntity(call.repos, entityId);
      const eventId = await call.step<number>((id) => eventLabel('event.create', { id, title: fields.title }), (repos) => repos.events.insert(fields, now()));
      return requireEvent(call.repos, eventId);
    },
    updateEvent: async ({ id, ...fields }, call) => {
      const event = await requireEvent(call.repos, id);
      for (const entityId of [fields.placeId, ...fields.actorIds]) await requireEntity(call.repos, entityId);
      await call.step(eventLabel('event.edit', event), (repos) => repos.events.change(id, fields, now()));
      return requireEvent(call.repos, id);
    },
    deleteEvent: async ({ id }, call) => {
      const event = await requireEvent(call.repos, id);
      await call.step(eventLabel('event.delete', event), (repos) => repos.events.delete(id));
      return { deleted: true as const };
    },
    listEvents: (_input, { repos }) => repos.events.list(),
    getEvent: ({ id }, { repos }) => requireEvent(repos, id),
    eventTimeline: (filter, { repos }) => repos.events.timeline(filter),
    linkClaim: async ({ claimId, eventId, relation }, call) => {
      const claim = await requireClaim(call.repos, claimId);
      const event = await requireEvent(call.repos, eventId);
      await call.step(claimLabel('claim.link', claim, { event: event.title, relation }), (repos) => repos.claims.link(claimId, eventId, relation));
      return requireEvent(call.repos, eventId);
    },
    unlinkClaim: async ({ claimId, eventId }, call) => {
      const claim = await requireClaim(call.repos, claimId);
      const event = await requireEvent(call.repos, eventId);
      await call.step(claimLabel('claim.unlink', claim, { event: event.title }), (repos) => repos.claims.unlink(claimId, eventId));
      return requireEvent(call.repos, eventId);
    },
  };
}
