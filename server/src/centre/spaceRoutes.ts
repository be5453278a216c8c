import type { Response, Router } from 'express';
import { z } from 'zod';
import {
  ErrorCode,
  INITIAL_STAFF_LINK_ID,
  MAX_WORKSHOPS_PER_HOUR,
  STAFF_LINK_ROLES,
  INVITATION_TTL_MS,
  centreTemplateBody,
  createInvitationBody,
  createSeriesBody,
  createWorkshopBody,
  normalizeText,
  shareTemplateBody,
  suppressSmall,
  centreFiguresRows,
  territoryFigures,
  territoryFiguresRows,
  type CentreSpace,
  type CentreWorkshopView,
  type InvitationResponse,
  type MethodTemplate,
  type SeriesFollowUp,
} from '@gommette/shared';
import type { AppContext } from '../context';
import { HttpError } from '../http/errors';
import { limitRequests } from '../http/rateLimits';
import { hashSecret, newId, newToken } from '../security/tokens';
import { toCsv } from '../retour/csv';
import { newMethodTemplate } from '../workshop/methodTemplate';
import { createWorkshop } from '../workshop/createWorkshop';
import { publicBaseUrl } from '../workshop/links';
import { idParam, requireAccount, requireRight, requireSameOrigin } from './guard';
import type { CentreLive } from './live';
import { returningAcross } from '../retour/returning';
import { centreQuestionnaire } from './questionnaireTemplates';
import { issueStaffLink } from './staffLinks';
import { mayReadConsoleLink, rotateConsoleLink } from './consoleLink';
import { centreView, figuresOf, seriesDetail, seriesView, templatesFor, workshopView } from './spaceViews';
import { guardedRouter } from '../http/guards';
import { sealerFor } from '../security/sealed';

function sendCsv(res: Response, name: string, rows: string[][]): void {
  res
    .type('text/csv; charset=utf-8')
    .setHeader('Content-Disposition', `attachment; filename="${name}"`)
    .setHeader('Cache-Control', 'no-store')
    .send(toCsv(rows));
}

const centreWorkshopBody = createWorkshopBody.extend({
  seriesId: z.string().max(64).nullable().optional(),
  /** A questionnaire template of the centre (or the built-in one) for the closing questionnaire. */
  questionnaireTemplateId: z.string().max(64).optional(),
});

/** The space: members and invitations, workshops and series, templates, figures. */
export function spaceRoutes(ctx: AppContext, live: CentreLive): Router {
  const router = guardedRouter();
  const { centres, config } = ctx;
  const writeLimiter = limitRequests({ windowMs: 60 * 60_000, limit: MAX_WORKSHOPS_PER_HOUR * 4 });

  router.get('/api/centres/:centreId', async (req, res) => {
    const { centre, role, account } = await requireRight(ctx, req, 'view');
    const base = publicBaseUrl(config.publicUrl, req.headers, req.secure);
    const links = await centres.listCentreWorkshops(centre.id);
    const workshops = (await Promise.all(links.map((link) => workshopView(ctx, link, base, { accountId: account.id, role })))).filter(
      (view): view is CentreWorkshopView => view !== null,
    );
    const members = role === 'admin' ? await centres.listMembers(centre.id) : [];
    const body: CentreSpace = {
      centre: centreView(centre),
      role,
      workshops: workshops.reverse(),
      series: (await centres.listSeries(centre.id)).map(seriesView),
      members: members.map((member) => ({ accountId: member.accountId, login: member.login, role: member.role, since: member.createdAt })),
    };
    res.json(body);
  });

  router.post('/api/centres/:centreId/invitations', writeLimiter, async (req, res) => {
    requireSameOrigin(ctx, req);
    const { centre } = await requireRight(ctx, req, 'manageMembers');
    const { role } = createInvitationBody.parse(req.body ?? {});
    const token = newToken();
    const now = ctx.now();
    await centres.createInvitation({ tokenHash: hashSecret(token), centreId: centre.id, role, createdAt: now, expiresAt: now + INVITATION_TTL_MS });
    const base = publicBaseUrl(config.publicUrl, req.headers, req.secure);
    const body: InvitationResponse = { inviteUrl: `${base}/centre/invitation#t=${token}`, expiresAt: now + INVITATION_TTL_MS };
    res.status(201).json(body);
  });

  /** Takes effect at once: the member's open consoles of the centre's workshops are closed. */
  router.delete('/api/centres/:centreId/members/:accountId', async (req, res) => {
    requireSameOrigin(ctx, req);
    const { centre } = await requireRight(ctx, req, 'manageMembers');
    const accountId = idParam(req.params.accountId, 'member');
    const role = await centres.getRole(centre.id, accountId);
    if (!role) throw new HttpError(ErrorCode.NotFound, 'not a member');
    if (role === 'admin' && (await centres.countAdmins(centre.id)) <= 1) throw new HttpError(ErrorCode.Conflict, 'the last admin cannot be removed');
    await centres.removeMember(centre.id, accountId);
    const links = await centres.listCentreWorkshops(centre.id);
    // Everything derived from the console links they held dies with their membership. An admin
    // could also read the console links the others hold: those get new ones (their holder keeps them).
    const readable = links.filter((link) => link.createdBy !== accountId && mayReadConsoleLink({ accountId, role }, link));
    for (const link of readable) await rotateConsoleLink(ctx, link, null);
    await live.recheckAccess(links.map((link) => link.workshopId));
    ctx.logger.info({ centreId: centre.id, rotated: readable.length }, 'member removed');
    res.status(204).end();
  });

  router.post('/api/centres/:centreId/series', writeLimiter, async (req, res) => {
    requireSameOrigin(ctx, req);
    const { centre } = await requireRight(ctx, req, 'run');
    const body = createSeriesBody.parse(req.body);
    const title = normalizeText(body.title);
    if (title.length === 0) throw new HttpError(ErrorCode.BadRequest, 'a series needs a title');
    const series = { id: newId(), centreId: centre.id, title, question: normalizeText(body.question, { multiline: true }), createdAt: ctx.now() };
    await centres.createSeries(series);
    res.status(201).json(seriesView(series));
  });

  router.get('/api/centres/:centreId/series/:seriesId', async (req, res) => {
    const { centre } = await requireRight(ctx, req, 'view');
    const series = await centres.getSeries(idParam(req.params.seriesId, 'series'));
    if (!series || series.centreId !== centre.id) throw new HttpError(ErrorCode.NotFound, 'no such series');
    res.json(await seriesDetail(ctx, series));
  });

  /** Public: the series' follow-up page (titles, dates and counts only; no idea, no person). */
  router.get('/api/series/:seriesId/follow-up', async (req, res) => {
    const series = await centres.getSeries(idParam(req.params.seriesId, 'series'));
    const centre = series ? await centres.getCentre(series.centreId) : null;
    if (!series || !centre) throw new HttpError(ErrorCode.NotFound, 'no such series');
    const detail = await seriesDetail(ctx, series);
    // Published briefs only: a workshop's briefs are published once it is marked finished.
    const decisions = await Promise.all(
      detail.sessions.map(async (session) =>
        (await ctx.retour.getFollowUp(session.workshopId)).finishedAt === null
          ? []
          : (await ctx.retour.listBriefs(session.workshopId)).map((brief) => ({ title: brief.title, status: brief.status })),
      ),
    );
    const body: SeriesFollowUp = {
      title: series.title,
      question: series.question,
      centreName: centre.name,
      town: centre.town,
      sessions: detail.sessions.map((session, index) => ({
        title: session.title,
        position: session.position,
        date: session.createdAt,
        status: session.status,
        participants: suppressSmall(session.participants),
        ideas: session.ideas,
        decisions: decisions[index] ?? [],
      })),
    };
    res.json(body);
  });

  /** The same creation as the single-workshop link, then linked to the centre (and series). */
  router.post('/api/centres/:centreId/workshops', writeLimiter, async (req, res) => {
    requireSameOrigin(ctx, req);
    const { centre, account } = await requireRight(ctx, req, 'run');
    const { seriesId, questionnaireTemplateId, ...draft } = centreWorkshopBody.parse(req.body);
    if (seriesId) {
      const series = await centres.getSeries(seriesId);
      if (!series || series.centreId !== centre.id) throw new HttpError(ErrorCode.NotFound, 'no such series');
    }
    const questionnaire = questionnaireTemplateId === undefined ? undefined : await centreQuestionnaire(ctx, centre.id, questionnaireTemplateId);
    const created = await createWorkshop(ctx, draft, req, { questionnaire });
    await centres.linkWorkshop({
      workshopId: created.id,
      centreId: centre.id,
      seriesId: seriesId ?? null,
      createdBy: account.id,
      facilitatorToken: sealerFor(ctx.config).seal(created.facilitatorToken),
    });
    // The helper's and observer's links given with the workshop, tied to the member who made it.
    for (const role of STAFF_LINK_ROLES) {
      await issueStaffLink(centres, {
        workshopId: created.id,
        role,
        linkId: INITIAL_STAFF_LINK_ID,
        issuedBy: account.id,
        facilitatorToken: created.facilitatorToken,
        now: ctx.now(),
      });
    }
    res.status(201).json(created);
  });

  router.get('/api/centres/:centreId/templates', async (req, res) => {
    const { centre } = await requireRight(ctx, req, 'view');
    res.json(await templatesFor(ctx, centre.id));
  });

  router.post('/api/centres/:centreId/templates', writeLimiter, async (req, res) => {
    requireSameOrigin(ctx, req);
    const { centre } = await requireRight(ctx, req, 'run');
    const body = centreTemplateBody.parse(req.body);
    const template = newMethodTemplate(body);
    await centres.saveCentreTemplate(template, centre.id, body.shared, ctx.now());
    res.status(201).json({ ...template, scope: 'centre', shared: body.shared, centreName: centre.name });
  });

  router.patch('/api/centres/:centreId/templates/:templateId', async (req, res) => {
    requireSameOrigin(ctx, req);
    const { centre } = await requireRight(ctx, req, 'run');
    const { shared } = shareTemplateBody.parse(req.body);
    const changed = await centres.setTemplateShared(idParam(req.params.templateId, 'template'), centre.id, shared);
    if (!changed) throw new HttpError(ErrorCode.NotFound, 'no such template in this centre');
    res.json({ shared });
  });

  /** "Essaimage": a copy of a template another centre shared (or a built-in one) into this centre. */
  router.post('/api/centres/:centreId/templates/:templateId/copy', writeLimiter, async (req, res) => {
    requireSameOrigin(ctx, req);
    const { centre } = await requireRight(ctx, req, 'run');
    const templateId = idParam(req.params.templateId, 'template');
    const source = (await templatesFor(ctx, centre.id)).find((template) => template.id === templateId && template.scope !== 'centre');
    if (!source) throw new HttpError(ErrorCode.NotFound, 'no such shared template');
    const copy: MethodTemplate = { id: newId(), name: source.name, description: source.description, phases: source.phases, builtIn: false };
    await centres.saveCentreTemplate(copy, centre.id, false, ctx.now());
    res.status(201).json({ ...copy, scope: 'centre', shared: false, centreName: centre.name });
  });

  router.get('/api/centres/:centreId/figures', async (req, res) => {
    const { centre } = await requireRight(ctx, req, 'view');
    res.json({ figures: await figuresOf(ctx, centre.id), returning: await returningAcross(ctx, centre.id) });
  });

  /** The same figures as CSV for funders (UTF-8 with BOM, RFC 4180). */
  router.get('/api/centres/:centreId/figures.csv', async (req, res) => {
    const { centre } = await requireRight(ctx, req, 'view');
    sendCsv(res, 'gommette-chiffres-centre.csv', centreFiguresRows(await figuresOf(ctx, centre.id)));
  });

  /** Any signed-in account: the centres that opted in, small groups suppressed. */
  async function territory() {
    const lines = [];
    for (const centre of await centres.listTerritoryCentres()) lines.push({ name: centre.name, town: centre.town, figures: await figuresOf(ctx, centre.id) });
    return territoryFigures(lines);
  }
  router.get('/api/territory', async (req, res) => {
    await requireAccount(ctx, req);
    res.json(await territory());
  });
  router.get('/api/territory.csv', async (req, res) => {
    await requireAccount(ctx, req);
    sendCsv(res, 'gommette-chiffres-territoire.csv', territoryFiguresRows(await territory()));
  });

  return router;
}
