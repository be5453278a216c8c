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
} from '@gommette/shared';
import type { AppContext } from '../context';
import { onCommand, refuse, type CommandOutcome } from './command';
import { take, type Limiters } from './limits';
import { facilitatorRoom, publicRoom, type GommetteServer, type GommetteSocket } from './types';

function broadcastIdea(io: GommetteServer, idea: Idea): void {
  io.to(facilitatorRoom(idea.workshopId)).emit('idea:moderated', toFacilitatorView(idea));
  if (idea.hidden) io.to(publicRoom(idea.workshopId)).emit('idea:removed', { ideaId: idea.id });
  else io.to(publicRoom(idea.workshopId)).emit('idea:added', toPublicView(idea));
}

function acceptResend(existing: Idea, author: IdeaAuthor): CommandOutcome<ReturnType<typeof toAuthorView>> {
  const resolved = resolveResend(existing, author);
  if (isDomainError(resolved)) return refuse(resolved.error, resolved.message);
  return { ack: ackOk(toAuthorView(resolved, author.participantId)) };
}

export function registerIdeaHandlers(io: GommetteServer, socket: GommetteSocket, ctx: AppContext, limiters: Limiters): void {
  const { store } = ctx;

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
        io.to(publicRoom(workshopId)).emit('idea:added', toPublicView(result.idea));
        io.to(facilitatorRoom(workshopId)).emit('idea:added', toFacilitatorView(result.idea));
      },
    };
  });

  onCommand(socket, ctx, 'idea:hide', async (payload) => {
    if (socket.data.role !== Role.Facilitator) return refuse(ErrorCode.Forbidden, 'only the facilitator moderates ideas');
    const idea = await store.setIdeaHidden(socket.data.workshopId, payload.ideaId, payload.hidden);
    if (!idea) return refuse(ErrorCode.NotFound, 'no such idea in this workshop');
    ctx.logger.info({ workshopId: idea.workshopId, ideaId: idea.id, hidden: idea.hidden }, 'idea moderated');
    return { ack: ackOk(toFacilitatorView(idea)), broadcast: () => broadcastIdea(io, idea) };
  });
}
