/**
 * A grid's columns as the analyst leaves them (order, widths, hidden columns, sort, pinning): the
 * part of AG Grid's column state a saved view keeps, and its copy in localStorage, read back with
 * care since anything may have written there.
 */
import type { ColumnState } from 'ag-grid-community';
import type { GridColumnState } from '../../electron/api/contract';

/** The contract's bound on a view's columns (electron/api/contract/views.ts). */
const MAX_COLUMNS = 100;

/** The parts of AG Grid's column state that a view keeps, in the grid's order. */
export function keptColumnState(state: readonly ColumnState[]): GridColumnState[] {
  return state.slice(0, MAX_COLUMNS).map(({ colId, width, hide, pinned, sort, sortIndex, flex }) => ({
    colId,
    ...(width != null && { width }),
    hide: hide ?? null,
    // AG Grid writes `true` for pinned at the start; the contract names the side.
    pinned: pinned === true ? 'left' : pinned || null,
    sort: sort ?? null,
    sortIndex: sortIndex ?? null,
    flex: flex ?? null,
  }));
}

const isSort = (v: unknown) => v == null || v === 'asc' || v === 'desc';
const isPinned = (v: unknown) => v == null || v === 'left' || v === 'right';
const isNumber = (v: unknown) => v == null || (typeof v === 'number' && Number.isFinite(v) && v >= 0);

/** Column state read back from text (localStorage's copy): the columns that make sense, or null if none do. */
export function parseColumnState(text: string | null): GridColumnState[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text ?? 'null');
  } catch {
    return null;
  }
  if (!Array.isArray(parsed)) return null;
  const columns = parsed.filter(
    (c): c is GridColumnState =>
      typeof c === 'object' &&
      c !== null &&
      typeof c.colId === 'string' &&
      isNumber(c.width) &&
      isNumber(c.flex) &&
      isNumber(c.sortIndex) &&
      (c.hide == null || typeof c.hide === 'boolean') &&
      isSort(c.sort) &&
      isPinned(c.pinned),
  );
  return columns.length ? keptColumnState(columns) : null;
}

/** Where a grid's columns are kept between sessions. */
export const columnStateKey = (grid: string) => `sanad.grid.${grid}.columns`;
