/** Calling a method by name with its types: the CLI, the benches and the tests use this instead of casting results. */
import type { ApiInput, ApiMethod, ApiOutput, ApiResult } from './contract';
import type { CallContext, Dispatch } from './handlers';

/** Calls `method` through `dispatch`, with the argument and result types the contract gives it. */
export function callMethod<M extends ApiMethod>(dispatch: Dispatch, method: M, arg: ApiInput<M>, context?: CallContext): Promise<ApiResult<ApiOutput<M>>> {
  return dispatch(method, arg, context) as Promise<ApiResult<ApiOutput<M>>>;
}
