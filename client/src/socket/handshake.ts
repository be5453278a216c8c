import { ErrorCode } from '@gommette/shared';
import { isErrorCode } from '../api/errors';
import { isRecord } from '../storage/storage';

/** Refusals that will not change by retrying: the view must tell the person and stop. */
const FINAL_REFUSALS: ReadonlySet<ErrorCode> = new Set([
  ErrorCode.Unauthorized,
  ErrorCode.Forbidden,
  ErrorCode.MemberRequired,
  ErrorCode.ProtocolMismatch,
  ErrorCode.NotFound,
  ErrorCode.BadRequest,
]);

/** The code a refused handshake carries in `connect_error`'s `data`, if any. */
export function handshakeErrorCode(error: unknown): ErrorCode | null {
  if (typeof error !== 'object' || error === null) return null;
  const data: unknown = (error as { data?: unknown }).data;
  return isRecord(data) && isErrorCode(data.code) ? data.code : null;
}

export function isFinalRefusal(code: ErrorCode | null): code is ErrorCode {
  return code !== null && FINAL_REFUSALS.has(code);
}
