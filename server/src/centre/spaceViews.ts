import {
  BUILT_IN_TEMPLATES,
  DEFAULT_QUESTIONNAIRE,
  aggregateAnswers,
  centreFigures,
  workshopVoteFigures,
  type QuestionnaireInput,
  workshopStatus,
  type CentreFigures,
  type CentreTemplateView,
  type CentreView,
  type CentreWorkshopView,
  type SeriesDetail,
  type SeriesView,
  type WorkshopFigures,
} from '@gommette/shared';
import type { AppContext } from '../context';
import { screenTokenFor } from '../security/tokens';
import { facilitatorUrl, screenUrl } from '../workshop/links';
import type { CentreRecord, CentreWorkshopRecord, SeriesRecord } from '../store/CentreStore';
import { lastResults } from '../retour/sources';
import { sessionOutcomes } from './outcomes';
import { sealerFor } from '../security/sealed';
import { mayReadConsoleLink, type CentreViewer } from './consoleLink';

export const centreView = (centre: CentreRecord): CentreView => ({
  id: centre.id,
  name: centre.name,
  town: centre.town,
  retentionDays: centre.retentionDays,
  territoryOptIn: centre.territoryOptIn,
});

export const seriesView = (series: SeriesRecord): SeriesView => ({
  id: series.id,
  title: series.title,
  question: series.question,
  createdAt: series.createdAt,
});

/**
 * A workshop of the centre as `viewer` may see it: its console and projector links only when the
 * viewer may read the console link (its holder, an admin: `mayReadConsoleLink`).
 */
export async function workshopView(ctx: AppContext, link: CentreWorkshopRecord, base: string, viewer: CentreViewer): Promise<CentreWorkshopView | null> {
  const [workshop, room, ideas, participants, followUp] = await Promise.all([
    ctx.store.getWorkshop(link.workshopId),
    ctx.store.getRoom(link.workshopId),
    ctx.store.countVisibleIdeas(link.workshopId),
    ctx.store.countParticipants(link.workshopId),
    ctx.retour.getFollowUp(link.workshopId),
  ]);
  // The console link is stored sealed (server/src/security/sealed.ts); a link that does not open shows none.
  const facilitatorToken = sealerFor(ctx.config).open(link.facilitatorToken);
  if (!workshop || !facilitatorToken) return null;
  const mayRead = mayReadConsoleLink(viewer, link);
  return {
    id: workshop.id,
    title: workshop.title,
    question: workshop.question,
    createdAt: workshop.createdAt,
    status: workshopStatus(room, ideas, followUp.finishedAt),
    seriesId: link.seriesId,
    position: link.position,
    participants: participants.total,
    ideas,
    consoleUrl: mayRead ? facilitatorUrl(base, workshop.id, facilitatorToken) : null,
    screenUrl: mayRead ? screenUrl(base, workshop.id, screenTokenFor(facilitatorToken, link.screenGeneration)) : null,
    personalDataErased: link.personalDataErasedAt !== null,
  };
}

export async function seriesDetail(ctx: AppContext, series: SeriesRecord): Promise<SeriesDetail> {
  const links = (await ctx.centres.listCentreWorkshops(series.centreId)).filter((link) => link.seriesId === series.id).sort((a, b) => a.position - b.position);
  const sessions = [];
  for (const link of links) {
    const [workshop, room, ideas, participants, outcomes, followUp] = await Promise.all([
      ctx.store.getWorkshop(link.workshopId),
      ctx.store.getRoom(link.workshopId),
      ctx.store.countVisibleIdeas(link.workshopId),
      ctx.store.countParticipants(link.workshopId),
      sessionOutcomes(ctx, link.workshopId),
      ctx.retour.getFollowUp(link.workshopId),
    ]);
    if (!workshop) continue;
    sessions.push({
      workshopId: workshop.id,
      title: workshop.title,
      position: link.position,
      createdAt: workshop.createdAt,
      status: workshopStatus(room, ideas, followUp.finishedAt),
      participants: participants.total,
      ideas,
      outcomes,
    });
  }
  return { series: seriesView(series), sessions };
}

/** Counts from the stores for every workshop of the centre (names of sites, not ids). */
export async function figuresOf(ctx: AppContext, centreId: string): Promise<CentreFigures> {
  const links = await ctx.centres.listCentreWorkshops(centreId);
  const lines: WorkshopFigures[] = [];
  const questionnaires: QuestionnaireInput[] = [];
  for (const link of links) {
    const [workshop, sites, counts, ideas, results, room, answers] = await Promise.all([
      ctx.store.getWorkshop(link.workshopId),
      ctx.store.listSites(link.workshopId),
      ctx.store.countParticipants(link.workshopId),
      ctx.store.countVisibleIdeas(link.workshopId),
      lastResults(ctx, link.workshopId),
      ctx.store.getRoom(link.workshopId),
      ctx.store.listQuestionnaireAnswers(link.workshopId),
    ]);
    if (!workshop) continue;
    const bySite: Record<string, number> = {};
    for (const site of sites) bySite[site.name] = (bySite[site.name] ?? 0) + (counts.bySite[site.id] ?? 0);
    const questionnaire = room?.questionnaire ?? DEFAULT_QUESTIONNAIRE;
    const aggregate = aggregateAnswers(questionnaire, answers);
    questionnaires.push({ questions: questionnaire.questions, answers });
    lines.push({
      workshopId: workshop.id,
      title: workshop.title,
      createdAt: workshop.createdAt,
      participants: counts.total,
      bySite,
      byTable: counts.byTable,
      assisted: counts.assisted,
      ideas,
      votes: workshopVoteFigures(results, sites),
      questionnaire: { responses: aggregate.responses, averages: aggregate.questions.map(({ text, answers: n, average }) => ({ text, answers: n, average })) },
    });
  }
  return centreFigures(lines, questionnaires);
}

/** Built-in methods, the centre's own, then those other centres shared (the "essaimage"). */
export async function templatesFor(ctx: AppContext, centreId: string): Promise<CentreTemplateView[]> {
  const [saved, scopes] = await Promise.all([ctx.store.listTemplates(), ctx.centres.listTemplateScopes()]);
  const scopeOf = new Map(scopes.map((scope) => [scope.templateId, scope]));
  const builtIn: CentreTemplateView[] = BUILT_IN_TEMPLATES.map((template) => ({ ...template, scope: 'builtIn', shared: true, centreName: null }));
  const own: CentreTemplateView[] = [];
  const shared: CentreTemplateView[] = [];
  for (const template of saved) {
    const scope = scopeOf.get(template.id);
    if (!scope) continue; // saved from a single workshop, outside any centre
    if (scope.centreId === centreId) own.push({ ...template, scope: 'centre', shared: scope.shared, centreName: scope.centreName });
    else if (scope.shared) shared.push({ ...template, scope: 'shared', shared: true, centreName: scope.centreName });
  }
  return [...builtIn, ...own, ...shared];
}
