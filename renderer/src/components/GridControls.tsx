/**
 * Controls that sit beside a server-paged grid (PagedGrid) and work on its API: a Columns menu to
 * show and hide columns (AG Grid Community's column menu cannot), and a Views menu that saves the
 * grid's columns, filters and quick filter under a name in the store, applies a saved one, and
 * deletes one (an undoable step, like every change). Any grid can use them; each is given the
 * grid's API from PagedGrid's `onGridApi`.
 */
import { type GridApi, isColumnSelectionCol } from 'ag-grid-community';
import { type FormEvent, type ReactNode, useEffect, useReducer, useRef, useState } from 'react';
import type { GridName, GridView, PageRequest } from '../../../electron/api/contract';
import { api } from '../api';
import { keptColumnState } from '../columnState';
import { useI18n } from '../i18n';
import { useApiQuery } from '../queries';

/**
 * A menu that opens under its button (a disclosure: Enter or Space opens it), and closes on
 * Escape, which gives the button its focus back, or on a click elsewhere.
 */
function Menu({ label, className, children }: { label: string; className: string; children: (close: () => void) => ReactNode }) {
  const details = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  const close = () => {
    if (details.current) details.current.open = false;
  };
  useEffect(() => {
    if (!open) return;
    const clickElsewhere = (event: PointerEvent) => !details.current?.contains(event.target as Node) && close();
    const escape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      close();
      details.current?.querySelector('summary')?.focus();
    };
    document.addEventListener('pointerdown', clickElsewhere);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('pointerdown', clickElsewhere);
      document.removeEventListener('keydown', escape);
    };
  }, [open]);
  return (
    <details className={`menu ${className}`} ref={details} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{label}</summary>
      {/* Drawn only while open, so what it lists is read from the grid when it opens. */}
      {open && <div className="menu-panel">{children(close)}</div>}
    </details>
  );
}

/** The Columns menu: a tick box per column, in the grid's order, that shows or hides it. */
export function ColumnsMenu<Row>({ gridApi }: { gridApi: GridApi<Row> | null }) {
  const { t } = useI18n();
  // Redrawn when the grid's columns change (shown, hidden, moved), whoever changed them.
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!gridApi) return;
    gridApi.addEventListener('displayedColumnsChanged', redraw);
    return () => {
      if (!gridApi.isDestroyed()) gridApi.removeEventListener('displayedColumnsChanged', redraw);
    };
  }, [gridApi]);
  const columns = gridApi && !gridApi.isDestroyed() ? (gridApi.getAllGridColumns() ?? []).filter((column) => !isColumnSelectionCol(column)) : [];
  return (
    <Menu label={t('columns')} className="columns-menu">
      {() => (
        <fieldset>
          <legend>{t('shownColumns')}</legend>
          {columns.map((column) => (
            <label key={column.getColId()}>
              <input type="checkbox" checked={column.isVisible()} onChange={(e) => gridApi!.setColumnsVisible([column], e.target.checked)} />
              {column.getColDef().headerName ?? column.getColId()}
            </label>
          ))}
        </fieldset>
      )}
    </Menu>
  );
}

/** Props of {@link ViewsMenu}. */
export interface ViewsMenuProps<Row> {
  grid: GridName;
  gridApi: GridApi<Row> | null;
  /** The screen's quick filter, saved with the view, and set when a view is applied. */
  quickFilter: string;
  onQuickFilter: (text: string) => void;
  /** Told what was done ("View “Reuters” saved."), to show where the screen shows its news. */
  onDone: (message: string) => void;
  onError: (message: string) => void;
}

/**
 * The Views menu: the grid's saved views, each applied by a click (its columns, filters and quick
 * filter) or deleted; and a name to save the grid's view under (a view of that name is replaced).
 */
export function ViewsMenu<Row>({ grid, gridApi, quickFilter, onQuickFilter, onDone, onError }: ViewsMenuProps<Row>) {
  const { t } = useI18n();
  const views = useApiQuery('listGridViews', { grid });
  const [name, setName] = useState('');
  const attempt = async (change: () => Promise<string>) => {
    try {
      onDone(await change());
    } catch (e) {
      onError((e as Error).message);
    }
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!gridApi) return;
    void attempt(async () => {
      const state = { columns: keptColumnState(gridApi.getColumnState()), filterModel: gridApi.getFilterModel() as NonNullable<PageRequest['filterModel']>, quickFilter: quickFilter || undefined };
      const saved = await api.saveGridView({ grid, name, state });
      setName('');
      return t('viewSaved', { name: saved.name });
    });
  };
  const apply = (view: GridView, close: () => void) => {
    if (!gridApi) return;
    // A column the view does not name (one added since) keeps its place but loses any sort.
    gridApi.applyColumnState({ state: view.state.columns, applyOrder: true, defaultState: { sort: null } });
    gridApi.setFilterModel(view.state.filterModel);
    onQuickFilter(view.state.quickFilter ?? '');
    close();
    onDone(t('viewApplied', { name: view.name }));
  };
  const remove = (view: GridView) =>
    void attempt(async () => {
      await api.deleteGridView({ id: view.id });
      return t('viewDeleted', { name: view.name });
    });
  return (
    <Menu label={t('views')} className="views-menu">
      {(close) => (
        <>
          <h3>{t('savedViews')}</h3>
          {views.data?.length ? (
            <ul className="saved-views">
              {views.data.map((view) => (
                <li key={view.id}>
                  <button type="button" className="view-name" aria-label={t('applyView', { name: view.name })} onClick={() => apply(view, close)}>
                    <bdi>{view.name}</bdi>
                  </button>
                  <button type="button" className="chip-remove" aria-label={t('deleteView', { name: view.name })} title={t('deleteView', { name: view.name })} onClick={() => remove(view)}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{views.data ? t('noSavedViews') : t('loading')}</p>
          )}
          <form className="save-view" onSubmit={save}>
            <input type="text" aria-label={t('viewName')} placeholder={t('viewName')} value={name} onChange={(e) => setName(e.target.value)} maxLength={100} required dir="auto" />
            <button type="submit" disabled={!gridApi}>
              {t('saveView')}
            </button>
          </form>
        </>
      )}
    </Menu>
  );
}
