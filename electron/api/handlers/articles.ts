/** Handlers of the library: articles, their metadata and text, imports, and search. */
import type { SourceDetails } from '../../../db/model';
import { LIMITS } from '../../../db/text/fields';
import { normaliseText } from '../../../db/text/text';
import { importFiles, inThreadPreparer } from '../../services/import';
import { withCallFiles } from './files';
import { ApiError, explainQueryErrors, type HandlerCall, type Handlers, importLabel, LOCAL_ACTOR, requireArticle, type Services } from './common';

type ArticleMethods =
  | 'listArticles'
  | 'getArticle'
  | 'queryArticles'
  | 'listOutlets'
  | 'importFiles'
  | 'updateArticle'
  | 'updateArticlesMetadata'
  | 'updateArticleText'
  | 'replaceArticleTextFromFile'
  | 'searchArticles'
  | 'findInArticle'
  | 'listSpellingVariants'
  | 'addSpellingVariants'
  | 'deleteSpellingVariants';

/** The library's handlers. */
export function articleHandlers({ uow, jobs, preparer, now, uploads }: Services): Pick<Handlers, ArticleMethods> {
  /** A text edit, with the re-anchoring it causes, as one step. */
  const replaceText = async (call: HandlerCall, id: number, body: string) => {
    const text = normaliseText(body);
    // The same limit for a typed text (checked by the contract too) and one read from a file.
    if (text.length > LIMITS.articleBody) throw new ApiError('INVALID_ARGUMENT', 'tooLong', { field: 'body', max: LIMITS.articleBody });
    const title = (await requireArticle(call.repos, id)).title;
    const report = await call.step({ kind: 'text.edit', subjectId: id, articleId: id, quote: title }, (repos) => repos.articles.replaceText(id, text, now()));
    if (!report) throw new ApiError('NOT_FOUND', 'articleNotFound', { id });
    return report;
  };
  return {
    listArticles: (_input, { repos }) => repos.articles.list(),
    getArticle: ({ id }, { repos }) => requireArticle(repos, id),
    queryArticles: (request, { repos }) => explainQueryErrors(() => repos.articles.query(request)),
    listOutlets: (_input, { repos }) => repos.articles.outlets(),
    importFiles: ({ files }) =>
      withCallFiles(uploads, files, (incoming) =>
        importFiles(uow, incoming, { now, preparer, job: { runner: jobs, label: importLabel(files.map((f) => f.name)), actor: LOCAL_ACTOR } }),
      ),
    updateArticle: async ({ id, ...edit }, call) => {
      const changed = await call.step({ kind: 'article.edit', subjectId: id, articleId: id, detail: { fields: Object.keys(edit) } }, (repos) => repos.articles.update(id, edit));
      if (!changed) throw new ApiError('NOT_FOUND', 'articleNotFound', { id });
      const { body: _body, contentHash: _hash, ...summary } = await requireArticle(call.repos, id);
      return summary;
    },
    updateArticlesMetadata: ({ ids, overwrite, ...given }, call) => {
      // Blank fields arrive as null: they are left as they are, never cleared.
      const details = Object.fromEntries(Object.entries(given).filter(([, value]) => value != null)) as SourceDetails;
      return call.step(
        (report) => ({ kind: 'articles.edit', quote: Object.values(details).join(' · '), detail: { count: report.articles, fields: Object.keys(details) } }),
        (repos) => repos.articles.fillSourceDetails(ids, details, overwrite),
      );
    },
    updateArticleText: ({ id, body }, call) => replaceText(call, id, body),
    replaceArticleTextFromFile: async ({ id, ...file }, call) => {
      const { name } = file;
      // Reading the file happens outside any transaction; only the replacement is one.
      const prepared = await withCallFiles(uploads, [file], ([incoming]) => (preparer ?? inThreadPreparer).prepare(incoming!));
      if ('error' in prepared) throw new ApiError('INVALID_ARGUMENT', 'fileNotRead', { file: name, reason: prepared.error });
      const first = prepared.items.find((item) => 'article' in item);
      if (!first || !('article' in first)) {
        const limit = prepared.items.find((item) => 'limit' in item && item.limit);
        // A text over the limit is refused as a typed one is, with the same message.
        if (limit && 'limit' in limit && limit.limit) throw new ApiError('INVALID_ARGUMENT', 'tooLong', limit.limit);
        throw new ApiError('INVALID_ARGUMENT', 'noTextInFile', { file: name });
      }
      return call.write(async (repos) => replaceText({ ...call, repos }, id, first.article.body));
    },
    searchArticles: async ({ query, limit, ...filters }, { repos }) => {
      const result = await explainQueryErrors(() => repos.search.search(query, filters, limit));
      const rebuilding = await repos.jobs.active('reindex');
      return rebuilding ? { ...result, rebuilding: { done: rebuilding.done, total: rebuilding.total } } : result;
    },
    findInArticle: async ({ id, query }, { repos }) => {
      const { body } = await requireArticle(repos, id);
      return explainQueryErrors(() => repos.search.findInText(body, query));
    },
    listSpellingVariants: (_input, { repos }) => repos.search.listVariants(),
    addSpellingVariants: ({ terms }, call) =>
      call.step((group) => ({ kind: 'variants.add', subjectId: group.groupId, quote: group.terms.join(' · ') }), (repos) => repos.search.addVariants(terms)),
    deleteSpellingVariants: async ({ groupId }, call) => {
      const terms = (await call.repos.search.listVariants()).find((g) => g.groupId === groupId)?.terms ?? [];
      const deleted = await call.step({ kind: 'variants.delete', subjectId: groupId, quote: terms.join(' · ') }, (repos) => repos.search.deleteVariants(groupId));
      if (!deleted) throw new ApiError('NOT_FOUND', 'variantGroupNotFound', { id: groupId });
      return { deleted: true as const };
    },
  };
}
