import { Router } from 'express';
import type { AppContext } from '../context';
import { accountRoutes } from './accountRoutes';
import { dataRoutes } from './dataRoutes';
import type { CentreLive } from './live';
import { spaceRoutes } from './spaceRoutes';

/** Every route of the centre's space, registered by `createApp`. */
export function centreRoutes(ctx: AppContext, live: CentreLive): Router {
  const router = Router();
  router.use(accountRoutes(ctx));
  router.use(spaceRoutes(ctx, live));
  router.use(dataRoutes(ctx, live));
  return router;
}
