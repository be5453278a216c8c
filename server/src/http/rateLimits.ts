import type { RateLimitExceededEventHandler, RateLimitInfo } from 'express-rate-limit';
import { ErrorCode } from '@gommette/shared';
import { sendError } from './errors';

/** Answers a limited request in the same coded shape as every other error. */
export const rateLimitHandler: RateLimitExceededEventHandler = (req, res, _next, options) => {
  const info = (req as typeof req & { rateLimit?: RateLimitInfo }).rateLimit;
  const retryAfterMs = info?.resetTime ? Math.max(0, info.resetTime.getTime() - Date.now()) : options.windowMs;
  sendError(res, ErrorCode.RateLimited, 'too many requests, try again later', retryAfterMs);
};
