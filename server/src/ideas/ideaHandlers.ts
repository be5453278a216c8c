import {
  ErrorCode,
  Role,
  ackError,
  ackOk,
  checkCanPostIdea,
  checkIdeaText,
  currentPhase,
  isDomainError,
  isShown,
  isValidTable,
  moderateIdea,
  normalizeText,
  postIdea,
  resolveResend,
  toAuthorView,
  toFacilitatorView,
  toPublicView,
  type Idea,
  type IdeaAuthor,
  type IdeaOrigin,
  type IdeaView,
} from '@gommette/shared';
import type { AppContext } from '../context';
import { hashSecret, newCardCode } from '../security/tokens';
import { onCommand, refuse, type CommandOutcome } from '../realtime/command';
import { take } from '../realtime/limits';
import { loadRoom } from '../run/room';
import type { Realtime } from '../realtime/realtime';
import { participantRoom, screensRoom, staffRooms } from '../realtime/rooms';
import type { GommetteServer, GommetteSocket } from '../realtime/types';

/** After a moderation: staff get the details, the projector and the author what they may see. */
export function broadcastModeration(io: GommetteServer, realtime: Realtime, idea: Idea): void {
  const broadcaster = realtime.ideas;
  const screens = screensRoom(idea.workshopId);
  const staff = staffRooms(idea.workshopId);
  const author = participantRoom(idea.participantId);
  // The idea's own addition may still be queued: send it first, so the change follows it.
  broadcaster.flush([screens, ...staff, author]);
  io.to(staff).emit('idea:moderated', toFacilitatorView(idea));
  if (isShown(idea)) broadcaster.added(screens, toPublicView(idea));
  else io.to(screens).emit('idea:removed', { ideaId: idea.id });
  if (idea.hidden) io.to(author).emit('idea:removed', { ideaId: idea.id });
  else broadcaster.added(author, toAuthorView(idea, idea.participantId));
  broadcaster.counted(idea.workshopId);
}

function broadcastAdded(realtime: Realtime, idea: Idea, poster: GommetteSocket | null): void {
  const broadcaster = realtime.ideas;
  // Safe mode: the projector waits for the facilitator's approval.
  if (isShown(idea)) broadcaster.added(screensRoom(idea.workshopId), toPublicView(idea));
  for (const room of staffRooms(idea.workshopId)) broadcaster.added(room, toFacilitatorView(idea));
  // The author's other devices; the phone that posted has it from the ack already, so it is not
  // sent it again (what a phone receives is what it shows).
  const author = participantRoom(idea.participantId);
  if (poster) {
    broadcaster.flush([author]);
    poster.to(author).emit('ideas:added', [toAuthorView(idea, idea.participantId)]);
  } else broadcaster.added(author, toAuthorView(idea, idea.participantId));
  broadcaster.counted(idea.workshopId);
}

function acceptResend(existing: Idea, author: Pick<IdeaAuthor, 'participantId' | 'workshopId'>): CommandOutcome<IdeaView> {
  const resolved = resolveResend(existing, author);
  if (isDomainError(resolved)) return refuse(resolved.error, resolved.message);
  return { ack: ackOk(toAuthorView(resolved, author.participantId)) };
}

/**
 * Every way an idea gets written (a phone, a table helper, a paper post-it) goes through here:
 * resend → rate limit → phase and main levée → domain → durable insert → ack → broadcast.
 */
export async function writeIdea(
  ctx: AppContext,
  realtime: Realtime,
  author: IdeaAuthor,
  payload: { id: string; text: string },
  origin: IdeaOrigin,
  rateKey: string,
  /** The author's own device that sent it (it has the idea from its ack). */
  poster: GommetteSocket | null = null,
): Promise<CommandOutcome<IdeaView>> {
  const { store } = ctx;
  // RESEND: an id already stored acks the original, costs nothing, creates nothing.
  const existing = await store.getIdea(payload.id);
  if (existing) return acceptResend(existing, author);

  // FINISHED: once the workshop is marked finished (its briefs published), no idea is added by
  // any path (phone, helper, paper post-its typed by the facilitator).
  if ((await ctx.retour.getFollowUp(author.workshopId)).finishedAt !== null) {
    return refuse(ErrorCode.Conflict, 'the workshop is finished: no idea can be added');
  }

  const waitMs = await take(realtime.limiters.ideas, rateKey);
  if (waitMs !== null) return { ack: ackError(ErrorCode.RateLimited, 'too many ideas in a minute', waitMs) };

  // PHASE: phones write only while an ideas phase runs and hands are down; staff typing paper
  // post-its or for a resident are not held by the phase (they catch up after it).
  const room = await loadRoom(ctx, author.workshopId);
  if (origin === 'phone') {
    const closed = checkCanPostIdea(room.phases, room.run);
    if (closed) return refuse(closed.error, closed.message);
  }
  const idea = postIdea(author, payload, ctx.now(), {
    phaseId: currentPhase(room.phases, room.run)?.id ?? null,
    origin,
    pending: room.safeMode && origin !== 'paper',
  });
  if (isDomainError(idea)) return refuse(idea.error, idea.message);

  const result = await store.insertIdea(idea);
  if (!result.inserted) return acceptResend(result.idea, author);
  return { ack: ackOk(toAuthorView(result.idea, author.participantId)), broadcast: () => broadcastAdded(realtime, result.idea, poster) };
}

/**
 * The idea commands: a resident posts; the facilitator hides, moderates (theme, merge, park,
 * approve) and types paper post-its; a table helper posts for someone without a phone.
 */
export function registerIdeaHandlers(io: GommetteServer, socket: GommetteSocket, ctx: AppContext, realtime: Realtime): void {
  const { store } = ctx;
  const { workshopId } = socket.data;
  const isFacilitator = (): boolean => socket.data.role === Role.Facilitator;

  /** Staff writing for someone: the site must be this workshop's, the table one of its room (or none). */
  async function placeRefusal(siteId: string, tableId: number | null): Promise<CommandOutcome<never> | null> {
    const sites = await store.listSites(workshopId);
    if (!sites.some((site) => site.id === siteId)) return refuse(ErrorCode.NotFound, 'no such site in this workshop');
    const room = await loadRoom(ctx, workshopId);
    if (tableId !== null && !isValidTable(tableId, room.tableCount)) return refuse(ErrorCode.BadRequest, 'no such table');
    return null;
  }

  onCommand(socket, ctx, 'idea:post', async (payload) => {
    const { role, participantId, workshopId } = socket.data;
    if (role !== Role.Participant || !participantId) return refuse(ErrorCode.Forbidden, 'only participants post ideas');
    // The table may have changed on another device: read it where it is kept.
    const participant = await store.getParticipant(participantId);
    if (!participant) return refuse(ErrorCode.Unauthorized, 'unknown participant');
    const author: IdeaAuthor = { participantId, siteId: participant.siteId, workshopId, tableId: participant.tableId };
    return writeIdea(ctx, realtime, author, payload, 'phone', participantId, socket);
  });

  onCommand(socket, ctx, 'idea:hide', async (payload) => {
    if (socket.data.role !== Role.Facilitator) return refuse(ErrorCode.Forbidden, 'only the facilitator moderates ideas');
    const idea = await store.setIdeaHidden(socket.data.workshopId, payload.ideaId, payload.hidden);
    if (!idea) return refuse(ErrorCode.NotFound, 'no such idea in this workshop');
    ctx.logger.info({ workshopId: idea.workshopId, ideaId: idea.id, hidden: idea.hidden }, 'idea moderated');
    return { ack: ackOk(toFacilitatorView(idea)), broadcast: () => broadcastModeration(io, realtime, idea) };
  });

  onCommand(socket, ctx, 'idea:moderate', async (payload) => {
    if (!isFacilitator()) return refuse(ErrorCode.Forbidden, 'only the facilitator moderates ideas');
    const idea = await store.getIdea(payload.ideaId);
    if (!idea || idea.workshopId !== workshopId) return refuse(ErrorCode.NotFound, 'no such idea in this workshop');
    const { moderation } = payload;
    const target = moderation.type === 'merge' && moderation.into !== null ? await store.getIdea(moderation.into) : null;
    const room = await loadRoom(ctx, workshopId);
    const theme = moderation.type === 'theme' && moderation.theme !== null ? normalizeText(moderation.theme) : null;
    const moderated = moderateIdea(idea, moderation.type === 'theme' ? { type: 'theme', theme } : moderation, target, room.themes);
    if (isDomainError(moderated)) return refuse(moderated.error, moderated.message);
    const saved = await store.updateIdeaModeration(moderated);
    if (!saved) return refuse(ErrorCode.NotFound, 'no such idea in this workshop');
    ctx.logger.info({ workshopId, ideaId: saved.id, moderation: moderation.type }, 'idea moderated');
    return { ack: ackOk(toFacilitatorView(saved)), broadcast: () => broadcastModeration(io, realtime, saved) };
  });

  onCommand(socket, ctx, 'ideas:approveAll', async () => {
    if (!isFacilitator()) return refuse(ErrorCode.Forbidden, 'only the facilitator moderates ideas');
    const approved = await store.approvePendingIdeas(workshopId);
    return { ack: ackOk({ approved: approved.length }), broadcast: () => approved.forEach((idea) => broadcastModeration(io, realtime, idea)) };
  });

  onCommand(socket, ctx, 'idea:assist', async (payload) => {
    if (socket.data.role !== Role.Helper && !isFacilitator()) return refuse(ErrorCode.Forbidden, 'only table helpers post for someone else');
    const text = checkIdeaText(payload.text);
    if (isDomainError(text)) return refuse(text.error, text.message);
    const misplaced = await placeRefusal(payload.siteId, payload.tableId);
    if (misplaced) return misplaced;
    // The helper's handle for a person without a phone becomes an assisted participant: counted, never named.
    const participantId = `assisted-${payload.personId}`;
    let person = await store.getParticipant(participantId);
    if (person && person.workshopId !== workshopId) return refuse(ErrorCode.Conflict, 'this person id is already used');
    if (!person) {
      person = {
        id: participantId,
        workshopId,
        siteId: payload.siteId,
        cardHash: hashSecret(`assisted:${newCardCode()}:${participantId}`),
        nickname: null,
        mood: payload.mood,
        createdAt: ctx.now(),
        kind: 'assisted',
        tableId: payload.tableId,
      };
      await store.createParticipant(person, hashSecret(`assisted-device:${newCardCode()}:${participantId}`));
      realtime.staff.changed(workshopId);
    } else if (person.tableId !== payload.tableId) {
      await store.setParticipantTables(workshopId, [{ participantId, tableId: payload.tableId }]);
    }
    const author: IdeaAuthor = { participantId, siteId: person.siteId, workshopId, tableId: payload.tableId };
    return writeIdea(ctx, realtime, author, { id: payload.id, text }, 'assisted', participantId);
  });

  onCommand(socket, ctx, 'idea:paper', async (payload) => {
    if (!isFacilitator()) return refuse(ErrorCode.Forbidden, 'only the facilitator types paper post-its');
    const misplaced = await placeRefusal(payload.siteId, payload.tableId);
    if (misplaced) return misplaced;
    const paper = await store.ensurePaperAuthor(workshopId, payload.siteId, ctx.now());
    const author: IdeaAuthor = { participantId: paper.id, siteId: payload.siteId, workshopId, tableId: payload.tableId };
    return writeIdea(ctx, realtime, author, payload, 'paper', socket.data.rateKey);
  });
}
