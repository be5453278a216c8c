/**
 * Marks keys as changed and calls `flush` with them: at once (next tick) when quiet, then at
 * most once per interval while changes keep coming.
 */
export class Coalescer {
  private readonly dirty = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private lastFlushAt = -Infinity;

  constructor(
    private readonly intervalMs: number,
    private readonly flush: (keys: string[]) => void,
    private readonly now: () => number = Date.now,
  ) {}

  mark(key: string): void {
    this.dirty.add(key);
    if (this.timer) return;
    const wait = Math.max(0, this.lastFlushAt + this.intervalMs - this.now());
    this.timer = setTimeout(() => this.flushAll(), wait);
  }

  /** Sends this key now (a close, a reveal): nothing queued for it may follow later. */
  flushNow(key: string): void {
    this.dirty.delete(key);
    this.flush([key]);
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
