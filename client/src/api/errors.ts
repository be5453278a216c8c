import { ErrorCode } from '@gommette/shared';

/** What can go wrong, as the UI translates it: the server's codes plus the client's own. */
export type ClientErrorCode = ErrorCode | 'network' | 'timeout';

const SERVER_CODES = new Set<string>(Object.values(ErrorCode));

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && SERVER_CODES.has(value);
}

/** A refused or failed HTTP call; `code` is what the UI translates (`errors.<code>`). */
export class ApiError extends Error {
  readonly code: ClientErrorCode;
  readonly status: number;
  /** For `rate_limited`: how long the server asks to wait (from the limiter's reset time), if it said. */
  readonly retryAfterMs: number | undefined;

  constructor(code: ClientErrorCode, status: number, message: string, retryAfterMs?: number) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.retryAfterMs = retryAfterMs;
  }
}

export function errorCodeOf(error: unknown): ClientErrorCode {
  if (error instanceof ApiError) return error.code;
  return 'network';
}
