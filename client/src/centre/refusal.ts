import type { TFunction } from 'i18next';
import { ApiError, errorCodeOf } from '../api/errors';
import { errorMessage } from '../components/errorMessage';

/** A refusal of the space in words: wrong password, slowed sign-in, taken login, or the general message. */
export function refusalMessage(t: TFunction, error: unknown, context: 'signIn' | 'account' | 'other' = 'other'): string {
  const code = errorCodeOf(error);
  if (context === 'signIn' && code === 'unauthorized') return t('centre.wrongCredentials');
  if (code === 'rate_limited' && error instanceof ApiError) return t('centre.tooManyAttempts', { minutes: 15 });
  if (context === 'account' && code === 'conflict') return t('centre.loginTaken');
  return errorMessage(t, code);
}
