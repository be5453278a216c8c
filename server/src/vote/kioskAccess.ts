import { createHash } from 'node:crypto';
import { Role, type KioskLink } from '@gommette/shared';
import type { AppContext } from '../context';
import { hashSecret } from '../security/tokens';
import type { SocketData } from '../realtime/types';
import { centreHolderIsMember } from '../centre/staffLinks';

/**
 * A site's kiosk token, derived from the facilitator's like the projector's: any console can
 * rebuild the kiosk links, only its hash is stored, and it cannot be turned back into the
 * facilitator's token. It opens one thing: voting at that site, one person after another.
 */
export function kioskTokenFor(facilitatorToken: string, siteId: string, generation = 0): string {
  // Generation 0 is the site's first kiosk link; each revocation of that link alone raises it.
  const purpose = generation === 0 ? `kiosk:${siteId}` : `kiosk:${siteId}:${generation}`;
  return createHash('sha256').update(`gommette:${purpose}:${facilitatorToken}`).digest('base64url');
}

/**
 * Every site's kiosk link of a workshop, from its console token, at each site's generation; the
 * hashes are recorded as they are handed out.
 */
export async function kioskLinks(ctx: AppContext, workshopId: string, facilitatorToken: string, base: string): Promise<KioskLink[]> {
  const generations = await ctx.votes.kioskGenerations(workshopId);
  const links: KioskLink[] = [];
  for (const site of await ctx.store.listSites(workshopId)) {
    const generation = generations.get(site.id) ?? 0;
    const kioskToken = kioskTokenFor(facilitatorToken, site.id, generation);
    await ctx.votes.saveKioskToken(workshopId, site.id, hashSecret(kioskToken), generation);
    links.push({ siteId: site.id, name: site.name, kioskUrl: kioskUrl(base, workshopId, kioskToken) });
  }
  return links;
}

/** Revokes one site's kiosk link alone: the next generation's hash replaces it. */
export async function revokeKioskLink(ctx: AppContext, workshopId: string, siteId: string, facilitatorToken: string): Promise<void> {
  const generation = ((await ctx.votes.kioskGenerations(workshopId)).get(siteId) ?? 0) + 1;
  await ctx.votes.saveKioskToken(workshopId, siteId, hashSecret(kioskTokenFor(facilitatorToken, siteId, generation)), generation);
}

export function kioskUrl(base: string, workshopId: string, token: string): string {
  return `${base}/kiosk/${workshopId}#k=${token}`;
}

/**
 * The kiosk's connection data, or null when the token opens no kiosk of this workshop. For a
 * centre's workshop, only while the member holding its console link is still a member.
 */
export async function kioskSocketData(ctx: AppContext, workshopId: string, token: string): Promise<SocketData | null> {
  const kiosk = await ctx.votes.kioskByTokenHash(hashSecret(token));
  if (!kiosk || kiosk.workshopId !== workshopId) return null;
  if ((await centreHolderIsMember(ctx.centres, workshopId)) === false) return null;
  return { role: Role.Kiosk, workshopId, participantId: null, siteId: kiosk.siteId, me: null, rateKey: `kiosk:${kiosk.siteId}` };
}
