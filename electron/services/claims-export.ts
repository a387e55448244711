/**
 * Claims out of Sanad as a table: CSV in UTF-8 with a byte-order mark, so Excel opens Arabic
 * right; one row per claim, its chain written out from the outlet to the origin.
 */
import { stringify } from 'csv-stringify/sync';
import type { Claim, Figure } from '../../db/model';

/** The columns, as the header names them. */
const HEADER = ['id', 'quote', 'statement', 'article', 'outlet', 'chain', 'origin', 'reliability', 'credibility', 'grade', 'stance', 'reported_from', 'reported_to', 'date_precision', 'place', 'figures', 'events', 'needs_review'];

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
    claim.needsReview ? 'yes' : '',
  ];
}

/** The claims as CSV text, byte-order mark first. */
export function claimsCsv(claims: readonly Claim[]): string {
  return `\uFEFF${stringify([HEADER, ...claims.map(row)])}`;
}
