/** Running a change from a screen: on success the error clears and `after` (if any) runs; on failure the message shows. */
import { useCallback, useState } from 'react';

/** The current error message, a setter for it, and `run(change)`. */
export function useAction(after?: () => void): { error: string | null; setError: (message: string | null) => void; run: (change: () => Promise<unknown>) => Promise<void> } {
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (change: () => Promise<unknown>) => {
      try {
        await change();
        setError(null);
        after?.();
      } catch (e) {
        setError((e as Error).message);
      }
    },
    [after],
  );
  return { error, setError, run };
}
