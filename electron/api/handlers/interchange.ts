/** Handlers of interchange: REFI-QDA projects out and in, events as ACLED's CSV, annotations and entities as tables. */
import type { EventDetail } from '../../../db/model';
import { acledCsv } from '../../services/acled-export';
import { annotationsTable, entitiesTable, tableCsv, tableXlsx } from '../../services/claims-export';
import { applyProject, exportProject, ProjectFileError, readProject } from '../../services/refi-qda-project';
import { ApiError, type Handlers, type Services } from './common';
import { fileBytes, withCallFiles } from './files';

type InterchangeMethods = 'exportProject' | 'importProject' | 'exportAcledEvents' | 'exportTable';

/** The interchange handlers. */
export function interchangeHandlers({ uploads, now }: Pick<Services, 'uploads' | 'now'>): Pick<Handlers, InterchangeMethods> {
  const day = () => now().slice(0, 10);
  return {
    exportProject: async (_input, call) => {
      const project = await exportProject(call, now());
      return { fileName: `sanad-project-${day()}.qdpx`, rows: project.sources, base64: project.bytes.toString('base64'), codes: project.codes, codings: project.codings, notes: project.notes };
    },
    importProject: async (file, call) => {
      let content;
      try {
        // The archive is read and its texts prepared before the store is touched.
        content = await withCallFiles(uploads, [file], async ([incoming]) => readProject(file.name, await fileBytes(incoming!)));
      } catch (error) {
        if (error instanceof ProjectFileError) throw new ApiError('INVALID_ARGUMENT', 'notUnderstood', { reason: error.message });
        throw error;
      }
      const at = now();
      return call.step(
        (report) => ({ kind: 'project.import', quote: file.name, detail: { articles: report.articles, annotations: report.annotations } }),
        (repos) => applyProject(repos, content, at),
      );
    },
    exportAcledEvents: async (_input, { repos }) => {
      const events: EventDetail[] = [];
      for (const { id } of await repos.events.list()) events.push((await repos.events.find(id))!);
      events.sort((a, b) => a.id - b.id);
      return { fileName: `sanad-events-acled-${day()}.csv`, rows: events.length, text: acledCsv(events) };
    },
    exportTable: async ({ table, format, rightToLeft }, { repos }) => {
      const built = table === 'annotations' ? annotationsTable(await repos.annotations.list()) : entitiesTable(await repos.entities.list());
      const fileName = `sanad-${table}-${day()}.${format}`;
      // The workbook is built in memory (no file, no network), so the read's snapshot is only held a little longer.
      return format === 'csv' ? { fileName, rows: built.rows.length, text: tableCsv(built) } : { fileName, rows: built.rows.length, base64: (await tableXlsx(built, { rightToLeft })).toString('base64') };
    },
  };
}
