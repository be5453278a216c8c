import type { Router } from 'express';
import {
  MAX_WORKSHOPS_PER_HOUR,
  createWorkshopBody,
  BUILT_IN_TEMPLATES,
  saveTemplateBody,
  toFacilitatorView,
  type MethodTemplate,
  type WorkshopState,
} from '@gommette/shared';
import { screenTokenFor } from '../security/tokens';
import { createWorkshop } from './createWorkshop';
import { newMethodTemplate } from './methodTemplate';
import { consoleStaffLinks } from '../centre/staffLinks';
import { publicBaseUrl, screenUrl } from './links';
import { workshopSummary } from './views';
import type { AppContext } from '../context';
import { facilitatorOf } from '../http/facilitatorAuth';
import { limitRequests } from '../http/rateLimits';
import { guardedRouter } from '../http/guards';

export function workshopRoutes(ctx: AppContext): Router {
  const router = guardedRouter();
  const { store, config } = ctx;

  router.post('/api/workshops', limitRequests({ windowMs: 60 * 60_000, limit: MAX_WORKSHOPS_PER_HOUR }), async (req, res) => {
    const body = await createWorkshop(ctx, createWorkshopBody.parse(req.body), req);
    res.status(201).json(body);
  });

  const templateLimiter = limitRequests({ windowMs: 60 * 60_000, limit: MAX_WORKSHOPS_PER_HOUR });

  router.get('/api/workshops/:id', async (req, res) => {
    const { workshop, token } = await facilitatorOf(ctx, req);
    const [sites, ideas, participants] = await Promise.all([store.listSites(workshop.id), store.listIdeas(workshop.id), store.countParticipants(workshop.id)]);
    const base = publicBaseUrl(config.publicUrl, req.headers, req.secure);
    const staff = await consoleStaffLinks(ctx, workshop.id, token, base);
    const body: WorkshopState = {
      workshop: workshopSummary(workshop, sites, base),
      screenUrl: screenUrl(base, workshop.id, screenTokenFor(token, (await ctx.centres.getCentreWorkshop(workshop.id))?.screenGeneration ?? 0)),
      ...staff,
      ideas: ideas.map(toFacilitatorView),
      participants,
      presence: await ctx.presence.get(workshop.id),
    };
    res.json(body);
  });

  /** Built-in methods first, then the ones facilitators saved for the next ones. */
  router.get('/api/templates', async (_req, res) => {
    const saved = await store.listTemplates();
    // A centre's own methods stay in its space unless it shared them.
    const sharedByCentre = new Map((await ctx.centres.listTemplateScopes()).map((scope) => [scope.templateId, scope.shared]));
    res.json([...BUILT_IN_TEMPLATES, ...saved.filter((template) => sharedByCentre.get(template.id) ?? true)] satisfies MethodTemplate[]);
  });

  /** Saves a method for the centre; only someone running a workshop (its facilitator token) may. */
  router.post('/api/workshops/:id/templates', templateLimiter, async (req, res) => {
    const { workshop } = await facilitatorOf(ctx, req);
    const template = newMethodTemplate(saveTemplateBody.parse(req.body));
    await store.saveTemplate(template, ctx.now());
    ctx.logger.info({ workshopId: workshop.id, templateId: template.id }, 'method template saved');
    res.status(201).json(template);
  });

  return router;
}
