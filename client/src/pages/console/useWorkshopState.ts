import type { WorkshopState } from '@gommette/shared';
import { useEffect, useRef, useState } from 'react';
import { errorCodeOf, type ClientErrorCode } from '../../api/errors';
import { fetchWorkshopState } from '../../api/workshops';

/** The console refetches the figures at most this often, however fast presence changes. */
export const WORKSHOP_STATE_REFRESH_MS = 2_000;

export interface WorkshopStateResult {
  state: WorkshopState | null;
  error: ClientErrorCode | null;
}

/**
 * `GET /api/workshops/:id` (participants, moods): fetched on mount and again, throttled,
 * each time `refreshSignal` changes (the console passes the live presence).
 */
export function useWorkshopState(workshopId: string | null, token: string, refreshSignal: unknown): WorkshopStateResult {
  const [result, setResult] = useState<WorkshopStateResult>({ state: null, error: null });
  const lastFetchAt = useRef(0);
  const latestRequest = useRef(0);

  useEffect(() => {
    if (workshopId === null) return undefined;
    const wait = Math.max(0, lastFetchAt.current + WORKSHOP_STATE_REFRESH_MS - Date.now());
    const timer = setTimeout(() => {
      lastFetchAt.current = Date.now();
      const request = ++latestRequest.current;
      fetchWorkshopState(workshopId, token)
        .then((state) => {
          if (request === latestRequest.current) setResult({ state, error: null });
        })
        .catch((failure: unknown) => {
          if (request === latestRequest.current) setResult((current) => ({ state: current.state, error: errorCodeOf(failure) }));
        });
    }, wait);
    return () => clearTimeout(timer);
  }, [workshopId, token, refreshSignal]);

  useEffect(
    () => () => {
      // Unmounted: ignore answers still on their way.
      latestRequest.current++;
    },
    [],
  );

  return result;
}
