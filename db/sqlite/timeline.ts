/**
 * The events timeline: the events a filter keeps, each with every claim's reported date and who
 * reports it, and what each filter can choose from. Three set-based queries (events, their
 * claims, the choices) whatever the number of events; corroboration then runs on each event's
 * claims in memory, with the same functions as the event screen.
 */
import { disagreements, independentSources, type LinkedClaim } from '../corroboration';
import type { ClaimRelation, EventTimeline, ReportedDate, SourceRef, TimelineChoice, TimelineEvent, TimelineFilter, TimelineReport } from '../model';
import { statement } from './statements';
import type { Store } from './store';

/** Each filter as a condition on the event `v`, with its one named parameter (the filter's own name). */
const FILTER_CONDITIONS: Record<keyof TimelineFilter, string> = {
  tagId: `EXISTS (SELECT 1 FROM claim_events ce JOIN claims c ON c.id = ce.claim_id JOIN annotation_tags t ON t.annotation_id = c.annotation_id
                  WHERE ce.event_id = v.id AND t.tag_id = @tagId)`,
  placeId: `(v.place_entity_id = @placeId
             OR EXISTS (SELECT 1 FROM claim_events ce JOIN claims c ON c.id = ce.claim_id WHERE ce.event_id = v.id AND c.place_entity_id = @placeId))`,
  actorId: 'EXISTS (SELECT 1 FROM event_actors x WHERE x.event_id = v.id AND x.entity_id = @actorId)',
  sourceId: `EXISTS (SELECT 1 FROM claim_events ce JOIN claims c ON c.id = ce.claim_id
                     WHERE ce.event_id = v.id AND (c.outlet_entity_id = @sourceId OR c.origin_entity_id = @sourceId
                       OR EXISTS (SELECT 1 FROM claim_sources s WHERE s.claim_id = c.id AND s.entity_id = @sourceId)))`,
};

/** A date as its three columns give it, or null when it has none. */
function dateOf(from: string | null, to: string | null, precision: ReportedDate['precision'] | null): ReportedDate | null {
  return from && precision ? { from, to: to ?? from, precision } : null;
}

interface EventRow {
  id: number;
  title: string;
  dateFrom: string | null;
  dateTo: string | null;
  datePrecision: ReportedDate['precision'] | null;
  placeName: string | null;
}

interface ReportRow {
  eventId: number;
  relation: ClaimRelation;
  claimId: number;
  articleId: number;
  annotationId: number;
  cluster: number;
  dateFrom: string | null;
  dateTo: string | null;
  datePrecision: ReportedDate['precision'] | null;
  placeId: number | null;
  outlet: string | null;
  outletId: number | null;
  origin: string | null;
  figures: string;
}

/** The events the filter keeps, earliest first (undated last), with their reports and corroboration, and the filters' choices. */
export function eventTimeline(db: Store, filter: TimelineFilter): EventTimeline {
  const given = (Object.keys(FILTER_CONDITIONS) as (keyof TimelineFilter)[]).filter((name) => filter[name] !== undefined);
  const where = given.length ? `WHERE ${given.map((name) => FILTER_CONDITIONS[name]).join(' AND ')}` : '';
  const params = Object.fromEntries(given.map((name) => [name, filter[name]]));

  const events = statement(
    db,
    `SELECT v.id, v.title, v.date_from AS dateFrom, v.date_to AS dateTo, v.date_precision AS datePrecision, p.name AS placeName
     FROM events v LEFT JOIN entities p ON p.id = v.place_entity_id
     ${where} ORDER BY v.date_from IS NULL, v.date_from, v.id`,
  ).all(params) as EventRow[];

  const reports = statement(
    db,
    `SELECT ce.event_id AS eventId, ce.relation, c.id AS claimId, c.article_id AS articleId, c.annotation_id AS annotationId,
            coalesce(a.near_duplicate_of, a.id) AS cluster,
            c.reported_from AS dateFrom, c.reported_to AS dateTo, c.date_precision AS datePrecision, c.place_entity_id AS placeId,
            u.name AS outlet, u.id AS outletId,
            CASE WHEN o.id IS NULL THEN NULL ELSE json_object('entityId', o.id, 'name', o.name, 'role', o.source_role, 'reliability', o.reliability) END AS origin,
            (SELECT json_group_array(json_object('value', f.value, 'unit', f.unit, 'counted', f.counted) ORDER BY f.position)
               FROM claim_figures f WHERE f.claim_id = c.id) AS figures
     FROM claim_events ce
     JOIN claims c ON c.id = ce.claim_id
     JOIN articles a ON a.id = c.article_id
     LEFT JOIN entities o ON o.id = c.origin_entity_id
     LEFT JOIN entities u ON u.id = c.outlet_entity_id
     WHERE ce.event_id IN (SELECT v.id FROM events v ${where})
     ORDER BY ce.event_id, c.reported_from IS NULL, c.reported_from, c.id`,
  ).all(params) as ReportRow[];

  const claimsOf = new Map<number, (LinkedClaim & { report: TimelineReport; cluster: number })[]>();
  for (const row of reports) {
    const origin = row.origin === null ? null : (JSON.parse(row.origin) as SourceRef);
    const date = dateOf(row.dateFrom, row.dateTo, row.datePrecision);
    const claim = {
      id: row.claimId,
      articleId: row.articleId,
      outlet: row.outletId === null ? null : { entityId: row.outletId, name: row.outlet!, role: null, reliability: null },
      origin,
      reportedDate: date,
      placeId: row.placeId,
      figures: JSON.parse(row.figures) as LinkedClaim['figures'],
      relation: row.relation,
      cluster: row.cluster,
      report: { claimId: row.claimId, articleId: row.articleId, annotationId: row.annotationId, relation: row.relation, date, outlet: row.outlet, origin: origin?.name ?? null },
    };
    const ofEvent = claimsOf.get(row.eventId);
    if (ofEvent) ofEvent.push(claim);
    else claimsOf.set(row.eventId, [claim]);
  }

  return {
    events: events.map(({ id, title, dateFrom, dateTo, datePrecision, placeName }): TimelineEvent => {
      const claims = claimsOf.get(id) ?? [];
      const found = disagreements(claims);
      return {
        id,
        title,
        date: dateOf(dateFrom, dateTo, datePrecision),
        placeName,
        independentSources: independentSources(claims, new Map(claims.map((c) => [c.articleId, c.cluster]))),
        contested: found.length > 0,
        disagreements: found.map((d) => d.kind),
        reports: claims.map((c) => c.report),
      };
    }),
    choices: timelineChoices(db),
  };
}

/** The tags on the passages of claims about events, the places of events and of their claims, the events' actors, and every source their claims cite. */
function timelineChoices(db: Store): EventTimeline['choices'] {
  const rows = statement(
    db,
    `WITH linked AS (SELECT DISTINCT c.id, c.annotation_id, c.place_entity_id, c.outlet_entity_id, c.origin_entity_id
                     FROM claims c JOIN claim_events ce ON ce.claim_id = c.id)
     SELECT 'tags' AS list, t.id, t.name FROM tags t
       WHERE t.id IN (SELECT at.tag_id FROM annotation_tags at JOIN linked ON linked.annotation_id = at.annotation_id)
     UNION ALL
     SELECT 'places', e.id, e.name FROM entities e
       WHERE e.id IN (SELECT place_entity_id FROM events UNION SELECT place_entity_id FROM linked)
     UNION ALL
     SELECT 'actors', e.id, e.name FROM entities e WHERE e.id IN (SELECT entity_id FROM event_actors)
     UNION ALL
     SELECT 'sources', e.id, e.name FROM entities e
       WHERE e.id IN (SELECT outlet_entity_id FROM linked UNION SELECT origin_entity_id FROM linked
                      UNION SELECT s.entity_id FROM claim_sources s JOIN linked ON linked.id = s.claim_id)
     ORDER BY 1, 3, 2`,
  ).all() as (TimelineChoice & { list: keyof EventTimeline['choices'] })[];
  const choices: EventTimeline['choices'] = { tags: [], places: [], actors: [], sources: [] };
  for (const { list, id, name } of rows) choices[list].push({ id, name });
  return choices;
}
