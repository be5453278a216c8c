import {
  buildResults,
  isRoundOpen,
  toPublicView,
  type Idea,
  type ResultsAudience,
  type RoundView,
  type VoteResults,
  type VoteRound,
  type VoteTally,
} from '@gommette/shared';
import type { AppContext } from '../context';
import type { VoteStore } from '../store/VoteStore';

/**
 * Whether a resident's phone is sent this round's results: once it is closed (the phone shows
 * the ranking then), never while it is open. Live results are for the projector and the staff;
 * a phone shows none while it votes, and 10,000 phones would otherwise each receive the whole
 * table every interval of a burst for nothing.
 */
export function phoneGetsResults(round: Pick<VoteRound, 'status' | 'closesAt'>, now: number): boolean {
  return !isRoundOpen(round, now);
}

/** A round with its ballot's visible ideas, public views (no author, ever). */
export function toRoundView(round: VoteRound, ideas: ReadonlyArray<Idea>, now: number): RoundView {
  const byId = new Map(ideas.map((idea) => [idea.id, idea]));
  const ballot = round.ideaIds.map((id) => byId.get(id)).filter((idea): idea is Idea => idea !== undefined && !idea.hidden);
  return {
    id: round.id,
    ideaIds: ballot.map((idea) => idea.id),
    ideas: ballot.map(toPublicView),
    budget: round.budget,
    stacking: round.stacking,
    capPerIdea: round.capPerIdea,
    selfVote: round.selfVote,
    results: round.results,
    closesAt: round.closesAt,
    status: round.status === 'open' && round.closesAt !== null && now >= round.closesAt ? 'closed' : round.status,
    openedAt: round.openedAt,
    closedAt: round.closedAt,
    revealedAt: round.revealedAt,
  };
}

/**
 * The ballot's ideas, read by id: a round holds at most MAX_ROUND_IDEAS, a workshop thousands, and
 * every phone's snapshot needs this (after a restart, all of them at once).
 */
export async function ballotIdeas(ctx: AppContext, round: VoteRound): Promise<Idea[]> {
  const ideas = await Promise.all(round.ideaIds.map((id) => ctx.store.getIdea(id)));
  return ideas.filter((idea): idea is Idea => idea !== null && idea.workshopId === round.workshopId);
}

export async function roundViewOf(ctx: AppContext, round: VoteRound): Promise<RoundView> {
  return toRoundView(round, await ballotIdeas(ctx, round), ctx.now());
}

/**
 * The last tally read of each round, with the round's version it was read at. Every write to a
 * round's gommettes or paper counts bumps its version in the same transaction, so an equal version
 * means an equal tally: a crowd of phones reconnecting at once (after a restart) counts the round
 * once, not once per phone.
 */
const lastTallies = new WeakMap<VoteStore, Map<string, { version: number; tally: Promise<VoteTally> }>>();

function tallyOf(ctx: AppContext, round: VoteRound): Promise<VoteTally> {
  let byRound = lastTallies.get(ctx.votes);
  if (!byRound) {
    byRound = new Map();
    lastTallies.set(ctx.votes, byRound);
  }
  const last = byRound.get(round.id);
  if (last && last.version === round.version) return last.tally;
  const tally = ctx.votes.tally(round.id);
  const rounds = byRound;
  rounds.set(round.id, { version: round.version, tally });
  tally.catch(() => {
    if (rounds.get(round.id)?.tally === tally) rounds.delete(round.id);
  });
  return tally;
}

/** The round's results for each audience, read as aggregates from the store. */
export async function resultsOf(ctx: AppContext, round: VoteRound, audiences: ReadonlyArray<ResultsAudience>): Promise<Record<ResultsAudience, VoteResults>> {
  const [sites, tally] = await Promise.all([ctx.store.listSites(round.workshopId), tallyOf(ctx, round)]);
  const siteIds = sites.map((site) => site.id);
  const now = ctx.now();
  const out = {} as Record<ResultsAudience, VoteResults>;
  for (const audience of audiences) out[audience] = buildResults(round, siteIds, tally, audience, now);
  return out;
}
