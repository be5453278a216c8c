import type { Request, RequestHandler } from 'express';
import { MAX_WORKSHOPS_PER_HOUR } from '@gommette/shared';
import { limitRequests } from '../http/rateLimits';
import { ErrorCode, canDo, serverIdSchema, type CentreAction, type CentreRole } from '@gommette/shared';
import type { AppContext } from '../context';
import { HttpError } from '../http/errors';
import { isAllowedOrigin } from '../realtime/origin';
import type { AccountRecord, CentreRecord } from '../store/CentreStore';
import { sessionAccount } from './session';

/** The signed-in account, or 401. */
export async function requireAccount(ctx: AppContext, req: Request): Promise<AccountRecord> {
  const account = await sessionAccount(ctx.centres, req.headers.cookie, ctx.now());
  if (!account) throw new HttpError(ErrorCode.Unauthorized, 'sign in first');
  return account;
}

/**
 * The centre, the account and its role, when the account may do `action` there: 401 without a
 * session, 404 for an unknown centre, 403 for a non-member (removed, or of another centre) or a
 * role without that right.
 */
export async function requireRight(
  ctx: AppContext,
  req: Request,
  action: CentreAction,
): Promise<{ centre: CentreRecord; account: AccountRecord; role: CentreRole }> {
  const account = await requireAccount(ctx, req);
  const id = serverIdSchema.safeParse(req.params.centreId);
  const centre = id.success ? await ctx.centres.getCentre(id.data) : null;
  if (!centre) throw new HttpError(ErrorCode.NotFound, 'no such centre');
  const role = await ctx.centres.getRole(centre.id, account.id);
  if (!role) throw new HttpError(ErrorCode.Forbidden, 'not a member of this centre');
  if (!canDo(role, action)) throw new HttpError(ErrorCode.Forbidden, `a ${role} may not do this`);
  return { centre, account, role };
}

/**
 * The session cookie rides along with any request to this server, so a write authenticated by it
 * must come from a page of this server (SameSite=Lax already keeps most cross-site posts out).
 */
export function requireSameOrigin(ctx: AppContext, req: Request): void {
  if (!isAllowedOrigin(req.headers, ctx.config)) throw new HttpError(ErrorCode.Forbidden, 'origin not allowed');
}

export function idParam(value: unknown, what: string): string {
  const id = serverIdSchema.safeParse(value);
  if (!id.success) throw new HttpError(ErrorCode.NotFound, `no such ${what}`);
  return id.data;
}

/** Writes of the space (templates, links, shares): per address, per hour. */
export function centreWriteLimiter(): RequestHandler {
  return limitRequests({ windowMs: 60 * 60_000, limit: MAX_WORKSHOPS_PER_HOUR * 4 });
}
