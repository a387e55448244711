/** Handlers of the grid-view methods: each save and delete is one undoable step. */
import { ApiError, type Handlers, type Services } from './common';

type ViewMethod = 'listGridViews' | 'saveGridView' | 'deleteGridView';

/** The grid-view handlers over the store's services. */
export function viewHandlers({ now }: Services): Pick<Handlers, ViewMethod> {
  return {
    listGridViews: ({ grid }, { repos }) => repos.views.list(grid),
    saveGridView: async ({ grid, name, state }, call) => {
      const id = await call.step<number>((viewId) => ({ kind: 'view.save', subjectId: viewId, quote: name }), (repos) => repos.views.save(grid, name, state, now()));
      return (await call.repos.views.find(id))!;
    },
    deleteGridView: async ({ id }, call) => {
      const view = await call.repos.views.find(id);
      if (!view) throw new ApiError('NOT_FOUND', 'viewNotFound', { id });
      await call.step({ kind: 'view.delete', subjectId: id, quote: view.name }, (repos) => repos.views.delete(id));
      return { deleted: true as const };
    },
  };
}
