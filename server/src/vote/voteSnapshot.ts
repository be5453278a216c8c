import { Role, type VoteSnapshot } from '@gommette/shared';
import type { AppContext } from '../context';
import { STAFF_ROLES, type SocketData } from '../realtime/types';
import { voteKeysFor } from './voterKey';
import { ballotIdeas, phoneGetsResults, resultsOf, toRoundView } from './voteViews';

/** The vote part of a connection's snapshot: the current round, its results (a phone's once the round is closed), the phone's own gommettes. */
export async function buildVoteSnapshot(ctx: AppContext, data: SocketData): Promise<VoteSnapshot> {
  // Staff (facilitator, helpers, observers) and projectors see the matrix; everyone sees the public results.
  const staff = STAFF_ROLES.includes(data.role) || data.role === Role.Screen;
  const [round, matrix] = await Promise.all([ctx.votes.currentRound(data.workshopId), staff ? ctx.votes.getMatrix(data.workshopId) : null]);
  if (!round) return { round: null, results: null, mine: null, matrix };
  // Everyone connected live, staff included, sees the projector's results (issue 20, item 3).
  const audience = 'public';
  const now = ctx.now();
  // A phone shows results only once the round is closed: none to read or send before.
  const shown = data.role !== Role.Participant || phoneGetsResults(round, now);
  const [ideas, results, gommettes] = await Promise.all([
    ballotIdeas(ctx, round),
    shown ? resultsOf(ctx, round, [audience]) : null,
    data.participantId ? ctx.votes.myGommettes(round.id, voteKeysFor(ctx.config).voterKeyOf(round.id, data.participantId)) : null,
  ]);
  return {
    round: toRoundView(round, ideas, now),
    results: results ? results[audience] : null,
    mine: gommettes ? { roundId: round.id, gommettes, version: round.version } : null,
    matrix,
  };
}
