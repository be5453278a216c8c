import type { TFunction } from 'i18next';
import { ApiError, errorCodeOf } from '../api/errors';
import { errorMessage } from '../components/errorMessage';

/** A refusal of the space in words: wrong password, slowed sign-in, taken login, or the general message. */
export function refusalMessage(t: TFunction, error: unknown, context: 'signIn' | 'account' | 'other' = 'other'): string {
  const code = errorCodeOf(error);
  if (context === 'signIn' && code === 'unauthorized') return t('centre.wrongCredentials');
  // The real wait, from the limiter's reset time (rounded up to whole minutes); the general
  // "wait a moment" when the refusal names none.
  if (code === 'rate_limited' && error instanceof ApiError && error.retryAfterMs !== undefined) {
    return t('centre.tooManyAttempts', { count: Math.max(1, Math.ceil(error.retryAfterMs / 60_000)) });
  }
  if (context === 'account' && code === 'conflict') return t('centre.loginTaken');
  return errorMessage(t, code);
}
