import { rateLimit, type Options, type RateLimitExceededEventHandler, type RateLimitInfo, type RateLimitRequestHandler } from 'express-rate-limit';
import { ErrorCode } from '@gommette/shared';
import { sendError } from './errors';

/** Answers a limited request in the same coded shape as every other error. */
export const rateLimitHandler: RateLimitExceededEventHandler = (req, res, _next, options) => {
  const info = (req as typeof req & { rateLimit?: RateLimitInfo }).rateLimit;
  const retryAfterMs = info?.resetTime ? Math.max(0, info.resetTime.getTime() - Date.now()) : options.windowMs;
  sendError(res, ErrorCode.RateLimited, 'too many requests, try again later', retryAfterMs);
};

/**
 * Every REST rate limit is made here: the coded error above, the standard `RateLimit` headers
 * (draft 8) and not the legacy `X-RateLimit-*` ones. A route names only its window and limit
 * (and, when it needs them, its key or which requests count).
 */
export function limitRequests(
  options: Pick<Options, 'windowMs' | 'limit'> & Partial<Pick<Options, 'keyGenerator' | 'skip' | 'skipSuccessfulRequests'>>,
): RateLimitRequestHandler {
  return rateLimit({ handler: rateLimitHandler, standardHeaders: 'draft-8', legacyHeaders: false, ...options });
}
