/** Named views of the grids (columns, filters, quick filter), as the analyst saves them. */
import type { GridName, GridView, GridViewState } from '../model';
import { statement } from './statements';
import type { Store } from './store';

const viewSelect = 'SELECT id, grid, name, state, created_at AS createdAt, updated_at AS updatedAt FROM grid_views';

const toView = (row: Omit<GridView, 'state'> & { state: string }): GridView => ({ ...row, state: JSON.parse(row.state) as GridViewState });

/** A grid's saved views, by name. */
export function listGridViews(db: Store, grid: GridName): GridView[] {
  return (statement(db, `${viewSelect} WHERE grid = ? ORDER BY name`).all(grid) as (Omit<GridView, 'state'> & { state: string })[]).map(toView);
}

/** One saved view, or undefined. */
export function findGridView(db: Store, id: number): GridView | undefined {
  const row = statement(db, `${viewSelect} WHERE id = ?`).get(id) as (Omit<GridView, 'state'> & { state: string }) | undefined;
  return row && toView(row);
}

/** Saves a view under its name, replacing the grid's view of that name (which keeps its id); returns the id. */
export function saveGridView(db: Store, grid: GridName, name: string, state: GridViewState, now: string): number {
  return statement(
    db,
    `INSERT INTO grid_views (grid, name, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (grid, name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at
     RETURNING id`,
  )
    .pluck()
    .get(grid, name, JSON.stringify(state), now, now) as number;
}

/** Deletes a saved view; returns whether it existed. */
export function deleteGridView(db: Store, id: number): boolean {
  return statement(db, 'DELETE FROM grid_views WHERE id = ?').run(id).changes > 0;
}
