import type { MatrixView, MyVotes, RoundView, Snapshot, VoteResults } from '@gommette/shared';
import { useCallback, useEffect, useReducer } from 'react';
import type { GommetteSocket } from '../socket/createSocket';
import { initialVoteFeed, voteFeedReducer, type VoteFeedState } from './voteFeed';

export interface VoteFeed extends VoteFeedState {
  /** Applies what an ack said (this device's own gommettes, a round it opened, the matrix it changed). */
  applyMine: (mine: MyVotes) => void;
  applyRound: (round: RoundView) => void;
  applyResults: (results: VoteResults) => void;
  applyMatrix: (matrix: MatrixView) => void;
}

/**
 * The vote as one view sees it, from the snapshot (every reconnection) and the vote events.
 * Small on purpose: it is in the phone's first bundle, the vote screen itself loads lazily.
 */
export function useVoteFeed(socket: GommetteSocket | null, saved: Snapshot | null = null): VoteFeed {
  // A phone starts from the vote of its last kept snapshot (offline reload), until the server's.
  const [state, dispatch] = useReducer(voteFeedReducer, saved, (start) =>
    start ? voteFeedReducer(initialVoteFeed, { type: 'snapshot', snapshot: start }) : initialVoteFeed,
  );

  useEffect(() => {
    if (!socket) return undefined;
    const handleSnapshot = (snapshot: Snapshot) => dispatch({ type: 'snapshot', snapshot });
    const handleRound = (round: RoundView) => dispatch({ type: 'round', round });
    const handleResults = (results: VoteResults) => dispatch({ type: 'results', results });
    const handleMine = (mine: MyVotes) => dispatch({ type: 'mine', mine });
    const handleMatrix = (matrix: MatrixView) => dispatch({ type: 'matrix', matrix });
    socket.on('workshop:snapshot', handleSnapshot);
    socket.on('vote:round', handleRound);
    socket.on('vote:results', handleResults);
    socket.on('vote:mine', handleMine);
    socket.on('matrix:changed', handleMatrix);
    return () => {
      socket.off('workshop:snapshot', handleSnapshot);
      socket.off('vote:round', handleRound);
      socket.off('vote:results', handleResults);
      socket.off('vote:mine', handleMine);
      socket.off('matrix:changed', handleMatrix);
    };
  }, [socket]);

  const applyMine = useCallback((mine: MyVotes) => dispatch({ type: 'mine', mine }), []);
  const applyRound = useCallback((round: RoundView) => dispatch({ type: 'round', round }), []);
  const applyResults = useCallback((results: VoteResults) => dispatch({ type: 'results', results }), []);
  const applyMatrix = useCallback((matrix: MatrixView) => dispatch({ type: 'matrix', matrix }), []);
  return { ...state, applyMine, applyRound, applyResults, applyMatrix };
}
