import { PROTOCOL_VERSION, Role, shownIdeas, toAuthorView, toFacilitatorView, toPublicView, viewRoom, visibleIdeas, type Snapshot } from '@gommette/shared';
import type { AppContext } from '../context';
import { selfView, workshopSummary } from '../workshop/views';
import { loadRoom } from '../run/room';
import { listPeople } from '../people/StaffNotifier';
import { STAFF_ROLES, type SocketData } from './types';
import { buildVoteSnapshot } from '../vote/voteSnapshot';

/** The whole state one connection may see, sent on every (re)connection. */
export async function buildSnapshot(ctx: AppContext, data: SocketData, base: string): Promise<Snapshot | null> {
  const snapshot = await buildCoreSnapshot(ctx, data, base);
  return snapshot && { ...snapshot, vote: await buildVoteSnapshot(ctx, data) };
}

async function buildCoreSnapshot(ctx: AppContext, data: SocketData, base: string): Promise<Snapshot | null> {
  const { store } = ctx;
  const [workshop, sites, room] = await Promise.all([store.getWorkshop(data.workshopId), store.listSites(data.workshopId), loadRoom(ctx, data.workshopId)]);
  if (!workshop) return null;
  const staff = STAFF_ROLES.includes(data.role);
  const common: Omit<Snapshot, 'ideas' | 'ideaCount'> = {
    protocol: PROTOCOL_VERSION,
    role: data.role,
    workshop: workshopSummary(workshop, sites, base),
    // A phone shows no presence: not read for it (in a cluster, every node's connections are read).
    presence: data.role === Role.Participant ? null : await ctx.presence.get(workshop.id),
    room: viewRoom(room, staff, ctx.now()),
  };

  if (data.role === Role.Participant && data.participantId) {
    // A phone gets its own ideas and the count of the others: light on mobile data.
    const participantId = data.participantId;
    const [own, ideaCount, me, questionnaireAnswered] = await Promise.all([
      store.listIdeasBy(participantId),
      store.countVisibleIdeas(workshop.id),
      store.getParticipant(participantId),
      store.hasAnsweredQuestionnaire(participantId),
    ]);
    if (!me) return null;
    return { ...common, ideas: visibleIdeas(own).map((idea) => toAuthorView(idea, participantId)), ideaCount, me: selfView(me), questionnaireAnswered };
  }
  const ideas = await store.listIdeas(workshop.id);
  const shown = shownIdeas(ideas);
  if (staff) {
    const [people, figures] = await Promise.all([listPeople(ctx, workshop.id), store.countParticipants(workshop.id)]);
    return { ...common, ideas: ideas.map(toFacilitatorView), ideaCount: shown.length, people, figures };
  }
  const kiosk = data.role === Role.Kiosk && data.siteId ? { kioskSiteId: data.siteId } : {};
  return { ...common, ideas: shown.map(toPublicView), ideaCount: shown.length, ...kiosk };
}
