/**
 * The commands this node is working on (received, not answered yet), so that it can tell phones
 * when it sheds load. When at least `minCommands` are in progress and the oldest has waited
 * `shedAfterMs` or more, the node is behind: a new command from a phone's outbox (an idea, a
 * gommette, a take-back) is answered at once with `rate_limited` and `retryAfterMs`, instead of
 * joining a queue its phone would give up on and resend into. Answering costs nothing; the
 * outboxes wait what is asked (plus jitter) and send the same command again.
 */
/** Just under the phone's first resend (`RESEND_FIRST_MS`, 5 s): past it the phone would have sent again. */
export const SHED_AFTER_MS = 4_000;
export const SHED_MIN_COMMANDS = 200;
const RETRY_AFTER_MIN_MS = 1_000;
const RETRY_AFTER_MAX_MS = 30_000;

/** The commands a phone's outbox sends and resends with the same id: those may be shed. */
export const SHEDDABLE_COMMANDS: ReadonlySet<string> = new Set(['idea:post', 'vote:cast', 'vote:takeBack']);

export class CommandBacklog {
  /** Start time by command number, oldest first (a Map keeps insertion order). */
  private readonly started = new Map<number, number>();
  private next = 0;
  /** Commands answered with `retryAfterMs` since start. */
  shed = 0;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly options: { shedAfterMs: number; minCommands: number } = { shedAfterMs: SHED_AFTER_MS, minCommands: SHED_MIN_COMMANDS },
  ) {}

  get size(): number {
    return this.started.size;
  }

  /** A command starts; call the returned function when it is answered. */
  begin(): () => void {
    const id = this.next++;
    this.started.set(id, this.now());
    return () => void this.started.delete(id);
  }

  /** How long a new sheddable command should wait before coming back, or null: take it now. */
  retryAfterMs(): number | null {
    if (this.started.size < this.options.minCommands) return null;
    const oldest = this.started.values().next().value;
    if (oldest === undefined) return null;
    const waited = this.now() - oldest;
    if (waited < this.options.shedAfterMs) return null;
    this.shed++;
    // Come back in about the time the oldest command has been waiting: the backlog's depth in time.
    return Math.min(RETRY_AFTER_MAX_MS, Math.max(RETRY_AFTER_MIN_MS, Math.round(waited)));
  }
}
