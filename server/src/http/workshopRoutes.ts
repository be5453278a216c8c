import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import {
  ErrorCode,
  MAX_WORKSHOPS_PER_HOUR,
  createWorkshopBody,
  serverIdSchema,
  BUILT_IN_TEMPLATES,
  DEFAULT_QUESTIONNAIRE,
  aggregateAnswers,
  type QuestionnaireResults,
  checkPhases,
  initialRoom,
  normalizeText,
  planWorkshop,
  saveTemplateBody,
  toFacilitatorView,
  type MethodTemplate,
  type CreateWorkshopResponse,
  type WorkshopState,
} from '@gommette/shared';
import { hashSecret, helperTokenFor, newId, newJoinCode, newToken, observerTokenFor, screenTokenFor } from '../security/tokens';
import { bearerToken, facilitatorAccess } from '../services/access';
import { facilitatorUrl, helperUrl, observerUrl, publicBaseUrl, screenUrl, siteLinks } from '../services/links';
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
      const phases = orThrow(checkPhases(draft.phases ?? []));
      const room = { ...initialRoom(phases), tableCount: draft.tableCount ?? 0, safeMode: draft.safeMode ?? false };
      const facilitatorToken = newToken();
      const screenToken = screenTokenFor(facilitatorToken);
      for (let attempt = 1; ; attempt++) {
        const planned = orThrow(
          planWorkshop(draft, { workshopId: newId(), siteIds: draft.sites.map(newId), joinCodes: draft.sites.map(() => newJoinCode()) }, ctx.now()),
        );
        try {
          await store.createWorkshop(
            {
              ...planned.workshop,
              facilitatorTokenHash: hashSecret(facilitatorToken),
              screenTokenHash: hashSecret(screenToken),
              helperTokenHash: hashSecret(helperTokenFor(facilitatorToken)),
              observerTokenHash: hashSecret(observerTokenFor(facilitatorToken)),
            },
            planned.sites,
            room,
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
          helperUrl: helperUrl(base, planned.workshop.id, helperTokenFor(facilitatorToken)),
          observerUrl: observerUrl(base, planned.workshop.id, observerTokenFor(facilitatorToken)),
          sites: siteLinks(planned.sites, base),
        };
        ctx.logger.info({ workshopId: planned.workshop.id, sites: planned.sites.length }, 'workshop created');
        res.status(201).json(body);
        return;
      }
    },
  );

  async function facilitatorFromRequest(rawId: unknown, authorization: string | undefined) {
    const token = bearerToken(authorization);
    if (!token) throw new HttpError(ErrorCode.Unauthorized, 'facilitator token required (Authorization: Bearer …)');
    const id = serverIdSchema.safeParse(rawId);
    if (!id.success) throw new HttpError(ErrorCode.NotFound, 'no such workshop');
    const workshop = await facilitatorAccess(store, id.data, token);
    if (!workshop) throw new HttpError(ErrorCode.Unauthorized, 'unknown workshop or wrong token');
    return { workshop, token };
  }
  const templateLimiter = rateLimit({ windowMs: 60 * 60_000, limit: MAX_WORKSHOPS_PER_HOUR, handler: rateLimitHandler, standardHeaders: 'draft-8', legacyHeaders: false });

  router.get('/api/workshops/:id', async (req, res) => {
    const { workshop, token } = await facilitatorFromRequest(req.params.id, req.headers.authorization);
    const [sites, ideas, participants] = await Promise.all([
      store.listSites(workshop.id),
      store.listIdeas(workshop.id),
      store.countParticipants(workshop.id),
    ]);
    const base = publicBaseUrl(config.publicUrl, req.headers, req.secure);
    const body: WorkshopState = {
      workshop: workshopSummary(workshop, sites, base),
      screenUrl: screenUrl(base, workshop.id, screenTokenFor(token)),
      helperUrl: helperUrl(base, workshop.id, helperTokenFor(token)),
      observerUrl: observerUrl(base, workshop.id, observerTokenFor(token)),
      ideas: ideas.map(toFacilitatorView),
      participants,
      presence: ctx.presence.get(workshop.id),
    };
    res.json(body);
  });

  /** The closing questionnaire's anonymous aggregate (small self-declared groups suppressed). */
  router.get('/api/workshops/:id/questionnaire', async (req, res) => {
    const { workshop } = await facilitatorFromRequest(req.params.id, req.headers.authorization);
    const [room, answers] = await Promise.all([store.getRoom(workshop.id), store.listQuestionnaireAnswers(workshop.id)]);
    res.json(aggregateAnswers(room?.questionnaire ?? DEFAULT_QUESTIONNAIRE, answers) satisfies QuestionnaireResults);
  });

  /** Built-in methods first, then the ones facilitators saved for the next ones. */
  router.get('/api/templates', async (_req, res) => {
    const saved = await store.listTemplates();
    res.json([...BUILT_IN_TEMPLATES, ...saved] satisfies MethodTemplate[]);
  });

  /** Saves a method for the centre; only someone running a workshop (its facilitator token) may. */
  router.post('/api/workshops/:id/templates', templateLimiter, async (req, res) => {
    const { workshop } = await facilitatorFromRequest(req.params.id, req.headers.authorization);
    const body = saveTemplateBody.parse(req.body);
    const name = normalizeText(body.name);
    if (name.length === 0) throw new HttpError(ErrorCode.BadRequest, 'a template needs a name');
    const template: MethodTemplate = {
      id: newId(),
      name,
      description: normalizeText(body.description, { multiline: true }),
      phases: orThrow(checkPhases(body.phases)),
      builtIn: false,
    };
    await store.saveTemplate(template, ctx.now());
    ctx.logger.info({ workshopId: workshop.id, templateId: template.id }, 'method template saved');
    res.status(201).json(template);
  });

  return router;
}
