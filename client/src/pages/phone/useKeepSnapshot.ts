import type { JoinResponse } from '@gommette/shared';
import { useEffect } from 'react';
import type { WorkshopLive } from '../../socket/useWorkshopLive';
import { saveSnapshot } from '../../storage/snapshotStore';
import type { VoteFeed } from '../../vote/useVoteFeed';

/** Writing to storage waits for a quiet moment: a burst of events makes one write. */
const SAVE_DELAY_MS = 400;

/**
 * Keeps the phone's view of the workshop on the device (storage/snapshotStore.ts), as the server
 * sent it and as events changed it since: the step, the phone's own ideas, the ballot and its
 * gommettes. Only what this participant already received; nothing of other people.
 */
export function useKeepSnapshot(participant: JoinResponse, live: WorkshopLive, vote: VoteFeed): void {
  const { snapshot, ideas, ideaCount, room, me, clockOffsetMs, presence } = live;
  const { round, results, mine } = vote;
  useEffect(() => {
    if (!snapshot || !room) return undefined;
    const timer = setTimeout(() => {
      saveSnapshot(participant.joinCode, {
        participantId: participant.participant.id,
        clockOffsetMs,
        snapshot: {
          ...snapshot,
          ideas,
          ideaCount,
          room,
          ...(me ? { me } : {}),
          ...(presence ? { presence } : {}),
          vote: { round, results, mine, matrix: null },
        },
      });
    }, SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [participant, snapshot, ideas, ideaCount, room, me, clockOffsetMs, presence, round, results, mine]);
}
