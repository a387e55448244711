/**
 * AG Grid (Community) set up once for Sanad: theme, Arabic font, right-to-left in Arabic, rows that
 * open on click or Enter. {@link DataGrid} holds its rows; {@link PagedGrid} asks the server for
 * one block at a time (the infinite row model), so a library of any size opens at once and the
 * page's memory does not grow with it.
 */
import {
  type CellClickedEvent,
  type CellKeyDownEvent,
  type CellValueChangedEvent,
  type ColDef,
  type GridApi,
  ClientSideRowModelModule,
  ColumnApiModule,
  CustomFilterModule,
  DateFilterModule,
  EventApiModule,
  type FilterModel,
  type IDatasource,
  InfiniteRowModelModule,
  isColumnSelectionCol,
  LocaleModule,
  ModuleRegistry,
  NumberFilterModule,
  QuickFilterModule,
  RowSelectionModule,
  RowStyleModule,
  TextEditorModule,
  TextFilterModule,
  themeQuartz,
  TooltipModule,
  ValidationModule,
} from 'ag-grid-community';
import { AG_GRID_LOCALE_EG } from '@ag-grid-community/locale';
import { AgGridReact } from 'ag-grid-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Page, PageRequest } from '../../../electron/api/contract';
import { columnStateKey, keptColumnState, parseColumnState } from '../columnState';
import { useI18n } from '../i18n';
import { useDebounced } from '../useDebounced';
import { SetFilter, SetFilterChoices, type UseSetChoices } from './SetFilter';

// Only the features Sanad uses, so the page loads fast; AG Grid's checks of grid options in development.
ModuleRegistry.registerModules([
  ClientSideRowModelModule,
  InfiniteRowModelModule,
  TextFilterModule,
  NumberFilterModule,
  DateFilterModule,
  CustomFilterModule,
  QuickFilterModule,
  TextEditorModule,
  TooltipModule,
  RowStyleModule,
  RowSelectionModule,
  // Reading and setting the columns' state, and listening to the grid, for the Columns and Views menus.
  ColumnApiModule,
  EventApiModule,
  // The grid's own words (filter menus, overlays) in the interface language.
  LocaleModule,
  ...(import.meta.env.DEV ? [ValidationModule] : []),
]);

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

/**
 * Makes a column's cells act on their row (an Edit button): a click on the cell, or Enter on it,
 * does `act` instead of opening the row, so the rest of the row still opens as before.
 */
export function actionColumn<Row>(act: (row: Row) => void): Pick<ColDef<Row>, 'context'> {
  return { context: { act } };
}

/** The action of a column made with {@link actionColumn}, if it is one. */
function actionOf<Row>(colDef: ColDef<Row>): ((row: Row) => void) | undefined {
  return (colDef.context as { act?: (row: Row) => void } | undefined)?.act;
}

/**
 * Opening a row: a click opens it, except on an editable cell, where a double click edits and
 * the click opens only if no second click follows, and on the tick box that selects it; Enter on
 * a cell that is not being edited opens it too. A cell of an action column does its action instead.
 */
function useRowOpening<Row>(onRowClicked: (row: Row) => void) {
  const pendingOpen = useRef<ReturnType<typeof setTimeout> | null>(null);
  return {
    onCellClicked: (event: CellClickedEvent<Row>) => {
      const row = event.data;
      if (!row || isColumnSelectionCol(event.column)) return;
      const act = actionOf(event.colDef);
      if (act) return act(row);
      if (!event.colDef.editable) return onRowClicked(row);
      if (pendingOpen.current) clearTimeout(pendingOpen.current);
      pendingOpen.current = setTimeout(() => onRowClicked(row), DOUBLE_CLICK_MS);
    },
    onCellDoubleClicked: () => {
      if (pendingOpen.current) clearTimeout(pendingOpen.current);
      pendingOpen.current = null;
    },
    onCellKeyDown: (event: CellKeyDownEvent<Row>) => {
      const key = (event.event as KeyboardEvent | undefined)?.key;
      if (key !== 'Enter' || !event.data || event.colDef.editable || isColumnSelectionCol(event.column)) return;
      (actionOf(event.colDef) ?? onRowClicked)(event.data);
    },
  };
}

/** A sortable, filterable grid whose rows open something when clicked. */
export function DataGrid<Row extends { id: number }>({ rows, columns, quickFilter, onRowClicked, onCellValueChanged, emptyMessage, testId }: DataGridProps<Row>) {
  const { dir } = useI18n();
  const opening = useRowOpening(onRowClicked);
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
        localeText={dir === 'rtl' ? AG_GRID_LOCALE_EG : undefined}
        overlayNoRowsTemplate={`<span class="grid-empty">${escapeHtml(emptyMessage)}</span>`}
        {...opening}
        rowClass="clickable-row"
      />
    </div>
  );
}

/** How long typing in a quick filter must pause before the server is asked. */
const QUICK_FILTER_DELAY_MS = 150;

/** Rows the server sends per block, and blocks kept: the page holds at most 2,000 rows whatever the library's size. */
const BLOCK_SIZE = 100;
const BLOCKS_KEPT = 20;

/** Props of {@link PagedGrid}. */
export interface PagedGridProps<Row extends { id: number }> {
  columns: ColDef<Row>[];
  /** Fetches one block; the grid passes its sort and filter models. */
  fetchPage: (request: PageRequest) => Promise<Page<Row>>;
  quickFilter?: string;
  /**
   * A narrowing of the caller's own that `fetchPage` applies (its name; empty for none): a new
   * one starts the grid over, and any counts as a filter.
   */
  scope?: string;
  /** Changes when the rows may have changed on the server: the grid fetches its blocks again. */
  version?: unknown;
  /** Rows get tick boxes; told the ticked rows whenever they change. */
  onSelectionChanged?: (rows: Row[]) => void;
  /** Changes when the caller has acted on the ticked rows: the ticks are cleared. */
  selectionReset?: unknown;
  /** Told how many rows match, and whether a filter narrows them, each time the grid starts over. */
  onTotal?: (total: number, filtered: boolean) => void;
  /** Told each request the grid makes: its sort, filters and quick filter are what the grid shows (for exporting that view). */
  onRequest?: (request: PageRequest) => void;
  onError?: (message: string) => void;
  onRowClicked: (row: Row) => void;
  onCellValueChanged?: (event: CellValueChangedEvent<Row>) => void;
  /**
   * The grid's name, when its columns (order, widths, hidden ones, sort) should be kept in
   * localStorage as the analyst leaves them, across reloads and a change of language.
   */
  keepColumnsAs?: string;
  /** Told the grid's API once it is ready (and null when it goes), for controls beside it: columns, saved views. */
  onGridApi?: (api: GridApi<Row> | null) => void;
  /** What a set-filtered column (`serverFilter.set`) can choose (see {@link UseSetChoices}). */
  useFilterChoices?: UseSetChoices;
  emptyMessage: string;
  /** Shown instead of `emptyMessage` when a filter leaves no rows. */
  noMatchMessage: string;
  testId: string;
}

/** A grid paged by the server (AG Grid Community's infinite row model). */
export function PagedGrid<Row extends { id: number }>({
  columns,
  fetchPage,
  quickFilter,
  scope = '',
  version,
  onSelectionChanged,
  selectionReset,
  onTotal,
  onRequest,
  onError,
  onRowClicked,
  onCellValueChanged,
  keepColumnsAs,
  onGridApi,
  useFilterChoices = noChoices,
  emptyMessage,
  noMatchMessage,
  testId,
}: PagedGridProps<Row>) {
  const [filtered, setFiltered] = useState(false);
  const { dir } = useI18n();
  const opening = useRowOpening(onRowClicked);
  const gridApi = useRef<GridApi<Row> | null>(null);
  const settledQuickFilter = useDebounced(quickFilter, QUICK_FILTER_DELAY_MS);
  // The data source reads the latest props through a ref, so it is made once per grid.
  const latest = useRef({ fetchPage, quickFilter: settledQuickFilter, scope, onTotal, onRequest, onError, setFiltered });
  latest.current = { fetchPage, quickFilter: settledQuickFilter, scope, onTotal, onRequest, onError, setFiltered };
  const datasource = useMemo<IDatasource>(
    () => ({
      getRows: (params) => {
        const { fetchPage: fetch, quickFilter: quick, scope: narrowed, onTotal: tell, onRequest: told, onError: fail, setFiltered: noteFiltered } = latest.current;
        const isFiltered = Object.keys(params.filterModel ?? {}).length > 0 || Boolean(quick) || Boolean(narrowed);
        const request: PageRequest = {
          startRow: params.startRow,
          endRow: params.endRow,
          sortModel: params.sortModel.map(({ colId, sort }) => ({ colId, sort })),
          filterModel: params.filterModel as PageRequest['filterModel'],
          quickFilter: quick || undefined,
          withCount: params.startRow === 0,
        };
        told?.(request);
        fetch(request).then(
          (page) => {
            if (page.total !== null) tell?.(page.total, isFiltered);
            noteFiltered(isFiltered);
            params.successCallback(page.rows, page.total ?? (page.rows.length < params.endRow - params.startRow ? params.startRow + page.rows.length : undefined));
            // After React has given the grid the overlay that fits (empty, or nothing matches).
            setTimeout(() => (page.total === 0 ? gridApi.current?.showNoRowsOverlay() : gridApi.current?.hideOverlay()));
          },
          (error: unknown) => {
            fail?.((error as Error).message);
            params.failCallback();
          },
        );
      },
    }),
    [],
  );
  // A change in the store refreshes the blocks in place; a new quick filter or scope starts over.
  useEffect(() => gridApi.current?.refreshInfiniteCache(), [version]);
  useEffect(() => gridApi.current?.purgeInfiniteCache(), [settledQuickFilter, scope]);
  useEffect(() => gridApi.current?.deselectAll(), [selectionReset]);
  // The grid is made again when the language changes (see key): its filters carry over.
  const filters = useRef<FilterModel | null>(null);
  const keepColumns = ({ api }: { api: GridApi<Row> }) => {
    if (keepColumnsAs) localStorage.setItem(columnStateKey(keepColumnsAs), JSON.stringify(keptColumnState(api.getColumnState())));
  };
  return (
    <div className="grid" data-testid={testId}>
      <SetFilterChoices.Provider value={useFilterChoices}>
        <AgGridReact<Row>
          key={dir}
          theme={sanadTheme}
          rowModelType="infinite"
          // The overlay says why there are no rows: an empty library, or filters that match nothing.
          overlayNoRowsTemplate={`<span class="grid-empty">${escapeHtml(filtered ? noMatchMessage : emptyMessage)}</span>`}
          datasource={datasource}
          cacheBlockSize={BLOCK_SIZE}
          maxBlocksInCache={BLOCKS_KEPT}
          columnDefs={columns}
          defaultColDef={{ sortable: true, resizable: true, minWidth: 90 }}
          getRowId={(params) => String(params.data.id)}
          onGridReady={(event) => {
            gridApi.current = event.api;
            const kept = keepColumnsAs ? parseColumnState(localStorage.getItem(columnStateKey(keepColumnsAs))) : null;
            if (kept) event.api.applyColumnState({ state: kept, applyOrder: true });
            if (filters.current) event.api.setFilterModel(filters.current);
            onGridApi?.(event.api);
          }}
          onGridPreDestroyed={() => onGridApi?.(null)}
          // Columns the analyst moved keep their place when the columns are made again.
          maintainColumnOrder
          // Every column's header (and its filter button) is in the page, scrolled to or not: a score of columns costs little, and rows are still drawn only as they scroll into view.
          suppressColumnVirtualisation
          onFilterChanged={(event) => (filters.current = event.api.getFilterModel())}
          onSortChanged={keepColumns}
          onColumnMoved={(event) => event.finished && keepColumns(event)}
          onColumnResized={(event) => event.finished && keepColumns(event)}
          onColumnVisible={keepColumns}
          onColumnPinned={keepColumns}
          onCellValueChanged={onCellValueChanged}
          // The infinite model cannot tick every row at once, so there is no tick box in the header.
          rowSelection={onSelectionChanged && { mode: 'multiRow', checkboxes: true, headerCheckbox: false, enableClickSelection: false }}
          onSelectionChanged={(event) => onSelectionChanged?.(event.api.getSelectedRows())}
          enableRtl={dir === 'rtl'}
          localeText={dir === 'rtl' ? AG_GRID_LOCALE_EG : undefined}
          {...opening}
          rowClass="clickable-row"
        />
      </SetFilterChoices.Provider>
    </div>
  );
}

/** A grid without set filters. */
const noChoices: UseSetChoices = () => [];

/** Column filters the server understands, by the kind of value a column holds. */
export const serverFilter = {
  text: { filter: 'agTextColumnFilter', filterParams: { maxNumConditions: 2 } },
  number: { filter: 'agNumberColumnFilter', filterParams: { inRangeInclusive: true, maxNumConditions: 2 } },
  date: { filter: 'agDateColumnFilter', filterParams: { inRangeInclusive: true, maxNumConditions: 2 } },
  /** Ticks beside the values the grid's `useFilterChoices` gives the column (see SetFilter). */
  set: { filter: SetFilter },
} as const;

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
