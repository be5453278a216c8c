import * as Y from 'yjs';
import { readBoard } from '@gommette/shared/board';
import {
  DEFAULT_QUESTIONNAIRE,
  aggregateAnswers,
  buildWorkshopExport,
  participationFigures,
  type BriefSources,
  type ParticipationFigures,
  type VoteResults,
  type WorkshopExport,
} from '@gommette/shared';
import type { AppContext } from '../context';
import type { WorkshopRecord } from '../store/WorkshopStore';
import { resultsOf } from '../vote/voteViews';

/** The journey map as stored (the last save; a board being edited saves within seconds). */
export async function loadJourney(ctx: AppContext, workshopId: string): Promise<BriefSources['board']> {
  const stored = await ctx.boards.load(workshopId);
  if (stored.updates.length === 0) return null;
  const doc = new Y.Doc();
  try {
    for (const update of stored.updates) Y.applyUpdate(doc, update);
    const board = readBoard(doc);
    return { persona: board.persona, steps: board.steps, rows: board.rows, notes: board.notes, links: board.links };
  } finally {
    doc.destroy();
  }
}

/** The last round's results as the facilitator sees them (aggregates only), null before any round. */
export async function lastResults(ctx: AppContext, workshopId: string): Promise<VoteResults | null> {
  const round = await ctx.votes.currentRound(workshopId);
  if (!round) return null;
  return (await resultsOf(ctx, round, ['facilitator'])).facilitator;
}

export async function briefSources(ctx: AppContext, workshop: WorkshopRecord): Promise<BriefSources> {
  const [sites, ideas, board, vote, matrix] = await Promise.all([
    ctx.store.listSites(workshop.id),
    ctx.store.listIdeas(workshop.id),
    loadJourney(ctx, workshop.id),
    lastResults(ctx, workshop.id),
    ctx.votes.getMatrix(workshop.id),
  ]);
  return {
    workshop: { id: workshop.id, question: workshop.question, purpose: workshop.purpose },
    sites,
    // Only what a brief may show: never the author.
    ideas: ideas.map(({ id, text, siteId, tableId, theme, hidden, mergedInto, createdAt }) => ({
      id,
      text,
      siteId,
      tableId,
      theme,
      hidden,
      mergedInto,
      createdAt,
    })),
    board,
    vote,
    matrix,
  };
}

export async function workshopFigures(ctx: AppContext, workshop: WorkshopRecord): Promise<ParticipationFigures> {
  const [sites, ideas, participants, vote, room, answers] = await Promise.all([
    ctx.store.listSites(workshop.id),
    ctx.store.listIdeas(workshop.id),
    ctx.store.countParticipants(workshop.id),
    lastResults(ctx, workshop.id),
    ctx.store.getRoom(workshop.id),
    ctx.store.listQuestionnaireAnswers(workshop.id),
  ]);
  return participationFigures({ sites, participants, ideas, vote, questionnaire: aggregateAnswers(room?.questionnaire ?? DEFAULT_QUESTIONNAIRE, answers) });
}

export async function workshopExport(ctx: AppContext, workshop: WorkshopRecord): Promise<WorkshopExport> {
  const [sites, ideas, vote, matrix, room, answers, figures, followUp, briefs] = await Promise.all([
    ctx.store.listSites(workshop.id),
    ctx.store.listIdeas(workshop.id),
    lastResults(ctx, workshop.id),
    ctx.votes.getMatrix(workshop.id),
    ctx.store.getRoom(workshop.id),
    ctx.store.listQuestionnaireAnswers(workshop.id),
    workshopFigures(ctx, workshop),
    ctx.retour.getFollowUp(workshop.id),
    ctx.retour.listBriefs(workshop.id),
  ]);
  return buildWorkshopExport(
    {
      workshop: { title: workshop.title, question: workshop.question, purpose: workshop.purpose, createdAt: workshop.createdAt },
      followUp,
      sites,
      ideas,
      vote,
      matrix,
      questionnaire: aggregateAnswers(room?.questionnaire ?? DEFAULT_QUESTIONNAIRE, answers),
      figures,
      briefs,
    },
    ctx.now(),
  );
}
