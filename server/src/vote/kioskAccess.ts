import { createHash } from 'node:crypto';
import { Role } from '@gommette/shared';
import type { AppContext } from '../context';
import { hashSecret } from '../security/tokens';
import type { SocketData } from '../realtime/types';
import { centreHolderIsMember } from '../centre/staffLinks';

/**
 * A site's kiosk token, derived from the facilitator's like the projector's: any console can
 * rebuild the kiosk links, only its hash is stored, and it cannot be turned back into the
 * facilitator's token. It opens one thing: voting at that site, one person after another.
 */
export function kioskTokenFor(facilitatorToken: string, siteId: string): string {
  return createHash('sha256').update(`gommette:kiosk:${siteId}:${facilitatorToken}`).digest('base64url');
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
