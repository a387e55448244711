/** Every annotation in one grid: quote, tag, note, article and date; a click opens the passage. */
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import type { AnnotationRow } from '../../../electron/api/contract';
import { api } from '../api';
import { AutoDirCell, DataGrid, formatTimestamp } from '../components/DataGrid';
import { ErrorBanner } from '../components/ErrorBanner';
import { TagChip } from '../components/TagChip';
import { useI18n } from '../i18n';
import { useApiData } from '../useApiData';

function TagCell({ data }: ICellRendererParams<AnnotationRow>) {
  return data?.tagName ? <TagChip name={data.tagName} colour={data.tagColour ?? '#cccccc'} /> : null;
}

/** The annotations screen. */
export function AnnotationsScreen({ version, onOpen }: { version: number; onOpen: (articleId: number, annotationId: number) => void }) {
  const { t, lang } = useI18n();
  const [filter, setFilter] = useState('');
  const { data, error } = useApiData(() => api.listAnnotations({}), [version]);
  const columns = useMemo<ColDef<AnnotationRow>[]>(
    () => [
      { field: 'exact', headerName: t('quote'), flex: 3, cellRenderer: AutoDirCell, tooltipField: 'exact' },
      { field: 'tagName', headerName: t('tag'), width: 150, cellRenderer: TagCell },
      { field: 'note', headerName: t('note'), flex: 1, cellRenderer: AutoDirCell },
      { field: 'articleTitle', headerName: t('article'), flex: 2, cellRenderer: AutoDirCell },
      { field: 'createdAt', headerName: t('created'), width: 190, valueFormatter: (p) => formatTimestamp(p.value, lang) },
    ],
    [lang],
  );
  return (
    <section className="annotations" aria-label={t('annotations')}>
      <div className="toolbar">
        <input className="quick-filter" type="search" placeholder={t('filterAnnotations')} value={filter} onChange={(e) => setFilter(e.target.value)} dir="auto" />
      </div>
      {error && <ErrorBanner message={error} />}
      <DataGrid
        testId="annotations-grid"
        rows={data}
        columns={columns}
        quickFilter={filter}
        onRowClicked={(a) => onOpen(a.articleId, a.id)}
        emptyMessage={t('emptyAnnotations')}
      />
    </section>
  );
}
