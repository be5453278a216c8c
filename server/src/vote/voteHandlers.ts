import {
  ErrorCode,
  MAX_AXIS_LABEL_CHARS,
  Role,
  VoteErrorCode,
  ackError,
  ackOk,
  checkCanPlaceOnMatrix,
  checkOwnTableIdea,
  countChars,
  isDomainError,
  isShown,
  normalizeText,
  phoneActivity,
  planRound,
  quadrantIdeaIds,
  toPublicView,
  type Ack,
  type MatrixChange,
  type MatrixView,
  type MyVotes,
  type RoundIdeas,
  type TableMatrixView,
  type VoteRound,
} from '@gommette/shared';
import type { AppContext } from '../context';
import { onCommand, refuse, type CommandOutcome } from '../realtime/command';
import { take } from '../realtime/limits';
import { loadRoom } from '../run/room';
import type { Realtime } from '../realtime/realtime';
import { participantsRoom } from '../realtime/rooms';
import type { GommetteServer, GommetteSocket } from '../realtime/types';
import type { Voter, VoterWrite } from '../store/VoteStore';
import { resultsOf, roundViewOf } from './voteViews';
import { kioskTurnTime, voteKeysFor } from './voterKey';

/**
 * A table's part of the matrix for its phones: its shown ideas (public views) and their
 * placements. A null table in a workshop without tables: the whole room is one group.
 */
async function tableMatrixOf(ctx: AppContext, workshopId: string, tableId: number | null, matrix: MatrixView): Promise<TableMatrixView> {
  const ideas = (await ctx.store.listIdeas(workshopId)).filter((idea) => isShown(idea) && !idea.parked && (tableId === null || idea.tableId === tableId));
  const ids = new Set(ideas.map((idea) => idea.id));
  return { tableId, axes: matrix.axes, ideas: ideas.map(toPublicView), placements: matrix.placements.filter((placement) => ids.has(placement.ideaId)) };
}

/** The ids a round's idea set stands for: a list, every visible idea, or the matrix quadrant. */
async function resolveIdeas(ctx: AppContext, workshopId: string, selection: RoundIdeas): Promise<string[]> {
  const visible = (await ctx.store.listIdeas(workshopId)).filter((idea) => !idea.hidden);
  const visibleIds = new Set(visible.map((idea) => idea.id));
  switch (selection.from) {
    case 'all':
      return visible.map((idea) => idea.id);
    case 'quadrant':
      return quadrantIdeaIds((await ctx.votes.getMatrix(workshopId)).placements, visibleIds);
    case 'list':
      return selection.ideaIds.filter((id) => visibleIds.has(id));
  }
}

export function registerVoteHandlers(io: GommetteServer, socket: GommetteSocket, ctx: AppContext, realtime: Realtime): void {
  const { votes } = realtime;
  const isFacilitator = () => socket.data.role === Role.Facilitator;
  const notFacilitator = () => refuse(ErrorCode.Forbidden, 'only the facilitator runs vote rounds');

  /** The voter behind this socket: the resident, or the kiosk's current person. */
  async function voterOf(voterId: string | undefined): Promise<Voter | null> {
    const { role, participantId, siteId, workshopId } = socket.data;
    if (role === Role.Participant && participantId && siteId) return { id: participantId, kind: 'phone', siteId };
    if (role === Role.Kiosk && siteId && voterId) {
      const voter = await ctx.votes.getKioskVoter(voterId);
      if (voter && voter.siteId === siteId && voter.workshopId === workshopId) return { id: voter.id, kind: 'kiosk', siteId };
    }
    return null;
  }

  function voterOutcome(write: VoterWrite, voter: Voter): CommandOutcome<MyVotes> {
    if (write.kind === 'refused') return refuse(write.error.error, write.error.message);
    const mine: MyVotes = { roundId: write.round.id, gommettes: write.mine, version: write.round.version };
    if (voter.kind === 'kiosk') mine.voterId = voter.id;
    if (write.kind === 'resent') return { ack: ackOk(mine) };
    const { workshopId } = socket.data;
    return {
      ack: ackOk(mine),
      broadcast: () => {
        votes.changed(workshopId);
        // The resident's other devices; the one that voted has it from the ack.
        if (voter.kind === 'phone') votes.mine(socket, voter.id, mine);
      },
    };
  }

  /** The voter as the store knows them: under their per-round key, never their id (issue 20). */
  let lastKey: { roundId: string; voterId: string; key: string } | null = null;
  function keyed(voter: Voter, roundId: string): Voter {
    // One HMAC per round and voter on this connection, not one per tap.
    if (lastKey?.roundId !== roundId || lastKey.voterId !== voter.id)
      lastKey = { roundId, voterId: voter.id, key: voteKeysFor(ctx.config).voterKeyOf(roundId, voter.id) };
    return { ...voter, id: lastKey.key };
  }

  async function limited(voter: Voter): Promise<Ack<never> | null> {
    const waitMs = await take(votes.limiter, `voter:${voter.id}`);
    return waitMs === null ? null : ackError(ErrorCode.RateLimited, 'too many gommettes at once', waitMs);
  }

  onCommand(socket, ctx, 'vote:open', async (payload) => {
    if (!isFacilitator()) return notFacilitator();
    const { workshopId } = socket.data;
    const existing = await ctx.votes.getRound(payload.id);
    if (existing) {
      // A resend acks the original; another workshop's round id is taken, and says nothing about it.
      return existing.workshopId === workshopId ? { ack: ackOk(await roundViewOf(ctx, existing)) } : refuse(ErrorCode.Conflict, 'this id is already used');
    }
    const ideaIds = await resolveIdeas(ctx, workshopId, payload.ideas);
    const planned = planRound({ ...payload, workshopId, ideaIds }, ctx.now());
    if (isDomainError(planned)) return refuse(planned.error, planned.message);
    const created = await ctx.votes.createRound(planned);
    if (created.kind === 'busy') return refuse(VoteErrorCode.RoundOpen, 'another vote round is open: close it first');
    const round = created.round;
    votes.arm(round);
    ctx.logger.info({ workshopId, roundId: round.id, ideas: round.ideaIds.length }, 'vote round opened');
    const view = await roundViewOf(ctx, round);
    return { ack: ackOk(view), broadcast: () => void votes.announce(round).catch((error: unknown) => ctx.logger.error({ err: error }, 'announce failed')) };
  });

  onCommand(socket, ctx, 'vote:close', async ({ roundId }) => {
    if (!isFacilitator()) return notFacilitator();
    const view = await votes.closeRound(socket.data.workshopId, roundId);
    return view ? { ack: ackOk(view) } : refuse(ErrorCode.NotFound, 'no such vote round');
  });

  onCommand(socket, ctx, 'vote:reveal', async ({ roundId }) => {
    if (!isFacilitator()) return notFacilitator();
    const { workshopId } = socket.data;
    let round: VoteRound | null = await ctx.votes.getRound(roundId);
    if (!round || round.workshopId !== workshopId) return refuse(ErrorCode.NotFound, 'no such vote round');
    if (round.status === 'open') {
      if (round.closesAt === null || round.closesAt > ctx.now()) return refuse(VoteErrorCode.RoundOpen, 'close the round before revealing its results');
      await votes.closeRound(workshopId, roundId);
    }
    round = await ctx.votes.revealRound(roundId, ctx.now());
    if (!round) return refuse(ErrorCode.NotFound, 'no such vote round');
    const revealed = round;
    return { ack: ackOk(await roundViewOf(ctx, revealed)), broadcast: () => void votes.announce(revealed).catch(() => undefined) };
  });

  onCommand(socket, ctx, 'vote:cast', async (payload) => {
    const voter = await voterOf(payload.voterId);
    if (!voter) return refuse(ErrorCode.Forbidden, 'only residents and kiosks vote');
    const refusal = await limited(voter);
    if (refusal) return { ack: refusal };
    const { workshopId } = socket.data;
    const idea = await votes.ideaOf(payload.ideaId);
    if (!idea || idea.workshopId !== workshopId || idea.hidden) return refuse(VoteErrorCode.NotInRound, 'this idea is not in the vote round');
    const write = await ctx.votes.cast({
      id: payload.id,
      roundId: payload.roundId,
      workshopId,
      voter: keyed(voter, payload.roundId),
      ideaId: payload.ideaId,
      ownIdea: voter.kind === 'phone' && idea.participantId === voter.id,
      now: ctx.now(),
    });
    return voterOutcome(write, voter);
  });

  onCommand(socket, ctx, 'vote:takeBack', async (payload) => {
    const voter = await voterOf(payload.voterId);
    if (!voter) return refuse(ErrorCode.Forbidden, 'only residents and kiosks vote');
    const refusal = await limited(voter);
    if (refusal) return { ack: refusal };
    const write = await ctx.votes.takeBack({
      id: payload.id,
      roundId: payload.roundId,
      workshopId: socket.data.workshopId,
      voterId: keyed(voter, payload.roundId).id,
      gommetteId: payload.gommetteId,
      now: ctx.now(),
    });
    return voterOutcome(write, voter);
  });

  onCommand(socket, ctx, 'vote:paper', async ({ roundId, siteId, counts }) => {
    if (!isFacilitator()) return notFacilitator();
    const { workshopId } = socket.data;
    const [round, sites] = await Promise.all([ctx.votes.getRound(roundId), ctx.store.listSites(workshopId)]);
    if (!round || round.workshopId !== workshopId) return refuse(ErrorCode.NotFound, 'no such vote round');
    if (!sites.some((site) => site.id === siteId)) return refuse(ErrorCode.NotFound, 'no such site in this workshop');
    const ballot = new Set(round.ideaIds);
    const onBallot = Object.fromEntries(Object.entries(counts).filter(([ideaId]) => ballot.has(ideaId)));
    const updated = await ctx.votes.setPaperCounts(roundId, siteId, onBallot);
    if (!updated) return refuse(ErrorCode.NotFound, 'no such vote round');
    ctx.logger.info({ workshopId, roundId }, 'paper gommettes counted');
    const results = await resultsOf(ctx, updated, ['facilitator']);
    return { ack: ackOk(results.facilitator), broadcast: () => votes.changed(workshopId) };
  });

  onCommand(socket, ctx, 'kiosk:next', async ({ voterId }) => {
    const { role, siteId, workshopId } = socket.data;
    if (role !== Role.Kiosk || !siteId) return refuse(ErrorCode.Forbidden, 'only a kiosk hands out ballots');
    const created = await ctx.votes.createKioskVoter({ id: voterId, workshopId, siteId, createdAt: kioskTurnTime(ctx.now()) });
    if (!created) return refuse(ErrorCode.Conflict, 'this voter id is already used');
    const round = await ctx.votes.currentRound(workshopId);
    const gommettes = round ? await ctx.votes.myGommettes(round.id, voteKeysFor(ctx.config).voterKeyOf(round.id, voterId)) : [];
    return { ack: ackOk({ roundId: round?.id ?? '', voterId, gommettes, version: round?.version ?? 0 }) };
  });

  /** Staff and projectors get the whole matrix (coalesced); phones in a matrix step the one change. */
  function matrixBroadcast(workshopId: string, change: MatrixChange, toPhones: boolean): void {
    votes.matrixChanged(workshopId);
    if (toPhones) io.to(participantsRoom(workshopId)).emit('matrix:placed', change);
  }

  onCommand(socket, ctx, 'matrix:place', async (placement) => {
    const { role, participantId, workshopId } = socket.data;
    const resident = role === Role.Participant && participantId !== null;
    if (!resident && !isFacilitator()) return refuse(ErrorCode.Forbidden, 'only the facilitator and residents place ideas');
    const room = await loadRoom(ctx, workshopId);
    let table: number | null = null;
    if (resident) {
      // A resident: during a running matrix step, hands down, their own table's ideas only.
      const closed = checkCanPlaceOnMatrix(room.phases, room.run);
      if (closed) return refuse(closed.error, closed.message);
    }
    const idea = await ctx.store.getIdea(placement.ideaId);
    if (!idea || idea.workshopId !== workshopId || (resident && !isShown(idea))) return refuse(ErrorCode.NotFound, 'no such idea in this workshop');
    if (resident) {
      const me = await ctx.store.getParticipant(participantId);
      if (!me) return refuse(ErrorCode.Forbidden, 'unknown participant');
      const notOurs = checkOwnTableIdea(me.tableId, idea.tableId, room.tableCount);
      if (notOurs) return refuse(notOurs.error, notOurs.message);
      table = room.tableCount > 0 ? me.tableId : null;
    }
    await ctx.votes.placeIdea(workshopId, placement);
    const matrix = await ctx.votes.getMatrix(workshopId);
    // A phone's ack carries its table's placements only (small on mobile data).
    const answer = resident ? await tableMatrixOf(ctx, workshopId, table, matrix) : matrix;
    const stored = matrix.placements.find((item) => item.ideaId === placement.ideaId) ?? placement;
    const toPhones = phoneActivity(room.phases, room.run) === 'matrix';
    return {
      ack: ackOk(resident ? { axes: matrix.axes, placements: answer.placements } : matrix),
      broadcast: () => matrixBroadcast(workshopId, { axes: matrix.axes, placement: stored }, toPhones),
    };
  });

  onCommand(socket, ctx, 'matrix:ideas', async () => {
    const { role, participantId, workshopId } = socket.data;
    if (role !== Role.Participant || !participantId) return refuse(ErrorCode.Forbidden, "only residents ask for their table's ideas");
    const room = await loadRoom(ctx, workshopId);
    if (phoneActivity(room.phases, room.run) !== 'matrix') return refuse(ErrorCode.PhaseClosed, 'the matrix is not open in this phase');
    const me = await ctx.store.getParticipant(participantId);
    if (!me) return refuse(ErrorCode.Forbidden, 'unknown participant');
    const table = room.tableCount > 0 ? me.tableId : null;
    if (room.tableCount > 0 && table === null)
      return { ack: ackOk({ tableId: null, axes: (await ctx.votes.getMatrix(workshopId)).axes, ideas: [], placements: [] }) };
    return { ack: ackOk(await tableMatrixOf(ctx, workshopId, table, await ctx.votes.getMatrix(workshopId))) };
  });

  onCommand(socket, ctx, 'matrix:axes', async (payload) => {
    if (!isFacilitator()) return refuse(ErrorCode.Forbidden, 'only the facilitator names the axes');
    const axes = { easy: normalizeText(payload.easy), priority: normalizeText(payload.priority) };
    if (countChars(axes.easy) > MAX_AXIS_LABEL_CHARS || countChars(axes.priority) > MAX_AXIS_LABEL_CHARS) {
      return refuse(ErrorCode.TooLarge, `axis labels hold at most ${MAX_AXIS_LABEL_CHARS} characters`);
    }
    const { workshopId } = socket.data;
    await ctx.votes.setMatrixAxes(workshopId, axes);
    const [matrix, room] = await Promise.all([ctx.votes.getMatrix(workshopId), loadRoom(ctx, workshopId)]);
    const toPhones = phoneActivity(room.phases, room.run) === 'matrix';
    return { ack: ackOk(matrix), broadcast: () => matrixBroadcast(workshopId, { axes: matrix.axes, placement: null }, toPhones) };
  });
}
