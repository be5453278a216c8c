import type { Router } from 'express';
import { DEFAULT_QUESTIONNAIRE, aggregateAnswers, type QuestionnaireResults } from '@gommette/shared';
import type { AppContext } from '../context';
import { facilitatorOf } from '../http/facilitatorAuth';
import { guardedRouter } from '../http/guards';

export function questionnaireRoutes(ctx: AppContext): Router {
  const router = guardedRouter();
  const { store } = ctx;

  /** The closing questionnaire's anonymous aggregate (small self-declared groups suppressed). */
  router.get('/api/workshops/:id/questionnaire', async (req, res) => {
    const { workshop } = await facilitatorOf(ctx, req);
    const [room, answers] = await Promise.all([store.getRoom(workshop.id), store.listQuestionnaireAnswers(workshop.id)]);
    res.json(aggregateAnswers(room?.questionnaire ?? DEFAULT_QUESTIONNAIRE, answers) satisfies QuestionnaireResults);
  });

  return router;
}
