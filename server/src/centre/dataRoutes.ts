import type { Router } from 'express';
import {
  CENTRE_CSV_TABLES,
  ErrorCode,
  csvHeader,
  csvLanguage,
  briefWithoutIdeas,
  centreSettingsBody,
  workshopBriefsPublished,
  type CentreCsvTable,
  type EraseResponse,
} from '@gommette/shared';
import type { AppContext } from '../context';
import { HttpError } from '../http/errors';
import { limitRequests } from '../http/rateLimits';
import { bearerToken, participantAccess } from '../security/access';
import { idParam, requireRight, requireSameOrigin } from './guard';
import type { CentreLive } from './live';
import { tableCsv } from '../retour/csv';
import { CSV_COLUMNS, exportCentre } from './exportCentre';
import { centreView } from './spaceViews';
import { guardedRouter } from '../http/guards';

const isCsvTable = (value: string): value is CentreCsvTable => (CENTRE_CSV_TABLES as ReadonlyArray<string>).includes(value);

/** Data rights: settings (retention, territory), export, deletion, a resident's own erasure. */
export function dataRoutes(ctx: AppContext, live: CentreLive): Router {
  const router = guardedRouter();
  const { centres } = ctx;
  const eraseLimiter = limitRequests({ windowMs: 60_000, limit: 30 });

  router.patch('/api/centres/:centreId/settings', async (req, res) => {
    requireSameOrigin(ctx, req);
    const { centre } = await requireRight(ctx, req, 'manageData');
    const body = centreSettingsBody.parse(req.body);
    const updated = await centres.updateCentre(centre.id, body);
    if (!updated) throw new HttpError(ErrorCode.NotFound, 'no such centre');
    // A shorter period applies at once, not at the next hourly run.
    if (body.retentionDays !== undefined) await centres.eraseExpiredPersonalData(ctx.now());
    res.json(centreView(updated));
  });

  /** `everything.json`, or one table as `<table>.csv` (workshops, sites, participants, ideas…), headers in `?lang=`. */
  router.get('/api/centres/:centreId/export/:file', async (req, res) => {
    const { centre } = await requireRight(ctx, req, 'manageData');
    const file = String(req.params.file);
    const data = await exportCentre(ctx, centre);
    res.setHeader('Cache-Control', 'no-store');
    if (file === 'everything.json') {
      res.setHeader('Content-Disposition', 'attachment; filename="gommette-centre.json"');
      res.json(data);
      return;
    }
    const table = file.endsWith('.csv') ? file.slice(0, -'.csv'.length) : '';
    if (!isCsvTable(table)) throw new HttpError(ErrorCode.NotFound, 'no such export');
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="gommette-${table}.csv"`);
    // Headers in the reader's language (the client's `lang`, else Accept-Language); JSON keeps machine names.
    const lang = csvLanguage(req.query.lang, req.headers['accept-language']);
    res.setHeader('Content-Language', lang);
    res.send(tableCsv(data[table], CSV_COLUMNS[table], (column) => csvHeader(column, lang)));
  });

  /** Deletes the workshop with every personal data attached; open connections to it are closed. */
  router.delete('/api/centres/:centreId/workshops/:workshopId', async (req, res) => {
    requireSameOrigin(ctx, req);
    const { centre } = await requireRight(ctx, req, 'manageData');
    const workshopId = idParam(req.params.workshopId, 'workshop');
    const link = await centres.getCentreWorkshop(workshopId);
    if (!link || link.centreId !== centre.id) throw new HttpError(ErrorCode.NotFound, 'no such workshop in this centre');
    await centres.deleteWorkshop(workshopId);
    live.workshopDeleted(workshopId);
    ctx.logger.info({ centreId: centre.id, workshopId }, 'workshop deleted');
    res.status(204).end();
  });

  /**
   * "Effacer mes contributions": a resident, with their own participant token, erases their ideas and
   * their profile (mood, nickname, card, device tokens). Idempotent: once erased, the token opens
   * nothing and the same call answers that nothing is left. Refused (`erase_closed`) once a brief of
   * the workshop is published (`workshopBriefsPublished`): the resident asks the facilitator instead.
   */
  router.post('/api/participants/me/erase', eraseLimiter, async (req, res) => {
    const token = bearerToken(req.headers.authorization);
    if (!token) throw new HttpError(ErrorCode.Unauthorized, 'participant token required (Authorization: Bearer …)');
    const participant = await participantAccess(ctx.store, token);
    if (!participant) {
      res.json({ erasedIdeas: 0, erasedProfile: false } satisfies EraseResponse);
      return;
    }
    const [followUp, briefs] = await Promise.all([ctx.retour.getFollowUp(participant.workshopId), ctx.retour.countBriefs(participant.workshopId)]);
    if (workshopBriefsPublished(followUp, briefs)) {
      throw new HttpError(ErrorCode.EraseClosed, "this workshop's briefs are published: ask the facilitator to take an idea out");
    }
    const ideas = await ctx.store.listIdeasBy(participant.id);
    // Draft briefs quote ideas as a snapshot: the erased ones leave them too (before the file is wiped).
    const erased = new Set(ideas.map((idea) => idea.id));
    for (const brief of briefs > 0 ? await ctx.retour.listBriefs(participant.workshopId) : []) {
      if (brief.prefilled.ideas.some((idea) => erased.has(idea.ideaId)))
        await ctx.retour.updateBrief(participant.workshopId, brief.id, (draft) => briefWithoutIdeas(draft, erased));
    }
    const result = await centres.eraseParticipant(participant.id);
    live.ideasErased(
      participant.workshopId,
      participant.id,
      ideas.map((idea) => idea.id),
    );
    ctx.logger.info({ workshopId: participant.workshopId, ideas: result.ideas }, 'participant erased their contributions');
    res.json({ erasedIdeas: result.ideas, erasedProfile: result.profile } satisfies EraseResponse);
  });

  return router;
}
