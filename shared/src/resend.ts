import { COMMAND_ACK_TIMEOUT_MS } from './constants';
import type { IdeaView } from './domain/idea';
import type { Snapshot } from './protocol';
import type { MyVotes } from './vote/protocol';

/**
 * When a phone sends a queued command again (the ideas' and the gommettes' outboxes, and the
 * benches that play the phone). Over one connection socket.io delivers in order, so a command
 * without an answer is usually one the server is still working on: resending it at once doubles
 * the work exactly when the server is busiest. So the first resend comes after the ack timeout,
 * each later one twice as late (up to a cap), each with a random share added so that a crowd of
 * phones does not resend in step; the first answer to any of the sends (a late one too) settles
 * the command, and the count starts again. A reconnection resends at once (the connection that
 * carried the command is gone), unless the snapshot every connection begins with shows the
 * command stored (`storedIdea`, `storedGommette`): a command in flight when a server stopped was
 * often stored, only its ack was lost.
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

/** The participant's idea `ideaId` if the snapshot (a phone's: its own ideas) has it stored. */
export function storedIdea(snapshot: Snapshot, ideaId: string): IdeaView | null {
  return snapshot.ideas.find((idea) => idea.id === ideaId) ?? null;
}

/** A phone's own gommettes in round `roundId` as the snapshot has them stored (null: another round, or a kiosk's). */
export function myVotesIn(snapshot: Snapshot, roundId: string): MyVotes | null {
  const mine = snapshot.vote?.mine;
  return mine && mine.roundId === roundId && mine.voterId === undefined ? mine : null;
}

/** The phone's gommettes of the round if the snapshot has gommette `gommetteId` stored in round `roundId`. */
export function storedGommette(snapshot: Snapshot, roundId: string, gommetteId: string): MyVotes | null {
  const mine = myVotesIn(snapshot, roundId);
  return mine?.gommettes.some((gommette) => gommette.id === gommetteId) ? mine : null;
}
