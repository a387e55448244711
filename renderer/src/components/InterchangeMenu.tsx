/**
 * Moving Sanad's work to and from the tools analysts use: the library as a REFI-QDA project for
 * QDA tools, events as ACLED's CSV, annotations and entities as tables; and a REFI-QDA project
 * from another tool brought in (sent like any imported file), with what did not come across named.
 */
import { useRef, useState } from 'react';
import type { ExportedFile, ProjectImportReport } from '../../../electron/api/contract';
import { api } from '../api';
import { downloadBase64, downloadText, sendFile } from '../files';
import { useI18n } from '../i18n';
import type { MessageKey } from '../messages';
import { ErrorBanner } from './ErrorBanner';
import { Modal } from './Modal';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Saves an export as the file it names: text as CSV, base64 as the binary it is. */
function save(file: ExportedFile, type: string): void {
  if (file.text !== undefined) downloadText(file.fileName, file.text, type);
  else downloadBase64(file.fileName, file.base64 ?? '', type);
}

/** The "Exchange…" button of the top bar and its dialog. */
export function InterchangeMenu() {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  // The message is kept as its key and values, so it reads in the language chosen after it came.
  const [status, setStatus] = useState<{ key: MessageKey; values: Record<string, string | number> } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<ProjectImportReport | null>(null);
  const projectInput = useRef<HTMLInputElement>(null);

  const run = async (work: () => Promise<{ key: MessageKey; values: Record<string, string | number> }>) => {
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      setStatus(await work());
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const exports: { label: MessageKey; export: () => Promise<ExportedFile>; type: string }[] = [
    { label: 'exportProject', export: () => api.exportProject({}), type: 'application/zip' },
    { label: 'exportAcled', export: () => api.exportAcledEvents({}), type: 'text/csv;charset=utf-8' },
    { label: 'exportAnnotationsCsv', export: () => api.exportTable({ table: 'annotations', format: 'csv' }), type: 'text/csv;charset=utf-8' },
    { label: 'exportAnnotationsXlsx', export: () => api.exportTable({ table: 'annotations', format: 'xlsx', rightToLeft: lang === 'ar' }), type: XLSX_TYPE },
    { label: 'exportEntitiesCsv', export: () => api.exportTable({ table: 'entities', format: 'csv' }), type: 'text/csv;charset=utf-8' },
    { label: 'exportEntitiesXlsx', export: () => api.exportTable({ table: 'entities', format: 'xlsx', rightToLeft: lang === 'ar' }), type: XLSX_TYPE },
  ];
  const importProject = (file: File | undefined) =>
    file &&
    void run(async () => {
      setReport(null);
      setStatus({ key: 'importingProject', values: { file: file.name } });
      const imported = await api.importProject(await sendFile(file, file.name));
      setReport(imported);
      return { key: 'projectImported', values: { articles: imported.articles, existing: imported.existing, annotations: imported.annotations, added: imported.codes.added } };
    });

  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        {t('interchange')}
      </button>
      {open && (
        <Modal title={t('interchangeTitle')} onClose={() => setOpen(false)}>
          <div className="interchange">
            <h3>{t('exportHeading')}</h3>
            <div className="interchange-buttons">
              {exports.map((item) => (
                <button
                  key={item.label}
                  type="button"
                  disabled={busy}
                  onClick={() =>
                    void run(async () => {
                      const file = await item.export();
                      save(file, item.type);
                      return { key: 'exported', values: { file: file.fileName } };
                    })
                  }
                >
                  {t(item.label)}
                </button>
              ))}
            </div>
            <p className="muted">{t('exportHint')}</p>
            <h3>{t('importHeading')}</h3>
            <button type="button" disabled={busy} onClick={() => projectInput.current?.click()}>
              {t('importProject')}
            </button>
            <input ref={projectInput} type="file" accept=".qdpx" hidden onChange={(e) => (importProject(e.target.files?.[0]), (e.target.value = ''))} />
            {error && <ErrorBanner message={error} />}
            {status && (
              <p role="status">
                <bdi>{t(status.key, status.values)}</bdi>
              </p>
            )}
            {report && report.failed.length > 0 && (
              <>
                <p>{t('projectFailures', { n: report.failed.length })}</p>
                <ul className="import-failures">
                  {report.failed.map((failure, i) => (
                    <li key={i} dir="auto">
                      <bdi>{failure.item}</bdi>: {failure.error}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        </Modal>
      )}
    </>
  );
}
