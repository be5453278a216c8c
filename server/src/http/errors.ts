import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import { ErrorCode, VOTE_ERROR_STATUS, ackError, isDomainError, type DomainError } from '@gommette/shared';

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  bad_request: 400,
  too_large: 413,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unknown_event: 400,
  protocol_mismatch: 400,
  illegal_transition: 409,
  phase_closed: 409,
  hand_raised: 409,
  member_required: 403,
  erase_closed: 409,
  weak_password: 400,
  too_many_connections: 429,
  internal: 500,
  ...VOTE_ERROR_STATUS,
};

/** Thrown by a route to answer with a coded error; the error middleware sends it. */
export class HttpError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }

  static from(error: DomainError): HttpError {
    return new HttpError(error.error, error.message);
  }
}

/** Unwraps a domain result, throwing its refusal as an HTTP error. */
export function orThrow<T>(result: T | DomainError): T {
  if (isDomainError(result)) throw HttpError.from(result);
  return result;
}

export function sendError(res: Response, code: ErrorCode, message: string, retryAfterMs?: number): void {
  if (retryAfterMs !== undefined) res.setHeader('Retry-After', String(Math.ceil(retryAfterMs / 1000)));
  res.status(STATUS_BY_CODE[code]).json(ackError(code, message, retryAfterMs));
}

/** A payload refused by its schema: `too_large` when a field is over its limit, else `bad_request`. */
export function zodErrorCode(error: ZodError): ErrorCode {
  return error.issues.some((issue) => issue.code === 'too_big') ? ErrorCode.TooLarge : ErrorCode.BadRequest;
}

export function zodMessage(error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
    .join('; ');
}

/** Every failure leaves as `{ ok: false, code, message }`; nothing internal leaks. */
export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    if (error instanceof HttpError) return sendError(res, error.code, error.message, error.retryAfterMs);
    if (error instanceof ZodError) return sendError(res, zodErrorCode(error), zodMessage(error));
    const type = typeof error === 'object' && error !== null && 'type' in error ? error.type : undefined;
    if (type === 'entity.too.large') return sendError(res, ErrorCode.TooLarge, 'request body too large');
    if (type === 'entity.parse.failed' || type === 'encoding.unsupported' || type === 'charset.unsupported') {
      return sendError(res, ErrorCode.BadRequest, 'request body is not valid JSON');
    }
    // A path that does not decode (`%FF`): express refuses it with status 400 before any route.
    const status = typeof error === 'object' && error !== null && 'status' in error ? error.status : undefined;
    if (status === 400 || error instanceof URIError) return sendError(res, ErrorCode.BadRequest, 'malformed request');
    logger.error({ err: error, method: req.method, path: req.path }, 'request failed');
    return sendError(res, ErrorCode.Internal, 'internal error');
  };
}
