import { Router } from 'express';
import { ErrorCode, serverIdSchema, type KioskLink } from '@gommette/shared';
import type { AppContext } from '../context';
import { HttpError } from '../http/errors';
import { hashSecret } from '../security/tokens';
import { bearerToken, facilitatorAccess } from '../services/access';
import { publicBaseUrl } from '../services/links';
import { kioskTokenFor, kioskUrl } from './kioskAccess';

/** `GET /api/workshops/:id/kiosks`: the facilitator's kiosk link for each site. */
export function voteRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/api/workshops/:id/kiosks', async (req, res) => {
    const token = bearerToken(req.headers.authorization);
    if (!token) throw new HttpError(ErrorCode.Unauthorized, 'facilitator token required (Authorization: Bearer …)');
    const id = serverIdSchema.safeParse(req.params.id);
    if (!id.success) throw new HttpError(ErrorCode.NotFound, 'no such workshop');
    const workshop = await facilitatorAccess(ctx.store, id.data, token, { centres: ctx.centres, cookie: req.headers.cookie, now: ctx.now() });
    if (!workshop) throw new HttpError(ErrorCode.Unauthorized, 'unknown workshop or wrong token');
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
