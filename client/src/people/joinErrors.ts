import { JOIN_CODE_LENGTH, normalizeJoinCode } from '@gommette/shared';
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

/**
 * What is wrong with a typed join code, before asking the server: `null` when it can be a code;
 * `unknown` for 6 letters or digits that no code uses (O, 0, I, 1…): that code does not exist;
 * `length` otherwise.
 */
export function joinCodeProblem(typed: string): 'length' | 'unknown' | null {
  if (normalizeJoinCode(typed)) return null;
  return typed.replace(/[\s\-_.]/g, '').length === JOIN_CODE_LENGTH ? 'unknown' : 'length';
}

/** The sentence for a typed code's problem. */
export function joinCodeProblemMessage(t: TFunction, problem: 'length' | 'unknown'): string {
  return problem === 'unknown' ? t('join.unknownCode') : t('join.codeInvalid');
}
