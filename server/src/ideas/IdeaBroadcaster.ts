import { IDEA_BROADCAST_INTERVAL_MS, type IdeaView } from '@gommette/shared';
import type { Logger } from 'pino';
import { participantsRoom } from '../realtime/rooms';
import type { GommetteServer } from '../realtime/types';

export interface IdeaBroadcasterOptions {
  io: GommetteServer;
  /** Visible ideas of a workshop, for the phones' counter. */
  countVisible: (workshopId: string) => Promise<number>;
  logger: Pick<Logger, 'error'>;
  intervalMs?: number;
  now?: () => number;
}

/**
 * Coalesces `ideas:added` per room, and the phones' `ideas:counted` per workshop. A quiet room
 * gets each idea on the next tick; a busy one at most one batch per interval. Any other event
 * for a room must go through `flush(rooms)` first, so that (say) a removal never overtakes the
 * addition it removes.
 */
export class IdeaBroadcaster {
  private readonly queued = new Map<string, IdeaView[]>();
  private readonly recount = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private lastFlushAt = 0;
  private readonly intervalMs: number;
  private readonly now: () => number;

  constructor(private readonly options: IdeaBroadcasterOptions) {
    this.intervalMs = options.intervalMs ?? IDEA_BROADCAST_INTERVAL_MS;
    this.now = options.now ?? Date.now;
  }

  added(room: string, idea: IdeaView): void {
    const ideas = this.queued.get(room);
    if (ideas) ideas.push(idea);
    else this.queued.set(room, [idea]);
    this.schedule();
  }

  /** The number of visible ideas of this workshop changed: tell its phones at the next flush. */
  counted(workshopId: string): void {
    this.recount.add(workshopId);
    this.schedule();
  }

  /** Sends what is queued for these rooms now. */
  flush(rooms: ReadonlyArray<string>): void {
    for (const room of rooms) {
      const ideas = this.queued.get(room);
      if (!ideas) continue;
      this.queued.delete(room);
      this.options.io.to(room).emit('ideas:added', ideas);
    }
  }

  private schedule(): void {
    if (this.timer) return;
    // Leading edge: a quiet room waits only for this tick's other ideas.
    const wait = Math.max(0, this.lastFlushAt + this.intervalMs - this.now());
    this.timer = setTimeout(() => this.flushAll(), wait);
  }

  private flushAll(): void {
    this.timer = null;
    this.lastFlushAt = this.now();
    this.flush([...this.queued.keys()]);
    for (const workshopId of this.recount) {
      this.options.countVisible(workshopId).then(
        (ideaCount) => this.options.io.to(participantsRoom(workshopId)).emit('ideas:counted', { ideaCount }),
        (error: unknown) => this.options.logger.error({ err: error, workshopId }, 'idea count failed'),
      );
    }
    this.recount.clear();
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.queued.clear();
    this.recount.clear();
  }
}
