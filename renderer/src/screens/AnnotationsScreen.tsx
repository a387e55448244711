/** Every annotation in one grid paged by the server: quote, tag, note, article and date; a click opens the passage. */
import type { CellValueChangedEvent, ColDef, ICellRendererParams } from 'ag-grid-community';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { AnnotationRow, PageRequest } from '../../../electron/api/contract';
import { useDebounced } from '../useDebounced';
import { api } from '../api';
import { AutoDirCell, formatTimestamp, PagedGrid, serverFilter } from '../components/DataGrid';
import { ErrorBanner } from '../components/ErrorBanner';
import { TagChips } from '../components/TagChip';
import { downloadText } from '../files';
import { useI18n } from '../i18n';
import { stepAction, stepPlace } from '../history';
import { useApiQuery, useStoreWrites } from '../queries';

function TagCell({ data }: ICellRendererParams<AnnotationRow>) {
  return data ? <TagChips tags={data.tags} /> : null;
}

/** Props of {@link GroupPanel}. */
interface GroupPanelProps {
  by: 'tag' | 'article';
  onBy: (by: 'tag' | 'article') => void;
  quickFilter: string;
  /** The chosen group's id (null: untagged passages), or undefined for all passages. */
  selected: number | null | undefined;
  onSelect: (id: number | null | undefined) => void;
}

/** The group-by panel: each tag or article with its number of passages; choosing one narrows the grid to it. */
function GroupPanel({ by, onBy, quickFilter, selected, onSelect }: GroupPanelProps) {
  const { t } = useI18n();
  const groups = useApiQuery('annotationGroups', { by, quickFilter: quickFilter || undefined });
  return (
    <aside className="group-panel" aria-label={t('groupBy')}>
      <label>
        {t('groupBy')}{' '}
        <select value={by} onChange={(e) => onBy(e.target.value as 'tag' | 'article')}>
          <option value="tag">{t('tag')}</option>
          <option value="article">{t('article')}</option>
        </select>
      </label>
      <ul>
        <li>
          <button type="button" aria-pressed={selected === undefined} onClick={() => onSelect(undefined)}>
            {t('allAnnotations')}
          </button>
        </li>
        {groups.data?.groups.map((g) => (
          <li key={g.id ?? 'none'}>
            <button type="button" aria-pressed={selected === g.id} onClick={() => onSelect(g.id)}>
              {g.colour ? <TagChips tags={[{ id: g.id!, name: g.name, colour: g.colour }]} /> : <bdi className="group-name">{g.id === null ? t('untagged') : g.name}</bdi>}
              <span className="group-count">{g.count.toLocaleString()}</span>
            </button>
          </li>
        ))}
      </ul>
      {Boolean(groups.data?.more) && <p className="muted">{t('moreArticles', { n: groups.data!.more })}</p>}
    </aside>
  );
}

/** The annotations screen. */
export function AnnotationsScreen({ onOpen }: { onOpen: (articleId: number, annotationId: number) => void }) {
  const { t, lang, tagLabel } = useI18n();
  const [filter, setFilter] = useState('');
  const storeWrites = useStoreWrites();
  const [count, setCount] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const history = useApiQuery('listHistory', { limit: 50 });
  const importInput = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  // Group by tag or article: the panel beside the grid lists the groups with their counts, and
  // picking one narrows the grid to it (AG Grid Community has no row grouping of its own).
  const [groupBy, setGroupBy] = useState<'tag' | 'article'>('tag');
  const [group, setGroup] = useState<number | null | undefined>(undefined);
  const settledFilter = useDebounced(filter, 150);
  const fetchPage = useCallback(
    (request: PageRequest) => api.queryAnnotations({ ...request, ...(group !== undefined && (groupBy === 'tag' ? { tagId: group } : group !== null && { articleId: group })) }),
    [group, groupBy],
  );

  const exportW3c = async () => {
    try {
      const collection = await api.exportWebAnnotations({});
      downloadText(`sanad-annotations-${new Date().toISOString().slice(0, 10)}.jsonld`, JSON.stringify(collection, null, 2), 'application/ld+json');
    } catch (e) {
      setActionError((e as Error).message);
    }
  };
  const importW3c = async (file: File | undefined) => {
    if (!file) return;
    try {
      const report = await api.importWebAnnotations({ document: JSON.parse(await file.text()) as unknown });
      setMessage(t('annotationsImported', { imported: report.imported, skipped: report.skipped, failed: report.failed.length }));
      setActionError(report.failed.length ? report.failed.map((f) => `${f.annotation}: ${f.error}`).join('; ') : null);
    } catch (e) {
      setActionError(`${file.name}: ${(e as Error).message}`);
    }
  };
  const saveNote = async (event: CellValueChangedEvent<AnnotationRow>) => {
    try {
      await api.updateAnnotation({ id: event.data.id, note: typeof event.newValue === 'string' ? event.newValue : null });
      setActionError(null);
    } catch (e) {
      // setData, not setDataValue: putting the old value back must not count as another edit.
      event.node.setData({ ...event.data, note: event.oldValue as string | null });
      setActionError((e as Error).message);
    }
  };
  const columns = useMemo<ColDef<AnnotationRow>[]>(
    () => [
      { field: 'exact', headerName: t('quote'), flex: 3, cellRenderer: AutoDirCell, tooltipField: 'exact', ...serverFilter.text },
      { field: 'tagName', headerName: t('tags'), width: 220, cellRenderer: TagCell, tooltipValueGetter: (p) => p.data?.tags.map((x) => tagLabel(x.name)).join('، ') ?? '', ...serverFilter.text },
      // Notes are edited in place (double-click), as one undoable step each.
      { field: 'note', headerName: t('note'), flex: 1, cellRenderer: AutoDirCell, editable: true, ...serverFilter.text },
      { field: 'articleTitle', headerName: t('article'), flex: 2, cellRenderer: AutoDirCell, ...serverFilter.text },
      { field: 'createdAt', headerName: t('created'), width: 190, valueFormatter: (p) => formatTimestamp(p.value, lang), sort: 'desc', ...serverFilter.date },
    ],
    [lang, tagLabel],
  );
  return (
    <section className="annotations" aria-label={t('annotations')}>
      <div className="toolbar">
        <input className="quick-filter" type="search" placeholder={t('filterAnnotations')} value={filter} onChange={(e) => setFilter(e.target.value)} dir="auto" />
        <button type="button" onClick={() => void exportW3c()}>
          {t('exportW3c')}
        </button>
        <button type="button" onClick={() => importInput.current?.click()}>
          {t('importW3c')}
        </button>
        <input
          ref={importInput}
          type="file"
          accept=".json,.jsonld,application/json,application/ld+json"
          hidden
          data-testid="import-annotations-input"
          onChange={(e) => (void importW3c(e.target.files?.[0]), (e.target.value = ''))}
        />
      </div>
      {(error || actionError) && <ErrorBanner message={(actionError ?? error)!} />}
      {message && (
        <p className="muted" role="status">
          {message}
        </p>
      )}
      <details className="history">
        <summary>{t('history')}</summary>
        <ol>
          {history.data?.map((entry) => (
            <li key={entry.id} data-state={entry.state}>
              <time>{formatTimestamp(entry.at, lang)}</time> {stepAction(t, entry)} <q dir="auto">{entry.quote}</q>
              {entry.state !== 'done' && <span className="muted"> ({t(`state_${entry.state}`)})</span>}
              <bdi className="muted">{stepPlace(t, entry)}</bdi>
            </li>
          ))}
        </ol>
      </details>
      <p className="muted grid-status">
        <span role="status" data-testid="annotations-count">
          {count === null ? t('loading') : t('annotationTotal', { n: count })}
        </span>
      </p>
      <div className="grouped-grid">
        <GroupPanel by={groupBy} onBy={(by) => (setGroupBy(by), setGroup(undefined))} quickFilter={settledFilter} selected={group} onSelect={setGroup} />
        <PagedGrid
          testId="annotations-grid"
          fetchPage={fetchPage}
          version={storeWrites}
          scope={group === undefined ? '' : `${groupBy}:${String(group)}`}
          quickFilter={filter}
          onTotal={(total) => (setCount(total), setError(null))}
          onError={setError}
          columns={columns}
          onCellValueChanged={(event) => void saveNote(event)}
          onRowClicked={(a) => onOpen(a.articleId, a.id)}
          emptyMessage={t('emptyAnnotations')}
          noMatchMessage={t('noMatchingAnnotations')}
        />
      </div>
    </section>
  );
}
