/** Named views of the grids: the analyst's columns, filters and quick filter, saved under a name. */
import { z } from 'zod';
import type { GridView } from '../../../db/model';
import { filterModel, id, method } from './schemas';

const grid = z.enum(['claims', 'annotations', 'library']);
const columnState = z.object({
  colId: z.string().max(64),
  width: z.number().min(0).max(10_000).optional(),
  hide: z.boolean().nullish(),
  pinned: z.enum(['left', 'right']).nullish(),
  sort: z.enum(['asc', 'desc']).nullish(),
  sortIndex: z.number().int().min(0).max(100).nullish(),
  flex: z.number().min(0).max(100).nullish(),
});

/** The grid-view methods of the contract. */
export const viewsMethods = {
  listGridViews: method<GridView[]>('read')(z.object({ grid })),
  /** Saves the grid's view under a name; a view of that name is replaced (undo brings it back). */
  saveGridView: method<GridView>()(
    z.object({
      grid,
      name: z.string().trim().min(1, 'a view needs a name').max(100),
      state: z.object({ columns: z.array(columnState).max(100), filterModel: filterModel.default({}), quickFilter: z.string().max(500).optional() }),
    }),
  ),
  deleteGridView: method<{ deleted: true }>()(z.object({ id })),
};
