import { useCallback, useEffect, useState } from 'react';
import { errorCodeOf, type ClientErrorCode } from '../api/errors';

export type Loaded<T> = { state: 'loading' } | { state: 'error'; code: ClientErrorCode } | { state: 'ready'; data: T };

/** Loads once (and again on `reload()`); the last answer wins. */
export function useLoad<T>(load: () => Promise<T>): { result: Loaded<T>; reload: () => void } {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setResult({ state: 'ready', data }),
      (error: unknown) => current && setResult({ state: 'error', code: errorCodeOf(error) }),
    );
    return () => {
      current = false;
    };
  }, [load, round]);
  const reload = useCallback(() => setRound((value) => value + 1), []);
  return { result, reload };
}
