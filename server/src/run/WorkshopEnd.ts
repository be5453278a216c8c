import {
  applyWorkshopEnd,
  ErrorCode,
  domainError,
  isDomainError,
  lastStepEndsAt,
  settleRun,
  workshopEndChange,
  type RoomState,
  type RunState,
} from '@gommette/shared';
import type { AppContext } from '../context';
import { DueTimers } from '../timers/DueTimers';
import { broadcastRoom, loadRoom, updateRoom } from './room';
import type { GommetteServer } from '../realtime/types';

/**
 * The workshop ends with its last step (`shared/src/animation/finish.ts`): this keeps the follow-up's
 * `finishedAt` in step with the phase machine, and ends the last step when its countdown reaches zero.
 * The room is the truth: the in-process timer makes the end happen on time and be seen; after a
 * restart (timer lost) the join link settles the room when a resident opens it (`settle`).
 */
export class WorkshopEnd {
  /** One timer per workshop whose last step is counting down, keyed by the workshop's id. */
  private readonly timers: DueTimers;

  constructor(
    private readonly io: () => GommetteServer | null,
    private readonly ctx: AppContext,
  ) {
    this.timers = new DueTimers((workshopId) => {
      this.settle(workshopId).catch((error: unknown) => ctx.logger.error({ err: error, workshopId }, 'last step end failed'));
    }, ctx.now);
  }

  /** After the facilitator changed the run: finish or reopen the workshop, and (re)arm the last step's timer. */
  async runChanged(workshopId: string, before: RoomState, after: RoomState): Promise<void> {
    this.watch(workshopId, after);
    await this.follow(workshopId, workshopEndChange(after.phases, before.run, after.run));
  }

  /** Arms the timer when the last step counts down, cancels it otherwise. */
  watch(workshopId: string, room: Pick<RoomState, 'phases' | 'run'>): void {
    const closesAt = lastStepEndsAt(room.phases, room.run);
    if (closesAt === null) this.timers.cancel(workshopId);
    else this.timers.arm({ id: workshopId, workshopId, closesAt });
  }

  /** Ends the last step if its countdown has reached zero: saves, tells every screen, finishes the workshop. */
  async settle(workshopId: string): Promise<void> {
    const now = this.ctx.now();
    const current = await loadRoom(this.ctx, workshopId);
    if (settleRun(current.phases, current.run, now) === current.run) return;
    let before: RunState | null = null;
    const room = await updateRoom(this.ctx, workshopId, (fresh) => {
      const run = settleRun(fresh.phases, fresh.run, now);
      // Another console changed the run meanwhile (extended, went back): nothing ends.
      if (run === fresh.run) return domainError(ErrorCode.Conflict, 'the last step is no longer due');
      before = fresh.run;
      return { ...fresh, run };
    });
    if (isDomainError(room) || before === null) return;
    this.timers.cancel(workshopId);
    this.ctx.logger.info({ workshopId, phaseIndex: room.run.phaseIndex }, 'last step ended by its countdown');
    // Finished first, then told: a console reloading its follow-up on the news reads it finished.
    await this.follow(workshopId, workshopEndChange(room.phases, before, room.run));
    const server = this.io();
    if (server) broadcastRoom(server, this.ctx, workshopId, room);
  }

  private async follow(workshopId: string, change: ReturnType<typeof workshopEndChange>): Promise<void> {
    if (change === null) return;
    const now = this.ctx.now();
    await this.ctx.retour.updateFollowUp(workshopId, (settings) => ({ ...settings, finishedAt: applyWorkshopEnd(settings.finishedAt, change, now) }));
    this.ctx.logger.info({ workshopId, change }, change === 'finish' ? 'workshop finished with its last step' : 'workshop reopened by its phases');
  }

  close(): void {
    this.timers.close();
  }
}
