import type { Router } from 'express';
import type { KioskLink } from '@gommette/shared';
import type { AppContext } from '../context';
import { facilitatorOf } from '../http/facilitatorAuth';
import { hashSecret } from '../security/tokens';
import { publicBaseUrl } from '../workshop/links';
import { kioskTokenFor, kioskUrl } from './kioskAccess';
import { guardedRouter } from '../http/guards';

/** `GET /api/workshops/:id/kiosks`: the facilitator's kiosk link for each site. */
export function voteRoutes(ctx: AppContext): Router {
  const router = guardedRouter();
  router.get('/api/workshops/:id/kiosks', async (req, res) => {
    const { workshop, token } = await facilitatorOf(ctx, req);
    const base = publicBaseUrl(ctx.config.publicUrl, req.headers, req.secure);
    const links: KioskLink[] = [];
    for (const site of await ctx.store.listSites(workshop.id)) {
      const kioskToken = kioskTokenFor(token, site.id);
      await ctx.votes.saveKioskToken(workshop.id, site.id, hashSecret(kioskToken));
      links.push({ siteId: site.id, name: site.name, kioskUrl: kioskUrl(base, workshop.id, kioskToken) });
    }
    res.json(links);
  });
  return router;
}
