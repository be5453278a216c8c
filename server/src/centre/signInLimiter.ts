import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { MAX_SIGN_IN_FAILURES_PER_ADDRESS, MAX_SIGN_IN_FAILURES_PER_LOGIN, SIGN_IN_WINDOW_MS } from '@gommette/shared';

/**
 * Brute force is slowed per account AND per network address: after too many wrong passwords for a
 * login (from anywhere) or from an address (for any login), sign-in waits until the window ends,
 * even with the right password. A successful sign-in clears the login's failures.
 */
export class SignInLimiter {
  private readonly byLogin = new RateLimiterMemory({ points: MAX_SIGN_IN_FAILURES_PER_LOGIN, duration: SIGN_IN_WINDOW_MS / 1000 });
  private readonly byAddress = new RateLimiterMemory({ points: MAX_SIGN_IN_FAILURES_PER_ADDRESS, duration: SIGN_IN_WINDOW_MS / 1000 });

  /** The wait in ms when this login or address is blocked, else null. */
  async blockedFor(login: string, address: string): Promise<number | null> {
    const [forLogin, forAddress] = await Promise.all([this.byLogin.get(login.toLowerCase()), this.byAddress.get(address)]);
    const waits = [
      forLogin && forLogin.consumedPoints >= MAX_SIGN_IN_FAILURES_PER_LOGIN ? forLogin.msBeforeNext : 0,
      forAddress && forAddress.consumedPoints >= MAX_SIGN_IN_FAILURES_PER_ADDRESS ? forAddress.msBeforeNext : 0,
    ];
    const wait = Math.max(...waits);
    return wait > 0 ? wait : null;
  }

  async failed(login: string, address: string): Promise<void> {
    await Promise.all([swallow(this.byLogin.penalty(login.toLowerCase())), swallow(this.byAddress.penalty(address))]);
  }

  async succeeded(login: string): Promise<void> {
    await this.byLogin.delete(login.toLowerCase());
  }
}

async function swallow(promise: Promise<unknown>): Promise<void> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
  }
}
