import { upsertIdea, type IdeaView, type Presence, type Role, type Snapshot } from '@gommette/shared';

/** What a view knows of the workshop, rebuilt from each snapshot and kept live by events. */
export interface LiveState {
  snapshot: Snapshot | null;
  /** In posting order (oldest first), as `upsertIdea` keeps them. */
  ideas: IdeaView[];
  presence: Presence | null;
  /** Visible ideas in the workshop (a phone's `ideas` holds only its own). */
  ideaCount: number;
  /** Ideas already there when the last snapshot arrived (the screen animates only newer ones). */
  snapshotIdeaIds: ReadonlySet<string>;
}

export type LiveAction =
  | { type: 'snapshot'; snapshot: Snapshot }
  | { type: 'idea'; idea: IdeaView }
  | { type: 'removed'; ideaId: string }
  | { type: 'counted'; ideaCount: number }
  | { type: 'presence'; presence: Presence };

export const initialLiveState: LiveState = {
  snapshot: null,
  ideas: [],
  presence: null,
  ideaCount: 0,
  snapshotIdeaIds: new Set(),
};

function byPostingOrder(a: IdeaView, b: IdeaView): number {
  return a.createdAt - b.createdAt || a.id.localeCompare(b.id);
}

function withoutIdea(state: LiveState, ideaId: string): LiveState {
  if (!state.ideas.some((idea) => idea.id === ideaId)) return state;
  return { ...state, ideas: state.ideas.filter((idea) => idea.id !== ideaId) };
}

/**
 * `role` decides what a hidden idea means: a facilitator keeps it, marked hidden, so it can be
 * restored (the server tells facilitators with `idea:moderated`); everyone else forgets it.
 */
export function createLiveReducer(role: Role) {
  return function liveReducer(state: LiveState, action: LiveAction): LiveState {
    switch (action.type) {
      case 'snapshot': {
        const ideas = [...action.snapshot.ideas].sort(byPostingOrder);
        return {
          snapshot: action.snapshot,
          ideas,
          presence: action.snapshot.presence,
          ideaCount: action.snapshot.ideaCount,
          snapshotIdeaIds: new Set(ideas.map((idea) => idea.id)),
        };
      }
      case 'idea':
        // An author's ack may say their own idea was hidden meanwhile: drop it like a removal.
        if (action.idea.hidden && role !== 'facilitator') return withoutIdea(state, action.idea.id);
        return { ...state, ideas: upsertIdea(state.ideas, action.idea) };
      case 'removed':
        return withoutIdea(state, action.ideaId);
      case 'counted':
        return { ...state, ideaCount: action.ideaCount };
      case 'presence':
        return { ...state, presence: action.presence };
    }
  };
}
