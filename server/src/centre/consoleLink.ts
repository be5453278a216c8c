import type { CentreRole } from '@gommette/shared';
import type { AppContext } from '../context';
import { sealerFor } from '../security/sealed';
import { hashSecret, helperTokenFor, newId, newToken, observerTokenFor, screenTokenFor } from '../security/tokens';
import type { CentreWorkshopRecord, StaffLinkRecord } from '../store/CentreStore';
import { kioskTokenFor } from '../vote/kioskAccess';
import { staffLinkToken } from './staffLinks';

/** Who asks, in a centre: their account and their role there. */
export interface CentreViewer {
  accountId: string;
  role: CentreRole;
}

/**
 * The rule for a centre workshop's console link (its token, and so everything derived from it):
 * only the member who holds it (who made the workshop, or who was given it by a rotation) and the
 * centre's admins may read it. Other members see the workshop without its secret.
 */
export function mayReadConsoleLink(viewer: CentreViewer, link: CentreWorkshopRecord): boolean {
  return viewer.role === 'admin' || (link.createdBy !== null && link.createdBy === viewer.accountId);
}

/**
 * Gives a centre workshop a new console link: the old one and everything derived from it
 * (projector, kiosks, every helper's and observer's link) stop working; new helper and observer
 * links are issued to the holder. The holder stays while a member, else `fallbackHolder` (the
 * member rotating) takes the link. Open connections are checked by the caller (`recheckAccess`).
 * Returns the new console token.
 */
export async function rotateConsoleLink(ctx: AppContext, link: CentreWorkshopRecord, fallbackHolder: string | null): Promise<string> {
  const holderIsMember = link.createdBy !== null && (await ctx.centres.getRole(link.centreId, link.createdBy)) !== null;
  const holder = holderIsMember ? link.createdBy : fallbackHolder;
  const token = newToken();
  const now = ctx.now();
  const staffLinks: StaffLinkRecord[] = (['helper', 'observer'] as const).map((role) => {
    const linkId = newId();
    return {
      tokenHash: hashSecret(staffLinkToken(role, linkId, token)),
      workshopId: link.workshopId,
      role,
      linkId,
      issuedBy: holder,
      createdAt: now,
      revokedAt: null,
    };
  });
  const rotated = await ctx.centres.rotateConsoleLink({
    workshopId: link.workshopId,
    sealedFacilitatorToken: sealerFor(ctx.config).seal(token),
    holder,
    hashes: {
      facilitator: hashSecret(token),
      screen: hashSecret(screenTokenFor(token, link.screenGeneration)),
      helper: hashSecret(helperTokenFor(token)),
      observer: hashSecret(observerTokenFor(token)),
    },
    kioskHash: (siteId, generation) => hashSecret(kioskTokenFor(token, siteId, generation)),
    staffLinks,
    now,
  });
  if (!rotated) throw new Error(`workshop ${link.workshopId} is not a centre's`);
  ctx.logger.info({ centreId: link.centreId, workshopId: link.workshopId, holderChanged: holder !== link.createdBy }, 'console link rotated');
  return token;
}
