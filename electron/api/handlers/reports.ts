/** Handlers of briefing reports: each change is one undoable step; exports run as background jobs. */
import { ReportReferenceError } from '../../../db/errors';
import type { Report, ReportFields, ReportSectionInput, StepLabel } from '../../../db/model';
import type { Repositories } from '../../../db/repositories';
import { exportReportAsJob, previewHtml, withChange } from '../../services/report';
import { ApiError, type Handlers, LOCAL_ACTOR, type Services } from './common';

type ReportMethods =
  | 'createReport'
  | 'getReport'
  | 'listReports'
  | 'updateReport'
  | 'addToReport'
  | 'duplicateReport'
  | 'deleteReport'
  | 'listReportTemplates'
  | 'saveReportTemplate'
  | 'deleteReportTemplate'
  | 'previewReport'
  | 'exportReport';

async function requireReport(repos: Repositories, id: number): Promise<Report> {
  const report = await repos.reports.find(id);
  if (!report) throw new ApiError('NOT_FOUND', 'reportNotFound', { id });
  return report;
}

function reportLabel(kind: StepLabel['kind'], report: { id: number; title: string }, detail: Record<string, unknown> = {}): StepLabel {
  return { kind, subjectId: report.id, quote: report.title, detail };
}

/** Runs a report change; a section, item, claim or event it names that is not there becomes a NOT_FOUND naming it. */
async function namingMissing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof ReportReferenceError)) throw error;
    if (error.what === 'claim') throw new ApiError('NOT_FOUND', 'claimNotFound', { id: error.id });
    if (error.what === 'event') throw new ApiError('NOT_FOUND', 'eventNotFound', { id: error.id });
    throw new ApiError('NOT_FOUND', 'notInReport', { what: error.what, id: error.id });
  }
}

/** The sections that quote events (one each, in timeline order, with their claims) and hand-picked claims (one). */
async function quotedSections(repos: Repositories, eventIds: readonly number[] = [], claimIds: readonly number[] = []): Promise<ReportSectionInput[]> {
  const ordered = await repos.reports.eventsInTimelineOrder(eventIds);
  for (const id of eventIds) if (!ordered.includes(id)) throw new ApiError('NOT_FOUND', 'eventNotFound', { id });
  const sections: ReportSectionInput[] = [];
  for (const eventId of ordered) {
    const event = (await repos.events.find(eventId))!;
    const claims = await repos.reports.eventClaimIds(eventId);
    sections.push({ heading: event.title, kind: 'events', body: '', items: [{ eventId }, ...claims.map((claimId) => ({ claimId }))] });
  }
  if (claimIds.length) sections.push({ heading: '', kind: 'claims', body: '', items: claimIds.map((claimId) => ({ claimId })) });
  return sections;
}

/** The reports' handlers. */
export function reportHandlers({ jobs, now }: Services): Pick<Handlers, ReportMethods> {
  return {
    createReport: async ({ title, eventIds, claimIds, templateId, language, author, reportDate }, call) => {
      const id = await call.step<number>(
        (made) => reportLabel('report.create', { id: made, title }),
        (repos) =>
          namingMissing(async () => {
            const template = templateId === undefined ? undefined : await repos.reports.findTemplate(templateId);
            if (templateId !== undefined && !template) throw new ApiError('NOT_FOUND', 'templateNotFound', { id: templateId });
            const lang = language ?? template?.language ?? 'en';
            const fields: ReportFields = {
              title,
              handling: template?.handling ?? '',
              reportDate: reportDate ?? now().slice(0, 10),
              author: author ?? '',
              bluf: '',
              language: lang,
              direction: template && template.language === lang ? template.direction : lang === 'ar' ? 'rtl' : 'ltr',
              digits: template && template.language === lang ? template.digits : 'latn',
            };
            const reportId = await repos.reports.insert(fields, now());
            const fromTemplate = (template?.sections ?? []).map((s) => ({ ...s, items: [] }));
            await repos.reports.change(reportId, { sections: [...fromTemplate, ...(await quotedSections(repos, eventIds, claimIds))] }, now());
            return reportId;
          }),
      );
      return requireReport(call.repos, id);
    },
    getReport: ({ id }, { repos }) => requireReport(repos, id),
    listReports: (_input, { repos }) => repos.reports.list(),
    updateReport: async ({ id, ...change }, call) => {
      const report = await requireReport(call.repos, id);
      // A report changing language takes that language's direction, unless the edit says otherwise.
      if (change.language && change.language !== report.language) change.direction ??= change.language === 'ar' ? 'rtl' : 'ltr';
      await call.step(reportLabel('report.edit', report, { fields: Object.keys(change) }), (repos) => namingMissing(() => repos.reports.change(id, change, now())));
      return requireReport(call.repos, id);
    },
    addToReport: async ({ id, eventIds, claimIds }, call) => {
      const report = await requireReport(call.repos, id);
      await call.step(reportLabel('report.edit', report, { fields: ['sections'] }), (repos) =>
        namingMissing(async () => {
          const kept: ReportSectionInput[] = report.sections.map((s) => ({ id: s.id, heading: s.heading, kind: s.kind, body: s.body, items: s.items.map((item) => ({ id: item.id })) }));
          return repos.reports.change(id, { sections: [...kept, ...(await quotedSections(repos, eventIds, claimIds))] }, now());
        }),
      );
      return requireReport(call.repos, id);
    },
    duplicateReport: async ({ id, title }, call) => {
      const report = await requireReport(call.repos, id);
      const copyTitle = title ?? `${report.title} (${report.language === 'ar' ? 'نسخة' : 'copy'})`;
      const copy = await call.step<number>((made) => reportLabel('report.create', { id: made, title: copyTitle }, { from: report.title }), async (repos) => (await repos.reports.duplicate(id, copyTitle, now()))!);
      return requireReport(call.repos, copy);
    },
    deleteReport: async ({ id }, call) => {
      const report = await requireReport(call.repos, id);
      await call.step(reportLabel('report.delete', report), (repos) => repos.reports.delete(id));
      return { deleted: true as const };
    },
    listReportTemplates: (_input, { repos }) => repos.reports.listTemplates(),
    saveReportTemplate: async ({ reportId, name }, call) => {
      const report = await requireReport(call.repos, reportId);
      const templateId = await call.step<number>((made) => ({ kind: 'template.save', subjectId: made, quote: name }), (repos) =>
        repos.reports.saveTemplate(
          {
            name,
            language: report.language,
            direction: report.direction,
            digits: report.digits,
            handling: report.handling,
            // Headings and kinds make the template; text sections keep their text (a standing caveat, a method note).
            sections: report.sections.map((s) => ({ heading: s.heading, kind: s.kind, body: s.kind === 'text' ? s.body : '' })),
          },
          now(),
        ),
      );
      return (await call.repos.reports.findTemplate(templateId))!;
    },
    deleteReportTemplate: async ({ id }, call) => {
      const template = await call.repos.reports.findTemplate(id);
      if (!template) throw new ApiError('NOT_FOUND', 'templateNotFound', { id });
      await call.step({ kind: 'template.delete', subjectId: id, quote: template.name }, (repos) => repos.reports.deleteTemplate(id));
      return { deleted: true as const };
    },
    previewReport: async ({ id, ...change }, { repos }) => ({ html: previewHtml(withChange(await requireReport(repos, id), change)) }),
    exportReport: async ({ id, format }, call) => {
      const report = await call.read((repos) => requireReport(repos, id));
      // The file is made outside any transaction: the store answers other calls meanwhile.
      const file = await exportReportAsJob(report, format, { runner: jobs, actor: LOCAL_ACTOR });
      return { fileName: file.fileName, mediaType: file.mediaType, ...(file.text !== undefined ? { text: file.text } : { base64: file.bytes!.toString('base64') }) };
    },
  };
}
