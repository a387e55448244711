/**
 * Briefing reports (migration 15): their fields, key judgments, sections and items, and the
 * templates new reports start from. An item keeps a snapshot of its claim or event as the report
 * quoted it; reading a report compares each snapshot with the claim or event as it is now.
 * Changes run inside the caller's history step, so each is undoable.
 */
import type {
  ClaimSnapshot,
  EventSnapshot,
  KeyJudgment,
  KeyJudgmentInput,
  Report,
  ReportChange,
  ReportFields,
  ReportItem,
  ReportItemInput,
  ReportSection,
  ReportSectionInput,
  ReportSummary,
  ReportTemplate,
} from '../model';
import { ReportReferenceError } from '../errors';
import { findEvent, refreshEventCorroboration, selectClaims } from './claims';
import { statement } from './statements';
import type { Store } from './store';

/** Claims as a report quotes them now, by id (a claim that is not there is left out); read in one query, however many. */
export function claimSnapshots(db: Store, claimIds: readonly number[]): Map<number, ClaimSnapshot> {
  const ids = JSON.stringify(claimIds);
  const claims = selectClaims(db, 'WHERE c.id IN (SELECT value FROM json_each(?))', [ids]);
  const articles = new Map(
    (
      statement(db, 'SELECT id, title, outlet, published, url, language FROM articles WHERE id IN (SELECT article_id FROM claims WHERE id IN (SELECT value FROM json_each(?)))').all(ids) as ClaimSnapshot['article'][]
    ).map((a) => [a.id, a]),
  );
  return new Map(
    claims.map((claim) => [
      claim.id,
      {
        quote: claim.quote,
        direction: claim.articleDirection,
        statement: claim.statement,
        stance: claim.stance,
        reportedDate: claim.reportedDate,
        placeName: claim.placeName,
        figures: claim.figures,
        outlet: claim.outlet,
        chain: claim.chain,
        origin: claim.origin,
        grade: claim.grade,
        article: articles.get(claim.articleId)!,
        independentSources: claim.independentSources,
        contested: claim.contested,
      },
    ]),
  );
}

/** A claim as a report quotes it now, or undefined when there is no such claim. */
export function claimSnapshot(db: Store, claimId: number): ClaimSnapshot | undefined {
  return claimSnapshots(db, [claimId]).get(claimId);
}

/** An event as a report presents it now (its disagreements' places by name), or undefined. */
export function eventSnapshot(db: Store, eventId: number): EventSnapshot | undefined {
  const event = findEvent(db, eventId);
  if (!event) return undefined;
  const placeName = (id: number) => (statement(db, 'SELECT name FROM entities WHERE id = ?').pluck().get(id) as string | undefined) ?? `#${id}`;
  return {
    title: event.title,
    eventType: event.eventType,
    date: event.date,
    placeName: event.placeName,
    independentSources: event.independentSources,
    contested: event.contested,
    disagreements: event.disagreements.map((d) => (d.kind === 'place' ? { ...d, sides: d.sides.map((side) => ({ value: placeName(side.value), claimIds: side.claimIds })) } : d)),
  };
}

const reportColumns = `id, title, handling, report_date AS reportDate, author, bluf, language, direction, digits, created_at AS createdAt, updated_at AS updatedAt`;

interface ItemRow {
  id: number;
  sectionId: number;
  eventId: number | null;
  claimId: number | null;
  translation: string | null;
  snapshot: string;
}

/** Items with their status: whether each claim or event still reads as its snapshot says (claims read in one query). */
function toItems(db: Store, rows: readonly ItemRow[]): Map<number, ReportItem> {
  const claimsNow = claimSnapshots(db, rows.flatMap((row) => (row.claimId === null ? [] : [row.claimId])));
  const statusOf = (now: object | undefined, snapshot: string) => (!now ? 'deleted' : JSON.stringify(now) === snapshot ? 'current' : 'changed');
  return new Map(
    rows.map((row): [number, ReportItem] => {
      const base = { id: row.id, translation: row.translation };
      if (row.claimId !== null) {
        return [row.id, { ...base, kind: 'claim', claimId: row.claimId, status: statusOf(claimsNow.get(row.claimId), row.snapshot), snapshot: JSON.parse(row.snapshot) as ClaimSnapshot }];
      }
      return [row.id, { ...base, kind: 'event', eventId: row.eventId!, status: statusOf(eventSnapshot(db, row.eventId!), row.snapshot), snapshot: JSON.parse(row.snapshot) as EventSnapshot }];
    }),
  );
}

/** One report, whole, or undefined. */
export function findReport(db: Store, id: number): Report | undefined {
  const fields = statement(db, `SELECT ${reportColumns} FROM reports WHERE id = ?`).get(id) as (ReportFields & Pick<Report, 'id' | 'createdAt' | 'updatedAt'>) | undefined;
  if (!fields) return undefined;
  const judgments = statement(db, 'SELECT id, text, likelihood, confidence FROM report_judgments WHERE report_id = ? ORDER BY position, id').all(id) as KeyJudgment[];
  const sections = statement(db, 'SELECT id, heading, kind, body FROM report_sections WHERE report_id = ? ORDER BY position, id').all(id) as Omit<ReportSection, 'items'>[];
  const rows = statement(
    db,
    `SELECT i.id, i.section_id AS sectionId, i.event_id AS eventId, i.claim_id AS claimId, i.translation, i.snapshot
     FROM report_items i JOIN report_sections s ON s.id = i.section_id WHERE s.report_id = ? ORDER BY i.position, i.id`,
  ).all(id) as ItemRow[];
  const items = toItems(db, rows);
  return { ...fields, judgments, sections: sections.map((section) => ({ ...section, items: rows.filter((r) => r.sectionId === section.id).map((r) => items.get(r.id)!) })) };
}

/** Every report, most recently changed first, with how many of its items changed since it quoted them. */
export function listReports(db: Store): ReportSummary[] {
  const rows = statement(db, 'SELECT id, title, language, report_date AS reportDate, author, created_at AS createdAt, updated_at AS updatedAt FROM reports ORDER BY updated_at DESC, id DESC').all() as Omit<
    ReportSummary,
    'changedItems'
  >[];
  return rows.map((row) => ({ ...row, changedItems: findReport(db, row.id)!.sections.flatMap((s) => s.items).filter((i) => i.status !== 'current').length }));
}

/** Stores a new report with its fields; returns its id. */
export function insertReport(db: Store, fields: ReportFields, now: string): number {
  return Number(
    statement(
      db,
      `INSERT INTO reports (title, handling, report_date, author, bluf, language, direction, digits, created_at, updated_at)
       VALUES (@title, @handling, @reportDate, @author, @bluf, @language, @direction, @digits, @now, @now)`,
    ).run({ ...fields, now }).lastInsertRowid,
  );
}

/** Whether an item input names a kept item. */
const keptItem = (item: ReportItemInput): item is Extract<ReportItemInput, { id: number }> => 'id' in item;

/**
 * Gives a report exactly these sections, in this order, each with exactly these items: kept rows
 * are updated where they differ (so a reorder records only the positions that moved), new ones
 * are inserted with a snapshot of their claim or event, and those left out are deleted. Throws a
 * {@link ReportReferenceError} naming an item, section, claim or event that is not there.
 */
function writeSections(db: Store, reportId: number, sections: readonly ReportSectionInput[]): void {
  const keptSections = sections.flatMap((s) => (s.id === undefined ? [] : [s.id]));
  const owned = new Set(statement(db, 'SELECT id FROM report_sections WHERE report_id = ?').pluck().all(reportId) as number[]);
  for (const id of keptSections) if (!owned.has(id)) throw new ReportReferenceError('section', id);
  const ownedItems = new Set(
    statement(db, 'SELECT i.id FROM report_items i JOIN report_sections s ON s.id = i.section_id WHERE s.report_id = ?').pluck().all(reportId) as number[],
  );
  const keptItems = sections.flatMap((s) => s.items.filter(keptItem).map((i) => i.id));
  for (const id of keptItems) if (!ownedItems.has(id)) throw new ReportReferenceError('item', id);
  // Items moved to another section are kept; those named nowhere go, then the sections named nowhere.
  statement(db, 'DELETE FROM report_items WHERE section_id IN (SELECT id FROM report_sections WHERE report_id = ?) AND id NOT IN (SELECT value FROM json_each(?))').run(
    reportId,
    JSON.stringify(keptItems),
  );
  const updateSection = statement(
    db,
    `UPDATE report_sections SET position = @position, heading = @heading, kind = @kind, body = @body
     WHERE id = @id AND (position, heading, kind, body) IS NOT (@position, @heading, @kind, @body)`,
  );
  const insertSection = statement(db, 'INSERT INTO report_sections (report_id, position, heading, kind, body) VALUES (?, ?, ?, ?, ?)');
  const updateItem = statement(
    db,
    `UPDATE report_items SET section_id = @sectionId, position = @position, translation = @translation, snapshot = coalesce(@snapshot, snapshot)
     WHERE id = @id AND (section_id, position, translation, snapshot) IS NOT (@sectionId, @position, @translation, coalesce(@snapshot, snapshot))`,
  );
  const insertItem = statement(db, 'INSERT INTO report_items (section_id, position, event_id, claim_id, translation, snapshot) VALUES (?, ?, ?, ?, ?, ?)');
  const currentItem = statement(db, 'SELECT event_id AS eventId, claim_id AS claimId, translation FROM report_items WHERE id = ?');
  const newClaims = claimSnapshots(db, sections.flatMap((s) => s.items.flatMap((i) => ('claimId' in i ? [i.claimId] : []))));
  const placed: number[] = [];
  sections.forEach((section, position) => {
    const sectionId =
      section.id === undefined
        ? Number(insertSection.run(reportId, position, section.heading, section.kind, section.body).lastInsertRowid)
        : (updateSection.run({ id: section.id, position, heading: section.heading, kind: section.kind, body: section.body }), section.id);
    placed.push(sectionId);
    section.items.forEach((item, itemPosition) => {
      if (keptItem(item)) {
        const current = currentItem.get(item.id) as { eventId: number | null; claimId: number | null; translation: string | null };
        const snapshot = item.refresh ? freshSnapshot(db, current) : null;
        updateItem.run({ id: item.id, sectionId, position: itemPosition, translation: item.translation === undefined ? current.translation : item.translation, snapshot });
      } else if ('claimId' in item) {
        const snapshot = newClaims.get(item.claimId);
        if (!snapshot) throw new ReportReferenceError('claim', item.claimId);
        insertItem.run(sectionId, itemPosition, null, item.claimId, item.translation ?? null, JSON.stringify(snapshot));
      } else {
        const snapshot = eventSnapshot(db, item.eventId);
        if (!snapshot) throw new ReportReferenceError('event', item.eventId);
        insertItem.run(sectionId, itemPosition, item.eventId, null, item.translation ?? null, JSON.stringify(snapshot));
      }
    });
  });
  statement(db, 'DELETE FROM report_sections WHERE report_id = ? AND id NOT IN (SELECT value FROM json_each(?))').run(reportId, JSON.stringify(placed));
}

/** The snapshot of an item's claim or event as it is now; a gone one keeps the old (JSON null means "keep"). */
function freshSnapshot(db: Store, item: { eventId: number | null; claimId: number | null }): string | null {
  const snapshot = item.claimId !== null ? claimSnapshot(db, item.claimId) : eventSnapshot(db, item.eventId!);
  return snapshot ? JSON.stringify(snapshot) : null;
}

/** Gives a report exactly these judgments, in this order. */
function writeJudgments(db: Store, reportId: number, judgments: readonly KeyJudgmentInput[]): void {
  const owned = new Set(statement(db, 'SELECT id FROM report_judgments WHERE report_id = ?').pluck().all(reportId) as number[]);
  const kept = judgments.flatMap((j) => (j.id === undefined ? [] : [j.id]));
  for (const id of kept) if (!owned.has(id)) throw new ReportReferenceError('judgment', id);
  statement(db, 'DELETE FROM report_judgments WHERE report_id = ? AND id NOT IN (SELECT value FROM json_each(?))').run(reportId, JSON.stringify(kept));
  const update = statement(
    db,
    `UPDATE report_judgments SET position = @position, text = @text, likelihood = @likelihood, confidence = @confidence
     WHERE id = @id AND (position, text, likelihood, confidence) IS NOT (@position, @text, @likelihood, @confidence)`,
  );
  const insert = statement(db, 'INSERT INTO report_judgments (report_id, position, text, likelihood, confidence) VALUES (?, ?, ?, ?, ?)');
  judgments.forEach((j, position) => {
    if (j.id === undefined) insert.run(reportId, position, j.text, j.likelihood, j.confidence);
    else update.run({ id: j.id, position, text: j.text, likelihood: j.likelihood, confidence: j.confidence });
  });
}

const FIELD_COLUMNS: Record<keyof ReportFields, string> = {
  title: 'title',
  handling: 'handling',
  reportDate: 'report_date',
  author: 'author',
  bluf: 'bluf',
  language: 'language',
  direction: 'direction',
  digits: 'digits',
};

/** Changes a report: the fields given, and its sections and judgments when given; returns whether it exists. */
export function changeReport(db: Store, id: number, change: ReportChange, now: string): boolean {
  if (!statement(db, 'SELECT 1 FROM reports WHERE id = ?').pluck().get(id)) return false;
  const fields = (Object.keys(FIELD_COLUMNS) as (keyof ReportFields)[]).filter((key) => change[key] !== undefined);
  for (const key of fields) statement(db, `UPDATE reports SET ${FIELD_COLUMNS[key]} = ? WHERE id = ? AND ${FIELD_COLUMNS[key]} IS NOT ?`).run(change[key], id, change[key]);
  if (change.sections) {
    // Quotations record each claim's corroboration: bring events changed earlier in this transaction up to date first.
    refreshEventCorroboration(db);
    writeSections(db, id, change.sections);
  }
  if (change.judgments) writeJudgments(db, id, change.judgments);
  statement(db, 'UPDATE reports SET updated_at = ? WHERE id = ?').run(now, id);
  return true;
}

/** Deletes a report with its sections, items and judgments; returns whether it existed. */
export function deleteReport(db: Store, id: number): boolean {
  return statement(db, 'DELETE FROM reports WHERE id = ?').run(id).changes > 0;
}

/** A copy of a report under a new title, its items keeping the snapshots the original took; returns its id. */
export function duplicateReport(db: Store, id: number, title: string, now: string): number | undefined {
  const report = findReport(db, id);
  if (!report) return undefined;
  const copy = insertReport(db, { ...report, title }, now);
  writeJudgments(db, copy, report.judgments.map(({ id: _id, ...j }) => j));
  const insertSection = statement(db, 'INSERT INTO report_sections (report_id, position, heading, kind, body) VALUES (?, ?, ?, ?, ?)');
  const copyItem = statement(
    db,
    'INSERT INTO report_items (section_id, position, event_id, claim_id, translation, snapshot) SELECT ?, position, event_id, claim_id, translation, snapshot FROM report_items WHERE id = ?',
  );
  report.sections.forEach((section, position) => {
    const sectionId = Number(insertSection.run(copy, position, section.heading, section.kind, section.body).lastInsertRowid);
    for (const item of section.items) copyItem.run(sectionId, item.id);
  });
  return copy;
}

/** Events in timeline order: earliest first, undated last. */
export function eventsInTimelineOrder(db: Store, ids: readonly number[]): number[] {
  return statement(db, 'SELECT id FROM events WHERE id IN (SELECT value FROM json_each(?)) ORDER BY date_from IS NULL, date_from, id').pluck().all(JSON.stringify(ids)) as number[];
}

/** An event's claims in the order a report quotes them: by the date each reports (undated last), then as made. */
export function eventClaimIdsInOrder(db: Store, eventId: number): number[] {
  return statement(
    db,
    `SELECT c.id FROM claim_events ce JOIN claims c ON c.id = ce.claim_id WHERE ce.event_id = ?
     ORDER BY c.reported_from IS NULL, c.reported_from, c.id`,
  )
    .pluck()
    .all(eventId) as number[];
}

const templateColumns = 'id, name, language, direction, digits, handling, sections, created_at AS createdAt, updated_at AS updatedAt';
const toTemplate = (row: Omit<ReportTemplate, 'sections'> & { sections: string }): ReportTemplate => ({ ...row, sections: JSON.parse(row.sections) as ReportTemplate['sections'] });

/** The saved templates, by name. */
export function listTemplates(db: Store): ReportTemplate[] {
  return (statement(db, `SELECT ${templateColumns} FROM report_templates ORDER BY name`).all() as (Omit<ReportTemplate, 'sections'> & { sections: string })[]).map(toTemplate);
}

/** One template, or undefined. */
export function findTemplate(db: Store, id: number): ReportTemplate | undefined {
  const row = statement(db, `SELECT ${templateColumns} FROM report_templates WHERE id = ?`).get(id) as (Omit<ReportTemplate, 'sections'> & { sections: string }) | undefined;
  return row && toTemplate(row);
}

/** Saves a template under its name (replacing one of that name, which keeps its id); returns its id. */
export function saveTemplate(db: Store, template: Omit<ReportTemplate, 'id' | 'createdAt' | 'updatedAt'>, now: string): number {
  return statement(
    db,
    `INSERT INTO report_templates (name, language, direction, digits, handling, sections, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET language = excluded.language, direction = excluded.direction, digits = excluded.digits,
       handling = excluded.handling, sections = excluded.sections, updated_at = excluded.updated_at
     RETURNING id`,
  )
    .pluck()
    .get(template.name, template.language, template.direction, template.digits, template.handling, JSON.stringify(template.sections), now, now) as number;
}

/** Deletes a template; returns whether it existed. */
export function deleteTemplate(db: Store, id: number): boolean {
  return statement(db, 'DELETE FROM report_templates WHERE id = ?').run(id).changes > 0;
}
