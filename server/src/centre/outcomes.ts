import type { SessionOutcome } from '@gommette/shared';
import type { AppContext } from '../context';

/**
 * What a session of a series hands to the next one. Each reader adds one kind of outcome.
 * EXTENSION POINT (decisions): when votes and the shared board land, add a `decisions` reader here
 * (the ideas retained by the vote, the board's conclusions), e.g. `readDecisions(ctx, workshopId)`
 * returning `{ kind: 'decision', text, detail }` items; the series page shows them first.
 */
export type OutcomeReader = (ctx: AppContext, workshopId: string) => Promise<SessionOutcome[]>;

/** Ideas shown to the room: not hidden, not merged into another, not waiting for approval. */
export const readIdeas: OutcomeReader = async (ctx, workshopId) => {
  const ideas = await ctx.store.listIdeas(workshopId);
  return ideas
    .filter((idea) => !idea.hidden && !idea.pending && idea.mergedInto === null)
    .map((idea) => ({ kind: 'idea', text: idea.text, detail: idea.theme }));
};

export const OUTCOME_READERS: ReadonlyArray<OutcomeReader> = [readIdeas];

export async function sessionOutcomes(ctx: AppContext, workshopId: string): Promise<SessionOutcome[]> {
  const lists = await Promise.all(OUTCOME_READERS.map((read) => read(ctx, workshopId)));
  return lists.flat().sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'decision' ? -1 : 1));
}
