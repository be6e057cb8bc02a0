import { QueryClient, QueryObserver, type QueryKey } from '@tanstack/query-core';
import { useEffect, useState } from 'preact/hooks';

/**
 * The client's one data cache. A page shows what it had at once and refetches on mount (stale
 * at once, as before the cache); the live stream and the console's own changes invalidate by
 * key prefix (`['alerts']`), so open lists refresh without polling.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    // The API answers with translated errors; showing them at once beats silent retries.
    queries: { retry: false, refetchOnWindowFocus: false },
  },
});

/** Key prefixes shared by the features that read and those that invalidate. */
export const alertQueries = ['alerts'] as const;

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  isLoading: boolean;
  reload: () => void;
}

export interface QueryOptions {
  /** false: wait (e.g. for the session) without fetching. */
  enabled?: boolean;
  /** Refetch this often while mounted. */
  refetchIntervalMs?: number;
}

/** `load` cached under `key`; the component re-renders as the cached entry changes. */
export function useQuery<T>(
  key: QueryKey,
  load: () => Promise<T>,
  { enabled = true, refetchIntervalMs }: QueryOptions = {},
): Loaded<T> {
  const options = queryClient.defaultQueryOptions({
    queryKey: key,
    queryFn: load,
    enabled,
    refetchInterval: refetchIntervalMs ?? false,
  });
  const [observer] = useState(() => new QueryObserver<T>(queryClient, options));
  const [, rerender] = useState(0);
  useEffect(() => observer.subscribe(() => rerender((n) => n + 1)), [observer]);
  // `load` is a fresh closure each render; the key says when its inputs changed.
  useEffect(() => observer.setOptions(options), [options.queryHash, enabled, refetchIntervalMs]);
  const result = observer.getOptimisticResult(options);
  return {
    data: result.data,
    error: result.error,
    isLoading: result.isFetching,
    reload: () => void result.refetch(),
  };
}
