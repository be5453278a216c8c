import {
  ErrorCode,
  Role,
  ackError,
  ackOk,
  isDomainError,
  postIdea,
  resolveResend,
  toAuthorView,
  toFacilitatorView,
  toPublicView,
  type Idea,
  type IdeaAuthor,
  type IdeaView,
} from '@gommette/shared';
import type { AppContext } from '../context';
import { onCommand, refuse, type CommandOutcome } from './command';
import type { IdeaBroadcaster } from './IdeaBroadcaster';
import { take } from './limits';
import { facilitatorRoom, participantRoom, screensRoom, type GommetteServer, type GommetteSocket, type Realtime } from './types';

function broadcastModeration(io: GommetteServer, broadcaster: IdeaBroadcaster, idea: Idea): void {
  const screens = screensRoom(idea.workshopId);
  const facilitators = facilitatorRoom(idea.workshopId);
  const author = participantRoom(idea.participantId);
  // The idea's own addition may still be queued: send it first, so the removal follows it.
  broadcaster.flush([screens, facilitators, author]);
  io.to(facilitators).emit('idea:moderated', toFacilitatorView(idea));
  if (idea.hidden) io.to([screens, author]).emit('idea:removed', { ideaId: idea.id });
  else {
    broadcaster.added(screens, toPublicView(idea));
    broadcaster.added(author, toAuthorView(idea, idea.participantId));
  }
  broadcaster.counted(idea.workshopId);
}

function acceptResend(existing: Idea, author: IdeaAuthor): CommandOutcome<IdeaView> {
  const resolved = resolveResend(existing, author);
  if (isDomainError(resolved)) return refuse(resolved.error, resolved.message);
  return { ack: ackOk(toAuthorView(resolved, author.participantId)) };
}

export function registerIdeaHandlers(io: GommetteServer, socket: GommetteSocket, ctx: AppContext, realtime: Realtime): void {
  const { store } = ctx;
  const { limiters, ideas: broadcaster } = realtime;

  onCommand(socket, ctx, 'idea:post', async (payload) => {
    // AUTH
    const { role, participantId, siteId, workshopId } = socket.data;
    if (role !== Role.Participant || !participantId || !siteId) return refuse(ErrorCode.Forbidden, 'only participants post ideas');
    const author: IdeaAuthor = { participantId, siteId, workshopId };

    // RESEND: an id already stored acks the original, costs nothing, creates nothing.
    const existing = await store.getIdea(payload.id);
    if (existing) return acceptResend(existing, author);

    // LIMIT
    const waitMs = await take(limiters.ideas, participantId);
    if (waitMs !== null) return { ack: ackError(ErrorCode.RateLimited, 'too many ideas in a minute', waitMs) };

    // DOMAIN
    const idea = postIdea(author, payload, ctx.now());
    if (isDomainError(idea)) return refuse(idea.error, idea.message);

    // PERSIST (durable before the ack)
    const result = await store.insertIdea(idea);
    if (!result.inserted) return acceptResend(result.idea, author);
    return {
      ack: ackOk(toAuthorView(result.idea, participantId)),
      broadcast: () => {
        broadcaster.added(screensRoom(workshopId), toPublicView(result.idea));
        broadcaster.added(facilitatorRoom(workshopId), toFacilitatorView(result.idea));
        // The author's other devices; the phone that posted has it from the ack already.
        broadcaster.added(participantRoom(participantId), toAuthorView(result.idea, participantId));
        broadcaster.counted(workshopId);
      },
    };
  });

  onCommand(socket, ctx, 'idea:hide', async (payload) => {
    if (socket.data.role !== Role.Facilitator) return refuse(ErrorCode.Forbidden, 'only the facilitator moderates ideas');
    const idea = await store.setIdeaHidden(socket.data.workshopId, payload.ideaId, payload.hidden);
    if (!idea) return refuse(ErrorCode.NotFound, 'no such idea in this workshop');
    ctx.logger.info({ workshopId: idea.workshopId, ideaId: idea.id, hidden: idea.hidden }, 'idea moderated');
    return { ack: ackOk(toFacilitatorView(idea)), broadcast: () => broadcastModeration(io, broadcaster, idea) };
  });
}
