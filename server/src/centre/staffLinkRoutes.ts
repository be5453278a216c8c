import type { Router } from 'express';

import { ErrorCode, MAX_LIVE_STAFF_LINKS_PER_ROLE, STAFF_LINK_ROLES, issueStaffLinkBody, type StaffLinkRole } from '@gommette/shared';
import type { AppContext } from '../context';
import { HttpError } from '../http/errors';
import { newId } from '../security/tokens';
import { publicBaseUrl } from '../workshop/links';
import type { CentreRecord } from '../store/CentreStore';
import { centreWriteLimiter, idParam, requireRight, requireSameOrigin } from './guard';
import type { CentreLive } from './live';
import { issueStaffLink, staffLinkViews } from './staffLinks';
import { sealerFor } from '../security/sealed';
import { guardedRouter } from '../http/guards';

const isRole = (value: string): value is StaffLinkRole => (STAFF_LINK_ROLES as ReadonlyArray<string>).includes(value);

/**
 * Helpers' and observers' links of a centre's workshop: listed, issued and revoked by any member.
 * A revocation closes at once the pages and boards opened with that link.
 */
export function staffLinkRoutes(ctx: AppContext, live: CentreLive): Router {
  const router = guardedRouter();
  const { centres } = ctx;
  const writeLimiter = centreWriteLimiter();

  async function workshopOf(centre: CentreRecord, value: unknown) {
    const link = await centres.getCentreWorkshop(idParam(value, 'workshop'));
    if (!link || link.centreId !== centre.id) throw new HttpError(ErrorCode.NotFound, 'no such workshop in this centre');
    // The console link is stored sealed; staff links are derived from it.
    const facilitatorToken = sealerFor(ctx.config).open(link.facilitatorToken);
    if (!facilitatorToken) throw new HttpError(ErrorCode.NotFound, 'this workshop cannot be opened with the current sealing key');
    return { ...link, facilitatorToken };
  }

  router.get('/api/centres/:centreId/workshops/:workshopId/staff-links', async (req, res) => {
    const { centre } = await requireRight(ctx, req, 'view');
    const link = await workshopOf(centre, req.params.workshopId);
    const base = publicBaseUrl(ctx.config.publicUrl, req.headers, req.secure);
    res.json(await staffLinkViews(centres, centre.id, link.workshopId, link.facilitatorToken, base));
  });

  router.post('/api/centres/:centreId/workshops/:workshopId/staff-links', writeLimiter, async (req, res) => {
    requireSameOrigin(ctx, req);
    const { centre, account } = await requireRight(ctx, req, 'run');
    const link = await workshopOf(centre, req.params.workshopId);
    const { role } = issueStaffLinkBody.parse(req.body);
    const base = publicBaseUrl(ctx.config.publicUrl, req.headers, req.secure);
    const live = (await staffLinkViews(centres, centre.id, link.workshopId, link.facilitatorToken, base)).filter((view) => view.role === role && view.state === 'active');
    if (live.length >= MAX_LIVE_STAFF_LINKS_PER_ROLE) throw new HttpError(ErrorCode.Conflict, `at most ${MAX_LIVE_STAFF_LINKS_PER_ROLE} working links per role: revoke one first`);
    const issued = await issueStaffLink(centres, { workshopId: link.workshopId, role, linkId: newId(), issuedBy: account.id, facilitatorToken: link.facilitatorToken, now: ctx.now() });
    const views = await staffLinkViews(centres, centre.id, link.workshopId, link.facilitatorToken, base);
    res.status(201).json(views.find((view) => view.role === role && view.linkId === issued.linkId));
  });

  router.delete('/api/centres/:centreId/workshops/:workshopId/staff-links/:role/:linkId', async (req, res) => {
    requireSameOrigin(ctx, req);
    const { centre } = await requireRight(ctx, req, 'run');
    const link = await workshopOf(centre, req.params.workshopId);
    const role = String(req.params.role);
    const linkId = String(req.params.linkId);
    if (!isRole(role) || !/^[A-Za-z0-9_-]{1,64}$/.test(linkId)) throw new HttpError(ErrorCode.NotFound, 'no such link');
    if (!(await centres.revokeStaffLink(link.workshopId, role, linkId, ctx.now()))) throw new HttpError(ErrorCode.NotFound, 'no such working link');
    await live.recheckAccess([link.workshopId]);
    ctx.logger.info({ centreId: centre.id, workshopId: link.workshopId, role }, 'staff link revoked');
    res.status(204).end();
  });

  return router;
}
