import { COMMAND_ACK_TIMEOUT_MS } from './constants';

/**
 * When a phone sends a queued command again (the ideas' and the gommettes' outboxes, and the
 * benches that play the phone). Over one connection socket.io delivers in order, so a command
 * without an answer is usually one the server is still working on: resending it at once doubles
 * the work exactly when the server is busiest. So the first resend comes after the ack timeout,
 * each later one twice as late (up to a cap), each with a random share added so that a crowd of
 * phones does not resend in step; the first answer to any of the sends (a late one too) settles
 * the command, and the count starts again. A reconnection resends at once (the connection that
 * carried the command is gone).
 */
export const RESEND_FIRST_MS = COMMAND_ACK_TIMEOUT_MS;
/** The longest wait between two sends of the same command over a live connection. */
export const RESEND_MAX_MS = 60_000;
/** Up to this share of a wait is added at random (so 5–7.5 s, then 10–15 s…). */
export const RESEND_JITTER = 0.5;
/** Up to this share is added at random to a wait the server asked for (`retryAfterMs`). */
export const RETRY_AFTER_JITTER = 0.25;

/** How long to wait for an answer after the send number `resends` (0: the first send) before sending again. */
export function resendDelayMs(resends: number, random: () => number = Math.random): number {
  const base = Math.min(RESEND_MAX_MS, RESEND_FIRST_MS * 2 ** Math.min(resends, 16));
  return Math.round(base * (1 + RESEND_JITTER * random()));
}

/** A wait the server asked for, or a back-off step, with a random share added (phones spread out). */
export function jittered(ms: number, share: number = RETRY_AFTER_JITTER, random: () => number = Math.random): number {
  return Math.round(Math.max(0, ms) * (1 + share * random()));
}
