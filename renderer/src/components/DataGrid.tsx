/** AG Grid (Community) set up once for Sanad: theme, Arabic font, right-to-left in Arabic, quick filter. */
import { AllCommunityModule, type CellClickedEvent, type CellValueChangedEvent, type ColDef, ModuleRegistry, themeQuartz } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useRef } from 'react';
import { useI18n } from '../i18n';

ModuleRegistry.registerModules([AllCommunityModule]);

/** How long a click on an editable cell waits for a second click before it opens the row. */
const DOUBLE_CLICK_MS = 300;

const sanadTheme = themeQuartz.withParams({
  fontFamily: ['Noto Sans', 'Noto Naskh Arabic', 'sans-serif'],
  fontSize: 14,
  headerFontWeight: 600,
  accentColor: '#1f6f78',
});

/** Props of {@link DataGrid}. */
export interface DataGridProps<Row extends { id: number }> {
  rows: Row[] | null;
  columns: ColDef<Row>[];
  quickFilter?: string;
  onRowClicked: (row: Row) => void;
  /** Called when an editable cell was edited. */
  onCellValueChanged?: (event: CellValueChangedEvent<Row>) => void;
  emptyMessage: string;
  testId: string;
}

/** A sortable, filterable grid whose rows open something when clicked. */
export function DataGrid<Row extends { id: number }>({ rows, columns, quickFilter, onRowClicked, onCellValueChanged, emptyMessage, testId }: DataGridProps<Row>) {
  const { dir } = useI18n();
  // On an editable cell a double click edits: the click opens the row only if no second click follows.
  const pendingOpen = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onCellClicked = (event: CellClickedEvent<Row>) => {
    const row = event.data;
    if (!row) return;
    if (!event.colDef.editable) return onRowClicked(row);
    if (pendingOpen.current) clearTimeout(pendingOpen.current);
    pendingOpen.current = setTimeout(() => onRowClicked(row), DOUBLE_CLICK_MS);
  };
  const onCellDoubleClicked = () => {
    if (pendingOpen.current) clearTimeout(pendingOpen.current);
    pendingOpen.current = null;
  };
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
        getRowId={(params) => String(params.data.id)}
        onCellValueChanged={onCellValueChanged}
        enableRtl={dir === 'rtl'}
        overlayNoRowsTemplate={`<span class="grid-empty">${escapeHtml(emptyMessage)}</span>`}
        onCellClicked={onCellClicked}
        onCellDoubleClicked={onCellDoubleClicked}
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
