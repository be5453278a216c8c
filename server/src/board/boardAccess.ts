import type { ConsoleRequester } from '../centre/session';
import type { WorkshopStore } from '../store/WorkshopStore';
import { facilitatorAccess, observerAccess, participantAccess, screenAccess } from '../security/access';

/** Who opened a board connection. Never a name: a role, and for a resident their site. */
export interface BoardAccess {
  role: 'facilitator' | 'participant' | 'screen';
  siteId: string | null;
  /** Read-only connections receive the board; their writes are dropped. */
  readOnly: boolean;
}

/**
 * What `token` may do on the board of `workshopId`: a token of another workshop opens nothing.
 * Read-only links (the projector, the observer link) get `readOnly: true` and show as a screen.
 */
export async function boardAccess(store: WorkshopStore, workshopId: string, token: string, requester: ConsoleRequester): Promise<BoardAccess | null> {
  if (await facilitatorAccess(store, workshopId, token, requester)) return { role: 'facilitator', siteId: null, readOnly: false };
  if (await screenAccess(store, requester.centres, workshopId, token)) return { role: 'screen', siteId: null, readOnly: true };
  if (await observerAccess(store, requester.centres, workshopId, token)) return { role: 'screen', siteId: null, readOnly: true };
  const participant = await participantAccess(store, token);
  if (participant && participant.workshopId === workshopId) return { role: 'participant', siteId: participant.siteId, readOnly: false };
  return null;
}
