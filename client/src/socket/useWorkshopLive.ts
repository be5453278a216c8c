import type { IdeaView, Presence, Role, Snapshot } from '@gommette/shared';
import { useCallback, useEffect, useMemo, useReducer } from 'react';
import type { GommetteSocket } from './createSocket';
import { createLiveReducer, initialLiveState, type LiveState } from './liveReducer';

export interface WorkshopLive extends LiveState {
  /** Applies an idea this view got in an ack (its own post, a moderation). */
  applyIdea: (idea: IdeaView) => void;
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

    socket.on('workshop:snapshot', handleSnapshot);
    socket.on('ideas:added', handleIdeas);
    socket.on('idea:moderated', handleIdea);
    socket.on('idea:removed', handleRemoved);
    socket.on('presence:changed', handlePresence);
    socket.on('ideas:counted', handleCounted);
    return () => {
      socket.off('ideas:counted', handleCounted);
      socket.off('workshop:snapshot', handleSnapshot);
      socket.off('ideas:added', handleIdeas);
      socket.off('idea:moderated', handleIdea);
      socket.off('idea:removed', handleRemoved);
      socket.off('presence:changed', handlePresence);
    };
  }, [socket]);

  const applyIdea = useCallback((idea: IdeaView) => dispatch({ type: 'idea', idea }), []);
  return { ...state, applyIdea };
}
