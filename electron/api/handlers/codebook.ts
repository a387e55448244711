/** Handlers of the codebook: tags, their tree, merges and deletes, and REFI-QDA exchange. */
import { applyCodebook, CodebookError, exportCodebook, readCodebook } from '../../services/refi-qda';
import { ApiError, type Handlers, requireTag, type Services } from './common';
import { fileBytes, withCallFiles } from './files';

/**
 * Colours for new tags: ColorBrewer's Set3, made to be told apart as light backgrounds, so text
 * (Arabic's joined letters included) stays legible on them.
 */
const TAG_PALETTE = ['#8dd3c7', '#ffffb3', '#bebada', '#fb8072', '#80b1d3', '#fdb462', '#b3de69', '#fccde5', '#bc80bd', '#ccebc5', '#ffed6f', '#d9d9d9'];

/** How far apart two colours look (Euclidean distance in RGB, 0-441). */
function colourDistance(a: string, b: string): number {
  const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const [x, y] = [rgb(a), rgb(b)];
  return Math.hypot(x[0]! - y[0]!, x[1]! - y[1]!, x[2]! - y[2]!);
}

/** The palette colour farthest from every colour the codebook already uses. */
function nextTagColour(used: readonly string[]): string {
  const nearest = (colour: string) => Math.min(...used.map((u) => colourDistance(colour, u)), Infinity);
  return TAG_PALETTE.reduce((best, colour) => (nearest(colour) > nearest(best) ? colour : best));
}

type CodebookMethods = 'listTags' | 'createTag' | 'updateTag' | 'mergeTags' | 'deleteTag' | 'exportCodebook' | 'importCodebook';

/** The codebook's handlers. */
export function codebookHandlers({ uploads }: Pick<Services, 'uploads'> = {}): Pick<Handlers, CodebookMethods> {
  return {
    listTags: (_input, { repos }) => repos.codebook.list(),
    createTag: async ({ name, colour, parentId, description }, call) => {
      const existing = await call.repos.codebook.findByName(name);
      if (existing) throw new ApiError('CONFLICT', 'tagExists', { name: existing.name });
      await requireTag(call.repos, parentId);
      const chosen = colour ?? nextTagColour((await call.repos.codebook.list()).map((t) => t.colour));
      return call.step(
        (tag) => ({ kind: 'tag.create', subjectId: tag.id, quote: tag.name }),
        (repos) => repos.codebook.insert(name, chosen, { parentId: parentId ?? null, description: description ?? null }),
      );
    },
    updateTag: async ({ id, ...change }, call) => {
      const { repos } = call;
      const before = await repos.codebook.find(id);
      if (!before) throw new ApiError('NOT_FOUND', 'tagNotFound', { id });
      const clash = change.name === undefined ? undefined : await repos.codebook.findByName(change.name);
      if (clash && clash.id !== id) throw new ApiError('CONFLICT', 'tagNameTaken', { name: clash.name });
      if (change.parentId !== undefined) {
        await requireTag(repos, change.parentId);
        if (await repos.codebook.wouldCycle(id, change.parentId)) throw new ApiError('INVALID_ARGUMENT', 'tagCycle');
      }
      if (change.shortcut) {
        const taken = (await repos.codebook.list()).find((t) => t.shortcut === change.shortcut && t.id !== id);
        if (taken) throw new ApiError('CONFLICT', 'shortcutTaken', { key: change.shortcut, name: taken.name });
      }
      return call.step({ kind: 'tag.edit', subjectId: id, quote: before.name, detail: { fields: Object.keys(change) } }, (r) => r.codebook.update(id, change));
    },
    mergeTags: async ({ sourceId, targetId }, call) => {
      const { repos } = call;
      const [source, target] = [await repos.codebook.find(sourceId), await repos.codebook.find(targetId)];
      if (!source || !target) throw new ApiError('NOT_FOUND', 'tagNotFound', { id: source ? targetId : sourceId });
      if (sourceId === targetId) throw new ApiError('INVALID_ARGUMENT', 'mergeSameTag');
      if (await repos.codebook.wouldCycle(sourceId, targetId)) throw new ApiError('INVALID_ARGUMENT', 'mergeIntoChild');
      const passages = await repos.codebook.usage(sourceId);
      return call.step({ kind: 'tag.merge', subjectId: targetId, quote: source.name, detail: { into: target.name, passages } }, (r) => r.codebook.merge(sourceId, targetId));
    },
    deleteTag: async ({ id, annotations }, call) => {
      const { repos } = call;
      const tag = await repos.codebook.find(id);
      if (!tag) throw new ApiError('NOT_FOUND', 'tagNotFound', { id });
      if (annotations.action === 'move') {
        await requireTag(repos, annotations.toTagId);
        if (annotations.toTagId === id) throw new ApiError('INVALID_ARGUMENT', 'moveToSameTag');
      }
      const passages = await repos.codebook.usage(id);
      await call.step({ kind: 'tag.delete', subjectId: id, quote: tag.name, detail: { passages, action: annotations.action } }, (r) => r.codebook.delete(id, annotations));
      return { deleted: true as const };
    },
    exportCodebook: (_input, { repos }) => exportCodebook(repos),
    importCodebook: async (file, call) => {
      const { name } = file;
      let codes;
      try {
        codes = await withCallFiles(uploads, [file], async ([incoming]) => readCodebook(name, await fileBytes(incoming!)));
      } catch (error) {
        if (error instanceof CodebookError) throw new ApiError('INVALID_ARGUMENT', 'notUnderstood', { reason: error.message });
        throw error;
      }
      return call.step((report) => ({ kind: 'codebook.import', quote: name, detail: { ...report } }), (repos) => applyCodebook(repos, codes));
    },
  };
}
