import { buildResults, toPublicView, type Idea, type ResultsAudience, type RoundView, type VoteResults, type VoteRound } from '@gommette/shared';
import type { AppContext } from '../context';

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

export async function roundViewOf(ctx: AppContext, round: VoteRound): Promise<RoundView> {
  return toRoundView(round, await ctx.store.listIdeas(round.workshopId), ctx.now());
}

/** The round's results for each audience, read as aggregates from the store. */
export async function resultsOf(ctx: AppContext, round: VoteRound, audiences: ReadonlyArray<ResultsAudience>): Promise<Record<ResultsAudience, VoteResults>> {
  const [sites, tally] = await Promise.all([ctx.store.listSites(round.workshopId), ctx.votes.tally(round.id)]);
  const siteIds = sites.map((site) => site.id);
  const now = ctx.now();
  const out = {} as Record<ResultsAudience, VoteResults>;
  for (const audience of audiences) out[audience] = buildResults(round, siteIds, tally, audience, now);
  return out;
}
