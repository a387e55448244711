/**
 * Importing files: a file picker, a folder picker, and drag and drop anywhere on the window.
 * Each file's bytes are sent as they are (see `sendFile`), a large one with its own progress;
 * files are imported in small batches so a progress bar can move and Cancel can stop between
 * batches; the summary names every file that was skipped or failed, and why.
 */
import { useEffect, useRef, useState } from 'react';
import type { ImportReport, SourceDetailsReport } from '../../../electron/api/contract';
import { api } from '../api';
import { sendFile } from '../files';
import { useI18n } from '../i18n';
import { Modal } from './Modal';
import { SourceDetailsDialog } from './SourceDetailsDialog';

/** Bytes of files imported in one call, so the progress bar moves; a larger file goes alone. */
const BATCH_BYTES = 8 * 1024 * 1024;
/** Files imported in one call, so the progress bar moves on large batches of small files. */
const BATCH_FILES = 20;
/** What the file picker offers: every format the importer reads. */
const ACCEPTED = '.txt,.text,.md,.markdown,.html,.htm,.xhtml,.docx,.pdf,.csv,.json,.jsonl,.ndjson';

interface Progress {
  done: number;
  total: number;
  /** The file being sent, if it is large enough for its sending to take a moment. */
  sending?: { name: string; percent: number };
}

/** Files from this size on show their own progress while they are sent. */
const SHOW_SENDING_BYTES = 4 * 1024 * 1024;

/** Import buttons, the drop zone, the progress bar and the summary. */
export function ImportControls() {
  const { t } = useI18n();
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const cancelled = useRef(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [dragging, setDragging] = useState(false);
  const [pasting, setPasting] = useState(false);

  async function importAll(files: File[]) {
    if (files.length === 0) return;
    cancelled.current = false;
    const total: ImportReport = { imported: [], skipped: [], failed: [] };
    setReport(null);
    setProgress({ done: 0, total: files.length });
    for (const batch of batches(files)) {
      if (cancelled.current) break;
      // The batch's files are sent side by side; one that cannot be sent (too large, say) is
      // reported on its own, and the others go on.
      const sending = await Promise.all(
        batch.map(async (file) => {
          const name = fileLabel(file);
          const showSending = (bytes: number, size: number) =>
            file.size >= SHOW_SENDING_BYTES && setProgress((p) => p && { ...p, sending: { name, percent: Math.floor((bytes / size) * 100) } });
          try {
            return await sendFile(file, name, showSending);
          } catch (error) {
            total.failed.push({ file: name, error: (error as Error).message });
            return null;
          }
        }),
      );
      const sent = sending.filter((f) => f !== null);
      setProgress((p) => p && { done: p.done, total: p.total });
      if (sent.length > 0) {
        try {
          const result = await api.importFiles({ files: sent });
          // Not push(...rows): a bulk file's tens of thousands of rows would overflow the call stack.
          total.imported = total.imported.concat(result.imported);
          total.skipped = total.skipped.concat(result.skipped);
          total.failed = total.failed.concat(result.failed);
        } catch (error) {
          total.failed.push(...sent.map((f) => ({ file: f.name, error: (error as Error).message })));
        }
      }
      setProgress((p) => p && { ...p, done: p.done + batch.length });
    }
    setProgress(null);
    setReport(total);
  }

  useEffect(() => {
    const onDragOver = (event: DragEvent) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      setDragging(true);
    };
    const onDragLeave = (event: DragEvent) => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const onDrop = (event: DragEvent) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      setDragging(false);
      void filesFromDrop(event.dataTransfer).then(importAll);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
    };
  });

  // Reads the ref when clicked: on the first render it is still null.
  const pick = (input: React.RefObject<HTMLInputElement | null>) => () => input.current?.click();
  const onPicked = (event: React.ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    void importAll(files);
  };

  return (
    <div className="import-controls">
      <button type="button" onClick={pick(fileInput)} disabled={progress !== null}>
        {t('import')}
      </button>
      <button type="button" onClick={pick(folderInput)} disabled={progress !== null}>
        {t('importFolder')}
      </button>
      <button type="button" onClick={() => setPasting(true)} disabled={progress !== null}>
        {t('pasteArticle')}
      </button>
      <input ref={fileInput} type="file" multiple accept={ACCEPTED} hidden onChange={onPicked} />
      <input ref={folderInput} type="file" hidden onChange={onPicked} {...{ webkitdirectory: '' }} />
      {progress && (
        <div className="import-progress" role="status">
          <span className="import-progress-label">
            {progress.sending
              ? t('sendingFile', { name: `\u2068${progress.sending.name}\u2069`, percent: progress.sending.percent })
              : t('importing', { n: progress.total })}
          </span>
          <progress max={progress.total} value={progress.done} />
          <button type="button" onClick={() => (cancelled.current = true)}>
            {t('cancel')}
          </button>
        </div>
      )}
      {dragging && <div className="drop-overlay">{t('dropHere')}</div>}
      {report && <ImportSummary report={report} onClose={() => setReport(null)} />}
      {pasting && (
        <PasteDialog
          onClose={() => setPasting(false)}
          onPaste={(file) => {
            setPasting(false);
            void importAll([file]);
          }}
        />
      )}
    </div>
  );
}

/** Lines of each kind the summary lists; the count says how many more there are (a bulk file can bring tens of thousands). */
const SUMMARY_LINES = 500;

/**
 * What an import did, file by file; when articles came without an outlet or a date (text pasted
 * from the web has neither), it says how many and offers to give the batch its source details.
 */
function ImportSummary({ report, onClose }: { report: ImportReport; onClose: () => void }) {
  const { t } = useI18n();
  const more = (rows: readonly unknown[], className: string) =>
    rows.length > SUMMARY_LINES && <li className={`${className} muted`}>{t('summaryMore', { n: rows.length - SUMMARY_LINES })}</li>;
  const [detailsOpen, setDetailsOpen] = useState(false);
  const [filled, setFilled] = useState<SourceDetailsReport | null>(null);
  const lacking = (field: 'outlet' | 'published') => report.imported.filter((i) => i.missing?.includes(field)).length;
  const missing = { outlet: lacking('outlet'), published: lacking('published') };
  return (
    <>
      <section className="import-summary" role="alert" aria-label="Import summary">
        <header>
          <strong>{t('importSummary', { imported: report.imported.length, skipped: report.skipped.length, failed: report.failed.length })}</strong>
          <button type="button" onClick={onClose} aria-label={t('close')}>
            ×
          </button>
        </header>
        {filled ? (
          <p className="details-filled">{t('detailsFilled', { ...filled })}</p>
        ) : (
          (missing.outlet > 0 || missing.published > 0) && (
            <p className="missing-details">
              {t('missingDetails', missing)}{' '}
              <button type="button" onClick={() => setDetailsOpen(true)}>
                {t('addSourceDetails')}
              </button>
            </p>
          )
        )}
        <ul>
          {report.imported.slice(0, SUMMARY_LINES).map((i) => (
            <li key={`i${i.id}`} className="ok">
              <bdi>{i.file}</bdi> → <bdi>{i.title}</bdi>
              {i.possibleDuplicateOf && (
                <div className="duplicate">
                  {t('possibleDuplicate')}{' '}
                  <bdi>
                    {t('duplicateOf', { id: i.possibleDuplicateOf.id, title: i.possibleDuplicateOf.title, percent: Math.round(i.possibleDuplicateOf.similarity * 100) })}
                  </bdi>
                </div>
              )}
              {i.warnings?.map((w) => (
                <div key={w} className="warning">
                  {t('warning')}: <bdi>{w}</bdi>
                </div>
              ))}
            </li>
          ))}
          {more(report.imported, 'ok')}
          {report.skipped.slice(0, SUMMARY_LINES).map((s) => (
            <li key={`s${s.file}`} className="skipped">
              <bdi>{s.file}</bdi>: <bdi>{s.reason}</bdi>
            </li>
          ))}
          {more(report.skipped, 'skipped')}
          {report.failed.slice(0, SUMMARY_LINES).map((f) => (
            <li key={`f${f.file}`} className="failed">
              <bdi>{f.file}</bdi>: <bdi>{f.error}</bdi>
            </li>
          ))}
          {more(report.failed, 'failed')}
        </ul>
      </section>
      {detailsOpen && (
        <SourceDetailsDialog
          ids={report.imported.map((i) => i.id)}
          onClose={() => setDetailsOpen(false)}
          onDone={(done) => (setDetailsOpen(false), setFilled(done))}
        />
      )}
    </>
  );
}

/** Pasted text becomes a file like any other, so it is checked, deduplicated and reported the same way. */
function PasteDialog({ onClose, onPaste }: { onClose: () => void; onPaste: (file: File) => void }) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const text = title.trim() ? `${title.trim()}\n${body}` : body;
    const stamp = new Date().toISOString().slice(0, 19).replace('T', ' ');
    onPaste(new File([text], `pasted ${stamp}.txt`, { type: 'text/plain' }));
  };
  return (
    <Modal title={t('pasteTitle')} onClose={onClose}>
      <form className="paste-form" onSubmit={submit}>
        <label>
          {t('pasteTitleField')}
          <input value={title} onChange={(e) => setTitle(e.target.value)} dir="auto" />
        </label>
        <label>
          {t('pasteBody')}
          <textarea value={body} onChange={(e) => setBody(e.target.value)} dir="auto" rows={14} required />
        </label>
        <button type="submit" disabled={body.trim() === ''}>
          {t('pasteSubmit')}
        </button>
      </form>
    </Modal>
  );
}

function* batches(files: File[]): Generator<File[]> {
  let batch: File[] = [];
  let bytes = 0;
  for (const file of files) {
    if (batch.length > 0 && (bytes + file.size > BATCH_BYTES || batch.length >= BATCH_FILES)) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(file);
    bytes += file.size;
  }
  if (batch.length > 0) yield batch;
}

/** The name shown for a file: its path inside a picked or dropped folder, else its name. */
function fileLabel(file: File): string {
  return (file as File & { relativePath?: string }).relativePath || file.webkitRelativePath || file.name;
}

/** Every file in a drop, walking into dropped folders recursively. */
async function filesFromDrop(transfer: DataTransfer): Promise<File[]> {
  const entries = [...transfer.items].map((item) => item.webkitGetAsEntry()).filter((e): e is FileSystemEntry => e !== null);
  if (entries.length === 0) return [...transfer.files];
  const files: File[] = [];
  const walk = async (entry: FileSystemEntry, path: string): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      files.push(Object.assign(file, { relativePath: path + file.name }));
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      // readEntries returns at most ~100 entries a call: read until it returns none.
      for (;;) {
        const children = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
        if (children.length === 0) break;
        for (const child of children) await walk(child, `${path}${entry.name}/`);
      }
    }
  };
  for (const entry of entries) await walk(entry, '');
  return files;
}
