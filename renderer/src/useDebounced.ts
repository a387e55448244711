/** A value that follows another once it has stopped changing for `delay` ms (typing into a filter). */
import { useEffect, useState } from 'react';

/** `value`, updated only after it has stayed the same for `delay` ms. */
export function useDebounced<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}
