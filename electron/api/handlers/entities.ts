/**
 * Handlers of entities: people, organisations and places with their aliases, and their mentions.
 * Creating an entity or an alias scans the whole library as a background job; the call returns
 * once the job has run, while the store keeps answering other calls.
 */
import { cleanLine } from '../../../db/text/fields';
import { ApiError, type HandlerCall, type Handlers, passage, scanEntityAliases, type Services } from './common';

type EntityMethods = 'listEntities' | 'createEntity' | 'addEntityAlias' | 'deleteEntity' | 'markEntity' | 'listMentions' | 'reviewMentions' | 'placeMention' | 'deleteMention';

/** The entities' handlers. */
export function entityHandlers(services: Services): Pick<Handlers, EntityMethods> {
  const { uow, now } = services;
  /** Scans the library for an entity's aliases as a background job, and returns the entity once it has run. */
  const scanAliases = async (entityId: number) => {
    await scanEntityAliases(services, entityId);
    return (await uow.read(async (repos) => repos.entities.find(entityId)))!;
  };
  const requireEntity = async (call: HandlerCall, id: number) => {
    const entity = await call.read((repos) => repos.entities.find(id));
    if (!entity) throw new ApiError('NOT_FOUND', 'entityNotFound', { id });
    return entity;
  };
  return {
    listEntities: (_input, { repos }) => repos.entities.list(),
    createEntity: async ({ kind, name, aliases }, call) => {
      const entityId = await call.step<number>(
        (id) => ({ kind: 'entity.create', subjectId: id, quote: name, detail: { kind } }),
        async (repos) => {
          if (await repos.entities.findByName(kind, name)) throw new ApiError('CONFLICT', 'entityExists', { name });
          const id = await repos.entities.insert(kind, name, now());
          for (const alias of [name, ...aliases]) await repos.entities.addAlias(id, alias);
          return id;
        },
      );
      return scanAliases(entityId);
    },
    addEntityAlias: async ({ entityId, alias }, call) => {
      const entity = await requireEntity(call, entityId);
      const added = await call.step({ kind: 'entity.alias', subjectId: entityId, quote: alias, detail: { entity: entity.name } }, (repos) => repos.entities.addAlias(entityId, alias));
      // Search keys fold hamza, clitics and case: a spelling that folds to an alias already there adds nothing.
      if (!added) throw new ApiError('CONFLICT', 'aliasCovered', { alias, entity: entity.name });
      return scanAliases(entityId);
    },
    deleteEntity: async ({ id }, call) => {
      const entity = await call.repos.entities.find(id);
      if (!entity) throw new ApiError('NOT_FOUND', 'entityNotFound', { id });
      await call.step({ kind: 'entity.delete', subjectId: id, quote: entity.name }, (repos) => repos.entities.delete(id));
      return { deleted: true as const };
    },
    markEntity: async ({ articleId, start, end, entityId, newEntity }, call) => {
      const { target, mentionId } = await call.step<{ target: number; exact: string; mentionId: number }>(
        (marked) => ({ kind: 'entity.mark', subjectId: marked.mentionId, articleId, quote: marked.exact }),
        async (repos) => {
          const { exact, article } = await passage(repos, articleId, start, end);
          let chosen = entityId;
          if (chosen !== undefined && !(await repos.entities.find(chosen))) throw new ApiError('NOT_FOUND', 'entityNotFound', { id: chosen });
          if (newEntity) chosen = (await repos.entities.findByName(newEntity.kind, newEntity.name))?.id ?? (await repos.entities.insert(newEntity.kind, newEntity.name, now()));
          // What the analyst marked becomes an alias, so the same spelling is found everywhere else.
          await repos.entities.addAlias(chosen!, cleanLine(exact));
          if (newEntity) await repos.entities.addAlias(chosen!, newEntity.name);
          return { target: chosen!, exact, mentionId: await repos.entities.insertAcceptedMention(chosen!, articleId, start, end, article.body, now()) };
        },
      );
      await scanAliases(target);
      return (await uow.read(async (repos) => repos.entities.findMention(mentionId)))!;
    },
    listMentions: (filter, { repos }) => repos.entities.mentions(filter),
    placeMention: async ({ id, start, end }, call) => {
      const mention = await call.repos.entities.findMention(id);
      if (!mention) throw new ApiError('NOT_FOUND', 'mentionNotFound', { id });
      const { article } = await passage(call.repos, mention.articleId, start, end);
      await call.step({ kind: 'mention.place', subjectId: id, articleId: mention.articleId, quote: mention.entityName }, (repos) => repos.entities.placeMention(id, start, end, article.body));
      return (await call.repos.entities.findMention(id))!;
    },
    deleteMention: async ({ id }, call) => {
      const mention = await call.repos.entities.findMention(id);
      if (!mention) throw new ApiError('NOT_FOUND', 'mentionNotFound', { id });
      await call.step({ kind: 'mention.delete', subjectId: id, articleId: mention.articleId, quote: mention.entityName }, (repos) => repos.entities.deleteMention(id));
      return { deleted: true as const };
    },
    reviewMentions: async ({ ids, status }, call) => {
      const first = await call.repos.entities.findMention(ids[0]!);
      const changed = await call.step<number>(
        (count) => ({
          kind: 'mention.review',
          subjectId: first?.id ?? null,
          articleId: ids.length === 1 ? (first?.articleId ?? null) : null,
          quote: first?.entityName ?? '',
          detail: { status, count },
        }),
        (repos) => repos.entities.review(ids, status),
      );
      return { changed };
    },
  };
}
