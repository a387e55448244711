/** Claims, sources and events: who says what, through whom, about which event. */
import { z } from 'zod';
import type { Claim, EntitySummary, EventTimeline, Figure, Page, ReportedDate, SourceGraph, EventDetail, EventSummary, ProposedSource } from '../../../db/model';
import { ACLED_EVENT_TYPES, acledEventType, acledSubEventType } from '../../../db/acled';
import { gridView, id, isoDate, method, pageRequest } from './schemas';

const sourceRole = z.enum(['outlet', 'agency', 'government', 'official', 'military', 'armed_group', 'ngo', 'social_media', 'unnamed']);
const reliability = z.enum(['A', 'B', 'C', 'D', 'E', 'F']);
const precision = z.enum(['day', 'month', 'year', 'weekday']);
const relation = z.enum(['supports', 'contradicts', 'mentions']);
/** A reported date or range; `to` defaults to `from`, the precision to the day. */
const reportedDate = z
  .object({ from: isoDate, to: isoDate.optional(), precision: precision.default('day') })
  .transform((d) => ({ from: d.from, to: d.to ?? d.from, precision: d.precision }))
  .refine((d) => d.to >= d.from, 'a date range ends on or after its start');
const figure = z.object({ value: z.number().finite(), unit: z.string().trim().max(40).nullable().default(null), counted: z.string().trim().max(200).nullable().default(null) });
const name = z.string().trim().min(1).max(200);
/** One link of a chain: an existing entity, or a new source named by the passage's words. */
const chainLink = z.union([
  z.object({ entityId: id, name: name.optional(), role: sourceRole.nullable().optional() }),
  z.object({ entityId: z.null(), name, role: sourceRole.nullable().default(null) }),
]);
const chain = z.array(chainLink).max(20, 'a chain of attribution has at most 20 links');
const passage = { articleId: id, start: z.number().int().nonnegative(), end: z.number().int().positive() };
const claimFields = {
  statement: z.string().trim().max(5_000).nullable().optional(),
  stance: z.enum(['asserts', 'denies', 'speculates']).optional(),
  reportedDate: reportedDate.nullable().optional(),
  placeId: id.nullable().optional(),
  figures: z.array(figure).max(50).optional(),
  credibility: z.number().int().min(1).max(6).nullable().optional(),
};
/** An event's type or sub-type: none when empty; ACLED's own spelling for one of ACLED's in any case, so an ACLED export reads as ACLED writes it. */
const eventTypeName = (acledName: (typed: string) => string | undefined) =>
  z
    .string()
    .trim()
    .max(100)
    .transform((typed) => (typed ? (acledName(typed) ?? typed) : null))
    .nullable()
    .default(null);
const eventFields = {
  title: z.string().trim().min(1, 'an event needs a title').max(500),
  eventType: eventTypeName((typed) => acledEventType(typed)?.name),
  subEventType: eventTypeName((typed) => acledSubEventType(typed)?.subEventType.name),
  date: reportedDate.nullable().default(null),
  placeId: id.nullable().default(null),
  description: z.string().trim().max(20_000).nullable().default(null),
  actorIds: z.array(id).max(200).default([]),
};

/**
 * A sub-type only under a type, and under one of ACLED's types only one of its own sub-types
 * (ACLED's CSV pairs them so); under a type of the analyst's own, any sub-type.
 */
function checkEventTypes({ eventType, subEventType }: { eventType: string | null; subEventType: string | null }, context: z.RefinementCtx): void {
  if (subEventType === null) return;
  if (eventType === null) {
    context.addIssue({ code: 'custom', path: ['subEventType'], message: `the sub-type “${subEventType}” needs its event type`, params: { key: 'subEventTypeWithoutType', subType: subEventType } });
    return;
  }
  const acled = ACLED_EVENT_TYPES.find((type) => type.name === eventType);
  if (acled && !acled.subEventTypes.some((sub) => sub.name === subEventType)) {
    const allowed = acled.subEventTypes.map((sub) => sub.name).join(', ');
    context.addIssue({
      code: 'custom',
      path: ['subEventType'],
      message: `“${subEventType}” is not an ACLED sub-type of “${eventType}” (which takes ${allowed})`,
      params: { key: 'subEventTypeNotOfType', subType: subEventType, type: eventType, allowed },
    });
  }
}

/** The claims methods of the contract. */
export const claimsMethods = {
  /**
   * What Sanad proposes for a passage: the sources it cites after the article's outlet (the origin
   * last), the date and the figures it reports. `parallel` holds other chains for the same words,
   * each a separate attribution (sources named side by side: "according to Reuters and AFP").
   */
  proposeClaim: method<{ chain: ProposedSource[]; parallel: ProposedSource[][]; reportedDate: ReportedDate | null; figures: Figure[] }>('read')(z.object(passage).refine((p) => p.end > p.start, 'a claim covers at least one character')),
  /** Makes a claim; a new named source in its chain is then scanned for in the library, as a new entity is. */
  createClaim: method<Claim>('long')(
    z
      .object({ ...passage, chain: chain.default([]), ...claimFields, eventId: id.optional(), relation: relation.default('supports') })
      .refine((p) => p.end > p.start, 'a claim covers at least one character'),
  ),
  /**
   * Changes a claim's fields (those given); `events`, when given, are all the events it bears on,
   * each with its relation: one left out is unlinked. One undoable step.
   */
  updateClaim: method<Claim>('long')(z.object({ id, chain: chain.optional(), ...claimFields, events: z.array(z.object({ eventId: id, relation })).max(200).optional() })),
  deleteClaim: method<{ deleted: true }>()(z.object({ id })),
  /** A claim with the credibility Sanad suggests from corroboration (the analyst decides). */
  getClaim: method<Claim & { suggestedCredibility: number }>('read')(z.object({ id })),
  listClaims: method<Claim[]>('read')(z.object({ articleId: id.optional(), eventId: id.optional() })),
  /** One block of the claims grid; narrowed to an article, an event or a source (in any link of the chain). */
  queryClaims: method<Page<Claim>>('read')(pageRequest.and(z.object({ articleId: id.optional(), eventId: id.optional(), sourceId: id.optional() }))),
  /** The claims the grid shows (its filters, sort and quick filter), as CSV text, or as an XLSX workbook in base64 (right to left for an Arabic reader). */
  exportClaims: method<{ fileName: string; rows: number; text?: string; base64?: string }>('read')(
    gridView.extend({ format: z.enum(['csv', 'xlsx']), rightToLeft: z.boolean().default(false), eventId: id.optional(), sourceId: id.optional() }),
  ),
  /** A source's role, and its reliability (A–F) with the note on why: every claim citing it shows the new grade. */
  updateEntity: method<EntitySummary>()(z.object({ id, role: sourceRole.nullable().optional(), reliability: reliability.nullable().optional(), reliabilityNote: z.string().trim().max(5_000).nullable().optional() })),
  /**
   * Merges a source into another the analyst says is the same ("مصادر مطلعة (العربية)" and
   * "informed sources (Al Arabiya)"): its claims, events and mentions move to the target, its
   * name and aliases become the target's aliases, and it is removed. One undoable step; returns the target.
   */
  mergeSources: method<EntitySummary>()(z.object({ sourceId: id, targetId: id })),
  /** Who cites whom (chains drawn as edges, weighted by claims), in the library or one event. */
  sourceGraph: method<SourceGraph>('read')(z.object({ eventId: id.optional() })),
  /** A new event; its type and sub-type may be ACLED's (see db/acled.ts) or the analyst's own. */
  createEvent: method<EventDetail>()(z.object(eventFields).superRefine(checkEventTypes)),
  /** An event's fields, all of them: what is left out is cleared. */
  updateEvent: method<EventDetail>()(z.object({ id, ...eventFields }).superRefine(checkEventTypes)),
  deleteEvent: method<{ deleted: true }>()(z.object({ id })),
  listEvents: method<EventSummary[]>('read')(z.object({})),
  getEvent: method<EventDetail>('read')(z.object({ id })),
  /**
   * Events for the timeline, earliest first, each with every claim's reported date, outlet, origin
   * and relation; kept when a claim's passage has the tag, the event or a claim is at the place,
   * the actor takes part, or the source is in a claim's chain. Also what each filter can choose.
   */
  eventTimeline: method<EventTimeline>('read')(z.object({ tagId: id.optional(), placeId: id.optional(), actorId: id.optional(), sourceId: id.optional() })),
  linkClaim: method<EventDetail>()(z.object({ claimId: id, eventId: id, relation })),
  unlinkClaim: method<EventDetail>()(z.object({ claimId: id, eventId: id })),
};
