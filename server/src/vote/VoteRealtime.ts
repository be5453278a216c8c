import { RateLimiterMemory } from 'rate-limiter-flexible';
import {
  MAX_VOTE_COMMANDS_PER_10_S,
  VOTE_PHONE_BROADCAST_INTERVAL_MS,
  VOTE_SCREEN_BROADCAST_INTERVAL_MS,
  type RoundView,
  type VoteRound,
} from '@gommette/shared';
import type { AppContext } from '../context';
import type { GommetteServer } from '../realtime/types';
import { claimOnce } from '../cluster/claim';
import { Coalescer } from '../timers/Coalescer';
import { everyVoteRoom, participantsRoom, publicStaffRooms, screensRoom, staffResultsRooms, staffRooms } from '../realtime/rooms';
import { DueTimers } from '../timers/DueTimers';
import { resultsOf, roundViewOf } from './voteViews';

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
  /** The whole matrix to consoles and projectors: a table placing many ideas at once makes a few messages. */
  private readonly matrix: Coalescer;
  private readonly timers: DueTimers;
  /** Results messages sent (one per room group per flush), for the benchmark and tests. */
  broadcasts = 0;

  constructor(
    private readonly io: GommetteServer,
    private readonly ctx: AppContext,
  ) {
    this.staff = new Coalescer(VOTE_SCREEN_BROADCAST_INTERVAL_MS, (ids) => this.sendResults(ids, 'staff'));
    this.phones = new Coalescer(VOTE_PHONE_BROADCAST_INTERVAL_MS, (ids) => this.sendResults(ids, 'phones'));
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
    this.staff.mark(workshopId);
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
    this.staff.flushNow(round.workshopId);
    this.phones.flushNow(round.workshopId);
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

  private sendResults(workshopIds: string[], audience: 'staff' | 'phones'): void {
    for (const workshopId of workshopIds) {
      this.emitResults(workshopId, audience).catch((error: unknown) => this.ctx.logger.error({ err: error, workshopId }, 'vote results failed'));
    }
  }

  private async emitResults(workshopId: string, audience: 'staff' | 'phones'): Promise<void> {
    const round = await this.ctx.votes.currentRound(workshopId);
    if (!round) return;
    if (audience === 'phones') {
      const { public: results } = await resultsOf(this.ctx, round, ['public']);
      this.io.to(participantsRoom(workshopId)).emit('vote:results', results);
      this.broadcasts++;
      return;
    }
    // Staff (facilitator, helpers, observers) get exactly what the projector shows, on its
    // interval: small sites merged, hidden results hidden. Nothing a console receives tells more
    // about the last tap than the wall does (issue 20, item 3).
    const { public: results } = await resultsOf(this.ctx, round, ['public']);
    this.io.to([...staffResultsRooms(workshopId), ...publicStaffRooms(workshopId)]).emit('vote:results', results);
    this.broadcasts++;
  }

  close(): void {
    this.staff.close();
    this.phones.close();
    this.matrix.close();
    this.timers.close();
  }
}
