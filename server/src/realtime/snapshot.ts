import {
  PROTOCOL_VERSION,
  Role,
  toAuthorView,
  toFacilitatorView,
  toPublicView,
  visibleIdeas,
  type Snapshot,
} from '@gommette/shared';
import type { AppContext } from '../context';
import { workshopSummary } from '../services/views';
import type { SocketData } from './types';

/** The whole state one connection may see, sent on every (re)connection. */
export async function buildSnapshot(ctx: AppContext, data: SocketData, base: string): Promise<Snapshot | null> {
  const { store } = ctx;
  const [workshop, sites, ideas] = await Promise.all([
    store.getWorkshop(data.workshopId),
    store.listSites(data.workshopId),
    store.listIdeas(data.workshopId),
  ]);
  if (!workshop) return null;
  const summary = workshopSummary(workshop, sites, base);
  const presence = ctx.presence.get(workshop.id);

  if (data.role === Role.Facilitator) {
    return { protocol: PROTOCOL_VERSION, role: data.role, workshop: summary, ideas: ideas.map(toFacilitatorView), presence };
  }
  if (data.role === Role.Participant && data.me) {
    const participantId = data.me.id;
    return {
      protocol: PROTOCOL_VERSION,
      role: data.role,
      workshop: summary,
      ideas: visibleIdeas(ideas).map((idea) => toAuthorView(idea, participantId)),
      presence,
      me: data.me,
    };
  }
  return { protocol: PROTOCOL_VERSION, role: data.role, workshop: summary, ideas: visibleIdeas(ideas).map(toPublicView), presence };
}
