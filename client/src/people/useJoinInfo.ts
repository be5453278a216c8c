import type { JoinInfo } from '@gommette/shared';
import { useCallback, useEffect, useState } from 'react';
import { errorCodeOf, type ClientErrorCode } from '../api/errors';
import { isAbort } from '../api/http';
import { fetchJoinInfo } from '../api/participants';
import { loadJoinInfo, saveJoinInfo } from '../storage/participantStore';

export interface JoinInfoState {
  /** The latest known info: fetched now, or remembered from a previous visit. */
  info: JoinInfo | null;
  loading: boolean;
  error: ClientErrorCode | null;
  retry: () => void;
}

/** A request started before the page rendered (`prefetchJoinInfo`), taken by the first `useJoinInfo`. */
const early = new Map<string, Promise<JoinInfo>>();

/**
 * Starts asking what a join code opens as soon as the phone page's script runs, in parallel with
 * the words and the first render: one round trip less before the météo on a slow network.
 */
export function prefetchJoinInfo(joinCode: string): void {
  const request = fetchJoinInfo(joinCode);
  request.catch(() => undefined);
  early.set(joinCode, request);
}

/** What a join code opens (workshop, question, purpose, site). Mount with `key={joinCode}`. */
export function useJoinInfo(joinCode: string): JoinInfoState {
  const [info, setInfo] = useState<JoinInfo | null>(() => loadJoinInfo(joinCode));
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const [loading, setLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    const prefetched = early.get(joinCode);
    early.delete(joinCode);
    (prefetched ?? fetchJoinInfo(joinCode, controller.signal))
      .then((fetched) => {
        if (controller.signal.aborted) return;
        saveJoinInfo(fetched);
        setInfo(fetched);
        setError(null);
        setLoading(false);
      })
      .catch((failure: unknown) => {
        if (isAbort(failure) || controller.signal.aborted) return;
        setError(errorCodeOf(failure));
        setLoading(false);
      });
    return () => controller.abort();
  }, [joinCode, attempt]);

  const retry = useCallback(() => {
    setLoading(true);
    setError(null);
    setAttempt((count) => count + 1);
  }, []);

  return { info, loading, error, retry };
}
