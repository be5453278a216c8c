import type { Router } from 'express';

import {
  ErrorCode,
  briefIsPublished,
  shareBriefBody,
  sharedBriefSchema,
  toSharedBrief,
  type BriefCopyView,
  type CentreBriefLine,
  type SharedBrief,
} from '@gommette/shared';
import type { AppContext } from '../context';
import { HttpError } from '../http/errors';
import { newId } from '../security/tokens';
import type { BriefCopyRecord } from '../store/CentreStore';
import { centreWriteLimiter, idParam, requireRight, requireSameOrigin } from './guard';
import { guardedRouter } from '../http/guards';

const toCopyView = (record: BriefCopyRecord): BriefCopyView => ({
  id: record.id,
  copiedAt: record.copiedAt,
  brief: sharedBriefSchema.parse(JSON.parse(record.contentJson)),
});

/**
 * Every brief shared on this instance, anonymised (`toSharedBrief`), read live from its workshop;
 * a brief whose workshop was reopened (no longer published) is left out until it is again.
 */
export async function sharedBriefs(ctx: AppContext): Promise<Array<{ centreId: string; brief: SharedBrief }>> {
  const out: Array<{ centreId: string; brief: SharedBrief }> = [];
  for (const share of await ctx.centres.listSharedBriefs()) {
    const [brief, centre, followUp] = await Promise.all([
      ctx.retour.getBrief(share.workshopId, share.briefId),
      ctx.centres.getCentre(share.centreId),
      ctx.retour.getFollowUp(share.workshopId),
    ]);
    if (!brief || !centre || !briefIsPublished(followUp)) continue;
    out.push({ centreId: centre.id, brief: toSharedBrief(brief, { centreName: centre.name, town: centre.town, sharedAt: share.sharedAt }) });
  }
  return out;
}

/** Briefs shared between centres ("essaimage"): mark one's own as shared, browse others', copy one. */
export function sharedBriefRoutes(ctx: AppContext): Router {
  const router = guardedRouter();
  const { centres } = ctx;
  const writeLimiter = centreWriteLimiter();

  /** The centre's briefs, with whether each is published (so it can be shared) and shared. */
  router.get('/api/centres/:centreId/briefs', async (req, res) => {
    const { centre } = await requireRight(ctx, req, 'view');
    const shared = new Set((await centres.listSharedBriefs()).filter((share) => share.centreId === centre.id).map((share) => share.briefId));
    const lines: CentreBriefLine[] = [];
    for (const link of await centres.listCentreWorkshops(centre.id)) {
      const [workshop, briefs, followUp] = await Promise.all([
        ctx.store.getWorkshop(link.workshopId),
        ctx.retour.listBriefs(link.workshopId),
        ctx.retour.getFollowUp(link.workshopId),
      ]);
      if (!workshop) continue;
      for (const brief of briefs) {
        lines.push({
          briefId: brief.id,
          workshopId: workshop.id,
          workshopTitle: workshop.title,
          title: brief.title,
          status: brief.status,
          published: briefIsPublished(followUp),
          shared: shared.has(brief.id),
        });
      }
    }
    res.json(lines);
  });

  /** Only a published brief (its workshop finished) can be shared; unsharing is always possible. */
  router.put('/api/centres/:centreId/briefs/:briefId/shared', async (req, res) => {
    requireSameOrigin(ctx, req);
    const { centre } = await requireRight(ctx, req, 'run');
    const briefId = idParam(req.params.briefId, 'brief');
    const { shared } = shareBriefBody.parse(req.body);
    if (!shared) {
      await centres.unshareBrief(briefId, centre.id);
      res.json({ shared });
      return;
    }
    for (const link of await centres.listCentreWorkshops(centre.id)) {
      const brief = await ctx.retour.getBrief(link.workshopId, briefId);
      if (!brief) continue;
      if (!briefIsPublished(await ctx.retour.getFollowUp(link.workshopId))) {
        throw new HttpError(ErrorCode.Conflict, 'a brief is shared once published: mark its workshop as finished first');
      }
      await centres.shareBrief({ briefId, workshopId: link.workshopId, centreId: centre.id, sharedAt: ctx.now() });
      res.json({ shared });
      return;
    }
    throw new HttpError(ErrorCode.NotFound, 'no such brief in this centre');
  });

  /** What other centres shared (this centre's own shared briefs are in its list above). */
  router.get('/api/centres/:centreId/shared-briefs', async (req, res) => {
    const { centre } = await requireRight(ctx, req, 'view');
    res.json((await sharedBriefs(ctx)).filter((share) => share.centreId !== centre.id).map((share) => share.brief));
  });

  router.post('/api/centres/:centreId/shared-briefs/:briefId/copy', writeLimiter, async (req, res) => {
    requireSameOrigin(ctx, req);
    const { centre } = await requireRight(ctx, req, 'run');
    const briefId = idParam(req.params.briefId, 'brief');
    const source = (await sharedBriefs(ctx)).find((share) => share.brief.id === briefId && share.centreId !== centre.id);
    if (!source) throw new HttpError(ErrorCode.NotFound, 'no such shared brief');
    const record: BriefCopyRecord = { id: newId(), centreId: centre.id, contentJson: JSON.stringify(source.brief), copiedAt: ctx.now() };
    await centres.saveBriefCopy(record);
    res.status(201).json(toCopyView(record));
  });

  router.get('/api/centres/:centreId/brief-copies', async (req, res) => {
    const { centre } = await requireRight(ctx, req, 'view');
    res.json((await centres.listBriefCopies(centre.id)).map(toCopyView));
  });

  return router;
}
