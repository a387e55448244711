/**
 * The library: every article in a sortable, filterable grid with editable metadata, and
 * Arabic-aware search as you type (words, "phrases", OR, NOT, prefix*, filters), whose results
 * show the matching passage with the words marked as the article writes them.
 */
import type { CellValueChangedEvent, ColDef, ICellRendererParams } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ArticleEdit, ArticleSummary, PageRequest, SearchFilters, SearchHit, SourceDetailsReport } from '../../../electron/api/contract';
import { api } from '../api';
import { AutoDirCell, DataGrid, formatTimestamp, PagedGrid, serverFilter } from '../components/DataGrid';
import { DateField } from '../components/DateField';
import { ErrorBanner } from '../components/ErrorBanner';
import { SourceDetailsDialog } from '../components/SourceDetailsDialog';
import { VariantsDialog } from '../components/VariantsDialog';
import { useI18n } from '../i18n';
import { queryWithStoredTagNames } from '../messages';
import { useApiQuery, useStoreWrites } from '../queries';
import { useDebounced } from '../useDebounced';

/** How long typing must pause before the search runs. */
const SEARCH_DELAY_MS = 150;

/** A search hit with its place in the relevance order (1 is the best match). */
type RankedHit = SearchHit & { rank: number };

/** A snippet with its matched words marked. */
function SnippetCell({ data }: ICellRendererParams<RankedHit>) {
  if (!data) return null;
  const parts: React.ReactNode[] = [];
  let at = 0;
  data.highlights.forEach(([start, end], i) => {
    parts.push(data.snippet.slice(at, start), <mark key={i}>{data.snippet.slice(start, end)}</mark>);
    at = end;
  });
  parts.push(data.snippet.slice(at));
  return (
    <span className="auto-dir-cell snippet" dir="auto">
      {parts}
    </span>
  );
}

function DuplicateCell({ data }: ICellRendererParams<ArticleSummary>) {
  const { t } = useI18n();
  if (!data?.nearDuplicateOf) return null;
  const percent = Math.round((data.nearDuplicateSimilarity ?? 0) * 100);
  return (
    <span className="auto-dir-cell duplicate" dir="auto">
      {t('duplicateOf', { id: data.nearDuplicateOf, title: data.nearDuplicateTitle ?? '', percent })}
    </span>
  );
}

/**
 * An outlet or a date, or a marker where the article has none: a briefing can neither cite nor
 * date it without them (text pasted from the web comes with neither).
 */
function CitationCell({ data, value, missingLabel, missingHint }: ICellRendererParams<ArticleSummary> & { missingLabel: string; missingHint: string }) {
  if (!data) return null;
  if (value != null) return <AutoDirCell value={value} />;
  return (
    <span className="missing-badge" role="img" aria-label={missingHint} title={missingHint}>
      {missingLabel}
    </span>
  );
}

/** The library screen. */
export function LibraryScreen({ onOpen }: { onOpen: (articleId: number) => void }) {
  const { t, lang, dir, tagLabel } = useI18n();
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<SearchFilters>({});
  const [variantsOpen, setVariantsOpen] = useState(false);
  const [editError, setEditError] = useState<string | null>(null);
  const settledQuery = useDebounced(query, SEARCH_DELAY_MS);
  const searching = settledQuery.trim() !== '' || Object.values(filters).some(Boolean);
  const [count, setCount] = useState<{ total: number; filtered: boolean } | null>(null);
  const [pageError, setPageError] = useState<string | null>(null);
  const [lackingOnly, setLackingOnly] = useState(false);
  const [selected, setSelected] = useState<ArticleSummary[]>([]);
  const [detailsFor, setDetailsFor] = useState<number[] | null>(null);
  const [filled, setFilled] = useState<SourceDetailsReport | null>(null);
  const storeWrites = useStoreWrites();
  // What the last fill did shows until the store changes again (an undo, say) and makes it old news.
  const writesWhenFilled = useRef<number | null>(null);
  useEffect(() => {
    // Runs before the effect below in the render that shows the fill, so it keeps the fill's own write.
    if (filled) writesWhenFilled.current = storeWrites;
  }, [filled]);
  useEffect(() => {
    if (writesWhenFilled.current === null || storeWrites === writesWhenFilled.current) return;
    writesWhenFilled.current = null;
    setFilled(null);
  }, [storeWrites]);
  const fetchLibraryPage = useCallback((request: PageRequest) => api.queryArticles({ ...request, lackingCitation: lackingOnly }), [lackingOnly]);
  const outletList = useApiQuery('listOutlets', {});
  const tags = useApiQuery('listTags', {});
  const results = useApiQuery('searchArticles', { query: queryWithStoredTagNames(settledQuery), ...filters, limit: 200 }, { enabled: searching });
  const outlets = useMemo(() => (outletList.data ?? []).map((o) => o.outlet), [outletList.data]);
  const setFilter = (key: keyof SearchFilters) => (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setFilters((f) => ({ ...f, [key]: event.target.value || undefined }));

  const libraryColumns = useMemo<ColDef<ArticleSummary>[]>(
    () => [
      { field: 'title', headerName: t('title'), flex: 3, minWidth: 240, cellRenderer: AutoDirCell, editable: true, ...serverFilter.text },
      {
        field: 'outlet',
        headerName: t('outlet'),
        flex: 1,
        cellRenderer: CitationCell,
        cellRendererParams: { missingLabel: t('noOutlet'), missingHint: t('noOutletHint') },
        editable: true,
        ...serverFilter.text,
      },
      { field: 'author', headerName: t('author'), flex: 1, cellRenderer: AutoDirCell, editable: true, ...serverFilter.text },
      // Typed as text: a date may be partial (2024, 2024-09), and a wrong one gets the server's message.
      {
        field: 'published',
        headerName: t('published'),
        width: 130,
        cellRenderer: CitationCell,
        cellRendererParams: { missingLabel: t('noDate'), missingHint: t('noDateHint') },
        editable: true,
        ...serverFilter.date,
        cellDataType: 'text',
      },
      { field: 'language', headerName: t('language'), width: 100, editable: true, ...serverFilter.text },
      { field: 'sourceFormat', headerName: t('format'), width: 100, ...serverFilter.text },
      { field: 'nearDuplicateOf', headerName: t('possibleDuplicate'), flex: 1, cellRenderer: DuplicateCell, ...serverFilter.number },
      { field: 'importedAt', headerName: t('imported'), width: 170, valueFormatter: (p) => formatTimestamp(p.value, lang), sort: 'desc', ...serverFilter.date },
      { field: 'annotationCount', headerName: t('annotationCount'), width: 120, ...serverFilter.number },
    ],
    [t, lang],
  );
  const resultColumns = useMemo<ColDef<RankedHit>[]>(
    () => [
      { field: 'title', headerName: t('title'), flex: 2, minWidth: 220, cellRenderer: AutoDirCell },
      { field: 'snippet', headerName: t('snippet'), flex: 4, minWidth: 300, cellRenderer: SnippetCell, sortable: false },
      { field: 'outlet', headerName: t('outlet'), flex: 1, cellRenderer: AutoDirCell },
      { field: 'published', headerName: t('published'), width: 120 },
      // Relevance as a person reads it: the rank (1 is the best match); bm25 scores mean little to anyone.
      { field: 'rank', headerName: t('rank'), width: 90, hide: results.data?.order !== 'relevance' },
    ],
    [t, results.data?.order],
  );
  // The server's order is the relevance order: each hit keeps its rank however the grid is sorted.
  const rankedHits = useMemo(() => results.data?.hits.map((hit, i) => ({ ...hit, rank: i + 1 })) ?? null, [results.data]);

  const saveEdit = async (event: CellValueChangedEvent<ArticleSummary>) => {
    const field = event.colDef.field as keyof ArticleEdit;
    const value = typeof event.newValue === 'string' ? event.newValue.trim() : event.newValue;
    try {
      const saved = await api.updateArticle({ id: event.data.id, [field]: value === '' && field !== 'title' ? null : value });
      event.node.setData(saved);
      setEditError(null);
    } catch (error) {
      // setData, not setDataValue: putting the old value back must not count as another edit.
      event.node.setData({ ...event.data, [field]: event.oldValue });
      setEditError((error as Error).message);
    }
  };

  return (
    <section className="library" aria-label={t('library')}>
      <div className="toolbar search-bar" role="search">
        <input
          className="search-input"
          type="search"
          placeholder={t('searchPlaceholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          // An empty box takes the interface's direction, so the placeholder reads right.
          dir={query ? 'auto' : dir}
          aria-label={t('searchPlaceholder')}
        />
        <input list="sanad-outlets" placeholder={t('outletFilter')} value={filters.outlet ?? ''} onChange={setFilter('outlet')} dir="auto" aria-label={t('outletFilter')} />
        <datalist id="sanad-outlets">
          {outlets.map((o) => (
            <option key={o} value={o} />
          ))}
        </datalist>
        <select value={filters.language ?? ''} onChange={setFilter('language')} aria-label={t('language')}>
          <option value="">{t('allLanguages')}</option>
          <option value="ar">العربية</option>
          <option value="en">English</option>
        </select>
        <select value={filters.tag ?? ''} onChange={setFilter('tag')} aria-label={t('tag')}>
          <option value="">{t('anyTag')}</option>
          {tags.data?.map((tag) => (
            <option key={tag.id} value={tag.name}>
              {tagLabel(tag.name)}
            </option>
          ))}
        </select>
        <label>
          {t('fromDate')} <DateField value={filters.from ?? ''} onChange={setFilter('from')} />
        </label>
        <label>
          {t('toDate')} <DateField value={filters.to ?? ''} onChange={setFilter('to')} />
        </label>
        {searching && (
          <button type="button" onClick={() => (setQuery(''), setFilters({}))}>
            {t('clearSearch')}
          </button>
        )}
        <button type="button" onClick={() => setVariantsOpen(true)}>
          {t('spellingVariants')}
        </button>
      </div>
      {(pageError || results.error || editError) && <ErrorBanner message={(results.error ?? editError ?? pageError)!} />}
      {searching && results.data?.rebuilding && (
        <p className="muted" role="note">
          {t('searchRebuilding', results.data.rebuilding)}
        </p>
      )}
      {searching ? (
        <>
          <p className="muted" role="status">
            {!results.data ? t('loading') : results.data.matchesExact ? t('results', { n: results.data.matches }) : t('tooManyToRank', { n: results.data.matches })}
          </p>
          <DataGrid key="search-results" testId="search-results" rows={rankedHits} columns={resultColumns} onRowClicked={(hit) => onOpen(hit.id)} emptyMessage={t('noResults')} />
        </>
      ) : (
        <>
          <p className="muted grid-status">
            <span role="status" data-testid="library-count">
              {count === null ? t('loading') : count.filtered ? t('matchingCount', { n: count.total }) : t('articleCount', { n: count.total })}
            </span>
            <label className="checkbox">
              <input type="checkbox" checked={lackingOnly} onChange={(e) => setLackingOnly(e.target.checked)} />
              {t('onlyLackingDetails')}
            </label>
            {selected.length > 0 && (
              <button type="button" onClick={() => (setFilled(null), setDetailsFor(selected.map((a) => a.id)))}>
                {t('addSourceDetailsTo', { n: selected.length })}
              </button>
            )}
            {filled && <span className="details-filled">{t('detailsFilled', { ...filled })}</span>}
            <span>{t('editHint')}</span>
          </p>
          <PagedGrid
            key="library-grid"
            testId="library-grid"
            fetchPage={fetchLibraryPage}
            scope={lackingOnly ? 'lacking-citation' : ''}
            onSelectionChanged={setSelected}
            selectionReset={filled}
            version={storeWrites}
            onTotal={(total, filtered) => (setCount({ total, filtered }), setPageError(null))}
            onError={setPageError}
            columns={libraryColumns}
            onRowClicked={(a) => onOpen(a.id)}
            onCellValueChanged={(e) => void saveEdit(e)}
            emptyMessage={t('emptyLibrary')}
            noMatchMessage={t('noMatchingArticles')}
          />
        </>
      )}
      {variantsOpen && <VariantsDialog onClose={() => setVariantsOpen(false)} />}
      {detailsFor && <SourceDetailsDialog ids={detailsFor} onClose={() => setDetailsFor(null)} onDone={(done) => (setDetailsFor(null), setFilled(done))} />}
    </section>
  );
}
