import {
  clockOffset,
  upsertIdea,
  type IdeaView,
  type ParticipantFigures,
  type ParticipantSelf,
  type PersonView,
  type Presence,
  type Role,
  type RoomView,
  type Snapshot,
} from '@gommette/shared';

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
  /** Phases, timer, main levée, tables. */
  room: RoomView | null;
  /** Add to `Date.now()` to read the server's clock (the phone's clock may be wrong). */
  clockOffsetMs: number;
  /** Participants: themselves (their table). */
  me: ParticipantSelf | null;
  /** Staff: people and their tables (null until the first list), and the latest counts. */
  people: PersonView[] | null;
  figures: ParticipantFigures | null;
}

export type LiveAction =
  | { type: 'snapshot'; snapshot: Snapshot }
  | { type: 'idea'; idea: IdeaView }
  | { type: 'removed'; ideaId: string }
  | { type: 'counted'; ideaCount: number }
  | { type: 'presence'; presence: Presence }
  | { type: 'room'; room: RoomView; receivedAt: number }
  | { type: 'me'; me: ParticipantSelf }
  | { type: 'people'; people: PersonView[]; figures?: ParticipantFigures };

export const initialLiveState: LiveState = {
  snapshot: null,
  ideas: [],
  presence: null,
  ideaCount: 0,
  snapshotIdeaIds: new Set(),
  room: null,
  clockOffsetMs: 0,
  me: null,
  people: null,
  figures: null,
};

/** Staff keep hidden and held-back ideas (marked) so they can act on them. */
const STAFF: ReadonlyArray<Role> = ['facilitator', 'helper', 'observer'];

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
          ...state,
          snapshot: action.snapshot,
          ideas,
          presence: action.snapshot.presence,
          ideaCount: action.snapshot.ideaCount,
          snapshotIdeaIds: new Set(ideas.map((idea) => idea.id)),
          room: action.snapshot.room,
          clockOffsetMs: clockOffset(action.snapshot.room.serverNow, Date.now()),
          me: action.snapshot.me ?? null,
          people: action.snapshot.people ?? null,
          figures: action.snapshot.figures ?? null,
        };
      }
      case 'idea':
        // An author's ack may say their own idea was hidden meanwhile: drop it like a removal.
        if (action.idea.hidden && !STAFF.includes(role)) return withoutIdea(state, action.idea.id);
        return { ...state, ideas: upsertIdea(state.ideas, action.idea) };
      case 'removed':
        return withoutIdea(state, action.ideaId);
      case 'counted':
        return { ...state, ideaCount: action.ideaCount };
      case 'presence':
        return { ...state, presence: action.presence };
      case 'room':
        // Never go back to an older room (a late broadcast after a newer ack).
        if (state.room && action.room.version < state.room.version) return state;
        return { ...state, room: action.room, clockOffsetMs: clockOffset(action.room.serverNow, action.receivedAt) };
      case 'me':
        return { ...state, me: action.me };
      case 'people':
        return { ...state, people: action.people, figures: action.figures ?? state.figures };
    }
  };
}
