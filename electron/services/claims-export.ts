/**
 * Sanad's records as tables: CSV in UTF-8 with a byte-order mark, so Excel opens Arabic right, or
 * an XLSX workbook (exceljs), right to left when the analyst works in Arabic. One row per claim
 * (its chain written out from the outlet to the origin), per annotation or per entity.
 */
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { AnnotationRow, Claim, EntitySummary, Figure } from '../../db/model';

/** A table to write: its sheet's name, the header and the rows, and the columns wider than the rest (in characters). */
export interface Table {
  name: string;
  header: readonly string[];
  rows: readonly (string | number)[][];
  widths?: Record<string, number>;
}

/** A table as CSV text, byte-order mark first. */
export function tableCsv({ header, rows }: Table): string {
  return `\uFEFF${stringify([header, ...rows])}`;
}

/**
 * A table as an XLSX workbook: one sheet, the header frozen and filterable, text wrapped; the
 * sheet runs right to left when `rightToLeft` (the analyst works in Arabic).
 */
export async function tableXlsx({ name, header, rows, widths = {} }: Table, { rightToLeft }: { rightToLeft: boolean }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Sanad';
  const sheet = workbook.addWorksheet(name, { views: [{ rightToLeft, state: 'frozen', ySplit: 1 }] });
  sheet.columns = header.map((key) => ({ header: key, key, width: widths[key] ?? 14, style: { alignment: { wrapText: true, vertical: 'top' } } }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function figureText({ value, unit, counted }: Figure): string {
  return [value.toLocaleString('en-US'), unit, counted].filter(Boolean).join(' ');
}

/** The claims as a table. */
export function claimsTable(claims: readonly Claim[]): Table {
  return {
    name: 'claims',
    header: ['id', 'quote', 'statement', 'article', 'outlet', 'chain', 'origin', 'reliability', 'credibility', 'grade', 'stance', 'reported_from', 'reported_to', 'date_precision', 'place', 'figures', 'events', 'independent_sources', 'contested', 'tags', 'needs_review'],
    rows: claims.map((claim) => [
      claim.id,
      claim.quote,
      claim.statement ?? '',
      claim.articleTitle,
      claim.outlet?.name ?? '',
      [claim.outlet, ...claim.chain].flatMap((s) => (s ? [s.name] : [])).join(' → '),
      claim.origin?.name ?? '',
      claim.origin?.reliability ?? '',
      claim.credibility ?? '',
      claim.grade,
      claim.stance,
      claim.reportedDate?.from ?? '',
      claim.reportedDate?.to ?? '',
      claim.reportedDate?.precision ?? '',
      claim.placeName ?? '',
      claim.figures.map(figureText).join('; '),
      claim.events.map((e) => `${e.title} (${e.relation})`).join('; '),
      claim.independentSources ?? '',
      claim.contested ? 'yes' : '',
      claim.tags.map((tag) => tag.name).join('; '),
      claim.needsReview ? 'yes' : '',
    ]),
    widths: { quote: 60, statement: 40, article: 36, chain: 40, events: 30 },
  };
}

/** The annotations as a table: the passage, its place in code points, its tags and note. */
export function annotationsTable(annotations: readonly AnnotationRow[]): Table {
  return {
    name: 'annotations',
    header: ['id', 'article_id', 'article', 'start', 'end', 'quote', 'tags', 'note', 'created', 'updated', 'needs_review'],
    rows: annotations.map((a) => [a.id, a.articleId, a.articleTitle, a.start, a.end, a.exact, a.tags.map((tag) => tag.name).join('; '), a.note ?? '', a.createdAt, a.updatedAt, a.reviewReason ? 'yes' : '']),
    widths: { article: 36, quote: 60, tags: 30, note: 40, created: 24, updated: 24 },
  };
}

/** The entities as a table: names and aliases, mentions, and as sources their role and reliability. */
export function entitiesTable(entities: readonly EntitySummary[]): Table {
  return {
    name: 'entities',
    header: ['id', 'kind', 'name', 'aliases', 'mentions_accepted', 'mentions_suggested', 'source_role', 'reliability', 'reliability_note'],
    rows: entities.map((e) => [e.id, e.kind, e.name, e.aliases.join('; '), e.accepted, e.suggested, e.role ?? '', e.reliability ?? '', e.reliabilityNote ?? '']),
    widths: { name: 30, aliases: 40, reliability_note: 40 },
  };
}

/** The claims as CSV text, byte-order mark first. */
export function claimsCsv(claims: readonly Claim[]): string {
  return tableCsv(claimsTable(claims));
}

/** The claims as an XLSX workbook (see {@link tableXlsx}). */
export function claimsXlsx(claims: readonly Claim[], options: { rightToLeft: boolean }): Promise<Buffer> {
  return tableXlsx(claimsTable(claims), options);
}
