import type { Request, Response, Router } from 'express';
import {
  ErrorCode,
  csvLanguage,
  MAX_BRIEFS_PER_WORKSHOP,
  MAX_JOINS_PER_MINUTE,
  addNews,
  briefMarkdown,
  briefStatusBody,
  buildBrief,
  createBriefBody,
  editBrief,
  figuresRows,
  followUpBody,
  ideaRows,
  myIdeasInBriefs,
  newsBody,
  normalizeJoinCode,
  normalizeText,
  questionnaireRows,
  serverIdSchema,
  setBriefStatus,
  toFollowUpView,
  updateBriefBody,
  workshopMarkdown,
  type Brief,
  type DomainError,
  type FollowUpView,
  type MyFollowUpIdeas,
} from '@gommette/shared';
import type { AppContext } from '../context';
import { facilitatorOf } from '../http/facilitatorAuth';
import { HttpError, orThrow } from '../http/errors';
import { limitRequests } from '../http/rateLimits';
import { newId } from '../security/tokens';
import { bearerToken, participantAccess } from '../security/access';
import { toCsv } from './csv';
import { briefPdf, workshopPdf } from './pdf';
import { briefSources, workshopExport, workshopFigures } from './sources';
import { guardedRouter } from '../http/guards';

/** A file name without accents or spaces, for Content-Disposition. */
function fileName(title: string, extension: string): string {
  const base = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
    .toLowerCase();
  return `${base || 'gommette'}.${extension}`;
}

function send(res: Response, type: string, name: string, body: string | Buffer): void {
  res.type(type).setHeader('Content-Disposition', `attachment; filename="${name}"`).setHeader('Cache-Control', 'no-store').send(body);
}

/**
 * Briefs, exports, participation figures (facilitator token) and the public follow-up page
 * reached from a join code once the workshop is over.
 */
export function retourRoutes(ctx: AppContext): Router {
  const router = guardedRouter();
  const { store, retour } = ctx;
  const publicLimiter = limitRequests({ windowMs: 60_000, limit: MAX_JOINS_PER_MINUTE });

  const facilitator = async (req: Request) => (await facilitatorOf(ctx, req)).workshop;

  async function briefOf(workshopId: string, rawBriefId: unknown): Promise<Brief> {
    const briefId = serverIdSchema.safeParse(rawBriefId);
    const brief = briefId.success ? await retour.getBrief(workshopId, briefId.data) : null;
    if (!brief) throw new HttpError(ErrorCode.NotFound, 'no such brief');
    return brief;
  }

  async function update(workshopId: string, rawBriefId: unknown, change: (brief: Brief) => Brief | DomainError): Promise<Brief> {
    const briefId = serverIdSchema.safeParse(rawBriefId);
    const result = briefId.success ? await retour.updateBrief(workshopId, briefId.data, change) : null;
    if (result === null) throw new HttpError(ErrorCode.NotFound, 'no such brief');
    return orThrow(result);
  }

  // ---------- briefs ----------

  router.get('/api/workshops/:id/briefs', async (req, res) => {
    const workshop = await facilitator(req);
    const [briefs, followUp] = await Promise.all([retour.listBriefs(workshop.id), retour.getFollowUp(workshop.id)]);
    res.json({ briefs, followUp });
  });

  router.post('/api/workshops/:id/briefs', async (req, res) => {
    const workshop = await facilitator(req);
    const body = createBriefBody.parse(req.body);
    if ((await retour.countBriefs(workshop.id)) >= MAX_BRIEFS_PER_WORKSHOP)
      throw new HttpError(ErrorCode.TooLarge, `at most ${MAX_BRIEFS_PER_WORKSHOP} briefs`);
    const brief = orThrow(buildBrief(await briefSources(ctx, workshop), { id: newId(), title: body.title, ideaIds: body.ideaIds }, ctx.now()));
    const stored = await retour.insertBrief(brief);
    ctx.logger.info({ workshopId: workshop.id, briefId: stored.id }, 'brief created');
    res.status(201).json(stored);
  });

  router.get('/api/workshops/:id/briefs/:briefId', async (req, res) => {
    const workshop = await facilitator(req);
    res.json(await briefOf(workshop.id, req.params.briefId));
  });

  router.put('/api/workshops/:id/briefs/:briefId', async (req, res) => {
    const workshop = await facilitator(req);
    const body = updateBriefBody.parse(req.body);
    const now = ctx.now();
    res.json(await update(workshop.id, req.params.briefId, (brief) => editBrief(brief, body, now)));
  });

  router.post('/api/workshops/:id/briefs/:briefId/status', async (req, res) => {
    const workshop = await facilitator(req);
    const body = briefStatusBody.parse(req.body);
    const now = ctx.now();
    res.json(await update(workshop.id, req.params.briefId, (brief) => setBriefStatus(brief, body, now)));
  });

  router.post('/api/workshops/:id/briefs/:briefId/news', async (req, res) => {
    const workshop = await facilitator(req);
    const body = newsBody.parse(req.body);
    const now = ctx.now();
    const id = newId();
    res.status(201).json(await update(workshop.id, req.params.briefId, (brief) => addNews(brief, { id, text: body.text }, now)));
  });

  router.get('/api/workshops/:id/briefs/:briefId/export.md', async (req, res) => {
    const workshop = await facilitator(req);
    const brief = await briefOf(workshop.id, req.params.briefId);
    send(res, 'text/markdown; charset=utf-8', fileName(brief.title, 'md'), briefMarkdown(brief));
  });

  router.get('/api/workshops/:id/briefs/:briefId/export.pdf', async (req, res) => {
    const workshop = await facilitator(req);
    const brief = await briefOf(workshop.id, req.params.briefId);
    send(res, 'application/pdf', fileName(brief.title, 'pdf'), await briefPdf(brief));
  });

  // ---------- the end of the workshop and the follow-up settings ----------

  router.put('/api/workshops/:id/follow-up', async (req, res) => {
    const workshop = await facilitator(req);
    const body = followUpBody.parse(req.body);
    const now = ctx.now();
    const saved = await retour.updateFollowUp(workshop.id, (current) => ({
      finishedAt: body.finished === undefined ? current.finishedAt : body.finished ? (current.finishedAt ?? now) : null,
      nextMeeting: body.nextMeeting === undefined ? current.nextMeeting : body.nextMeeting === null ? null : normalizeText(body.nextMeeting) || null,
    }));
    res.json(saved);
  });

  // ---------- exports and figures ----------

  router.get('/api/workshops/:id/export.json', async (req, res) => {
    const workshop = await facilitator(req);
    send(res, 'application/json; charset=utf-8', fileName(workshop.title, 'json'), JSON.stringify(await workshopExport(ctx, workshop), null, 2));
  });

  router.get('/api/workshops/:id/export.md', async (req, res) => {
    const workshop = await facilitator(req);
    send(res, 'text/markdown; charset=utf-8', fileName(workshop.title, 'md'), workshopMarkdown(await workshopExport(ctx, workshop)));
  });

  router.get('/api/workshops/:id/export.pdf', async (req, res) => {
    const workshop = await facilitator(req);
    send(res, 'application/pdf', fileName(workshop.title, 'pdf'), await workshopPdf(await workshopExport(ctx, workshop)));
  });

  router.get('/api/workshops/:id/export/ideas.csv', async (req, res) => {
    const workshop = await facilitator(req);
    send(
      res,
      'text/csv; charset=utf-8',
      fileName(`${workshop.title}-idees`, 'csv'),
      toCsv(ideaRows(await workshopExport(ctx, workshop), csvLanguage(req.query.lang, req.headers['accept-language']))),
    );
  });

  router.get('/api/workshops/:id/export/questionnaire.csv', async (req, res) => {
    const workshop = await facilitator(req);
    send(
      res,
      'text/csv; charset=utf-8',
      fileName(`${workshop.title}-questionnaire`, 'csv'),
      toCsv(questionnaireRows(await workshopExport(ctx, workshop), csvLanguage(req.query.lang, req.headers['accept-language']))),
    );
  });

  router.get('/api/workshops/:id/figures', async (req, res) => {
    const workshop = await facilitator(req);
    res.json(await workshopFigures(ctx, workshop));
  });

  router.get('/api/workshops/:id/figures.csv', async (req, res) => {
    const workshop = await facilitator(req);
    send(
      res,
      'text/csv; charset=utf-8',
      fileName(`${workshop.title}-chiffres`, 'csv'),
      toCsv(figuresRows(await workshopFigures(ctx, workshop), csvLanguage(req.query.lang, req.headers['accept-language']))),
    );
  });

  // ---------- the public follow-up page ----------

  async function finishedWorkshopOf(req: Request) {
    const code = normalizeJoinCode(String(req.params.joinCode ?? ''));
    const site = code ? await store.getSiteByJoinCode(code) : null;
    const workshop = site ? await store.getWorkshop(site.workshopId) : null;
    if (!workshop) throw new HttpError(ErrorCode.NotFound, 'unknown join code');
    const followUp = await retour.getFollowUp(workshop.id);
    // Before the end, briefs are drafts: nothing is public yet.
    if (followUp.finishedAt === null) throw new HttpError(ErrorCode.NotFound, 'the workshop is not over');
    return { workshop, followUp };
  }

  router.get('/api/follow/:joinCode', publicLimiter, async (req, res) => {
    const { workshop, followUp } = await finishedWorkshopOf(req);
    const view: FollowUpView = toFollowUpView(workshop, followUp, await retour.listBriefs(workshop.id));
    res.setHeader('Cache-Control', 'no-cache').json(view);
  });

  /** "Which of MY ideas are in these briefs": answered only to the resident's own token. */
  router.get('/api/follow/:joinCode/mine', publicLimiter, async (req, res) => {
    const { workshop } = await finishedWorkshopOf(req);
    const token = bearerToken(req.headers.authorization);
    const participant = token ? await participantAccess(store, token) : null;
    if (!participant || participant.workshopId !== workshop.id) throw new HttpError(ErrorCode.Unauthorized, 'participant token required');
    const [mine, briefs] = await Promise.all([store.listIdeasBy(participant.id), retour.listBriefs(workshop.id)]);
    const body: MyFollowUpIdeas = { ideaIds: myIdeasInBriefs(briefs, new Set(mine.map((idea) => idea.id))) };
    res.setHeader('Cache-Control', 'no-store').json(body);
  });

  return router;
}
