/**
 * Marks keys as changed and calls `flush` with them: at once (next tick) when quiet, then at
 * most once per interval while changes keep coming. With `trailing`, the first change also waits
 * one interval: a burst is sent once, after it, instead of once at its very start (where the
 * send would compete with the burst itself) and again at its end.
 */
export class Coalescer {
  private readonly dirty = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private lastFlushAt = -Infinity;

  constructor(
    private readonly intervalMs: number,
    private readonly flush: (keys: string[]) => void,
    private readonly now: () => number = Date.now,
    private readonly trailing = false,
  ) {}

  mark(key: string): void {
    this.dirty.add(key);
    if (this.timer) return;
    const wait = this.trailing ? this.intervalMs : Math.max(0, this.lastFlushAt + this.intervalMs - this.now());
    this.timer = setTimeout(() => this.flushAll(), wait);
  }

  /**
   * Like `mark`, but sends now when the last send is an interval old, even while a send is
   * scheduled: for changes made while the event loop is held by a long turn (a burst of taps read
   * at once), whose timers would only run after it.
   */
  markUrgent(key: string): void {
    this.mark(key);
    if (this.now() - this.lastFlushAt < this.intervalMs) return;
    if (this.timer) clearTimeout(this.timer);
    this.flushAll();
  }

  /** Forgets a pending change of this key (it is being sent another way, now). */
  cancel(key: string): void {
    this.dirty.delete(key);
  }

  private flushAll(): void {
    this.timer = null;
    this.lastFlushAt = this.now();
    const keys = [...this.dirty];
    this.dirty.clear();
    if (keys.length > 0) this.flush(keys);
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.dirty.clear();
  }
}
