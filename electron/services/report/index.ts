/**
 * Reports as files: one briefing (briefing.ts) laid out as HTML, Markdown, DOCX or PDF, run as a
 * background job with progress like every export.
 */
import type { JobRunner } from '../../../db/repositories';
import type { Report, ReportChange, ReportItem } from '../../../db/model';
import { briefingOf } from './briefing';
import { briefingDocx } from './docx';
import { briefingHtml } from './html';
import { briefingMarkdown } from './markdown';
import { briefingPdf } from './pdf';

/** A report format. */
export type ReportFormat = 'html' | 'md' | 'docx' | 'pdf';

/** A report as a file: text (HTML, Markdown) or bytes (DOCX, PDF). */
export interface ReportFile {
  fileName: string;
  mediaType: string;
  text?: string;
  bytes?: Buffer;
}

const MEDIA_TYPES: Record<ReportFormat, string> = {
  html: 'text/html;charset=utf-8',
  md: 'text/markdown;charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** A file name from a report's title: what file systems refuse taken out, at most 80 characters. */
function fileNameOf(report: Report, format: ReportFormat): string {
  const stem = report.title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || `report-${report.id}`;
  return `${stem}.${format}`;
}

/**
 * Writes a report in a format. Its progress (when followed as a job) counts the quoted claims laid
 * out, then the file written: the briefing is built first, then typeset.
 */
export async function renderReport(report: Report, format: ReportFormat, onProgress: (done: number, total: number) => void = () => undefined): Promise<ReportFile> {
  const briefing = briefingOf(report);
  const total = briefing.claimCount + 1;
  onProgress(briefing.claimCount, total);
  const base = { fileName: fileNameOf(report, format), mediaType: MEDIA_TYPES[format] };
  const file: ReportFile =
    format === 'html'
      ? { ...base, text: briefingHtml(briefing) }
      : format === 'md'
        ? { ...base, text: briefingMarkdown(briefing) }
        : format === 'docx'
          ? { ...base, bytes: await briefingDocx(briefing) }
          : { ...base, bytes: briefingPdf(briefing) };
  onProgress(total, total);
  return file;
}

/**
 * A report as it would read with an edit applied, in memory: the fields given, the judgments and
 * sections as listed, items found by id anywhere in the report (moved between sections, given a
 * translation); items the report does not have are left out, as nothing new is quoted unsaved.
 */
export function withChange(report: Report, change: ReportChange): Report {
  const { sections, judgments, ...fields } = change;
  const items = new Map(report.sections.flatMap((s) => s.items).map((item) => [item.id, item]));
  return {
    ...report,
    ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
    judgments: judgments ? judgments.map((j, index) => ({ id: j.id ?? -index - 1, text: j.text, likelihood: j.likelihood, confidence: j.confidence })) : report.judgments,
    sections: sections
      ? sections.map((s, index) => ({
          id: s.id ?? -index - 1,
          heading: s.heading,
          kind: s.kind,
          body: s.body,
          items: s.items.flatMap((input): ReportItem[] => {
            const item = 'id' in input ? items.get(input.id) : undefined;
            return item ? [{ ...item, translation: input.translation === undefined ? item.translation : input.translation }] : [];
          }),
        }))
      : report.sections,
  };
}

/** A report as its HTML export reads (the editor's live preview). */
export function previewHtml(report: Report): string {
  return briefingHtml(briefingOf(report));
}

/**
 * Exports a report as a background job people see in the jobs panel (with its progress); the
 * job fails with the reason when the file cannot be made.
 */
export async function exportReportAsJob(report: Report, format: ReportFormat, job: { runner: JobRunner; actor: string }): Promise<ReportFile> {
  const claims = report.sections.flatMap((s) => s.items).filter((item) => item.kind === 'claim').length;
  const followed = job.runner.follow('report', `${report.title} (${format.toUpperCase()})`, claims + 1, job.actor);
  try {
    const file = await renderReport(report, format, (done) => followed.progress(done));
    followed.finish('done', { result: { fileName: file.fileName } });
    return file;
  } catch (error) {
    followed.finish('failed', { error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}
