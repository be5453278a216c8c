import { Router } from 'express';
import type { AppContext } from '../context';
import { accountRoutes } from './accountRoutes';
import { dataRoutes } from './dataRoutes';
import type { CentreLive } from './live';
import { questionnaireTemplateRoutes } from './questionnaireTemplates';
import { sharedBriefRoutes } from './sharedBriefRoutes';
import { spaceRoutes } from './spaceRoutes';
import { staffLinkRoutes } from './staffLinkRoutes';

/** Every route of the centre's space, registered by `createApp`. */
export function centreRoutes(ctx: AppContext, live: CentreLive): Router {
  const router = Router();
  router.use(accountRoutes(ctx));
  router.use(spaceRoutes(ctx, live));
  router.use(dataRoutes(ctx, live));
  router.use(questionnaireTemplateRoutes(ctx));
  router.use(staffLinkRoutes(ctx, live));
  router.use(sharedBriefRoutes(ctx));
  return router;
}
