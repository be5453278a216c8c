import type { GommetteSocket } from './createSocket';

/**
 * What the ideas' and the gommettes' outboxes share: a state the UI subscribes to
 * (`useSyncExternalStore`), one socket at a time (sending again on every reconnection, forgetting
 * the send in flight on a drop), and a wait timer with a doubling back-off for temporary refusals.
 * Subclasses keep their queue in `state` and send its head in `pump()`.
 */
export abstract class SendLoop<State> {
  protected state: State;
  private readonly listeners = new Set<() => void>();
  protected socket: GommetteSocket | null = null;
  /** Bumped whenever an in-flight send must be forgotten (disconnect, detach). */
  protected attempt = 0;
  protected waitTimer: ReturnType<typeof setTimeout> | null = null;
  protected retryDelayMs: number;

  constructor(
    initial: State,
    private readonly retry: { baseMs: number; maxMs: number },
  ) {
    this.state = initial;
    this.retryDelayMs = retry.baseMs;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): State => this.state;

  /** Sends the head of the queue, if it can (connected, nothing in flight, no wait running). */
  protected abstract pump(): void;
  /** Forgets the send in flight (its ack, if it ever comes, is ignored). */
  protected abstract clearInFlight(): void;

  /** Starts sending through this socket; returns the function that stops. */
  protected connect(socket: GommetteSocket): () => void {
    this.socket = socket;
    const handleConnect = () => {
      this.retryDelayMs = this.retry.baseMs;
      this.clearWait();
      this.pump();
    };
    const handleDisconnect = () => this.forgetInFlight();
    socket.on('connect', handleConnect);
    socket.on('disconnect', handleDisconnect);
    this.pump();
    return () => {
      socket.off('connect', handleConnect);
      socket.off('disconnect', handleDisconnect);
      this.forgetInFlight();
      this.clearWait();
      if (this.socket === socket) this.socket = null;
    };
  }

  protected update(state: State): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }

  /** A send went through: the next temporary refusal waits the shortest time again. */
  protected resetBackOff(): void {
    this.retryDelayMs = this.retry.baseMs;
  }

  /** A temporary refusal: try again later, each time twice as late (up to the maximum). */
  protected waitBackOff(): void {
    this.wait(this.retryDelayMs);
    this.retryDelayMs = Math.min(this.retryDelayMs * 2, this.retry.maxMs);
  }

  protected wait(ms: number): void {
    this.clearWait();
    this.waitTimer = setTimeout(() => {
      this.waitTimer = null;
      this.pump();
    }, Math.max(0, ms));
  }

  protected clearWait(): void {
    if (this.waitTimer === null) return;
    clearTimeout(this.waitTimer);
    this.waitTimer = null;
  }

  private forgetInFlight(): void {
    this.attempt++;
    this.clearInFlight();
  }
}
