import type { IdeaView, ParticipantFigures, ParticipantSelf, PersonView, Presence, Role, RoomView, ServerToClientEvents, Snapshot } from '@gommette/shared';
import { useCallback, useEffect, useMemo, useReducer } from 'react';
import type { GommetteSocket } from './createSocket';
import { createLiveReducer, initialLiveState, type LiveState } from './liveReducer';

export interface WorkshopLive extends LiveState {
  /** Applies an idea this view got in an ack (its own post, a moderation). */
  applyIdea: (idea: IdeaView) => void;
  /** Applies a room view this view got in an ack (its own control). */
  applyRoom: (room: RoomView) => void;
  applyMe: (me: ParticipantSelf) => void;
}

/**
 * The live state of a workshop for one view: replaced by every `workshop:snapshot` (sent on each
 * (re)connection), then kept up to date by idea and presence events. `saved`: the snapshot to show
 * until then (a phone's last one, see storage/snapshotStore.ts).
 */
export function useWorkshopLive(socket: GommetteSocket | null, role: Role, saved: Snapshot | null = null): WorkshopLive {
  const reducer = useMemo(() => createLiveReducer(role), [role]);
  // A phone starts from the last snapshot it kept (offline reload), until the server sends one.
  const [state, dispatch] = useReducer(reducer, saved, (start) =>
    start ? reducer(initialLiveState, { type: 'snapshot', snapshot: start }) : initialLiveState,
  );

  useEffect(() => {
    if (!socket) return undefined;
    const handleIdea = (idea: IdeaView) => dispatch({ type: 'idea', idea });
    // Each event the view follows, and what it does to the state.
    const handlers: { [E in keyof ServerToClientEvents]?: ServerToClientEvents[E] } = {
      'workshop:snapshot': (snapshot: Snapshot) => dispatch({ type: 'snapshot', snapshot }),
      'ideas:added': (ideas: IdeaView[]) => ideas.forEach(handleIdea),
      'idea:moderated': handleIdea,
      'idea:removed': ({ ideaId }) => dispatch({ type: 'removed', ideaId }),
      'presence:changed': (presence: Presence) => dispatch({ type: 'presence', presence }),
      'ideas:counted': ({ ideaCount }) => dispatch({ type: 'counted', ideaCount }),
      'room:changed': (room: RoomView) => dispatch({ type: 'room', room, receivedAt: Date.now() }),
      'me:changed': (me: ParticipantSelf) => dispatch({ type: 'me', me }),
      'participants:changed': (event: { people: PersonView[]; figures: ParticipantFigures }) => dispatch({ type: 'people', ...event }),
    };
    const entries = Object.entries(handlers) as Array<[string, (...args: never[]) => void]>;
    const on = socket.on.bind(socket) as unknown as (event: string, listener: (...args: never[]) => void) => void;
    const off = socket.off.bind(socket) as unknown as (event: string, listener: (...args: never[]) => void) => void;
    for (const [event, handler] of entries) on(event, handler);
    return () => {
      for (const [event, handler] of entries) off(event, handler);
    };
  }, [socket]);

  const applyIdea = useCallback((idea: IdeaView) => dispatch({ type: 'idea', idea }), []);
  const applyRoom = useCallback((room: RoomView) => dispatch({ type: 'room', room, receivedAt: Date.now() }), []);
  const applyMe = useCallback((me: ParticipantSelf) => dispatch({ type: 'me', me }), []);
  return { ...state, applyIdea, applyRoom, applyMe };
}
