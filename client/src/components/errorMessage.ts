import type { TFunction } from 'i18next';
import type { ClientErrorCode } from '../api/errors';

/** The person's-language message for an error code (`errors.<code>`). */
export function errorMessage(t: TFunction, code: ClientErrorCode): string {
  return t(`errors.${code}`);
}
