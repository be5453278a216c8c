/** setTimeout's largest delay; something due in weeks is re-armed in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * One timer per id, due at a time (`closesAt`): a vote round's closing time, a workshop's last
 * step. The store stays the truth (a vote after `closesAt` is refused even if the timer has not
 * fired yet); the timer makes the change happen and be seen.
 */
export class DueTimers {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly onDue: (workshopId: string, id: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  arm(due: { id: string; workshopId: string; closesAt: number | null }): void {
    this.cancel(due.id);
    if (due.closesAt === null) return;
    const closesAt = due.closesAt;
    const wait = closesAt - this.now();
    const timer = setTimeout(
      () => {
        this.timers.delete(due.id);
        // A timer may fire a millisecond before the wall clock says it is due (and far ones
        // come in steps): whoever is called must find it due, so early means wait the rest.
        if (this.now() < closesAt) this.arm(due);
        else this.onDue(due.workshopId, due.id);
      },
      Math.max(0, Math.min(wait, MAX_TIMER_MS)),
    );
    timer.unref();
    this.timers.set(due.id, timer);
  }

  cancel(id: string): void {
    const timer = this.timers.get(id);
    if (timer) clearTimeout(timer);
    this.timers.delete(id);
  }

  has(id: string): boolean {
    return this.timers.has(id);
  }

  close(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
