/**
 * Briefing reports: the list (made from events, duplicated, deleted), the editor of the chosen one
 * (its head, key judgments with their ICD 203 likelihood and confidence, sections and their items,
 * reordered by Alt+↑/↓ or by dragging), the preview of its HTML export beside it, and its exports.
 * An edit is a draft until saved; each save is one undoable step.
 */
import { type DragEvent, type KeyboardEvent, useEffect, useState } from 'react';
import type { ApiInput, Confidence, KeyJudgment, Likelihood, Report, ReportDigits, ReportItem, ReportLanguage } from '../../../electron/api/contract';
import { CONFIDENCES, LIKELIHOODS, mixesLikelihoodAndConfidence } from '../../../db/judgments';
import { api } from '../api';
import { ErrorBanner } from '../components/ErrorBanner';
import { Modal } from '../components/Modal';
import { downloadBase64, downloadText } from '../files';
import { useI18n } from '../i18n';
import { useApiQuery } from '../queries';
import { useAction } from '../useAction';
import { useDebounced } from '../useDebounced';

/** A section as the editor holds it until saved. */
interface DraftSection {
  /** Stable while editing (React's key); the stored id when the section is saved. */
  key: string;
  id?: number;
  heading: string;
  kind: Report['sections'][number]['kind'];
  body: string;
  items: (ReportItem & { refresh?: boolean })[];
}

interface Draft {
  title: string;
  handling: string;
  reportDate: string;
  author: string;
  bluf: string;
  language: ReportLanguage;
  digits: ReportDigits;
  judgments: (Omit<KeyJudgment, 'id'> & { id?: number; key: string })[];
  sections: DraftSection[];
}

let nextKey = 0;
const newKey = () => `new-${++nextKey}`;

function draftOf(report: Report): Draft {
  return {
    title: report.title,
    handling: report.handling,
    reportDate: report.reportDate ?? '',
    author: report.author,
    bluf: report.bluf,
    language: report.language,
    digits: report.digits,
    judgments: report.judgments.map((j) => ({ ...j, key: `j${j.id}` })),
    sections: report.sections.map((s) => ({ ...s, key: `s${s.id}` })),
  };
}

/** The draft as an edit of the report (what Save stores, and what the preview shows before it). */
function changeOf(id: number, draft: Draft): ApiInput<'updateReport'> {
  return {
    id,
    title: draft.title,
    handling: draft.handling,
    reportDate: draft.reportDate || null,
    author: draft.author,
    bluf: draft.bluf,
    language: draft.language,
    digits: draft.digits,
    judgments: draft.judgments.map(({ id: judgmentId, text, likelihood, confidence }) => ({ ...(judgmentId !== undefined && { id: judgmentId }), text, likelihood, confidence })),
    sections: draft.sections.map((s) => ({
      ...(s.id !== undefined && { id: s.id }),
      heading: s.heading,
      kind: s.kind,
      body: s.body,
      items: s.items.map((item) => ({ id: item.id, translation: item.translation, ...(item.refresh && { refresh: true }) })),
    })),
  };
}

/** `list` with the element at `from` moved to `to`. */
function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

const FORMATS = [
  { format: 'html', label: 'exportHtml' },
  { format: 'md', label: 'exportMarkdown' },
  { format: 'docx', label: 'exportDocx' },
  { format: 'pdf', label: 'exportPdf' },
] as const;

/** The reports screen. */
export function ReportsScreen() {
  const { t, lang } = useI18n();
  const reports = useApiQuery('listReports', {});
  const events = useApiQuery('listEvents', {});
  const templates = useApiQuery('listReportTemplates', {});
  const [selected, setSelected] = useState<number | null>(null);
  const report = useApiQuery('getReport', { id: selected ?? 0 }, { enabled: selected !== null });
  const [title, setTitle] = useState('');
  const [eventIds, setEventIds] = useState<number[]>([]);
  const [templateId, setTemplateId] = useState('');
  const [deleting, setDeleting] = useState(false);
  // The editor's draft, which the preview follows; the preview stays put while the editor is rebuilt after a save.
  const [draft, setDraft] = useState<ApiInput<'previewReport'> | null>(null);
  const { error, run } = useAction();
  const create = () =>
    run(async () => {
      const made = await api.createReport({ title, eventIds, language: lang, ...(templateId && { templateId: Number(templateId) }) });
      setTitle('');
      setEventIds([]);
      setSelected(made.id);
    });
  const shown = selected === null ? null : report.data;
  return (
    <section className="reports" aria-label={t('reports')}>
      <aside className="report-list">
        <form
          className="new-report"
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <h2>{t('newReport')}</h2>
          <input value={title} onChange={(e) => setTitle(e.target.value)} aria-label={t('reportTitle')} placeholder={t('reportTitle')} dir="auto" required />
          {events.data && events.data.length > 0 && (
            <fieldset>
              <legend>{t('includeEvents')}</legend>
              {events.data.map((event) => (
                <label key={event.id} className="checkbox">
                  <input
                    type="checkbox"
                    checked={eventIds.includes(event.id)}
                    onChange={(e) => setEventIds(e.target.checked ? [...eventIds, event.id] : eventIds.filter((id) => id !== event.id))}
                  />
                  <bdi>{event.title}</bdi>
                </label>
              ))}
            </fieldset>
          )}
          {templates.data && templates.data.length > 0 && (
            <label>
              {t('reportTemplate')}{' '}
              <select value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
                <option value="">{t('noTemplate')}</option>
                {templates.data.map((template) => (
                  <option key={template.id} value={template.id}>
                    {template.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button type="submit">{t('createReport')}</button>
        </form>
        {reports.data?.length === 0 && <p className="muted">{t('noReports')}</p>}
        <ul>
          {reports.data?.map((r) => (
            <li key={r.id} aria-current={r.id === selected}>
              <button type="button" className="report-button" onClick={() => setSelected(r.id)}>
                <bdi className="report-title">{r.title}</bdi>
                <span className="muted">{r.reportDate}</span>
                {r.changedItems > 0 && <span className="changed-badge">{t('changedQuotes', { n: r.changedItems })}</span>}
              </button>
            </li>
          ))}
        </ul>
      </aside>
      <div className="report-detail">
        {error && <ErrorBanner message={error} />}
        {!shown && <p className="muted">{t('chooseReport')}</p>}
        {shown && (
          <>
            <ReportActions report={shown} onDuplicated={setSelected} onDelete={() => setDeleting(true)} />
            <div className="report-workspace">
              <ReportEditor key={`${shown.id}:${shown.updatedAt}`} report={shown} onDraft={setDraft} />
              <ReportPreview change={draft?.id === shown.id ? draft : { id: shown.id }} />
            </div>
            {deleting && (
              <Modal title={t('deleteReport')} onClose={() => setDeleting(false)}>
                <p>{t('deleteReportQuestion', { title: shown.title })}</p>
                <div className="dialog-actions">
                  <button
                    type="button"
                    className="danger"
                    onClick={() =>
                      void run(async () => {
                        await api.deleteReport({ id: shown.id });
                        setDeleting(false);
                        setSelected(null);
                      })
                    }
                  >
                    {t('delete')}
                  </button>
                  <button type="button" onClick={() => setDeleting(false)}>
                    {t('cancel')}
                  </button>
                </div>
              </Modal>
            )}
          </>
        )}
      </div>
    </section>
  );
}

/** Exports, duplicate, delete and save-as-template for the report shown. */
function ReportActions({ report, onDuplicated, onDelete }: { report: Report; onDuplicated: (id: number) => void; onDelete: () => void }) {
  const { t } = useI18n();
  const [templateName, setTemplateName] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const { error, run } = useAction();
  const exportAs = (format: (typeof FORMATS)[number]) =>
    run(async () => {
      const file = await api.exportReport({ id: report.id, format: format.format });
      if (file.text !== undefined) downloadText(file.fileName, file.text, file.mediaType);
      else downloadBase64(file.fileName, file.base64!, file.mediaType);
    });
  return (
    <div className="report-actions">
      {error && <ErrorBanner message={error} />}
      <div role="group" aria-label={t('reportExports')}>
        {FORMATS.map((format) => (
          <button key={format.format} type="button" onClick={() => void exportAs(format)}>
            {t(format.label)}
          </button>
        ))}
      </div>
      <button type="button" onClick={() => void run(async () => onDuplicated((await api.duplicateReport({ id: report.id })).id))}>
        {t('duplicateReport')}
      </button>
      <button type="button" className="danger" onClick={onDelete}>
        {t('deleteReport')}
      </button>
      <form
        className="save-template"
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            const saved = await api.saveReportTemplate({ reportId: report.id, name: templateName });
            setTemplateName('');
            setNotice(t('templateSaved', { name: saved.name }));
          });
        }}
      >
        <input value={templateName} onChange={(e) => setTemplateName(e.target.value)} aria-label={t('templateName')} placeholder={t('templateName')} dir="auto" required />
        <button type="submit">{t('saveAsTemplate')}</button>
      </form>
      {notice && (
        <p role="status" className="muted">
          {notice}
        </p>
      )}
    </div>
  );
}

/**
 * The report as its HTML export would read with the editor's draft, in a sandboxed frame (no
 * script runs in it, nothing it holds reaches the app); it follows the draft once typing pauses.
 */
function ReportPreview({ change }: { change: ApiInput<'previewReport'> }) {
  const { t } = useI18n();
  const preview = useApiQuery('previewReport', useDebounced(change, 400), { keepPrevious: true });
  return <iframe className="report-preview" title={t('reportPreview')} sandbox="" srcDoc={preview.data?.html ?? ''} />;
}

/** The editor of one report: a draft of its head, judgments and sections, saved as one step. */
function ReportEditor({ report, onDraft }: { report: Report; onDraft: (change: ApiInput<'previewReport'>) => void }) {
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => draftOf(report));
  const [announcement, setAnnouncement] = useState('');
  const [dragged, setDragged] = useState<{ section: number; item: number } | null>(null);
  const { error, run } = useAction();
  const update = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  const setSection = (index: number, change: Partial<DraftSection>) => update({ sections: draft.sections.map((s, i) => (i === index ? { ...s, ...change } : s)) });
  const setJudgment = (index: number, change: Partial<Draft['judgments'][number]>) => update({ judgments: draft.judgments.map((j, i) => (i === index ? { ...j, ...change } : j)) });
  /** Moves an item to another place, in its section or another; focus follows it. */
  const moveItem = (from: { section: number; item: number }, to: { section: number; item: number }) => {
    const item = draft.sections[from.section]!.items[from.item]!;
    const sections = draft.sections.map((s) => ({ ...s, items: [...s.items] }));
    sections[from.section]!.items.splice(from.item, 1);
    sections[to.section]!.items.splice(to.item, 0, item);
    update({ sections });
    setAnnouncement(t('itemMoved', { n: to.item + 1 }));
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-item-key="${item.id}"]`)?.focus());
  };
  const onItemKey = (event: KeyboardEvent, section: number, item: number) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    if (event.target !== event.currentTarget) return;
    event.preventDefault();
    const to = item + (event.key === 'ArrowUp' ? -1 : 1);
    if (to >= 0 && to < draft.sections[section]!.items.length) moveItem({ section, item }, { section, item: to });
  };
  const onSectionKey = (event: KeyboardEvent, section: number) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') || event.target !== event.currentTarget) return;
    event.preventDefault();
    const to = section + (event.key === 'ArrowUp' ? -1 : 1);
    if (to < 0 || to >= draft.sections.length) return;
    update({ sections: moved(draft.sections, section, to) });
    setAnnouncement(t('itemMoved', { n: to + 1 }));
    const key = draft.sections[section]!.key;
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-section-key="${key}"]`)?.focus());
  };
  const onDrop = (event: DragEvent, section: number, item: number) => {
    event.preventDefault();
    if (dragged) moveItem(dragged, { section, item });
    setDragged(null);
  };
  const change = changeOf(report.id, draft);
  const changeText = JSON.stringify(change);
  // The preview follows the draft's content (a new object each render, the same text until an edit).
  useEffect(() => onDraft(JSON.parse(changeText) as ApiInput<'previewReport'>), [changeText, onDraft]);
  const save = () =>
    run(async () => {
      await api.updateReport(change);
    });
  return (
    <form
      className="report-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {error && <ErrorBanner message={error} />}
      <div className="report-head">
        <label>
          {t('reportTitle')}
          <input value={draft.title} onChange={(e) => update({ title: e.target.value })} dir="auto" required />
        </label>
        <label>
          {t('handlingLine')}
          <input value={draft.handling} onChange={(e) => update({ handling: e.target.value })} dir="auto" />
        </label>
        <label>
          {t('reportDate')}
          <input type="date" value={draft.reportDate} onChange={(e) => update({ reportDate: e.target.value })} />
        </label>
        <label>
          {t('author')}
          <input value={draft.author} onChange={(e) => update({ author: e.target.value })} dir="auto" />
        </label>
        <label>
          {t('reportLanguage')}
          <select value={draft.language} onChange={(e) => update({ language: e.target.value as ReportLanguage })}>
            <option value="en">{t('languageEnglish')}</option>
            <option value="ar">{t('languageArabic')}</option>
          </select>
        </label>
        <label>
          {t('reportDigits')}
          <select value={draft.digits} onChange={(e) => update({ digits: e.target.value as ReportDigits })}>
            <option value="latn">{t('latinDigits')}</option>
            <option value="arab">{t('arabicDigits')}</option>
          </select>
        </label>
      </div>
      <label className="bluf">
        {t('bluf')}
        <textarea value={draft.bluf} onChange={(e) => update({ bluf: e.target.value })} dir="auto" rows={3} />
      </label>
      <fieldset className="judgments">
        <legend>{t('keyJudgments')}</legend>
        {draft.judgments.map((j, index) => (
          <div key={j.key} className="judgment">
            <textarea aria-label={t('judgmentText', { n: index + 1 })} value={j.text} onChange={(e) => setJudgment(index, { text: e.target.value })} dir="auto" rows={2} required />
            <select aria-label={t('likelihood')} value={j.likelihood ?? ''} onChange={(e) => setJudgment(index, { likelihood: (e.target.value || null) as Likelihood | null })}>
              <option value="">
                {t('likelihood')}: {t('notSet')}
              </option>
              {LIKELIHOODS.map((l) => (
                <option key={l.key} value={l.key}>
                  {`${l[lang]} (${l.from}–${l.to}%)`}
                </option>
              ))}
            </select>
            <select aria-label={t('confidence')} value={j.confidence ?? ''} onChange={(e) => setJudgment(index, { confidence: (e.target.value || null) as Confidence | null })}>
              <option value="">
                {t('confidence')}: {t('notSet')}
              </option>
              {CONFIDENCES.map((c) => (
                <option key={c.key} value={c.key}>
                  {t(`confidence_${c.key}`)}
                </option>
              ))}
            </select>
            <button type="button" onClick={() => update({ judgments: draft.judgments.filter((_, i) => i !== index) })}>
              {t('removeJudgment', { n: index + 1 })}
            </button>
            {mixesLikelihoodAndConfidence(j.text) && (
              <p className="warning" role="alert">
                {t('mixedJudgment')}
              </p>
            )}
          </div>
        ))}
        <button type="button" onClick={() => update({ judgments: [...draft.judgments, { key: newKey(), text: '', likelihood: null, confidence: null }] })}>
          {t('addJudgment')}
        </button>
      </fieldset>
      <h2>{t('reportSections')}</h2>
      <p className="muted">{t('moveHint')}</p>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {draft.sections.map((section, sectionIndex) => (
        <fieldset key={section.key} className="report-section">
          <legend tabIndex={0} data-section-key={section.key} onKeyDown={(e) => onSectionKey(e, sectionIndex)}>
            {section.heading || t('reportSections')} ({sectionIndex + 1})
          </legend>
          <input aria-label={t('sectionHeading')} value={section.heading} onChange={(e) => setSection(sectionIndex, { heading: e.target.value })} dir="auto" />
          <textarea aria-label={t('sectionText')} value={section.body} onChange={(e) => setSection(sectionIndex, { body: e.target.value })} dir="auto" rows={2} />
          <ol className="report-items" aria-label={t('reportItems')} onDragOver={(e) => e.preventDefault()} onDrop={(e) => onDrop(e, sectionIndex, section.items.length)}>
            {section.items.map((item, itemIndex) => (
              <li
                key={item.id}
                data-item-key={item.id}
                tabIndex={0}
                draggable
                onDragStart={() => setDragged({ section: sectionIndex, item: itemIndex })}
                onDragOver={(e) => e.preventDefault()}
                onDrop={(e) => (e.stopPropagation(), onDrop(e, sectionIndex, itemIndex))}
                onKeyDown={(e) => onItemKey(e, sectionIndex, itemIndex)}
                className={`report-item${item.status === 'current' ? '' : ' item-changed'}`}
              >
                {item.kind === 'event' ? (
                  <strong>
                    {t('event')}: <bdi>{item.snapshot.title}</bdi>
                  </strong>
                ) : (
                  <>
                    <q dir={item.snapshot.direction}>{item.snapshot.quote}</q> <span className="grade">{item.snapshot.grade}</span>
                    <input
                      aria-label={t('translation')}
                      placeholder={t('translation')}
                      value={item.translation ?? ''}
                      onChange={(e) => setSection(sectionIndex, { items: section.items.map((it) => (it.id === item.id ? { ...it, translation: e.target.value || null } : it)) })}
                      dir="auto"
                    />
                  </>
                )}
                {item.status !== 'current' && <span className="changed-badge">{t(item.status === 'changed' ? 'itemChanged' : 'itemDeleted')}</span>}
                {item.status === 'changed' && (
                  <button type="button" onClick={() => setSection(sectionIndex, { items: section.items.map((it) => (it.id === item.id ? { ...it, refresh: true } : it)) })}>
                    {t('quoteAnew')}
                  </button>
                )}
                <button type="button" onClick={() => setSection(sectionIndex, { items: section.items.filter((it) => it.id !== item.id) })}>
                  {t('removeItem')}
                </button>
              </li>
            ))}
          </ol>
          <button type="button" onClick={() => update({ sections: draft.sections.filter((_, i) => i !== sectionIndex) })}>
            {t('removeSection')}
          </button>
        </fieldset>
      ))}
      <button type="button" onClick={() => update({ sections: [...draft.sections, { key: newKey(), heading: '', kind: 'text', body: '', items: [] }] })}>
        {t('addTextSection')}
      </button>
      <div className="dialog-actions">
        <button type="submit" className="primary">
          {t('saveReport')}
        </button>
      </div>
    </form>
  );
}
