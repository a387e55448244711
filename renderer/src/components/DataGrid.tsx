/** AG Grid (Community) set up once for Sanad: theme, Arabic font, right-to-left in Arabic, quick filter. */
import { AllCommunityModule, type ColDef, ModuleRegistry, type RowClickedEvent, themeQuartz } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useI18n } from '../i18n';

ModuleRegistry.registerModules([AllCommunityModule]);

const sanadTheme = themeQuartz.withParams({
  fontFamily: ['Noto Sans', 'Noto Naskh Arabic', 'sans-serif'],
  fontSize: 14,
  headerFontWeight: 600,
  accentColor: '#1f6f78',
});

/** Props of {@link DataGrid}. */
export interface DataGridProps<Row> {
  rows: Row[] | null;
  columns: ColDef<Row>[];
  quickFilter: string;
  onRowClicked: (row: Row) => void;
  emptyMessage: string;
  testId: string;
}

/** A sortable, filterable grid whose rows open something when clicked. */
export function DataGrid<Row>({ rows, columns, quickFilter, onRowClicked, emptyMessage, testId }: DataGridProps<Row>) {
  const { dir } = useI18n();
  return (
    <div className="grid" data-testid={testId}>
      <AgGridReact<Row>
        // enableRtl is read once at creation: a new grid is made when the direction changes.
        key={dir}
        theme={sanadTheme}
        rowData={rows}
        columnDefs={columns}
        defaultColDef={{ sortable: true, filter: true, resizable: true, minWidth: 90 }}
        quickFilterText={quickFilter}
        enableRtl={dir === 'rtl'}
        overlayNoRowsTemplate={`<span class="grid-empty">${escapeHtml(emptyMessage)}</span>`}
        onRowClicked={(event: RowClickedEvent<Row>) => event.data && onRowClicked(event.data)}
        rowClass="clickable-row"
      />
    </div>
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A grid cell whose text takes its own direction, so Arabic and English both read right. */
export function AutoDirCell({ value }: { value: unknown }) {
  return <span className="auto-dir-cell" dir="auto">{value == null ? '' : String(value)}</span>;
}

/** Formats an ISO timestamp as a short date and time in the interface language (Western digits, as analysts cite them). */
export function formatTimestamp(iso: string | null | undefined, lang: string): string {
  return iso ? new Date(iso).toLocaleString(lang === 'ar' ? 'ar-u-nu-latn' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : '';
}
