import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import {
  ErrorCode,
  MAX_WORKSHOPS_PER_HOUR,
  createWorkshopBody,
  serverIdSchema,
  planWorkshop,
  toFacilitatorView,
  type CreateWorkshopResponse,
  type WorkshopState,
} from '@gommette/shared';
import { hashSecret, newId, newJoinCode, newToken, screenTokenFor } from '../security/tokens';
import { bearerToken, facilitatorAccess } from '../services/access';
import { facilitatorUrl, publicBaseUrl, screenUrl, siteLinks } from '../services/links';
import { workshopSummary } from '../services/views';
import { UniqueViolationError } from '../store/WorkshopStore';
import type { AppContext } from '../context';
import { HttpError, orThrow } from './errors';
import { rateLimitHandler } from './rateLimits';

/** Join codes are drawn at random; on the rare collision, draw again. */
const MAX_CREATE_ATTEMPTS = 5;

export function workshopRoutes(ctx: AppContext): Router {
  const router = Router();
  const { store, config } = ctx;

  router.post(
    '/api/workshops',
    rateLimit({ windowMs: 60 * 60_000, limit: MAX_WORKSHOPS_PER_HOUR, handler: rateLimitHandler, standardHeaders: 'draft-8', legacyHeaders: false }),
    async (req, res) => {
      const draft = createWorkshopBody.parse(req.body);
      const facilitatorToken = newToken();
      const screenToken = screenTokenFor(facilitatorToken);
      for (let attempt = 1; ; attempt++) {
        const planned = orThrow(
          planWorkshop(draft, { workshopId: newId(), siteIds: draft.sites.map(newId), joinCodes: draft.sites.map(() => newJoinCode()) }, ctx.now()),
        );
        try {
          await store.createWorkshop(
            { ...planned.workshop, facilitatorTokenHash: hashSecret(facilitatorToken), screenTokenHash: hashSecret(screenToken) },
            planned.sites,
          );
        } catch (error) {
          if (error instanceof UniqueViolationError && attempt < MAX_CREATE_ATTEMPTS) continue;
          throw error;
        }
        const base = publicBaseUrl(config.publicUrl, req.headers, req.secure);
        const body: CreateWorkshopResponse = {
          id: planned.workshop.id,
          facilitatorUrl: facilitatorUrl(base, planned.workshop.id, facilitatorToken),
          facilitatorToken,
          screenUrl: screenUrl(base, planned.workshop.id, screenToken),
          screenToken,
          sites: siteLinks(planned.sites, base),
        };
        ctx.logger.info({ workshopId: planned.workshop.id, sites: planned.sites.length }, 'workshop created');
        res.status(201).json(body);
        return;
      }
    },
  );

  router.get('/api/workshops/:id', async (req, res) => {
    const token = bearerToken(req.headers.authorization);
    if (!token) throw new HttpError(ErrorCode.Unauthorized, 'facilitator token required (Authorization: Bearer …)');
    const id = serverIdSchema.safeParse(req.params.id);
    if (!id.success) throw new HttpError(ErrorCode.NotFound, 'no such workshop');
    const workshop = await facilitatorAccess(store, id.data, token);
    if (!workshop) throw new HttpError(ErrorCode.Unauthorized, 'unknown workshop or wrong token');
    const [sites, ideas, participants] = await Promise.all([
      store.listSites(workshop.id),
      store.listIdeas(workshop.id),
      store.countParticipants(workshop.id),
    ]);
    const base = publicBaseUrl(config.publicUrl, req.headers, req.secure);
    const body: WorkshopState = {
      workshop: workshopSummary(workshop, sites, base),
      screenUrl: screenUrl(base, workshop.id, screenTokenFor(token)),
      ideas: ideas.map(toFacilitatorView),
      participants,
      presence: ctx.presence.get(workshop.id),
    };
    res.json(body);
  });

  return router;
}
