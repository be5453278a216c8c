import type { Request, Router } from 'express';
import {
  ErrorCode,
  acceptInvitationBody,
  invitationLookupBody,
  type InvitationLookup,
  createCentreBody,
  credentialsBody,
  normalizeText,
  type AccountView,
} from '@gommette/shared';
import type { AppContext } from '../context';
import { HttpError } from '../http/errors';
import { limitRequests } from '../http/rateLimits';
import { hashSecret, newId } from '../security/tokens';
import { UniqueViolationError } from '../store/WorkshopStore';
import type { AccountRecord } from '../store/CentreStore';
import { requireAccount, requireSameOrigin } from './guard';
import { requireStrongPassword } from './passwordStrength';
import { hashPassword, verifyPassword } from './passwords';
import { endSession, sessionAccount, startSession } from './session';
import { SignInLimiter } from './signInLimiter';
import { guardedRouter } from '../http/guards';

/** Centres one address may create per hour. */
const MAX_CENTRES_PER_HOUR = 10;

export async function accountView(ctx: AppContext, account: AccountRecord): Promise<AccountView> {
  const memberships = await ctx.centres.listMemberships(account.id);
  return {
    id: account.id,
    login: account.login,
    centres: memberships.map(({ centre, role }) => ({ id: centre.id, name: centre.name, town: centre.town, role })),
  };
}

const normalizeLogin = (login: string): string => login.toLowerCase();
const address = (req: Request): string => req.ip ?? 'unknown';

/** Accounts, sessions, new centres and invitations. */
export function accountRoutes(ctx: AppContext): Router {
  const router = guardedRouter();
  const { centres } = ctx;
  const signIn = new SignInLimiter();
  const centreLimiter = limitRequests({ windowMs: 60 * 60_000, limit: MAX_CENTRES_PER_HOUR });
  const invitationLimiter = limitRequests({ windowMs: 15 * 60_000, limit: 20, skipSuccessfulRequests: true });

  async function newAccount(login: string, password: string): Promise<AccountRecord> {
    requireStrongPassword(password, normalizeLogin(login));
    return { id: newId(), login: normalizeLogin(login), passwordHash: await hashPassword(password), createdAt: ctx.now() };
  }

  router.get('/api/account', async (req, res) => {
    const account = await requireAccount(ctx, req);
    res.json(await accountView(ctx, account));
  });

  router.post('/api/account/sign-in', async (req, res) => {
    requireSameOrigin(ctx, req);
    const body = credentialsBody.parse(req.body);
    const login = normalizeLogin(body.login);
    // Past the failure limits the attempt is held (a delay, not a lockout), then judged as usual.
    await signIn.hold(login, address(req));
    const account = await centres.getAccountByLogin(login);
    if (!(await verifyPassword(account?.passwordHash ?? null, body.password)) || !account) {
      await signIn.failed(login, address(req));
      throw new HttpError(ErrorCode.Unauthorized, 'wrong login or password');
    }
    await signIn.succeeded(login, address(req));
    await startSession(res, centres, account.id, ctx.now(), req.secure);
    res.json(await accountView(ctx, account));
  });

  router.post('/api/account/sign-out', async (req, res) => {
    requireSameOrigin(ctx, req);
    await endSession(res, centres, req.headers.cookie, req.secure);
    res.status(204).end();
  });

  /** A new space: the signed-in account becomes its admin, or a new admin account is made. */
  router.post('/api/centres', centreLimiter, async (req, res) => {
    requireSameOrigin(ctx, req);
    const body = createCentreBody.parse(req.body);
    const name = normalizeText(body.name);
    const town = normalizeText(body.town);
    if (name.length === 0) throw new HttpError(ErrorCode.BadRequest, 'a centre needs a name');
    let account = await sessionAccount(centres, req.headers.cookie, ctx.now());
    let signedIn = false;
    if (!account) {
      if (!body.admin) throw new HttpError(ErrorCode.Unauthorized, 'sign in, or choose the admin login and password');
      account = await newAccount(body.admin.login, body.admin.password);
      try {
        await centres.createAccount(account);
      } catch (error) {
        if (error instanceof UniqueViolationError) throw new HttpError(ErrorCode.Conflict, 'this login is taken');
        throw error;
      }
      signedIn = true;
    }
    const centre = { id: newId(), name, town, retentionDays: null, territoryOptIn: false, createdAt: ctx.now() };
    await centres.createCentre(centre, account.id);
    if (signedIn) await startSession(res, centres, account.id, ctx.now(), req.secure);
    ctx.logger.info({ centreId: centre.id }, 'centre created');
    res.status(201).json(await accountView(ctx, account));
  });

  /** Names the centre an invitation opens, before it is used (nothing else about the centre). */
  router.post('/api/invitations/lookup', invitationLimiter, async (req, res) => {
    const { token } = invitationLookupBody.parse(req.body);
    const centreName = await centres.invitationCentreName(hashSecret(token), ctx.now());
    if (centreName === null) throw new HttpError(ErrorCode.NotFound, 'this invitation was already used or has expired');
    const body: InvitationLookup = { centreName };
    res.json(body);
  });

  /** Uses an invitation (single use): with a new account, or for the signed-in one. */
  router.post('/api/invitations/accept', invitationLimiter, async (req, res) => {
    requireSameOrigin(ctx, req);
    const body = acceptInvitationBody.parse(req.body);
    const current = await sessionAccount(centres, req.headers.cookie, ctx.now());
    const created = body.account ? await newAccount(body.account.login, body.account.password) : null;
    if (!created && !current) throw new HttpError(ErrorCode.Unauthorized, 'sign in, or choose a login and password');
    const result = await centres.acceptInvitation(hashSecret(body.token), created ? { newAccount: created } : { accountId: current!.id }, ctx.now());
    if (!result.ok) {
      if (result.reason === 'login_taken') throw new HttpError(ErrorCode.Conflict, 'this login is taken');
      throw new HttpError(ErrorCode.NotFound, 'this invitation was already used or has expired');
    }
    const account = await centres.getAccount(result.accountId);
    if (!account) throw new HttpError(ErrorCode.Internal, 'account vanished');
    if (created) await startSession(res, centres, account.id, ctx.now(), req.secure);
    ctx.logger.info({ centreId: result.centreId, role: result.role }, 'invitation accepted');
    res.json(await accountView(ctx, account));
  });

  return router;
}
