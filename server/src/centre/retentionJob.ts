import type { AppContext } from '../context';

/** How often the retention setting is applied (also once at start-up). */
export const RETENTION_INTERVAL_MS = 60 * 60_000;

/**
 * Applies every centre's retention period: participant tokens, card hashes and nicknames of
 * workshops older than it are erased; anonymous counts and ideas stay. Returns a stop function.
 */
export function startRetentionJob(ctx: AppContext, intervalMs = RETENTION_INTERVAL_MS): () => void {
  const run = (): void => {
    ctx.centres.eraseExpiredPersonalData(ctx.now()).then(
      (result) => {
        if (result.workshops > 0) ctx.logger.info({ workshops: result.workshops, participants: result.participants }, 'retention applied');
      },
      (error: unknown) => ctx.logger.error({ err: error }, 'retention job failed'),
    );
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
