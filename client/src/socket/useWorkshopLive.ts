import type { IdeaView, ParticipantFigures, ParticipantSelf, PersonView, Presence, Role, RoomView, Snapshot } from '@gommette/shared';
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
 * (re)connection), then kept up to date by idea and presence events.
 */
export function useWorkshopLive(socket: GommetteSocket | null, role: Role): WorkshopLive {
  const reducer = useMemo(() => createLiveReducer(role), [role]);
  const [state, dispatch] = useReducer(reducer, initialLiveState);

  useEffect(() => {
    if (!socket) return undefined;
    const handleSnapshot = (snapshot: Snapshot) => dispatch({ type: 'snapshot', snapshot });
    const handleIdea = (idea: IdeaView) => dispatch({ type: 'idea', idea });
    const handleIdeas = (ideas: IdeaView[]) => ideas.forEach(handleIdea);
    const handleRemoved = ({ ideaId }: { ideaId: string }) => dispatch({ type: 'removed', ideaId });
    const handlePresence = (presence: Presence) => dispatch({ type: 'presence', presence });
    const handleCounted = ({ ideaCount }: { ideaCount: number }) => dispatch({ type: 'counted', ideaCount });
    const handleRoom = (room: RoomView) => dispatch({ type: 'room', room, receivedAt: Date.now() });
    const handleMe = (me: ParticipantSelf) => dispatch({ type: 'me', me });
    const handlePeople = (event: { people: PersonView[]; figures: ParticipantFigures }) => dispatch({ type: 'people', ...event });
    socket.on('room:changed', handleRoom);
    socket.on('me:changed', handleMe);
    socket.on('participants:changed', handlePeople);

    socket.on('workshop:snapshot', handleSnapshot);
    socket.on('ideas:added', handleIdeas);
    socket.on('idea:moderated', handleIdea);
    socket.on('idea:removed', handleRemoved);
    socket.on('presence:changed', handlePresence);
    socket.on('ideas:counted', handleCounted);
    return () => {
      socket.off('room:changed', handleRoom);
      socket.off('me:changed', handleMe);
      socket.off('participants:changed', handlePeople);
      socket.off('ideas:counted', handleCounted);
      socket.off('workshop:snapshot', handleSnapshot);
      socket.off('ideas:added', handleIdeas);
      socket.off('idea:moderated', handleIdea);
      socket.off('idea:removed', handleRemoved);
      socket.off('presence:changed', handlePresence);
    };
  }, [socket]);

  const applyIdea = useCallback((idea: IdeaView) => dispatch({ type: 'idea', idea }), []);
  const applyRoom = useCallback((room: RoomView) => dispatch({ type: 'room', room, receivedAt: Date.now() }), []);
  const applyMe = useCallback((me: ParticipantSelf) => dispatch({ type: 'me', me }), []);
  return { ...state, applyIdea, applyRoom, applyMe };
}
