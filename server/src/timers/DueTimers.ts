/** setTimeout's largest delay; a round open for weeks is re-armed in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * One timer per round with a closing time. The store is the truth (a vote after `closesAt` is
 * refused even if the timer has not fired yet); the timer makes the close happen and be seen.
 */
export class RoundTimers {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly onDue: (workshopId: string, roundId: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  arm(round: { id: string; workshopId: string; closesAt: number | null }): void {
    this.cancel(round.id);
    if (round.closesAt === null) return;
    const closesAt = round.closesAt;
    const wait = closesAt - this.now();
    const timer = setTimeout(
      () => {
        this.timers.delete(round.id);
        if (wait > MAX_TIMER_MS) this.arm(round);
        else this.onDue(round.workshopId, round.id);
      },
      Math.max(0, Math.min(wait, MAX_TIMER_MS)),
    );
    timer.unref();
    this.timers.set(round.id, timer);
  }

  cancel(roundId: string): void {
    const timer = this.timers.get(roundId);
    if (timer) clearTimeout(timer);
    this.timers.delete(roundId);
  }

  has(roundId: string): boolean {
    return this.timers.has(roundId);
  }

  close(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
