/** Briefing reports: built from events and claims, edited, kept with what they quoted, exported. */
import { z } from 'zod';
import type { Report, ReportSummary, ReportTemplate } from '../../../db/model';
import { id, isoDate, method } from './schemas';

const language = z.enum(['ar', 'en']);
const direction = z.enum(['rtl', 'ltr']);
const digits = z.enum(['latn', 'arab']);
const sectionKind = z.enum(['events', 'claims', 'text']);
const likelihood = z.enum(['almostNoChance', 'veryUnlikely', 'unlikely', 'roughlyEven', 'likely', 'veryLikely', 'almostCertain']);
const confidence = z.enum(['low', 'moderate', 'high']);
const title = z.string().trim().min(1, 'a report needs a title').max(500);
/** One line of a report's head (handling line, author). */
const headLine = z.string().trim().max(300);
const translation = z.string().trim().max(20_000).transform((v) => v || null).nullable().optional();

/** The most items one section holds: a briefing of a thousand claims fits in one. */
export const MAX_SECTION_ITEMS = 5_000;

const item = z.union([
  z.object({ id, translation, refresh: z.boolean().optional() }),
  z.object({ claimId: id, translation }),
  z.object({ eventId: id, translation }),
]);
const section = z.object({
  id: id.optional(),
  heading: z.string().trim().max(500).default(''),
  kind: sectionKind,
  body: z.string().trim().max(50_000).default(''),
  items: z.array(item).max(MAX_SECTION_ITEMS).default([]),
});
const judgment = z.object({
  id: id.optional(),
  text: z.string().trim().min(1, 'a key judgment needs its text').max(5_000),
  likelihood: likelihood.nullable().default(null),
  confidence: confidence.nullable().default(null),
});
const fields = {
  title: title.optional(),
  handling: headLine.optional(),
  reportDate: isoDate.nullable().optional(),
  author: headLine.optional(),
  bluf: z.string().trim().max(20_000).optional(),
  language: language.optional(),
  direction: direction.optional(),
  digits: digits.optional(),
};
/** An edit of a report: the fields given, and its sections and judgments as whole new lists. */
const reportChange = z.object({ id, ...fields, sections: z.array(section).max(500).optional(), judgments: z.array(judgment).max(100).optional() });
/** What to quote: events (a section each, in timeline order, with their claims) and hand-picked claims (one section). */
const quoted = { eventIds: z.array(id).max(500).optional(), claimIds: z.array(id).max(MAX_SECTION_ITEMS).optional() };

/** The formats a report exports to. */
export const REPORT_FORMATS = ['html', 'md', 'docx', 'pdf'] as const;

/** The report methods of the contract. */
export const reportsMethods = {
  /**
   * A new report titled `title`: a section per event of `eventIds` in timeline order with its
   * claims, then one of the hand-picked `claimIds`; a template's language, handling line and
   * sections come first. Each claim and event is quoted as it is now. One undoable step.
   */
  createReport: method<Report>()(z.object({ title, ...quoted, templateId: id.optional(), language: language.optional(), author: headLine.optional(), reportDate: isoDate.nullable().optional() })),
  getReport: method<Report>('read')(z.object({ id })),
  listReports: method<ReportSummary[]>('read')(z.object({})),
  /**
   * Changes a report: the fields given, and, when given, its sections (each with its items) and
   * key judgments as the whole new lists, in their new order (kept ones by id). A new item quotes
   * its claim or event as it is now; `refresh` quotes a kept one anew. One undoable step.
   */
  updateReport: method<Report>()(reportChange),
  /** Appends a section per event (timeline order) and one of hand-picked claims, as createReport makes them. */
  addToReport: method<Report>()(z.object({ id, ...quoted })),
  /** A copy of a report (what it quoted, as it quoted it), titled as given or "… (copy)". */
  duplicateReport: method<Report>()(z.object({ id, title: title.optional() })),
  deleteReport: method<{ deleted: true }>()(z.object({ id })),
  listReportTemplates: method<ReportTemplate[]>('read')(z.object({})),
  /** Saves a report's language, direction, digits, handling line and sections' headings as a template (replacing one of that name). */
  saveReportTemplate: method<ReportTemplate>()(z.object({ reportId: id, name: z.string().trim().min(1, 'a template needs a name').max(100) })),
  deleteReportTemplate: method<{ deleted: true }>()(z.object({ id })),
  /**
   * The report as its HTML export would read with an edit not yet saved (the editor's live
   * preview): the edit takes the shape of updateReport's, and nothing is stored. Items are those
   * the report has (by id); new ones are quoted only once saved.
   */
  previewReport: method<{ html: string }>('read')(reportChange),
  /**
   * A report as a file, made as a background job with progress: HTML (one self-contained file)
   * or Markdown as text, DOCX or PDF as base64.
   */
  exportReport: method<{ fileName: string; mediaType: string; text?: string; base64?: string }>('long')(z.object({ id, format: z.enum(REPORT_FORMATS) })),
};
