/**
 * The phone's outbox, for the fault bench: the same rules as client/src/socket/SendLoop.ts with
 * client/src/ideas/Outbox.ts (ideas) and client/src/vote/VoteOutbox.ts (gommettes), without the browser storage
 * and the UI. Commands carry their client-made id; they leave one at a time, oldest first; while
 * no answer comes the same command (same id) is sent again after `resendDelayMs` (the ack
 * timeout, then twice as late each time, capped, with jitter), and the first answer to any of its
 * sends settles it; a drop forgets the send in flight (its late ack is ignored), and after the
 * reconnection the snapshot says whether it was stored (`storedIn`: then it is acked as is) or
 * it goes again at once; `rate_limited` waits what the server says (with jitter),
 * other temporary refusals back off (doubling, with jitter), final refusals drop the command.
 * Acks go to `onAck`, which keeps the client's ledger.
 */
import type { Socket } from 'socket.io-client';
import { COMMAND_ACK_TIMEOUT_MS, ErrorCode, jittered, resendDelayMs, type Snapshot } from '@gommette/shared';

export interface OutboxCommand {
  event: 'idea:post' | 'vote:cast';
  id: string;
  payload: Record<string, unknown>;
}

type AckReply = { ok: true; data: unknown } | { ok: false; code: string; retryAfterMs?: number };

export interface OutboxEvents {
  onAck: (command: OutboxCommand) => void;
  onRefused: (command: OutboxCommand, code: string) => void;
  onRetry: (code: string) => void;
  /** A send of a command already sent: after no answer in time, or on a reconnection (retries after a refusal are `onRetry`). */
  onResend: (why: 'timeout' | 'reconnection') => void;
  /** The command in flight when the connection dropped was in the next snapshot: stored, not sent again. */
  onConfirmed: () => void;
}

/** Whether a snapshot shows the command stored (the phone's `SendLoop.storedIn`). */
export type StoredIn = (snapshot: Snapshot, command: OutboxCommand) => boolean;

/** Refusals a resend can outlast (the phone keeps the command); anything else is final. */
const TEMPORARY: ReadonlySet<string> = new Set([ErrorCode.RateLimited, ErrorCode.Internal, ErrorCode.HandRaised, ErrorCode.PhaseClosed]);
const DEFAULT_RATE_LIMIT_WAIT_MS = 2_000;
const RETRY_BASE_MS = 1_000;
const RETRY_MAX_MS = 30_000;

/**
 * `backoff`: the phone's rules (above). `fixed`: the rules before issue 17, kept to measure
 * against in the same conditions: the same command again as soon as a 5 s ack timeout passes,
 * an answer after that timeout ignored.
 */
export type ResendRule = 'backoff' | 'fixed';

export class BenchOutbox {
  private readonly queue: OutboxCommand[] = [];
  private inFlight: string | null = null;
  /** Reconnected with a dropped command: nothing leaves before the snapshot says whether it was stored. */
  private awaitingSnapshot = false;
  /** Bumped when a send in flight must be forgotten (a drop). */
  private attempt = 0;
  /** The head was in flight when the connection dropped: its next send is a resend. */
  private dropped = false;
  /** Resends of the head over the current connection (the back-off's step). */
  private resends = 0;
  private resendTimer: ReturnType<typeof setTimeout> | null = null;
  private waitTimer: ReturnType<typeof setTimeout> | null = null;
  private retryDelayMs = RETRY_BASE_MS;

  constructor(
    private readonly socket: Socket,
    private readonly events: OutboxEvents,
    private readonly rule: ResendRule = 'backoff',
    private readonly storedIn: StoredIn = () => false,
  ) {
    socket.on('connect', () => {
      this.retryDelayMs = RETRY_BASE_MS;
      this.clearWait();
      this.awaitingSnapshot = this.dropped && rule === 'backoff';
      this.pump();
    });
    socket.on('workshop:snapshot', (snapshot: Snapshot) => {
      if (!this.awaitingSnapshot) return;
      this.awaitingSnapshot = false;
      const head = this.queue[0];
      if (this.dropped && head && this.storedIn(snapshot, head)) {
        this.dropped = false;
        this.events.onConfirmed();
        return this.done(() => this.events.onAck(head));
      }
      this.pump();
    });
    socket.on('disconnect', () => {
      this.attempt++;
      if (this.inFlight !== null) this.dropped = true;
      this.awaitingSnapshot = false;
      this.settle();
    });
  }

  get size(): number {
    return this.queue.length;
  }

  push(command: OutboxCommand): void {
    this.queue.push(command);
    this.pump();
  }

  /** Stops the timers (the run is over). */
  stop(): void {
    this.clearWait();
    this.settle();
  }

  private pump(): void {
    const head = this.queue[0];
    if (!this.socket.connected || this.inFlight !== null || this.waitTimer !== null || this.awaitingSnapshot || !head) return;
    const attempt = this.attempt;
    this.inFlight = head.id;
    this.resends = 0;
    if (this.dropped) this.events.onResend('reconnection');
    this.dropped = false;
    if (this.rule === 'fixed') return this.sendFixed(head, attempt);
    const send = (): void => {
      this.socket.emit(head.event, head.payload, (ack: AckReply) => {
        if (attempt !== this.attempt || this.inFlight !== head.id) return; // a drop forgot it, or another send's answer settled it
        this.settle();
        this.answer(head, ack);
      });
      this.resendTimer = setTimeout(() => {
        this.resendTimer = null;
        if (attempt !== this.attempt || this.inFlight !== head.id || !this.socket.connected) return;
        this.resends++;
        this.events.onResend('timeout');
        send();
      }, resendDelayMs(this.resends));
    };
    send();
  }

  private sendFixed(head: OutboxCommand, attempt: number): void {
    this.socket.timeout(COMMAND_ACK_TIMEOUT_MS).emit(head.event, head.payload, (error: Error | null, ack?: AckReply) => {
      if (attempt !== this.attempt) return;
      this.settle();
      if (error || !ack) {
        this.events.onResend('timeout');
        return this.pump();
      }
      this.answer(head, ack);
    });
  }

  private answer(head: OutboxCommand, ack: AckReply): void {
    if (ack.ok) return this.done(() => this.events.onAck(head));
    if (ack.code === ErrorCode.RateLimited) {
      this.events.onRetry(ack.code);
      return this.wait(jittered(ack.retryAfterMs ?? DEFAULT_RATE_LIMIT_WAIT_MS));
    }
    if (TEMPORARY.has(ack.code)) {
      this.events.onRetry(ack.code);
      this.wait(jittered(this.retryDelayMs, 0.5));
      this.retryDelayMs = Math.min(this.retryDelayMs * 2, RETRY_MAX_MS);
      return;
    }
    this.done(() => this.events.onRefused(head, ack.code));
  }

  private settle(): void {
    if (this.resendTimer !== null) clearTimeout(this.resendTimer);
    this.resendTimer = null;
    this.inFlight = null;
    this.resends = 0;
  }

  private done(report: () => void): void {
    this.queue.shift();
    this.retryDelayMs = RETRY_BASE_MS;
    report();
    this.pump();
  }

  private wait(ms: number): void {
    this.clearWait();
    this.waitTimer = setTimeout(
      () => {
        this.waitTimer = null;
        this.pump();
      },
      Math.max(0, ms),
    );
  }

  private clearWait(): void {
    if (this.waitTimer === null) return;
    clearTimeout(this.waitTimer);
    this.waitTimer = null;
  }
}

/**
 * As the phone does (client/src/socket/useWorkshopSocket.ts): socket.io does not reconnect by
 * itself after a refused handshake or a disconnection by the server; the phone tries again after
 * a pause unless the refusal is final (bad token, old protocol…).
 */
const HANDSHAKE_RETRY_MS = 3_000;
const FINAL_HANDSHAKE_REFUSALS: ReadonlySet<string> = new Set([
  ErrorCode.Unauthorized,
  ErrorCode.Forbidden,
  ErrorCode.MemberRequired,
  ErrorCode.ProtocolMismatch,
  ErrorCode.NotFound,
  ErrorCode.BadRequest,
]);

export function reconnectLikeThePhone(socket: Socket, closing: () => boolean, report: (kind: 'retry' | 'final', code: string) => void): void {
  const again = (ms: number): void => {
    setTimeout(() => {
      if (!closing() && !socket.connected && !socket.active) socket.connect();
    }, ms);
  };
  socket.on('connect_error', (error: Error & { data?: { code?: string } }) => {
    if (socket.active || closing()) return; // socket.io retries network errors by itself
    const code = error.data?.code ?? 'error';
    if (FINAL_HANDSHAKE_REFUSALS.has(code)) return report('final', `handshake ${code}`);
    report('retry', `handshake ${code}`);
    again(HANDSHAKE_RETRY_MS);
  });
  socket.on('disconnect', (reason) => {
    if (reason !== 'io server disconnect' || closing()) return;
    report('retry', 'dropped by the server');
    again(HANDSHAKE_RETRY_MS / 3);
  });
}
