/**
 * Data fetching with TanStack Query: every read is cached under its method and argument, and
 * every call that changes the store (the API marks it) invalidates the cache, so the screens on
 * show refetch what they display, and only what changed re-renders.
 */
import { keepPreviousData, QueryClient, useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import type { ApiClient, ApiInput, ApiMethod, ApiOutput } from '../../electron/api/contract';
import { api, onStoreWrite } from './api';

/** The app's one query cache. Local data: no retries, no refetch on focus. */
export const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: Infinity } },
});

let writes = 0;
onStoreWrite(() => {
  writes += 1;
  void queryClient.invalidateQueries();
});

/** How many writes the store has had from this window: server-paged grids refresh their blocks when it changes. */
export function useStoreWrites(): number {
  return useSyncExternalStore(onStoreWrite, () => writes);
}

/**
 * A read through the API: its value (null until it arrives), the error message, and a refetch.
 * `keepPrevious` keeps showing the value for the previous argument until the new one arrives
 * (a screen whose filters change its argument does not empty itself on every change).
 */
export function useApiQuery<M extends ApiMethod>(
  method: M,
  arg: ApiInput<M>,
  {
    enabled = true,
    refetchInterval,
    keepPrevious = false,
  }: { enabled?: boolean; refetchInterval?: number | false | ((data: ApiOutput<M> | null) => number | false); keepPrevious?: boolean } = {},
): { data: ApiOutput<M> | null; error: string | null; reload: () => void } {
  const query = useQuery({
    queryKey: [method, arg],
    queryFn: () => (api[method] as ApiClient[M])(arg as never) as Promise<ApiOutput<M>>,
    enabled,
    placeholderData: keepPrevious ? keepPreviousData : undefined,
    refetchInterval: typeof refetchInterval === 'function' ? (query) => refetchInterval((query.state.data as ApiOutput<M> | undefined) ?? null) : refetchInterval,
  });
  return {
    data: (query.data as ApiOutput<M> | undefined) ?? null,
    error: query.error ? query.error.message : null,
    reload: () => void query.refetch(),
  };
}

/**
 * Puts what a write just returned into a cached read at once, so the screen shows it without
 * waiting for the refetch the write set off (which then confirms it, unchanged).
 */
export function updateCachedQuery<M extends ApiMethod>(method: M, arg: ApiInput<M>, update: (value: ApiOutput<M>) => ApiOutput<M>): void {
  queryClient.setQueryData<ApiOutput<M>>([method, arg], (value) => (value === undefined ? value : update(value)));
}
