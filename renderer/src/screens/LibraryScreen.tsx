/** The library: every article in a sortable, filterable grid; a click opens it in the reader. */
import type { ColDef } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import type { ArticleSummary } from '../../../electron/api/contract';
import { api } from '../api';
import { AutoDirCell, DataGrid, formatTimestamp } from '../components/DataGrid';
import { ErrorBanner } from '../components/ErrorBanner';
import { useI18n } from '../i18n';
import { useApiData } from '../useApiData';

/** The library screen; `version` changes when the library should reload. */
export function LibraryScreen({ version, onOpen }: { version: number; onOpen: (articleId: number) => void }) {
  const { t, lang } = useI18n();
  const [filter, setFilter] = useState('');
  const { data, error } = useApiData(() => api.listArticles({}), [version]);
  const columns = useMemo<ColDef<ArticleSummary>[]>(
    () => [
      { field: 'title', headerName: t('title'), flex: 3, cellRenderer: AutoDirCell, filter: 'agTextColumnFilter' },
      { field: 'outlet', headerName: t('outlet'), flex: 1, cellRenderer: AutoDirCell },
      { field: 'published', headerName: t('published'), width: 130 },
      { field: 'language', headerName: t('language'), width: 110 },
      { field: 'importedAt', headerName: t('imported'), width: 190, valueFormatter: (p) => formatTimestamp(p.value, lang), sort: 'desc' },
      { field: 'annotationCount', headerName: t('annotationCount'), width: 140, filter: 'agNumberColumnFilter' },
    ],
    // Headers follow the interface language.
    [lang],
  );
  return (
    <section className="library" aria-label={t('library')}>
      <div className="toolbar">
        <input className="quick-filter" type="search" placeholder={t('searchPlaceholder')} value={filter} onChange={(e) => setFilter(e.target.value)} dir="auto" />
      </div>
      {error && <ErrorBanner message={error} />}
      <DataGrid testId="library-grid" rows={data} columns={columns} quickFilter={filter} onRowClicked={(a) => onOpen(a.id)} emptyMessage={t('emptyLibrary')} />
    </section>
  );
}
