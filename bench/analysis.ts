/**
 * What the ideas of one run show: throughput, latencies, and the cross-checks between what the
 * workers sent and had acked, what the store holds and what the screen received.
 */
import type { SendRecord } from './ipc';
import type { Screen } from './screen';
import { summarize, type LatencySummary } from './stats';

export interface IdeaFigures {
  sent: number;
  acked: number;
  /** From "go" to the last ok ack. */
  durationS: number;
  ideasPerS: number;
  postToScreen: LatencySummary;
  postToAck: LatencySummary;
  stored: number;
  /** Acked ideas missing from the store. */
  lost: number;
  /** Stored ideas no client sent (should never happen). */
  strangers: number;
  /** Acked ideas the screen never received. */
  unseen: number;
  /** Ideas the screen received more than once. */
  duplicates: number;
  /** `ideas:added` messages the screen received (ideas are coalesced into batches). */
  screenMessages: number;
}

export function analyseIdeas(input: {
  sends: ReadonlyArray<SendRecord>;
  goAt: number;
  screen: Pick<Screen, 'firstSeen' | 'receipts' | 'batches'>;
  storedIds: ReadonlyArray<string>;
}): IdeaFigures {
  const { sends, goAt, screen, storedIds } = input;
  const ackedIds = sends.flatMap(([id, , ackedAt]) => (ackedAt === null ? [] : [id]));
  const lastAck = sends.reduce((latest, [, , ackedAt]) => Math.max(latest, ackedAt ?? latest), goAt);
  const durationS = (lastAck - goAt) / 1000;
  const stored = new Set(storedIds);
  const sentIds = new Set(sends.map(([id]) => id));
  return {
    sent: sends.length,
    acked: ackedIds.length,
    durationS,
    ideasPerS: durationS > 0 ? ackedIds.length / durationS : 0,
    postToScreen: summarize(
      sends.flatMap(([id, sentAt]) => {
        const seenAt = screen.firstSeen.get(id);
        return seenAt === undefined ? [] : [seenAt - sentAt];
      }),
    ),
    postToAck: summarize(sends.flatMap(([, sentAt, ackedAt]) => (ackedAt === null ? [] : [ackedAt - sentAt]))),
    stored: storedIds.length,
    lost: ackedIds.filter((id) => !stored.has(id)).length,
    strangers: storedIds.filter((id) => !sentIds.has(id)).length,
    unseen: ackedIds.filter((id) => !screen.firstSeen.has(id)).length,
    duplicates: [...screen.receipts.values()].filter((count) => count > 1).length,
    screenMessages: screen.batches(),
  };
}
