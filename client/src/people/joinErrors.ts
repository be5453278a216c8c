import type { TFunction } from 'i18next';
import type { ClientErrorCode } from '../api/errors';
import { errorMessage } from '../components/errorMessage';

/** Joining: an unknown code is about the letters on the screen; a refusal for speed is the crowd. */
export function joinErrorMessage(t: TFunction, code: ClientErrorCode): string {
  if (code === 'not_found') return t('join.unknownCode');
  if (code === 'rate_limited') return t('join.tooManyJoins');
  return errorMessage(t, code);
}

/** Resuming with a card: an unknown card, or too many wrong tries. */
export function resumeErrorMessage(t: TFunction, code: ClientErrorCode): string {
  if (code === 'not_found') return t('join.cardUnknown');
  if (code === 'rate_limited') return t('join.tooManyTries');
  return errorMessage(t, code);
}
