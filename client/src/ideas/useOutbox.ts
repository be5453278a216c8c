import type { IdeaView } from '@gommette/shared';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { GommetteSocket } from '../socket/createSocket';
import { Outbox, type OutboxState } from './Outbox';

export interface OutboxApi extends OutboxState {
  send: (text: string) => string;
  retake: (id: string) => string | null;
}

/** The resident's outbox (see `Outbox`), sending through the view's socket while it is mounted. */
export function useOutbox(participantId: string, socket: GommetteSocket | null, onSent: (idea: IdeaView) => void): OutboxApi {
  const outbox = useMemo(() => new Outbox(participantId), [participantId]);
  const state = useSyncExternalStore(outbox.subscribe, outbox.getSnapshot);

  useEffect(() => {
    if (!socket) return undefined;
    return outbox.attach(socket, onSent);
  }, [outbox, socket, onSent]);

  return { ...state, send: outbox.send, retake: outbox.retake };
}
