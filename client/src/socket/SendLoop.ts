import { jittered, RESEND_FIRST_MS, resendDelayMs, type Ack, type CommandName, type CommandResults, type Snapshot } from '@gommette/shared';
import { isNoAnswer, type CommandReply } from './command';
import type { GommetteSocket } from './createSocket';

/** After a reconnection, how long the queue waits for the snapshot before sending without it. */
export const SNAPSHOT_WAIT_MS = RESEND_FIRST_MS;

/**
 * What the ideas' and the gommettes' outboxes share: a state the UI subscribes to
 * (`useSyncExternalStore`), one socket at a time, one command in flight at a time, and when to
 * send again:
 * - no answer yet: the same command again after `resendDelayMs` (5 s, then twice as late each
 *   time up to a minute, with jitter); the first answer to any of its sends settles it, a late
 *   one too, and the count starts again;
 * - a reconnection: the send in flight is forgotten on the drop (its ack will never come); the
 *   snapshot the server begins every connection with says whether that command was stored
 *   before the drop (`confirmStored`): if so it is done, else it goes again at once;
 * - a temporary refusal: after a doubling back-off (with jitter), or after what the server asked
 *   for (`retryAfterMs`: rate limit, server shedding load).
 * Subclasses keep their queue in `state` and send its head in `pump()` through `transmit()`.
 */
export abstract class SendLoop<State> {
  protected state: State;
  private readonly listeners = new Set<() => void>();
  protected socket: GommetteSocket | null = null;
  /** Bumped whenever an in-flight send must be forgotten (disconnect, detach). */
  protected attempt = 0;
  protected waitTimer: ReturnType<typeof setTimeout> | null = null;
  protected retryDelayMs: number;
  /** The id of the command sent and not answered yet. */
  protected inFlightId: string | null = null;
  private resendTimer: ReturnType<typeof setTimeout> | null = null;
  /** Sends of the command in flight after its first one. */
  private resends = 0;
  /** Every resend over a live connection (no answer in time); for tests and diagnostics. */
  resendCount = 0;
  /** The command that was in flight when the connection dropped. */
  private droppedId: string | null = null;
  /** Reconnected with a dropped command: nothing leaves before the snapshot (or `SNAPSHOT_WAIT_MS`). */
  private snapshotTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    initial: State,
    private readonly retry: { baseMs: number; maxMs: number },
    private readonly random: () => number = () => Math.random(),
  ) {
    this.state = initial;
    this.retryDelayMs = retry.baseMs;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): State => this.state;

  /** Sends the head of the queue, if it can (see `canSend`). */
  protected abstract pump(): void;

  /**
   * The snapshot of a new connection shows command `id` (the head of the queue, in flight when
   * the last connection dropped) stored: settle it as if its ack had come, and return true.
   */
  protected abstract confirmStored(snapshot: Snapshot, id: string): boolean;

  /** Connected, nothing in flight, no wait running, not waiting for the snapshot. */
  protected canSend(): boolean {
    return this.socket !== null && this.socket.connected && this.inFlightId === null && this.waitTimer === null && this.snapshotTimer === null;
  }

  /**
   * Sends command `id` with `emit` (`emitCommand` without its timeout) and, until an answer
   * comes, again after each resend delay. `onAnswer` gets the first answer to any of the sends
   * over this connection ("no answer" is not one: the next send or the reconnection follows).
   */
  protected transmit<K extends CommandName>(
    id: string,
    emit: (socket: GommetteSocket, onReply: (reply: CommandReply<K>) => void) => void,
    onAnswer: (answer: Ack<CommandResults[K]>) => void,
  ): void {
    const socket = this.socket;
    if (!socket) return;
    const attempt = this.attempt;
    this.inFlightId = id;
    this.resends = 0;
    const send = (): void => {
      emit(socket, (reply) => {
        if (isNoAnswer(reply)) return;
        if (attempt !== this.attempt || this.inFlightId !== id) return; // a drop forgot it, or another send's answer settled it
        this.settle();
        onAnswer(reply);
      });
      this.resendTimer = setTimeout(
        () => {
          this.resendTimer = null;
          if (attempt !== this.attempt || this.inFlightId !== id || !socket.connected) return;
          this.resends++;
          this.resendCount++;
          send();
        },
        resendDelayMs(this.resends, this.random),
      );
    };
    send();
  }

  /** Starts sending through this socket; returns the function that stops. */
  protected connect(socket: GommetteSocket): () => void {
    this.socket = socket;
    const handleConnect = () => {
      this.retryDelayMs = this.retry.baseMs;
      this.clearWait();
      if (this.droppedId !== null) this.awaitSnapshot();
      this.pump();
    };
    const handleSnapshot = (snapshot: Snapshot) => {
      if (this.snapshotTimer === null) return;
      this.stopAwaitingSnapshot();
      const droppedId = this.droppedId;
      this.droppedId = null;
      if (droppedId !== null && this.confirmStored(snapshot, droppedId)) return;
      this.pump();
    };
    const handleDisconnect = () => {
      if (this.inFlightId !== null) this.droppedId = this.inFlightId;
      this.stopAwaitingSnapshot();
      this.forgetInFlight();
    };
    socket.on('connect', handleConnect);
    socket.on('workshop:snapshot', handleSnapshot);
    socket.on('disconnect', handleDisconnect);
    this.pump();
    return () => {
      socket.off('connect', handleConnect);
      socket.off('workshop:snapshot', handleSnapshot);
      socket.off('disconnect', handleDisconnect);
      this.forgetInFlight();
      this.stopAwaitingSnapshot();
      this.clearWait();
      if (this.socket === socket) this.socket = null;
    };
  }

  /** Holds the queue until the snapshot comes, or sends again after `SNAPSHOT_WAIT_MS` without one. */
  private awaitSnapshot(): void {
    this.stopAwaitingSnapshot();
    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = null;
      this.droppedId = null;
      this.pump();
    }, SNAPSHOT_WAIT_MS);
  }

  private stopAwaitingSnapshot(): void {
    if (this.snapshotTimer === null) return;
    clearTimeout(this.snapshotTimer);
    this.snapshotTimer = null;
  }

  protected update(state: State): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }

  /** A send went through: the next temporary refusal waits the shortest time again. */
  protected resetBackOff(): void {
    this.retryDelayMs = this.retry.baseMs;
  }

  /** A temporary refusal: try again later, each time about twice as late (up to the maximum). */
  protected waitBackOff(): void {
    this.wait(jittered(this.retryDelayMs, 0.5, this.random));
    this.retryDelayMs = Math.min(this.retryDelayMs * 2, this.retry.maxMs);
  }

  /** The server asked to wait (`retryAfterMs`): that long, plus a little at random; returns the wait. */
  protected waitAsAsked(ms: number): number {
    const waitMs = jittered(ms, undefined, this.random);
    this.wait(waitMs);
    return waitMs;
  }

  protected wait(ms: number): void {
    this.clearWait();
    this.waitTimer = setTimeout(
      () => {
        this.waitTimer = null;
        this.pump();
      },
      Math.max(0, ms),
    );
  }

  protected clearWait(): void {
    if (this.waitTimer === null) return;
    clearTimeout(this.waitTimer);
    this.waitTimer = null;
  }

  private settle(): void {
    if (this.resendTimer !== null) clearTimeout(this.resendTimer);
    this.resendTimer = null;
    this.inFlightId = null;
    this.resends = 0;
  }

  private forgetInFlight(): void {
    this.attempt++;
    this.settle();
  }
}
