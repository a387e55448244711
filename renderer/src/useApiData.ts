/** Loads data from the API for a screen, reloading when `deps` change, and keeps the error. */
import { type DependencyList, useCallback, useEffect, useState } from 'react';

/** The loaded value (null until it arrives), the error message if loading failed, and a reload function. */
export function useApiData<T>(load: () => Promise<T>, deps: DependencyList): { data: T | null; error: string | null; reload: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    load().then(
      (value) => current && (setData(value), setError(null)),
      (e: unknown) => current && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      current = false;
    };
  }, [...deps, version]);
  return { data, error, reload: useCallback(() => setVersion((v) => v + 1), []) };
}
