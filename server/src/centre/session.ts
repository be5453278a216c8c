import type { Response } from 'express';
import { parseCookie, stringifySetCookie } from 'cookie';
import { SESSION_COOKIE, SESSION_TTL_MS } from '@gommette/shared';
import { hashSecret, newToken } from '../security/tokens';
import type { AccountRecord, CentreStore } from '../store/CentreStore';

/** Who asks to open a console: the session cookie sent with the request or the socket handshake. */
export interface ConsoleRequester {
  centres: CentreStore;
  cookie: string | undefined;
  now: number;
}

/** The session token from a Cookie header, or null. */
export function sessionToken(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  const token = parseCookie(cookieHeader)[SESSION_COOKIE];
  return token && /^[A-Za-z0-9_-]{20,128}$/.test(token) ? token : null;
}

/** The signed-in account, from the session cookie; null when absent, unknown or expired. */
export async function sessionAccount(centres: CentreStore, cookieHeader: string | undefined, now: number): Promise<AccountRecord | null> {
  const token = sessionToken(cookieHeader);
  return token ? centres.getSessionAccount(hashSecret(token), now) : null;
}

/**
 * A workshop outside any centre opens with its link alone (the single-workshop link); a centre's
 * workshop also needs a signed-in account that is a member of that centre right now.
 */
export async function centreMemberMayRun(requester: ConsoleRequester, workshopId: string): Promise<boolean> {
  const link = await requester.centres.getCentreWorkshop(workshopId);
  if (!link) return true;
  const account = await sessionAccount(requester.centres, requester.cookie, requester.now);
  if (!account) return false;
  return (await requester.centres.getRole(link.centreId, account.id)) !== null;
}

/** Starts a session: a random token in an HttpOnly, SameSite=Lax cookie; only its hash is stored. */
export async function startSession(res: Response, centres: CentreStore, accountId: string, now: number, secure: boolean): Promise<void> {
  const token = newToken();
  await centres.createSession(hashSecret(token), accountId, now, now + SESSION_TTL_MS);
  res.append(
    'Set-Cookie',
    stringifySetCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: Math.floor(SESSION_TTL_MS / 1000) }),
  );
}

export async function endSession(res: Response, centres: CentreStore, cookieHeader: string | undefined, secure: boolean): Promise<void> {
  const token = sessionToken(cookieHeader);
  if (token) await centres.deleteSession(hashSecret(token));
  res.append('Set-Cookie', stringifySetCookie(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: 0 }));
}
