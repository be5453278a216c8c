import { setTimeout as sleep } from 'node:timers/promises';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { MAX_SIGN_IN_FAILURES_PER_ADDRESS, MAX_SIGN_IN_FAILURES_PER_LOGIN, SIGN_IN_DELAY_MS, SIGN_IN_MAX_DELAY_MS, SIGN_IN_WINDOW_MS } from '@gommette/shared';

/**
 * Brute force is slowed, never locked out: failures are counted per login × network address and
 * per address. Past MAX_SIGN_IN_FAILURES_PER_LOGIN for this login from this address, or
 * MAX_SIGN_IN_FAILURES_PER_ADDRESS from this address, each attempt is held SIGN_IN_DELAY_MS,
 * doubling per further failure up to SIGN_IN_MAX_DELAY_MS, and then judged as usual: a whole
 * venue behind one address, or someone guessing the admin's login, cannot keep the admin out.
 * A successful sign-in clears the login × address failures. Counters live in this process (per
 * node in a cluster).
 */
export class SignInLimiter {
  private readonly byLogin = new RateLimiterMemory({ points: MAX_SIGN_IN_FAILURES_PER_LOGIN, duration: SIGN_IN_WINDOW_MS / 1000 });
  private readonly byAddress = new RateLimiterMemory({ points: MAX_SIGN_IN_FAILURES_PER_ADDRESS, duration: SIGN_IN_WINDOW_MS / 1000 });

  /** How long this attempt is held before the password is checked, in ms (0 below the limits). */
  async delayFor(login: string, address: string): Promise<number> {
    const [forLogin, forAddress] = await Promise.all([this.byLogin.get(key(login, address)), this.byAddress.get(address)]);
    const excess = Math.max(
      (forLogin?.consumedPoints ?? 0) - MAX_SIGN_IN_FAILURES_PER_LOGIN,
      (forAddress?.consumedPoints ?? 0) - MAX_SIGN_IN_FAILURES_PER_ADDRESS,
    );
    if (excess < 0) return 0;
    return Math.min(SIGN_IN_DELAY_MS * 2 ** Math.min(excess, 16), SIGN_IN_MAX_DELAY_MS);
  }

  /** Holds the attempt for delayFor(); resolves with the time held. */
  async hold(login: string, address: string): Promise<number> {
    const delay = await this.delayFor(login, address);
    if (delay > 0) await sleep(delay);
    return delay;
  }

  async failed(login: string, address: string): Promise<void> {
    await Promise.all([swallow(this.byLogin.penalty(key(login, address))), swallow(this.byAddress.penalty(address))]);
  }

  async succeeded(login: string, address: string): Promise<void> {
    await this.byLogin.delete(key(login, address));
  }
}

const key = (login: string, address: string): string => `${login.toLowerCase()}|${address}`;

async function swallow(promise: Promise<unknown>): Promise<void> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
  }
}
