import type { Request, Router } from 'express';

import { ErrorCode, MAX_LIVE_STAFF_LINKS_PER_ROLE, STAFF_LINK_ROLES, issueStaffLinkBody, type StaffLinkRole, type WorkshopDevicesView } from '@gommette/shared';
import type { AppContext } from '../context';
import { HttpError } from '../http/errors';
import { hashSecret, newId, screenTokenFor } from '../security/tokens';
import { publicBaseUrl, screenUrl } from '../workshop/links';
import { kioskLinks, revokeKioskLink } from '../vote/kioskAccess';
import type { CentreRecord } from '../store/CentreStore';
import { centreWriteLimiter, idParam, requireRight, requireSameOrigin } from './guard';
import type { CentreLive } from './live';
import { centreHolderIsMember, issueStaffLink, staffLinkViews } from './staffLinks';
import { sealerFor } from '../security/sealed';
import { guardedRouter } from '../http/guards';
import { mayReadConsoleLink, rotateConsoleLink } from './consoleLink';
import { workshopView } from './spaceViews';

const isRole = (value: string): value is StaffLinkRole => (STAFF_LINK_ROLES as ReadonlyArray<string>).includes(value);

/**
 * Helpers' and observers' links of a centre's workshop: listed, issued and revoked by any member
 * (URLs shown only to the console link's holder, admins and the link's issuer). The console link
 * itself, the projector's and the kiosks' links: for its holder and the admins (rotated, revoked
 * alone). A revocation closes at once the pages, screens, kiosks and boards opened with that link.
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
    const { centre, account, role } = await requireRight(ctx, req, 'view');
    const link = await workshopOf(centre, req.params.workshopId);
    const base = publicBaseUrl(ctx.config.publicUrl, req.headers, req.secure);
    // A link's URL: for whom may read the console link it derives from, and for its issuer.
    const holder = mayReadConsoleLink({ accountId: account.id, role }, link);
    res.json(await staffLinkViews(centres, centre.id, link.workshopId, link.facilitatorToken, base, (staff) => holder || staff.issuedBy === account.id));
  });

  /**
   * A new console link: the old one and everything derived from it (projector, kiosks, helpers'
   * and observers' links) stop at once; for the holder and the admins only.
   */
  router.post('/api/centres/:centreId/workshops/:workshopId/console-link', writeLimiter, async (req, res) => {
    requireSameOrigin(ctx, req);
    const { centre, account, role } = await requireRight(ctx, req, 'run');
    const link = await workshopOf(centre, req.params.workshopId);
    if (!mayReadConsoleLink({ accountId: account.id, role }, link))
      throw new HttpError(ErrorCode.Forbidden, "only the console link's holder or an admin may change it");
    await rotateConsoleLink(ctx, link, account.id);
    await live.recheckAccess([link.workshopId]);
    const base = publicBaseUrl(ctx.config.publicUrl, req.headers, req.secure);
    const rotated = await centres.getCentreWorkshop(link.workshopId);
    const view = rotated && (await workshopView(ctx, rotated, base, { accountId: account.id, role }));
    if (!view) throw new HttpError(ErrorCode.NotFound, 'no such workshop in this centre');
    res.json(view);
  });

  /** The projector's and kiosks' links (they derive from the console link): for its holder and the admins. */
  async function devicesOf(req: Request) {
    const { centre, account, role } = await requireRight(ctx, req, 'run');
    const link = await workshopOf(centre, req.params.workshopId);
    if (!mayReadConsoleLink({ accountId: account.id, role }, link))
      throw new HttpError(ErrorCode.Forbidden, "only the console link's holder or an admin may see the projector's and kiosks' links");
    return { centre, link, base: publicBaseUrl(ctx.config.publicUrl, req.headers, req.secure) };
  }

  router.get('/api/centres/:centreId/workshops/:workshopId/devices', async (req, res) => {
    const { link, base } = await devicesOf(req);
    const body: WorkshopDevicesView = {
      screenUrl: screenUrl(base, link.workshopId, screenTokenFor(link.facilitatorToken, link.screenGeneration)),
      kiosks: await kioskLinks(ctx, link.workshopId, link.facilitatorToken, base),
    };
    res.json(body);
  });

  /** Revokes the projector's link alone: the screens open with it close; a new one replaces it. */
  router.delete('/api/centres/:centreId/workshops/:workshopId/screen-link', async (req, res) => {
    requireSameOrigin(ctx, req);
    const { centre, link } = await devicesOf(req);
    const generation = link.screenGeneration + 1;
    if (!(await centres.revokeScreenLink(link.workshopId, generation, hashSecret(screenTokenFor(link.facilitatorToken, generation))))) {
      throw new HttpError(ErrorCode.Conflict, 'the projector link changed meanwhile: reload');
    }
    await live.recheckAccess([link.workshopId]);
    ctx.logger.info({ centreId: centre.id, workshopId: link.workshopId }, 'projector link revoked');
    res.status(204).end();
  });

  /** Revokes one site's kiosk link alone: the kiosks open with it close; a new one replaces it. */
  router.delete('/api/centres/:centreId/workshops/:workshopId/kiosks/:siteId', async (req, res) => {
    requireSameOrigin(ctx, req);
    const { centre, link } = await devicesOf(req);
    const siteId = idParam(req.params.siteId, 'site');
    if (!(await ctx.store.listSites(link.workshopId)).some((site) => site.id === siteId))
      throw new HttpError(ErrorCode.NotFound, 'no such site in this workshop');
    await revokeKioskLink(ctx, link.workshopId, siteId, link.facilitatorToken);
    await live.recheckAccess([link.workshopId]);
    ctx.logger.info({ centreId: centre.id, workshopId: link.workshopId }, 'kiosk link revoked');
    res.status(204).end();
  });

  router.post('/api/centres/:centreId/workshops/:workshopId/staff-links', writeLimiter, async (req, res) => {
    requireSameOrigin(ctx, req);
    const { centre, account } = await requireRight(ctx, req, 'run');
    const link = await workshopOf(centre, req.params.workshopId);
    const { role } = issueStaffLinkBody.parse(req.body);
    // A link derived from a console link whose holder left would be born dead.
    if (!(await centreHolderIsMember(centres, link.workshopId)))
      throw new HttpError(ErrorCode.Conflict, "the console link's holder left the centre: give the workshop a new console link first");
    const base = publicBaseUrl(ctx.config.publicUrl, req.headers, req.secure);
    const live = (await staffLinkViews(centres, centre.id, link.workshopId, link.facilitatorToken, base)).filter(
      (view) => view.role === role && view.state === 'active',
    );
    if (live.length >= MAX_LIVE_STAFF_LINKS_PER_ROLE)
      throw new HttpError(ErrorCode.Conflict, `at most ${MAX_LIVE_STAFF_LINKS_PER_ROLE} working links per role: revoke one first`);
    const issued = await issueStaffLink(centres, {
      workshopId: link.workshopId,
      role,
      linkId: newId(),
      issuedBy: account.id,
      facilitatorToken: link.facilitatorToken,
      now: ctx.now(),
    });
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
