import { IDEA_BROADCAST_INTERVAL_MS, IDEA_COUNT_BROADCAST_INTERVAL_MS, type IdeaView } from '@gommette/shared';
import type { Logger } from 'pino';
import { Coalescer } from '../timers/Coalescer';
import { sendToPhones } from '../realtime/phoneFanout';
import type { GommetteServer } from '../realtime/types';

export interface IdeaBroadcasterOptions {
  io: GommetteServer;
  /** Visible ideas of a workshop, for the phones' counter. */
  countVisible: (workshopId: string) => Promise<number>;
  logger: Pick<Logger, 'error'>;
  /** In a cluster: the other nodes hear which workshops' counts changed, and count for their own phones. */
  clustered?: boolean;
  intervalMs?: number;
  /** The phones' counter: at most once per this interval per workshop. */
  countIntervalMs?: number;
  now?: () => number;
}

/**
 * Coalesces `ideas:added` per room, and the phones' `ideas:counted` per workshop. A quiet room
 * gets each idea on the next tick; a busy one at most one batch per interval. The phones'
 * counter has its own, longer interval (`IDEA_COUNT_BROADCAST_INTERVAL_MS`): what every phone
 * receives is what it shows, a number, not every idea's tick. Each node counts for its own
 * phones (`sendToPhones`), so a phone gets one count per interval whatever the number of nodes. Any other event
 * for a room must go through `flush(rooms)` first, so that (say) a removal never overtakes the
 * addition it removes.
 */
export class IdeaBroadcaster {
  private readonly queued = new Map<string, IdeaView[]>();
  private readonly recount: Coalescer;
  private readonly peers: Coalescer | null;
  private timer: NodeJS.Timeout | null = null;
  private lastFlushAt = 0;
  private readonly intervalMs: number;
  private readonly now: () => number;

  constructor(private readonly options: IdeaBroadcasterOptions) {
    this.intervalMs = options.intervalMs ?? IDEA_BROADCAST_INTERVAL_MS;
    this.now = options.now ?? Date.now;
    const countIntervalMs = options.countIntervalMs ?? IDEA_COUNT_BROADCAST_INTERVAL_MS;
    // Trailing: a burst of ideas is counted once, after it, not also at its first idea (a count
    // written to 10,000 phones would hold the projector's ideas behind it).
    this.recount = new Coalescer(countIntervalMs, (workshopIds) => this.sendCounts(workshopIds), this.now, true);
    this.peers = options.clustered ? new Coalescer(countIntervalMs, (workshopIds) => options.io.serverSideEmit('ideas:changed', workshopIds), this.now) : null;
    if (options.clustered) options.io.on('ideas:changed', (workshopIds) => workshopIds.forEach((workshopId) => this.recount.mark(workshopId)));
  }

  added(room: string, idea: IdeaView): void {
    const ideas = this.queued.get(room);
    if (ideas) ideas.push(idea);
    else this.queued.set(room, [idea]);
    this.schedule();
  }

  /** The number of visible ideas of this workshop changed: tell its phones at the next flush. */
  counted(workshopId: string): void {
    this.recount.mark(workshopId);
    this.peers?.mark(workshopId);
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
  }

  private sendCounts(workshopIds: string[]): void {
    for (const workshopId of workshopIds) {
      this.options.countVisible(workshopId).then(
        (ideaCount) => sendToPhones(this.options.io, workshopId, 'ideas:counted', { ideaCount }),
        (error: unknown) => this.options.logger.error({ err: error, workshopId }, 'idea count failed'),
      );
    }
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.queued.clear();
    this.recount.close();
    this.peers?.close();
  }
}
