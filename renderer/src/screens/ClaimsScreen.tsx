/**
 * Every claim in one grid paged by the server: quote, statement, article, outlet, chain, origin,
 * stance, reported date, figures, events, tags, grade, independent sources, contested, dates.
 * Every column the server knows sorts and filters (ticks for values, text, dates, numbers), the
 * quick filter finds words however they are spelled; the columns stay as the analyst leaves
 * them, views can be saved by name, and Export writes the view as it stands (CSV or XLSX); a
 * row opens its passage, and its Edit cell (clicked, or Enter on it) the claim's edit dialog.
 */
import type { ColDef, GridApi, ICellRendererParams } from 'ag-grid-community';
import { useMemo, useRef, useState } from 'react';
import type { Claim, ClaimRelation, ClaimStance, PageRequest, Reliability, SourceGraph } from '../../../electron/api/contract';
import { api } from '../api';
import { ClaimDialog } from '../components/ClaimDialog';
import { actionColumn, AutoDirCell, formatTimestamp, PagedGrid, serverFilter } from '../components/DataGrid';
import { ErrorBanner } from '../components/ErrorBanner';
import { Grade } from '../components/Grade';
import { ColumnsMenu, ViewsMenu } from '../components/GridControls';
import type { SetChoice } from '../setFilterModel';
import { TagChips } from '../components/TagChip';
import { downloadBase64, downloadText } from '../files';
import { useI18n } from '../i18n';
import { LOCALES } from '../messages';
import { chainText } from '../sources';
import { useApiQuery, useStoreWrites } from '../queries';

function GradeCell({ data }: ICellRendererParams<Claim>) {
  return data ? <Grade grade={data.grade} /> : null;
}

function ChainCell({ data }: ICellRendererParams<Claim>) {
  const { dir } = useI18n();
  return data ? <bdi className="chain-cell">{chainText(data, dir)}</bdi> : null;
}

function TagsCell({ data }: ICellRendererParams<Claim>) {
  return data ? <TagChips tags={data.tags} /> : null;
}

/**
 * The Edit cell's button. The cell itself acts on a click or Enter (see actionColumn), so the
 * button only shows what it does; it stays out of the tab order, where the grid's cells are.
 */
function EditCell() {
  const { t } = useI18n();
  return (
    <button type="button" className="link" tabIndex={-1} title={t('editClaimButton')}>
      {t('editClaimShort')}
    </button>
  );
}

/** "Contested" in words (not a colour alone) on a claim whose event is; nothing otherwise. */
function ContestedCell({ data }: ICellRendererParams<Claim>) {
  const { t } = useI18n();
  return data?.contested ? <span className="contested-badge">{t('contested')}</span> : null;
}

const STANCES: ClaimStance[] = ['asserts', 'denies', 'speculates'];
const RELATIONS: ClaimRelation[] = ['supports', 'contradicts', 'mentions'];
const RELIABILITIES: Reliability[] = ['A', 'B', 'C', 'D', 'E', 'F'];
const CREDIBILITIES = [1, 2, 3, 4, 5, 6] as const;

/** XLSX's media type, for the download. */
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * What the set filter of a claims column can choose, labelled in the interface language: fixed
 * codes (stance, relation, grades, contested), or the library's sources (from the source graph:
 * every entity some claim cites), events or tags, by id, in alphabetical order. The filter calls
 * it when first opened, so the library's lists load only for a filter the analyst opens.
 */
function useClaimFilterChoices(colId: string): SetChoice[] | null {
  const { t, lang, tagLabel } = useI18n();
  const graph = useApiQuery('sourceGraph', {}, { enabled: colId === 'outlet' || colId === 'chain' || colId === 'origin' });
  const events = useApiQuery('listEvents', {}, { enabled: colId === 'events' });
  const tags = useApiQuery('listTags', {}, { enabled: colId === 'tags' });
  return useMemo(() => {
    const blank: SetChoice = { value: null, label: t('blankValue') };
    const byLabel = (choices: SetChoice[]) => choices.sort((a, b) => a.label.localeCompare(b.label, LOCALES[lang]));
    const sources = (keep: (node: SourceGraph['nodes'][number]) => boolean) =>
      graph.data && byLabel(graph.data.nodes.filter(keep).map((node) => ({ value: node.entityId, label: node.name })));
    switch (colId) {
      case 'outlet':
        return graph.data && [...sources((node) => node.role === 'outlet')!, blank];
      case 'chain':
        return sources(() => true);
      case 'origin':
        return graph.data && [...sources((node) => node.origins > 0)!, blank];
      case 'events':
        return events.data && byLabel(events.data.map((event) => ({ value: event.id, label: event.title })));
      case 'tags':
        return tags.data && byLabel(tags.data.map((tag) => ({ value: tag.id, label: tagLabel(tag.name) })));
      case 'stance':
        return STANCES.map((stance) => ({ value: stance, label: t(`stance_${stance}`) }));
      case 'relation':
        return [...RELATIONS.map((relation) => ({ value: relation, label: t(`relation_${relation}`) })), blank];
      case 'reliability':
        return [...RELIABILITIES.map((letter) => ({ value: letter, label: t(`reliability_${letter}`) })), blank];
      case 'credibility':
        return [...CREDIBILITIES.map((digit) => ({ value: digit, label: t(`credibility_${digit}`) })), blank];
      case 'contested':
        return [
          { value: 1, label: t('contested') },
          { value: 0, label: t('notContested') },
        ];
      default:
        return [];
    }
  }, [colId, t, lang, tagLabel, graph.data, events.data, tags.data]);
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
  const [news, setNews] = useState<string | null>(null);
  const [gridApi, setGridApi] = useState<GridApi<Claim> | null>(null);
  const [filtered, setFiltered] = useState(false);
  const [editing, setEditing] = useState<number | null>(null);
  const storeWrites = useStoreWrites();
  const view = useRef<PageRequest | null>(null);
  const columns = useMemo<ColDef<Claim>[]>(() => {
    const list = (items: string[]) => items.join(lang === 'ar' ? '، ' : ', ');
    // initial* sizes and sort: the analyst's own (kept, or from a view) survive the columns being made again.
    return [
      { field: 'quote', headerName: t('quote'), initialFlex: 3, minWidth: 260, cellRenderer: AutoDirCell, tooltipField: 'quote', ...serverFilter.text },
      // Beside the quote, where the eye is; not first, so the first cell of a row still opens its passage.
      { colId: 'edit', headerName: t('editColumn'), initialWidth: 90, sortable: false, cellRenderer: EditCell, ...actionColumn<Claim>((claim) => setEditing(claim.id)) },
      { field: 'statement', headerName: t('statementColumn'), initialFlex: 2, minWidth: 180, cellRenderer: AutoDirCell, ...serverFilter.text },
      { field: 'articleTitle', headerName: t('article'), initialFlex: 2, minWidth: 200, cellRenderer: AutoDirCell, ...serverFilter.text },
      { colId: 'outlet', headerName: t('outlet'), valueGetter: (p) => p.data?.outlet?.name ?? '', cellRenderer: AutoDirCell, initialWidth: 150, ...serverFilter.set },
      { colId: 'chain', headerName: t('chain'), initialFlex: 2, minWidth: 240, cellRenderer: ChainCell, ...serverFilter.set },
      { colId: 'origin', headerName: t('origin'), valueGetter: (p) => p.data?.origin?.name ?? '', cellRenderer: AutoDirCell, initialWidth: 170, ...serverFilter.set },
      { field: 'stance', headerName: t('stance'), initialWidth: 120, valueFormatter: (p) => (p.value ? t(`stance_${p.value as ClaimStance}`) : ''), ...serverFilter.set },
      {
        colId: 'reportedDate',
        headerName: t('reportedDate'),
        initialWidth: 150,
        valueGetter: (p) => (p.data?.reportedDate ? (p.data.reportedDate.from === p.data.reportedDate.to ? p.data.reportedDate.from : `${p.data.reportedDate.from} – ${p.data.reportedDate.to}`) : ''),
        ...serverFilter.date,
      },
      // Sorted and filtered on the first figure, as the server keeps it.
      { colId: 'figures', headerName: t('figures'), initialWidth: 130, valueGetter: (p) => p.data?.figures.map((f) => [f.value.toLocaleString(LOCALES[lang]), f.counted].filter(Boolean).join(' ')).join('؛ ') ?? '', ...serverFilter.number },
      {
        colId: 'events',
        headerName: t('events'),
        initialWidth: 220,
        valueGetter: (p) => list(p.data?.events.map((e) => `${e.title} (${t(`relation_${e.relation}`)})`) ?? []),
        cellRenderer: AutoDirCell,
        ...serverFilter.set,
      },
      { colId: 'relation', headerName: t('relation'), initialWidth: 130, initialHide: true, valueGetter: (p) => list([...new Set(p.data?.events.map((e) => t(`relation_${e.relation}`)))]), ...serverFilter.set },
      { colId: 'tags', headerName: t('tags'), initialWidth: 160, cellRenderer: TagsCell, ...serverFilter.set },
      { colId: 'reliability', headerName: t('reliability'), initialWidth: 120, initialHide: true, valueGetter: (p) => p.data?.origin?.reliability ?? '', ...serverFilter.set },
      { field: 'credibility', headerName: t('credibility'), initialWidth: 120, initialHide: true, ...serverFilter.set },
      { field: 'grade', headerName: t('grade'), initialWidth: 90, sortable: false, cellRenderer: GradeCell },
      { field: 'independentSources', headerName: t('independentSourcesColumn'), initialWidth: 210, ...serverFilter.number },
      { field: 'contested', headerName: t('contestedColumn'), initialWidth: 150, cellRenderer: ContestedCell, ...serverFilter.set },
      { field: 'createdAt', headerName: t('created'), initialWidth: 170, valueFormatter: (p) => formatTimestamp(p.value, lang), initialSort: 'desc', ...serverFilter.date },
      { field: 'updatedAt', headerName: t('updated'), initialWidth: 170, initialHide: true, valueFormatter: (p) => formatTimestamp(p.value, lang), ...serverFilter.date },
    ];
  }, [t, lang]);
  /** Exports what the grid shows: its filters, sort and quick filter, within the chosen source. */
  const exportView = async (format: 'csv' | 'xlsx') => {
    try {
      const { sortModel, filterModel, quickFilter } = view.current ?? { sortModel: [], filterModel: {}, quickFilter: undefined };
      const file = await api.exportClaims({ format, rightToLeft: lang === 'ar', sortModel, filterModel, quickFilter, ...(source && { sourceId: source.id }) });
      if (format === 'csv') downloadText(file.fileName, file.text ?? '', 'text/csv;charset=utf-8');
      else downloadBase64(file.fileName, file.base64 ?? '', XLSX_TYPE);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section className="annotations claims" aria-label={t('claims')}>
      <div className="toolbar">
        <input className="quick-filter" type="search" placeholder={t('filterClaims')} aria-label={t('filterClaims')} value={filter} onChange={(e) => setFilter(e.target.value)} dir="auto" />
        <ColumnsMenu gridApi={gridApi} />
        <ViewsMenu grid="claims" gridApi={gridApi} quickFilter={filter} onQuickFilter={setFilter} onDone={(message) => (setNews(message), setError(null))} onError={setError} />
        <button type="button" onClick={() => void exportView('csv')}>
          {t('exportCsv')}
        </button>
        <button type="button" onClick={() => void exportView('xlsx')}>
          {t('exportXlsx')}
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
          {count === null ? t('loading') : t(filtered ? 'claimMatching' : 'claimTotal', { n: count })}
        </span>
        {news && <span role="status">{news}</span>}
      </p>
      <PagedGrid
        testId="claims-grid"
        fetchPage={(request) => api.queryClaims({ ...request, ...(source && { sourceId: source.id }) })}
        scope={source ? String(source.id) : ''}
        version={storeWrites}
        quickFilter={filter}
        onTotal={(total, narrowed) => (setCount(total), setFiltered(narrowed), setError(null))}
        onRequest={(request) => (view.current = request)}
        onError={setError}
        columns={columns}
        keepColumnsAs="claims"
        onGridApi={setGridApi}
        useFilterChoices={useClaimFilterChoices}
        onRowClicked={(claim) => onOpen(claim.articleId, claim.annotationId)}
        emptyMessage={t('emptyClaims')}
        noMatchMessage={t('noMatchingClaims')}
      />
      {editing !== null && <ClaimDialog subject={{ claimId: editing }} onClose={() => setEditing(null)} onDone={(message) => (setEditing(null), setNews(message))} />}
    </section>
  );
}
