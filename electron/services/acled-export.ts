/**
 * Events as an ACLED-style CSV (the Armed Conflict Location & Event Data codebook's columns), one
 * row per event, so an analyst's events sit beside ACLED's own data in the same tools. Types and
 * sub-types are stored in ACLED's spelling already (db/acled.ts). What Sanad does not know
 * (coordinates, admin areas, the source's scale) is left empty rather than guessed.
 */
import type { Claim, Disagreement, EventDetail, ReportedDate } from '../../db/model';
import { type Table, tableCsv } from './claims-export';

/** ACLED's columns, in ACLED's order, as far as Sanad has them. */
const ACLED_HEADER = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'event_type',
  'sub_event_type',
  'actor1',
  'actor2',
  'country',
  'admin1',
  'location',
  'latitude',
  'longitude',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'tags',
] as const;

const DAY_MS = 86_400_000;

/**
 * ACLED's date and time precision for a reported date: 1 when the day is known; 2 when only the
 * week is (a range of up to a week, or a weekday without its date); 3 when only the month is,
 * or less (ACLED's coarsest). As ACLED does, an uncertain date is the middle of its range.
 */
function acledDate(date: ReportedDate): { date: string; precision: 1 | 2 | 3 } {
  const from = Date.parse(`${date.from}T00:00:00Z`);
  const to = Date.parse(`${date.to}T00:00:00Z`);
  const middle = new Date(from + Math.floor((to - from) / DAY_MS / 2) * DAY_MS).toISOString().slice(0, 10);
  if (date.precision === 'day' && from === to) return { date: date.from, precision: 1 };
  if ((date.precision === 'day' || date.precision === 'weekday') && to - from < 7 * DAY_MS) return { date: middle, precision: 2 };
  return { date: middle, precision: 3 };
}

/** Words that say a figure counts the dead, in English and Arabic. */
const FATALITIES = /\b(killed|dead|deaths?|fatalit(?:y|ies)|bodies)\b|قتل|قتيل|قتلى|مقتل|وفاة|وفيات|ضحايا|شهداء|شهيد/iu;

/**
 * The fatalities a supporting claim reports: the lowest such figure when claims disagree, as
 * ACLED takes the most conservative report; 0 when none reports one.
 */
function fatalities(claims: readonly Claim[]): number {
  const counts = claims.flatMap((claim) => claim.figures.filter((f) => f.counted && FATALITIES.test(f.counted)).map((f) => f.value));
  return counts.length ? Math.min(...counts) : 0;
}

/** Why the event is contested, in words for the notes column. */
function disagreementText(disagreement: Disagreement, placeNames: Map<number, string>): string {
  const claims = `claims ${disagreement.claimIds.map((id) => `#${id}`).join(', ')}`;
  switch (disagreement.kind) {
    case 'contradiction':
      return `${claims} contradict it`;
    case 'date':
      return `${claims} report different dates (${disagreement.sides.map((s) => (s.value.from === s.value.to ? s.value.from : `${s.value.from}–${s.value.to}`)).join(' / ')})`;
    case 'place':
      return `${claims} report different places (${disagreement.sides.map((s) => placeNames.get(s.value) ?? `#${s.value}`).join(' / ')})`;
    case 'figure':
      return `${claims} report different figures of ${[disagreement.measure.unit, disagreement.measure.counted].filter(Boolean).join(' ') || 'one measure'} (${disagreement.sides.map((s) => s.value.toLocaleString('en-US')).join(' / ')})`;
  }
}

/** Distinct non-empty values, in first-seen order. */
const distinct = (values: readonly (string | null | undefined)[]) => [...new Set(values.filter((v): v is string => Boolean(v)))];

/** One event as a row of ACLED's columns. */
function acledRow(event: EventDetail): (string | number)[] {
  const supporting = event.claims.filter((claim) => claim.relation === 'supports');
  const date = event.date ? acledDate(event.date) : null;
  const placeNames = new Map(event.claims.flatMap((c) => (c.placeId !== null && c.placeName ? [[c.placeId, c.placeName] as const] : [])));
  const [actor1, actor2, ...others] = event.actors.map((a) => a.name);
  const notes = [
    event.description,
    others.length ? `Other actors: ${others.join('; ')}` : null,
    event.contested ? `Contested: ${event.disagreements.map((d) => disagreementText(d, placeNames)).join('; ')}` : null,
  ];
  return [
    `SANAD${event.id}`,
    date?.date ?? '',
    date?.date.slice(0, 4) ?? '',
    date?.precision ?? '',
    event.eventType ?? '',
    event.subEventType ?? '',
    actor1 ?? '',
    actor2 ?? '',
    '',
    '',
    event.placeName ?? '',
    '',
    '',
    // The outlets and the origins they cite, as ACLED names the reports an event stands on.
    distinct(supporting.flatMap((claim) => [claim.outlet?.name, claim.origin?.name])).join('; '),
    '',
    notes.filter(Boolean).join(' | '),
    fatalities(supporting),
    distinct(supporting.flatMap((claim) => claim.tags.map((tag) => tag.name))).join('; '),
  ];
}

/** The events as an ACLED-style table. */
function acledTable(events: readonly EventDetail[]): Table {
  return { name: 'events', header: ACLED_HEADER, rows: events.map(acledRow) };
}

/** The events as ACLED-style CSV (UTF-8 with a byte-order mark). */
export function acledCsv(events: readonly EventDetail[]): string {
  return tableCsv(acledTable(events));
}
