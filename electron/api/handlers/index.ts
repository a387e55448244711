/**
 * The handler table, one function per contract method, split by domain, and the dispatcher: the
 * only door both transports (IPC in the desktop app, HTTP in browser mode) use. The dispatcher
 * validates the argument and owns the call's unit of work: a read runs in one read transaction,
 * a write in one write transaction; a long call (one that waits for files or a background job)
 * opens its own short units around the waiting.
 */
import { ZodError } from 'zod';
import { StoreBusyError, StoreFullError, StoreReadOnlyError, UndoRefusedError } from '../../../db/errors';
import { LimitError } from '../../../db/text/fields';
import { type ApiErrorBody, errorBody } from '../constants';
import { type ErrorKey, errorMessages, type ErrorParams } from '../error-messages';
import { type ApiMethod, type ApiResult, contract } from '../contract';
import { annotationHandlers } from './annotations';
import { articleHandlers } from './articles';
import { claimHandlers } from './claims';
import { codebookHandlers } from './codebook';
import { ApiError, type HandlerCall, type Handlers, LOCAL_ACTOR, type Services } from './common';
import { entityHandlers } from './entities';
import { historyHandlers } from './history';
import { libraryHandlers } from './library';
import { interchangeHandlers } from './interchange';
import { reportHandlers } from './reports';
import { viewHandlers } from './views';

export { ApiError, type Handlers, type Services } from './common';

/** Builds the handler table over the store's services. */
export function createHandlers(services: Services): Handlers {
  return {
    ...articleHandlers(services),
    ...codebookHandlers(services),
    ...annotationHandlers(services),
    ...entityHandlers(services),
    ...historyHandlers(services),
    ...claimHandlers(services),
    ...viewHandlers(services),
    ...libraryHandlers(services),
    ...interchangeHandlers(services),
    ...reportHandlers(services),
  };
}

/** A long call's `repos`: it has no transaction of its own, so it must open units with `write` or `step`. */
const outsideAUnit = new Proxy({} as HandlerCall['repos'], {
  get: (_target, domain) => {
    throw new Error(`a long call used repos.${String(domain)} outside a unit of work; use call.write or call.step`);
  },
});

/** Who calls: the window it comes from (undo is per window). */
export interface CallContext {
  client?: string;
}

/** Calls a method by name with an unchecked argument: validates it, runs it, and wraps the result. */
export type Dispatch = (method: string, arg: unknown, context?: CallContext) => Promise<ApiResult<unknown>>;

/** Turns a handler table into a {@link Dispatch} over the store's unit of work. */
export function createDispatcher(handlers: Handlers, { uow, now }: Pick<Services, 'uow' | 'now'>): Dispatch {
  return async (method, arg, context = {}) => {
    if (!Object.hasOwn(contract, method)) {
      return { ok: false, error: errorBody('UNKNOWN_METHOD', 'unknownMethod', { method }) };
    }
    const name = method as ApiMethod;
    const { access } = contract[name];
    try {
      const input = contract[name].input.parse(arg ?? {});
      const handler = handlers[name] as (input: unknown, call: HandlerCall) => Promise<unknown>;
      const client = context.client ?? LOCAL_ACTOR;
      const call = (repos: HandlerCall['repos']): HandlerCall => ({
        repos,
        client,
        read: (work) => uow.read(work),
        write: (work) => uow.write(work),
        step: (label, work) => uow.step({ actor: LOCAL_ACTOR, client, now: now() }, label, work),
      });
      const value =
        access === 'read'
          ? await uow.read((repos) => handler(input, call(repos)))
          : access === 'write'
            ? await uow.write((repos) => handler(input, call(repos)))
            : await handler(input, call(outsideAUnit));
      return access === 'read' ? { ok: true, value } : { ok: true, value, wrote: true };
    } catch (error) {
      return { ok: false, error: describeError(error) };
    }
  };
}

function describeError(error: unknown): ApiErrorBody {
  if (error instanceof ApiError) return error.body;
  if (error instanceof UndoRefusedError) return errorBody('CONFLICT', 'undoRefused', { reason: error.message });
  if (error instanceof StoreBusyError) return errorBody('BUSY', 'storeBusy', { seconds: error.waitedSeconds });
  if (error instanceof StoreFullError) return errorBody('INTERNAL', 'storeFull');
  if (error instanceof StoreReadOnlyError) return errorBody('INTERNAL', 'storeReadOnly');
  if (error instanceof LimitError) return errorBody('INVALID_ARGUMENT', error.key, error.params);
  if (error instanceof ZodError) {
    // A value over its limit (the first thing wrong with the request) is named with the limit, in both languages.
    const [first] = error.issues;
    if (first?.code === 'too_big' && (first.origin === 'string' || first.origin === 'array')) {
      return errorBody('INVALID_ARGUMENT', first.origin === 'string' ? 'tooLong' : 'tooMany', { field: first.path.join('.') || 'value', max: Number(first.maximum) });
    }
    if (first?.code === 'custom' && typeof first.params?.key === 'string' && first.params.key in errorMessages.en) {
      const { key, ...params } = first.params as { key: ErrorKey } & ErrorParams;
      return errorBody('INVALID_ARGUMENT', key, params);
    }
    // One message per field: a format's own (dates are written YYYY-MM-DD) says enough without its length's.
    const fields = new Set<string>();
    const issues = error.issues
      .filter((i) => {
        const field = i.path.join('.');
        const repeated = fields.has(field);
        fields.add(field);
        return !repeated;
      })
      .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
    return errorBody('INVALID_ARGUMENT', 'invalidRequest', { details: issues.join('; ') });
  }
  return errorBody('INTERNAL', 'internal', { reason: error instanceof Error ? error.message : String(error) });
}
