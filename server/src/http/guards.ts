import { Router, type Request, type RequestHandler } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import { z } from 'zod';
import {
  ErrorCode,
  MAX_ANONYMOUS_REQUESTS_PER_ADDRESS_PER_MINUTE,
  MAX_PATH_ID_CHARS,
  MAX_REQUESTS_PER_ADDRESS_PER_MINUTE,
  MAX_REQUESTS_PER_TOKEN_PER_MINUTE,
  serverIdSchema,
  STAFF_LINK_ROLES,
} from '@gommette/shared';
import { sessionToken } from '../centre/session';
import { hashSecret } from '../security/tokens';
import { bearerToken } from '../security/access';
import { HttpError } from './errors';
import { limitRequests } from './rateLimits';

const MINUTE_MS = 60_000;
/** A join code as typed: letters, digits, spaces and dashes ("kp7-wq3"); normalised by the route. */
const JOIN_CODE_PARAM_MAX_CHARS = 24;

/**
 * Every named parameter of a REST path and its shape: a request whose id does not fit is answered
 * `400 bad_request` before any handler (or the store) sees it. A route with a parameter missing
 * here is caught by server/test/ids.test.ts.
 */
export const PATH_PARAM_SCHEMAS: Record<string, z.ZodType<string>> = {
  id: serverIdSchema,
  workshopId: serverIdSchema,
  centreId: serverIdSchema,
  briefId: serverIdSchema,
  seriesId: serverIdSchema,
  templateId: z.string().regex(new RegExp(`^[A-Za-z0-9_-]{1,${MAX_PATH_ID_CHARS}}$`)),
  accountId: serverIdSchema,
  joinCode: z.string().regex(new RegExp(`^[A-Za-z0-9 -]{1,${JOIN_CODE_PARAM_MAX_CHARS}}$`)),
  file: z.string().regex(/^[a-z]{1,32}\.(csv|json)$/),
  role: z.enum(STAFF_LINK_ROLES),
  linkId: serverIdSchema,
  siteId: serverIdSchema,
};

/** An express Router whose path parameters are checked against PATH_PARAM_SCHEMAS. */
export function guardedRouter(): Router {
  const router = Router();
  for (const [name, schema] of Object.entries(PATH_PARAM_SCHEMAS)) {
    router.param(name, (_req, _res, next, value: unknown) => {
      next(schema.safeParse(value).success ? undefined : new HttpError(ErrorCode.BadRequest, `invalid ${name}`));
    });
  }
  return router;
}

/**
 * Who a request speaks for, for rate limiting: the hash of its bearer token or of its session
 * cookie (never the raw secret, even in memory), or null when it carries neither.
 */
export function credentialKey(req: Request): string | null {
  const token = bearerToken(req.headers.authorization);
  if (token) return `token:${hashSecret(token)}`;
  const session = sessionToken(req.headers.cookie);
  return session ? `session:${hashSecret(session)}` : null;
}

/**
 * Limits on every `/api` request, before the routes' own: per token or session when the request
 * carries one (a whole room shares the venue's address, so the address would punish everyone),
 * per address otherwise, and a high ceiling per address for everything (random tokens do not
 * buy a fresh allowance).
 */
export function apiRateLimits(): RequestHandler[] {
  const address = (req: Request): string => ipKeyGenerator(req.ip ?? 'unknown');
  return [
    limitRequests({ windowMs: MINUTE_MS, limit: MAX_REQUESTS_PER_ADDRESS_PER_MINUTE, keyGenerator: address }),
    limitRequests({
      windowMs: MINUTE_MS,
      limit: MAX_ANONYMOUS_REQUESTS_PER_ADDRESS_PER_MINUTE,
      skip: (req) => credentialKey(req) !== null,
      keyGenerator: address,
    }),
    limitRequests({
      windowMs: MINUTE_MS,
      limit: MAX_REQUESTS_PER_TOKEN_PER_MINUTE,
      skip: (req) => credentialKey(req) === null,
      keyGenerator: (req) => credentialKey(req) ?? '',
    }),
  ];
}
