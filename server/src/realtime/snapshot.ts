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
import { buildVoteSnapshot } from '../vote/voteSnapshot';

/** The whole state one connection may see, sent on every (re)connection. */
export async function buildSnapshot(ctx: AppContext, data: SocketData, base: string): Promise<Snapshot | null> {
  const snapshot = await buildCoreSnapshot(ctx, data, base);
  return snapshot && { ...snapshot, vote: await buildVoteSnapshot(ctx, data) };
}

async function buildCoreSnapshot(ctx: AppContext, data: SocketData, base: string): Promise<Snapshot | null> {
  const { store } = ctx;
  const [workshop, sites] = await Promise.all([store.getWorkshop(data.workshopId), store.listSites(data.workshopId)]);
  if (!workshop) return null;
  const common: Omit<Snapshot, 'ideas' | 'ideaCount'> = { protocol: PROTOCOL_VERSION, role: data.role, workshop: workshopSummary(workshop, sites, base), presence: ctx.presence.get(workshop.id) };

  if (data.role === Role.Participant && data.me) {
    // A phone gets its own ideas and the count of the others: light on mobile data.
    const participantId = data.me.id;
    const [own, ideaCount] = await Promise.all([store.listIdeasBy(participantId), store.countVisibleIdeas(workshop.id)]);
    return { ...common, ideas: visibleIdeas(own).map((idea) => toAuthorView(idea, participantId)), ideaCount, me: data.me };
  }
  const ideas = await store.listIdeas(workshop.id);
  const visible = visibleIdeas(ideas);
  if (data.role === Role.Facilitator) return { ...common, ideas: ideas.map(toFacilitatorView), ideaCount: visible.length };
  return { ...common, ideas: visible.map(toPublicView), ideaCount: visible.length };
}
