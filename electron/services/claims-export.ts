/**
 * Claims out of Sanad as a table: CSV in UTF-8 with a byte-order mark, so Excel opens Arabic
 * right, or an XLSX workbook (exceljs), right to left when the analyst works in Arabic; one row
 * per claim, its chain written out from the outlet to the origin.
 */
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Claim, Figure } from '../../db/model';

/** The columns, as the header names them. */
const HEADER = ['id', 'quote', 'statement', 'article', 'outlet', 'chain', 'origin', 'reliability', 'credibility', 'grade', 'stance', 'reported_from', 'reported_to', 'date_precision', 'place', 'figures', 'events', 'independent_sources', 'contested', 'tags', 'needs_review'];

function figureText({ value, unit, counted }: Figure): string {
  return [value.toLocaleString('en-US'), unit, counted].filter(Boolean).join(' ');
}

/** One claim as a row of the table. */
function row(claim: Claim): (string | number)[] {
  return [
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
  ];
}

/** The claims as CSV text, byte-order mark first. */
export function claimsCsv(claims: readonly Claim[]): string {
  return `\uFEFF${stringify([HEADER, ...claims.map(row)])}`;
}

/** Column widths of the workbook, in characters: the quote and statement wide, codes narrow. */
const WIDTHS: Record<string, number> = { quote: 60, statement: 40, article: 36, chain: 40, events: 30 };

/**
 * The claims as an XLSX workbook: one sheet, the header frozen and filterable, text wrapped; the
 * sheet runs right to left when `rightToLeft` (the analyst works in Arabic).
 */
export async function claimsXlsx(claims: readonly Claim[], { rightToLeft }: { rightToLeft: boolean }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Sanad';
  const sheet = workbook.addWorksheet('claims', { views: [{ rightToLeft, state: 'frozen', ySplit: 1 }] });
  sheet.columns = HEADER.map((key) => ({ header: key, key, width: WIDTHS[key] ?? 14, style: { alignment: { wrapText: true, vertical: 'top' } } }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: HEADER.length } };
  for (const claim of claims) sheet.addRow(row(claim));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
