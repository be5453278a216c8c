import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { COMMAND_WINDOW_MS, MAX_COMMANDS_PER_WINDOW, MAX_IDEAS_PER_MINUTE } from '@gommette/shared';

/** Per-person limits for real-time commands (keyed by participant, not by network address). */
export interface Limiters {
  ideas: RateLimiterMemory;
  commands: RateLimiterMemory;
}

export function createLimiters(): Limiters {
  return {
    ideas: new RateLimiterMemory({ points: MAX_IDEAS_PER_MINUTE, duration: 60 }),
    commands: new RateLimiterMemory({ points: MAX_COMMANDS_PER_WINDOW, duration: COMMAND_WINDOW_MS / 1000 }),
  };
}

/** Takes one point; resolves to null when allowed, or to the wait in ms when limited. */
export async function take(limiter: RateLimiterMemory, key: string): Promise<number | null> {
  try {
    await limiter.consume(key);
    return null;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return rejection.msBeforeNext;
    throw rejection;
  }
}
