import type { MyVotes } from '@gommette/shared';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { GommetteSocket } from '../socket/createSocket';
import { VoteOutbox, type VoteOutboxState } from './VoteOutbox';

export interface VoteOutboxApi extends VoteOutboxState {
  stick: VoteOutbox['stick'];
  takeBack: VoteOutbox['takeBack'];
  nextVoter: VoteOutbox['nextVoter'];
}

/** The device's vote outbox (see `VoteOutbox`), sending through the view's socket while mounted. */
export function useVoteOutbox(owner: string, socket: GommetteSocket | null, onAck: (mine: MyVotes) => void): VoteOutboxApi {
  const outbox = useMemo(() => new VoteOutbox(owner), [owner]);
  const state = useSyncExternalStore(outbox.subscribe, outbox.getSnapshot);
  useEffect(() => {
    if (!socket) return undefined;
    return outbox.attach(socket, onAck);
  }, [outbox, socket, onAck]);
  return { ...state, stick: outbox.stick, takeBack: outbox.takeBack, nextVoter: outbox.nextVoter };
}
