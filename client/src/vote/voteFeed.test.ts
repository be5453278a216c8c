import { describe, expect, it } from 'vitest';
import type { RoundView, VoteResults } from '@gommette/shared';
import { initialVoteFeed, voteFeedReducer } from './voteFeed';

const round = (id: string, status: RoundView['status'] = 'open'): RoundView => ({
  id,
  ideaIds: ['A'],
  ideas: [{ id: 'A', siteId: 's', text: 'Une idée', createdAt: 1, tableId: null, phaseId: null, theme: null, parked: false }],
  budget: 3,
  stacking: false,
  capPerIdea: null,
  selfVote: true,
  results: 'live',
  closesAt: null,
  status,
  openedAt: 1,
  closedAt: null,
  revealedAt: null,
});
const results = (roundId: string, version: number, closed = false): VoteResults => ({ roundId, version, closed, voters: version, sites: [], ranking: [] });

describe('voteFeedReducer', () => {
  it('keeps the newest results of the current round, whatever order they arrive in', () => {
    let state = voteFeedReducer(initialVoteFeed, { type: 'round', round: round('r1') });
    state = voteFeedReducer(state, { type: 'results', results: results('r1', 5) });
    state = voteFeedReducer(state, { type: 'results', results: results('r1', 3) });
    expect(state.results?.version).toBe(5);
    state = voteFeedReducer(state, { type: 'results', results: results('r1', 5, true) });
    expect(state.results?.closed).toBe(true);
    state = voteFeedReducer(state, { type: 'results', results: results('other', 9) });
    expect(state.results?.roundId).toBe('r1');
  });

  it('starts a new round with an empty hand and no results', () => {
    let state = voteFeedReducer(initialVoteFeed, { type: 'round', round: round('r1') });
    state = voteFeedReducer(state, { type: 'mine', mine: { roundId: 'r1', gommettes: [{ id: 'g1', ideaId: 'A' }], version: 1 } });
    state = voteFeedReducer(state, { type: 'results', results: results('r1', 1) });
    state = voteFeedReducer(state, { type: 'round', round: round('r2') });
    expect(state.mine).toEqual({ roundId: 'r2', gommettes: [], version: 0 });
    expect(state.results).toBeNull();
    // The same round closing keeps what is known.
    state = voteFeedReducer(state, { type: 'mine', mine: { roundId: 'r2', gommettes: [{ id: 'g2', ideaId: 'A' }], version: 1 } });
    state = voteFeedReducer(state, { type: 'round', round: round('r2', 'closed') });
    expect(state.mine?.gommettes).toHaveLength(1);
  });
});
