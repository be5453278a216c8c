/**
 * Messages between the bench parent and its children (the server process and the load
 * workers), over the IPC channel `child_process.fork` opens. Every request has one reply of the
 * same `type`, and the parent never has two requests of one type in flight to one child.
 */
import type { ChildProcess } from 'node:child_process';

/**
 * The bench clock, in milliseconds: CLOCK_MONOTONIC (`process.hrtime`), which is one system-wide
 * clock on Linux and macOS, so a send time taken in a worker and a receipt time taken in the
 * parent are directly comparable. (`performance.timeOrigin + performance.now()` mixes in a
 * wall-clock sample taken when each process started; the parent checks comparability anyway.)
 */
export function benchClock(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

// ---------- parent ⇄ server process ----------

export type ServerRequest =
  /** Create `participants` participants spread over the sites of these join codes. */
  | { type: 'seed'; joinCodes: string[]; participants: number }
  /** `gc`: collect garbage first (when the server runs with --expose-gc), for a steady reading. */
  | { type: 'stats'; gc?: boolean }
  | { type: 'ideas'; workshopId: string }
  | { type: 'stop' };

export type ServerReply =
  | { type: 'listening'; port: number }
  | { type: 'seeded'; tokens: string[]; durationMs: number }
  | { type: 'stats'; rssBytes: number; peakRssBytes: number; hwmBytes: number | null; cpuMicros: number; heapUsedBytes: number }
  | { type: 'ideas'; ids: string[] }
  | { type: 'stopped' }
  | { type: 'error'; message: string };

// ---------- parent ⇄ load worker ----------

export interface ConnectOrder {
  url: string;
  tokens: string[];
  ideasPerClient: number;
  /** Handshakes in flight at once, so a ramp of hundreds does not overflow the accept backlog. */
  concurrency: number;
  ackTimeoutMs: number;
  /** Participant index of `tokens[0]` among all the run's participants. */
  firstIndex: number;
  /**
   * null: closed loop (each client posts its next idea as soon as the previous is acked).
   * Otherwise open loop: each client posts every `intervalMs` whether acks came or not, the
   * clients' first posts spread evenly over one interval (`offsetMs` × participant index).
   */
  openLoop: { intervalMs: number; offsetMs: number } | null;
}

export type WorkerRequest =
  | { type: 'clock' }
  | ({ type: 'connect' } & ConnectOrder)
  /** Start posting; `goAt` (bench clock) anchors the open-loop schedule of every worker. */
  | { type: 'go'; goAt: number }
  | { type: 'close' };

/** One posted idea: id, send time and ack time (bench clock), null when no ok ack came. */
export type SendRecord = [id: string, sentAt: number, ackedAt: number | null];

export interface WorkerResult {
  sends: SendRecord[];
  /** Error acks and failures, by code (`ack_timeout`, `disconnected` for client-side ones). */
  errors: Record<string, number>;
  /** Clients that lost their connection during the run. */
  disconnects: number;
  cpuMicros: number;
  /** Server events (not acks) the worker's phones received while posting, all together. */
  received: number;
  /** The most any one phone received while posting. */
  maxReceived: number;
  phones: number;
}

export type WorkerReply =
  | { type: 'clock'; now: number }
  | { type: 'connected'; ok: number; failed: Record<string, number> }
  | { type: 'done'; result: WorkerResult }
  | { type: 'closed' }
  | { type: 'error'; message: string };

// ---------- a typed channel over a forked child ----------

type Typed = { type: string };

/**
 * The parent's side of one child: typed `send`, and `next(type)` that resolves with the next
 * reply of that type (replies that arrive before anyone waits are queued). An `error` reply,
 * the child's exit or the timeout reject every pending wait.
 */
export class Channel<Req extends Typed, Rep extends Typed> {
  private readonly queue: Rep[] = [];
  private readonly waiters = new Set<{ type: string; resolve: (reply: Rep) => void; reject: (error: Error) => void }>();
  private failure: Error | null = null;

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    child.on('message', (message) => this.receive(message as Rep));
    child.on('exit', (code, signal) => this.fail(new Error(`${name} exited (code ${code}, signal ${signal})`)));
    child.on('error', (error) => this.fail(error));
  }

  send(request: Req): void {
    if (!this.child.connected) throw this.failure ?? new Error(`${this.name} is not connected`);
    this.child.send(request);
  }

  next<T extends Rep['type']>(type: T, timeoutMs: number): Promise<Extract<Rep, { type: T }>> {
    const queued = this.queue.findIndex((reply) => reply.type === type);
    if (queued >= 0) return Promise.resolve(this.queue.splice(queued, 1)[0] as Extract<Rep, { type: T }>);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const waiter = {
        type,
        resolve: (reply: Rep) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(reply as Extract<Rep, { type: T }>);
        },
        reject: (error: Error) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          reject(error);
        },
      };
      const timer = setTimeout(() => waiter.reject(new Error(`${this.name}: no "${type}" reply within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Sends a request and waits for its reply of type `replyType`. */
  ask<T extends Rep['type']>(request: Req, replyType: T, timeoutMs: number): Promise<Extract<Rep, { type: T }>> {
    const reply = this.next(replyType, timeoutMs);
    this.send(request);
    return reply;
  }

  private receive(reply: Rep): void {
    if (reply.type === 'error') {
      const message = (reply as Typed & { message?: unknown }).message;
      this.fail(new Error(`${this.name}: ${String(message)}`));
      return;
    }
    for (const waiter of this.waiters) {
      if (waiter.type === reply.type) {
        waiter.resolve(reply);
        return;
      }
    }
    this.queue.push(reply);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of [...this.waiters]) waiter.reject(this.failure);
  }
}

/** The child's side: a reply to the parent, resolved once handed to the channel (safe to exit after). */
export function replyToParent<Rep extends Typed>(reply: Rep): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!process.send) throw new Error('this file runs as a child of bench/ideas.ts (child_process.fork)');
    process.send(reply, undefined, undefined, (error: Error | null) => (error ? reject(error) : resolve()));
  });
}

/** The child's side: reports a fatal error to the parent, then exits. */
export function failToParent(error: unknown): void {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  replyToParent({ type: 'error', message }).finally(() => process.exit(1));
}

/** The child's side: handles each request; a thrown error becomes an `error` reply. */
export function onParentRequest<Req extends Typed>(handle: (request: Req) => Promise<void>): void {
  process.on('message', (message) => {
    handle(message as Req).catch(failToParent);
  });
  // The parent gone (killed, crashed): nothing left to serve.
  process.on('disconnect', () => process.exit(1));
}
