import { RateLimiterMemory } from 'rate-limiter-flexible';
import {
  MAX_VOTE_COMMANDS_PER_10_S,
  VOTE_PHONE_BROADCAST_INTERVAL_MS,
  VOTE_SCREEN_BROADCAST_INTERVAL_MS,
  type Idea,
  type MyVotes,
  type RoundView,
  type VoteResults,
  type VoteRound,
} from '@gommette/shared';
import type { AppContext } from '../context';
import type { GommetteServer, GommetteSocket } from '../realtime/types';
import { claimOnce } from '../cluster/claim';
import { Coalescer } from '../timers/Coalescer';
import { everyVoteRoom, participantRoom, participantsRoom, resultsScreenRooms, screensRoom, staffRooms } from '../realtime/rooms';
import { DueTimers } from '../timers/DueTimers';
import { sendToPhones } from '../realtime/phoneFanout';
import { phoneGetsResults, resultsOf, roundViewOf } from './voteViews';

/** Workshops whose last shown results are kept (forgetting one only costs a message sent twice). */
const MAX_REMEMBERED_RESULTS = 1_000;

/** Ideas whose workshop and author are kept in memory (a few dozen bytes each). */
const MAX_REMEMBERED_IDEAS = 20_000;

/** Residents' own gommettes go to their devices on other nodes together, every this many ms. */
const PEER_MINE_INTERVAL_MS = 20;

/** A timed close claimed by one node is not retried by the others for this long. */
const ROUND_CLOSE_CLAIM_MS = 60_000;

/**
 * The vote area's real-time machinery, one per server: coalesced results broadcasts, the
 * closing timers of rounds (re-armed from the store at start-up) and the per-voter limiter.
 */
export class VoteRealtime {
  readonly limiter = new RateLimiterMemory({ points: MAX_VOTE_COMMANDS_PER_10_S, duration: 10 });
  private readonly staff: Coalescer;
  private readonly phones: Coalescer;
  /** The last results this node's screens and consoles were sent, per workshop (results from several nodes may cross). */
  private readonly shown = new Map<string, VoteResults>();
  /** The whole matrix to consoles and projectors: a table placing many ideas at once makes a few messages. */
  private readonly matrix: Coalescer;
  private readonly timers: DueTimers;
  /** Each idea's workshop and author (they never change), for the taps on it: not one read per tap. */
  private readonly ideaFacts = new Map<string, { workshopId: string; participantId: string }>();
  /** Reads of an idea under way (`ideaOf`). */
  private readonly ideaReads = new Map<string, Promise<Idea | null>>();
  /** Residents' own gommettes for their devices on the other nodes, sent together every few ms. */
  private readonly peerMine = new Map<string, MyVotes>();
  private peerMineTimer: NodeJS.Timeout | null = null;
  /** Results messages sent (one per room group per flush), for the benchmark and tests. */
  broadcasts = 0;

  constructor(
    private readonly io: GommetteServer,
    private readonly ctx: AppContext,
  ) {
    this.staff = new Coalescer(VOTE_SCREEN_BROADCAST_INTERVAL_MS, (ids) => this.sendResults(ids, 'staff', 'local'));
    // Phones: a closed round's results (the only ones they show), once after a change, not at its start too.
    this.phones = new Coalescer(VOTE_PHONE_BROADCAST_INTERVAL_MS, (ids) => this.sendResults(ids, 'phones', 'local'), ctx.now, true);
    ctx.votes.afterCommit((workshopIds) => workshopIds.forEach((workshopId) => this.committed(workshopId)));
    if (ctx.cluster) {
      // The projector's results a node computed (at most ten a second, one message to every other
      // node, never one per screen): shown on this node's screens if newer than what they have;
      // this node's phones then get their own, read here, on their interval.
      io.on('vote:results', (workshopId, results) => {
        this.showStaff(workshopId, results);
        this.phones.mark(workshopId);
      });
      io.on('vote:mine', (changes) => {
        const rooms = io.of('/').adapter.rooms;
        for (const [participantId, mine] of changes) {
          const room = participantRoom(participantId);
          if (rooms.has(room)) io.local.to(room).emit('vote:mine', mine);
        }
      });
    }
    this.matrix = new Coalescer(VOTE_SCREEN_BROADCAST_INTERVAL_MS, (ids) => {
      for (const workshopId of ids) {
        ctx.votes
          .getMatrix(workshopId)
          .then((matrix) => this.io.to([...staffRooms(workshopId), screensRoom(workshopId)]).emit('matrix:changed', matrix))
          .catch((error: unknown) => ctx.logger.error({ err: error, workshopId }, 'matrix broadcast failed'));
      }
    });
    this.timers = new DueTimers((workshopId, roundId) => {
      // Armed on every node; the first to claim it closes it.
      claimOnce(ctx.cluster, `round-close:${roundId}`, ROUND_CLOSE_CLAIM_MS)
        .then((mine) => (mine ? this.closeRound(workshopId, roundId) : null))
        .catch((error: unknown) => ctx.logger.error({ err: error, workshopId }, 'timed round close failed'));
    }, ctx.now);
    if (ctx.cluster) io.on('vote:arm', (round) => this.timers.arm(round));
  }

  /** Arms the timers of every open round with a closing time (those already due close at once). */
  async start(): Promise<void> {
    for (const round of await this.ctx.votes.listTimedOpenRounds()) this.timers.arm(round);
  }

  /** Arms the round's closing time here and, in a cluster, on every other node (any may die). */
  arm(round: VoteRound): void {
    this.timers.arm(round);
    if (this.ctx.cluster) this.io.serverSideEmit('vote:arm', { id: round.id, workshopId: round.workshopId, closesAt: round.closesAt });
  }

  /** The gommettes of this workshop changed: results follow, coalesced. */
  changed(workshopId: string): void {
    this.markLocal(workshopId);
  }

  /**
   * The idea a tap is for: its workshop and author, and whether it is hidden when read from the
   * store (a remembered idea says `hidden: false`: the store's commit refuses a hidden one anyway).
   */
  async ideaOf(ideaId: string): Promise<{ workshopId: string; participantId: string; hidden: boolean } | null> {
    const known = this.ideaFacts.get(ideaId);
    if (known) return { ...known, hidden: false };
    // Thousands of taps read in one turn ask for the same few ideas: one read each.
    let reading = this.ideaReads.get(ideaId);
    if (!reading) {
      reading = this.ctx.store.getIdea(ideaId).finally(() => this.ideaReads.delete(ideaId));
      this.ideaReads.set(ideaId, reading);
    }
    const idea = await reading;
    if (!idea) return null;
    if (this.ideaFacts.size >= MAX_REMEMBERED_IDEAS) this.ideaFacts.clear();
    this.ideaFacts.set(ideaId, { workshopId: idea.workshopId, participantId: idea.participantId });
    return idea;
  }

  /**
   * A resident's gommettes changed through one of their devices (which has them from its ack):
   * their other devices on this node get them at once, those on other nodes within a few
   * milliseconds, with everyone else's changes of that moment in one message (a burst of 10,000
   * gommettes is a few messages between nodes, not 10,000).
   */
  mine(socket: GommetteSocket, participantId: string, mine: MyVotes): void {
    socket.to(participantRoom(participantId)).local.emit('vote:mine', mine);
    if (!this.ctx.cluster) return;
    this.peerMine.set(participantId, mine);
    this.peerMineTimer ??= setTimeout(() => {
      this.peerMineTimer = null;
      const changes = [...this.peerMine];
      this.peerMine.clear();
      this.io.serverSideEmit('vote:mine', changes);
    }, PEER_MINE_INTERVAL_MS);
  }

  /**
   * Gommettes of this workshop were just committed (the store says so before their acks are
   * written): the projectors see them now if their last results are an interval old, even in the
   * middle of a burst (and so do the other nodes' projectors: the results go to them too).
   */
  committed(workshopId: string): void {
    this.markLocal(workshopId, true);
  }

  private markLocal(workshopId: string, urgent = false): void {
    if (urgent) this.staff.markUrgent(workshopId);
    else this.staff.mark(workshopId);
    this.phones.mark(workshopId);
  }

  /** The matrix of this workshop changed: consoles and projectors get it, coalesced (at most 10 a second). */
  matrixChanged(workshopId: string): void {
    this.matrix.mark(workshopId);
  }

  /** A round opened, closed or was revealed: tell everyone now, results right after. */
  async announce(round: VoteRound): Promise<RoundView> {
    const view = await roundViewOf(this.ctx, round);
    this.io.to(everyVoteRoom(round.workshopId)).emit('vote:round', view);
    // Right behind the round, through the same channel, on every node: its results.
    this.staff.cancel(round.workshopId);
    this.phones.cancel(round.workshopId);
    this.sendResults([round.workshopId], 'staff', 'cluster');
    this.sendResults([round.workshopId], 'phones', 'cluster');
    return view;
  }

  /**
   * Closes a round (the facilitator's button, its closing time, or the end of a phase) and
   * tells every screen, phone and kiosk. Idempotent; null when the round is not this workshop's.
   */
  async closeRound(workshopId: string, roundId: string): Promise<RoundView | null> {
    const before = await this.ctx.votes.getRound(roundId);
    if (!before || before.workshopId !== workshopId) return null;
    this.timers.cancel(roundId);
    const round = await this.ctx.votes.closeRound(roundId, this.ctx.now());
    if (!round) return null;
    if (before.status === 'closed') return roundViewOf(this.ctx, round);
    this.ctx.logger.info({ workshopId, roundId }, 'vote round closed');
    return this.announce(round);
  }

  private sendResults(workshopIds: string[], audience: 'staff' | 'phones', scope: 'local' | 'cluster'): void {
    for (const workshopId of workshopIds) {
      this.emitResults(workshopId, audience, scope).catch((error: unknown) => this.ctx.logger.error({ err: error, workshopId }, 'vote results failed'));
    }
  }

  /**
   * The projector's results (staff get exactly what the projector shows: small sites merged,
   * hidden results hidden; nothing a console receives tells more about the last tap than the
   * wall does, issue 20 item 3), to this node's screens or phones (`local`: the coalesced
   * updates, each node sending its own) or to every node's (`cluster`: a round's announcement).
   */
  private async emitResults(workshopId: string, audience: 'staff' | 'phones', scope: 'local' | 'cluster'): Promise<void> {
    const round = await this.ctx.votes.currentRound(workshopId);
    if (!round) return;
    // A phone shows the results once the round is closed, never while it is open (`phoneGetsResults`).
    if (audience === 'phones' && !phoneGetsResults(round, this.ctx.now())) return;
    const { public: results } = await resultsOf(this.ctx, round, ['public']);
    this.broadcasts++;
    if (audience === 'phones') {
      if (scope === 'local') sendToPhones(this.io, workshopId, 'vote:results', results);
      else this.io.to(participantsRoom(workshopId)).emit('vote:results', results);
      return;
    }
    if (scope === 'cluster') {
      this.io.to(resultsScreenRooms(workshopId)).emit('vote:results', results);
      return;
    }
    this.showStaff(workshopId, results);
    if (this.ctx.cluster) this.io.serverSideEmit('vote:results', workshopId, results);
  }

  /** To this node's screens and consoles, unless they were sent these or newer already. */
  private showStaff(workshopId: string, results: VoteResults): void {
    const last = this.shown.get(workshopId);
    const newer = !last || last.roundId !== results.roundId || results.version > last.version || (results.closed && !last.closed);
    if (!newer) return;
    if (!last && this.shown.size >= MAX_REMEMBERED_RESULTS) this.shown.clear();
    this.shown.set(workshopId, results);
    this.io.local.to(resultsScreenRooms(workshopId)).emit('vote:results', results);
  }

  close(): void {
    this.staff.close();
    this.phones.close();
    this.shown.clear();
    if (this.peerMineTimer) clearTimeout(this.peerMineTimer);
    this.peerMineTimer = null;
    this.peerMine.clear();
    this.matrix.close();
    this.timers.close();
  }
}
