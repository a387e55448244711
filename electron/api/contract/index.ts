/**
 * The one typed contract between the renderer and the store, split by domain.
 *
 * Every method takes one plain argument object, validated here with zod at the boundary,
 * and returns a result envelope. Method names are written once, as the keys of `contract`;
 * the IPC and HTTP transports, the preload and the renderer's client all loop over them.
 * The renderer imports only types from here (values from ../constants), so zod stays out of
 * its bundle.
 */
import type { z } from 'zod';
import type { ApiResult } from '../constants';
import type { ApiMethodName } from '../method-names';
import { annotationsMethods } from './annotations';
import { articlesMethods } from './articles';
import { claimsMethods } from './claims';
import { codebookMethods } from './codebook';
import { entitiesMethods } from './entities';
import { historyMethods } from './history';
import { libraryMethods } from './library';
import { interchangeMethods } from './interchange';
import { reportsMethods } from './reports';
import { viewsMethods } from './views';

export type * from '../../../db/model';
export * from '../constants';
export type { MethodAccess } from './schemas';
export type { BackupReport, RestoreReport } from './library';
export type { ExportedFile } from './interchange';

/** The API: method name → argument schema, result type and access. */
export const contract = {
  ...articlesMethods,
  ...codebookMethods,
  ...annotationsMethods,
  ...entitiesMethods,
  ...historyMethods,
  ...claimsMethods,
  ...viewsMethods,
  ...libraryMethods,
  ...interchangeMethods,
  ...reportsMethods,
};


/** The name of an API method. */
export type ApiMethod = keyof typeof contract;

/** The argument a method takes, as a caller writes it. */
export type ApiInput<M extends ApiMethod> = z.input<(typeof contract)[M]['input']>;

/** The argument a handler receives, after validation. */
export type ApiParsedInput<M extends ApiMethod> = z.output<(typeof contract)[M]['input']>;

/** What a method returns on success. */
export type ApiOutput<M extends ApiMethod> = (typeof contract)[M]['output'];

/** Every method name, in contract order. */
export const apiMethodNames = Object.keys(contract) as ApiMethod[];

// The preload's list of names (no zod) names exactly the contract's methods: this fails to
// compile when a method is added to one and not the other.
type SameNames<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const namesMatch: SameNames<ApiMethodName, ApiMethod> = true;
void namesMatch;

export { ipcChannel } from '../method-names';

/** The client the renderer calls: one async function per method, resolving to the result or throwing. */
export type ApiClient = { [M in ApiMethod]: (arg: ApiInput<M>) => Promise<ApiOutput<M>> };

/** What the preload exposes: one function per method, resolving to the raw envelope. */
export type ApiBridge = { [M in ApiMethod]: (arg: ApiInput<M>) => Promise<ApiResult<ApiOutput<M>>> };
