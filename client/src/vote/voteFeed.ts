import type { MatrixView, MyVotes, RoundView, Snapshot, VoteResults } from '@gommette/shared';

/** What a view knows of the vote: the current round, its results, the voter's own gommettes, the matrix. */
export interface VoteFeedState {
  round: RoundView | null;
  results: VoteResults | null;
  mine: MyVotes | null;
  matrix: MatrixView | null;
}

export type VoteFeedAction =
  | { type: 'snapshot'; snapshot: Snapshot }
  | { type: 'round'; round: RoundView }
  | { type: 'results'; results: VoteResults }
  | { type: 'mine'; mine: MyVotes }
  | { type: 'matrix'; matrix: MatrixView };

export const initialVoteFeed: VoteFeedState = { round: null, results: null, mine: null, matrix: null };

/** Results arrive coalesced and may cross: keep the newest of the current round. */
function newer(current: VoteResults | null, next: VoteResults): boolean {
  if (!current || current.roundId !== next.roundId) return true;
  return next.version > current.version || (next.version === current.version && (next.closed || !current.closed));
}

export function voteFeedReducer(state: VoteFeedState, action: VoteFeedAction): VoteFeedState {
  switch (action.type) {
    case 'snapshot': {
      const vote = action.snapshot.vote;
      return vote ? { round: vote.round, results: vote.results, mine: vote.mine, matrix: vote.matrix ?? state.matrix } : state;
    }
    case 'round': {
      const sameRound = state.round?.id === action.round.id;
      return {
        ...state,
        round: action.round,
        results: sameRound ? state.results : null,
        mine: sameRound ? state.mine : { roundId: action.round.id, gommettes: [], version: 0 },
      };
    }
    case 'results':
      if (state.round && action.results.roundId !== state.round.id) return state;
      return newer(state.results, action.results) ? { ...state, results: action.results } : state;
    case 'mine':
      if (state.round && action.mine.roundId !== state.round.id) return state;
      return { ...state, mine: action.mine };
    case 'matrix':
      return { ...state, matrix: action.matrix };
  }
}
