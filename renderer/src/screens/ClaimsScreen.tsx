/**
 * Every claim in one grid paged by the server: quote, statement, article, outlet, chain, origin,
 * stance, reported date, figures, events and grade. Filters, sort and a quick filter that finds
 * words however they are spelled; Export CSV writes the view as it stands; a row opens its passage.
 */
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { useMemo, useRef, useState } from 'react';
import type { Claim, PageRequest } from '../../../electron/api/contract';
import { api } from '../api';
import { AutoDirCell, formatTimestamp, PagedGrid, serverFilter } from '../components/DataGrid';
import { ErrorBanner } from '../components/ErrorBanner';
import { downloadText } from '../files';
import { useI18n } from '../i18n';
import { useStoreWrites } from '../queries';

/** The chain from the outlet to the origin, as one line. */
export function chainText(claim: Pick<Claim, 'outlet' | 'chain'>): string {
  return [claim.outlet, ...claim.chain].flatMap((s) => (s ? [s.name] : [])).join(' ← ');
}

/** A grade such as "B2", kept left to right so "B?" never shows as "?B" in an Arabic row. */
export function Grade({ grade }: { grade: string }) {
  return (
    <bdi dir="ltr" className="grade">
      {grade}
    </bdi>
  );
}

function GradeCell({ data }: ICellRendererParams<Claim>) {
  return data ? <Grade grade={data.grade} /> : null;
}

function ChainCell({ data }: ICellRendererParams<Claim>) {
  return data ? <bdi className="chain-cell">{chainText(data)}</bdi> : null;
}

/** The claims screen; `onOpen` opens a claim's passage in the reader. */
export function ClaimsScreen({
  onOpen,
  source,
  onClearSource,
}: {
  onOpen: (articleId: number, annotationId: number) => void;
  /** A source chosen in the source graph: only the claims that pass through it. */
  source?: { id: number; name: string };
  onClearSource: () => void;
}) {
  const { t, lang } = useI18n();
  const [filter, setFilter] = useState('');
  const [count, setCount] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const storeWrites = useStoreWrites();
  const view = useRef<PageRequest | null>(null);
  const columns = useMemo<ColDef<Claim>[]>(
    () => [
      { field: 'quote', headerName: t('quote'), flex: 3, minWidth: 260, cellRenderer: AutoDirCell, tooltipField: 'quote', ...serverFilter.text },
      { field: 'statement', headerName: t('statement'), flex: 2, minWidth: 180, cellRenderer: AutoDirCell, ...serverFilter.text },
      { colId: 'chain', headerName: t('chain'), flex: 2, minWidth: 240, cellRenderer: ChainCell, ...serverFilter.text },
      { colId: 'origin', headerName: t('origin'), valueGetter: (p) => p.data?.origin?.name ?? '', cellRenderer: AutoDirCell, width: 160, ...serverFilter.text },
      { field: 'stance', headerName: t('stance'), width: 110, valueFormatter: (p) => (p.value ? t(`stance_${p.value as Claim['stance']}`) : ''), ...serverFilter.text },
      { colId: 'reportedDate', headerName: t('reportedDate'), width: 150, valueGetter: (p) => (p.data?.reportedDate ? (p.data.reportedDate.from === p.data.reportedDate.to ? p.data.reportedDate.from : `${p.data.reportedDate.from} – ${p.data.reportedDate.to}`) : ''), ...serverFilter.date },
      { colId: 'figures', headerName: t('figures'), width: 130, sortable: false, valueGetter: (p) => p.data?.figures.map((f) => [f.value.toLocaleString(lang === 'ar' ? 'ar-u-nu-latn' : 'en-GB'), f.counted].filter(Boolean).join(' ')).join('؛ ') ?? '' },
      { colId: 'events', headerName: t('events'), width: 170, valueGetter: (p) => p.data?.events.map((e) => e.title).join('، ') ?? '', cellRenderer: AutoDirCell, ...serverFilter.text },
      { field: 'grade', headerName: t('grade'), width: 90, sortable: false, cellRenderer: GradeCell },
      { field: 'articleTitle', headerName: t('article'), flex: 2, minWidth: 200, cellRenderer: AutoDirCell, ...serverFilter.text },
      { field: 'createdAt', headerName: t('created'), width: 170, valueFormatter: (p) => formatTimestamp(p.value, lang), sort: 'desc', ...serverFilter.date },
    ],
    [t, lang],
  );
  const exportCsv = async () => {
    try {
      const { sortModel, filterModel, quickFilter } = view.current ?? { sortModel: [], filterModel: {}, quickFilter: undefined };
      const file = await api.exportClaims({ format: 'csv', sortModel, filterModel, quickFilter, ...(source && { sourceId: source.id }) });
      downloadText(file.fileName, file.text ?? '', 'text/csv;charset=utf-8');
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section className="annotations claims" aria-label={t('claims')}>
      <div className="toolbar">
        <input className="quick-filter" type="search" placeholder={t('filterClaims')} aria-label={t('filterClaims')} value={filter} onChange={(e) => setFilter(e.target.value)} dir="auto" />
        <button type="button" onClick={() => void exportCsv()}>
          {t('exportCsv')}
        </button>
      </div>
      {source && (
        <p className="source-filter">
          <bdi>{t('claimsThroughSource', { name: source.name })}</bdi>
          <button type="button" onClick={onClearSource}>
            {t('clearSource')}
          </button>
        </p>
      )}
      {error && <ErrorBanner message={error} />}
      <p className="muted grid-status">
        <span role="status" data-testid="claims-count">
          {count === null ? t('loading') : t('claimTotal', { n: count })}
        </span>
      </p>
      <PagedGrid
        testId="claims-grid"
        fetchPage={(request) => api.queryClaims({ ...request, ...(source && { sourceId: source.id }) })}
        scope={source ? String(source.id) : ''}
        version={storeWrites}
        quickFilter={filter}
        onTotal={(total) => (setCount(total), setError(null))}
        onRequest={(request) => (view.current = request)}
        onError={setError}
        columns={columns}
        onRowClicked={(claim) => onOpen(claim.articleId, claim.annotationId)}
        emptyMessage={t('emptyClaims')}
        noMatchMessage={t('noMatchingClaims')}
      />
    </section>
  );
}
