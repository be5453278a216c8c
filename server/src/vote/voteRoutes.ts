import type { Router } from 'express';
import type { KioskLink } from '@gommette/shared';
import type { AppContext } from '../context';
import { facilitatorOf } from '../http/facilitatorAuth';
import { publicBaseUrl } from '../workshop/links';
import { kioskLinks } from './kioskAccess';
import { guardedRouter } from '../http/guards';

/** `GET /api/workshops/:id/kiosks`: the facilitator's kiosk link for each site. */
export function voteRoutes(ctx: AppContext): Router {
  const router = guardedRouter();
  router.get('/api/workshops/:id/kiosks', async (req, res) => {
    const { workshop, token } = await facilitatorOf(ctx, req);
    const base = publicBaseUrl(ctx.config.publicUrl, req.headers, req.secure);
    const links: KioskLink[] = await kioskLinks(ctx, workshop.id, token, base);
    res.json(links);
  });
  return router;
}
