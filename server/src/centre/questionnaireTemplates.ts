import type { Router } from 'express';

import {
  BUILT_IN_QUESTIONNAIRE,
  BUILT_IN_QUESTIONNAIRE_ID,
  ErrorCode,
  checkQuestionnaire,
  normalizeText,
  questionnaireTemplateBody,
  shareTemplateBody,
  type Questionnaire,
  type QuestionnaireTemplateView,
} from '@gommette/shared';
import type { AppContext } from '../context';
import { HttpError, orThrow } from '../http/errors';
import { newId } from '../security/tokens';
import type { CentreRecord, QuestionnaireTemplateRecord } from '../store/CentreStore';
import { centreWriteLimiter, idParam, requireRight, requireSameOrigin } from './guard';
import { guardedRouter } from '../http/guards';

async function viewsFor(ctx: AppContext, centreId: string): Promise<QuestionnaireTemplateView[]> {
  const records = await ctx.centres.listQuestionnaireTemplates(centreId);
  const names = new Map<string, string>();
  for (const record of records) {
    if (!names.has(record.centreId)) names.set(record.centreId, (await ctx.centres.getCentre(record.centreId))?.name ?? '');
  }
  const view = (record: QuestionnaireTemplateRecord): QuestionnaireTemplateView => ({
    id: record.id,
    name: record.name,
    questionnaire: record.questionnaire,
    scope: record.centreId === centreId ? 'centre' : 'shared',
    shared: record.shared,
    centreName: names.get(record.centreId) ?? null,
  });
  return [BUILT_IN_QUESTIONNAIRE, ...records.map(view)];
}

/** The closing questionnaire of a template this centre may use: the built-in one or its own. */
export async function centreQuestionnaire(ctx: AppContext, centreId: string, templateId: string): Promise<Questionnaire> {
  if (templateId === BUILT_IN_QUESTIONNAIRE_ID) return BUILT_IN_QUESTIONNAIRE.questionnaire;
  const template = await ctx.centres.getQuestionnaireTemplate(templateId);
  if (!template || template.centreId !== centreId) throw new HttpError(ErrorCode.NotFound, 'no such questionnaire in this centre (copy a shared one first)');
  return template.questionnaire;
}

async function save(ctx: AppContext, centre: CentreRecord, name: string, questionnaire: Questionnaire, shared: boolean): Promise<QuestionnaireTemplateView> {
  const record: QuestionnaireTemplateRecord = { id: newId(), centreId: centre.id, name, questionnaire, shared, createdAt: ctx.now() };
  await ctx.centres.saveQuestionnaireTemplate(record);
  return { id: record.id, name, questionnaire, scope: 'centre', shared, centreName: centre.name };
}

/** Closing questionnaires saved in the space, shared between centres and copied ("essaimage"). */
export function questionnaireTemplateRoutes(ctx: AppContext): Router {
  const router = guardedRouter();
  const writeLimiter = centreWriteLimiter();

  router.get('/api/centres/:centreId/questionnaires', async (req, res) => {
    const { centre } = await requireRight(ctx, req, 'view');
    res.json(await viewsFor(ctx, centre.id));
  });

  router.post('/api/centres/:centreId/questionnaires', writeLimiter, async (req, res) => {
    requireSameOrigin(ctx, req);
    const { centre } = await requireRight(ctx, req, 'run');
    const body = questionnaireTemplateBody.parse(req.body);
    const name = normalizeText(body.name);
    if (name.length === 0) throw new HttpError(ErrorCode.BadRequest, 'a questionnaire needs a name');
    res.status(201).json(await save(ctx, centre, name, orThrow(checkQuestionnaire(body.questionnaire)), body.shared));
  });

  router.patch('/api/centres/:centreId/questionnaires/:templateId', async (req, res) => {
    requireSameOrigin(ctx, req);
    const { centre } = await requireRight(ctx, req, 'run');
    const { shared } = shareTemplateBody.parse(req.body);
    if (!(await ctx.centres.setQuestionnaireTemplateShared(idParam(req.params.templateId, 'questionnaire'), centre.id, shared))) {
      throw new HttpError(ErrorCode.NotFound, 'no such questionnaire in this centre');
    }
    res.json({ shared });
  });

  /** "Essaimage": a copy of a questionnaire another centre shared into this centre. */
  router.post('/api/centres/:centreId/questionnaires/:templateId/copy', writeLimiter, async (req, res) => {
    requireSameOrigin(ctx, req);
    const { centre } = await requireRight(ctx, req, 'run');
    const templateId = idParam(req.params.templateId, 'questionnaire');
    const source = (await viewsFor(ctx, centre.id)).find((template) => template.id === templateId && template.scope === 'shared');
    if (!source) throw new HttpError(ErrorCode.NotFound, 'no such shared questionnaire');
    res.status(201).json(await save(ctx, centre, source.name, source.questionnaire, false));
  });

  return router;
}
