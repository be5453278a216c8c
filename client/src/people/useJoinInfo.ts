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

/** What a join code opens (workshop, question, purpose, site). Mount with `key={joinCode}`. */
export function useJoinInfo(joinCode: string): JoinInfoState {
  const [info, setInfo] = useState<JoinInfo | null>(() => loadJoinInfo(joinCode));
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const [loading, setLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    fetchJoinInfo(joinCode, controller.signal)
      .then((fetched) => {
        saveJoinInfo(fetched);
        setInfo(fetched);
        setError(null);
        setLoading(false);
      })
      .catch((failure: unknown) => {
        if (isAbort(failure)) return;
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
