import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { Role } from '@gommette/shared';
import type { Config } from '../config';

export interface LiveState {
  roles: string[];
  workshops: number;
  boardSizes: number[];
}

/** How often the store and Redis are pinged for the health gauges. */
export const HEALTH_PING_INTERVAL_MS = 15_000;

/**
 * The server's Prometheus metrics, one registry per app (tests run several apps in one process).
 * Labels are fixed enumerations only (role, event name, ack code, store): never a workshop id,
 * a participant, a token or anything a resident wrote.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly commands = new Counter({
    name: 'gommette_commands_total',
    help: 'Commands acked, by event name and ack code (ok or the error code).',
    labelNames: ['event', 'code'] as const,
    registers: [this.registry],
  });
  readonly commandSeconds = new Histogram({
    name: 'gommette_command_duration_seconds',
    help: 'From a command received to its ack sent.',
    labelNames: ['event'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  /** Store operations, call to resolve; `kind="write"` is the commit latency (see storeTiming.ts). */
  readonly storeSeconds = new Histogram({
    name: 'gommette_store_duration_seconds',
    help: 'Store operations from call to result, by port and read or write (a write includes its commit).',
    labelNames: ['store', 'kind'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  /** Reads the live state at scrape time (set by the app); one read serves every gauge of a scrape. */
  private readState: (() => LiveState) | null = null;
  private state: LiveState = { roles: [], workshops: 0, boardSizes: [] };
  readonly sockets: Gauge<'role'> = new Gauge({
    name: 'gommette_sockets',
    help: 'Connected socket.io clients on this node, by role.',
    labelNames: ['role'] as const,
    registers: [this.registry],
    collect: () => {
      this.state = this.readState?.() ?? this.state;
      this.sockets.reset();
      for (const role of Object.values(Role)) this.sockets.set({ role }, 0);
      for (const role of this.state.roles) this.sockets.inc({ role });
    },
  });
  readonly workshopsLive: Gauge = new Gauge({
    name: 'gommette_workshops_live',
    help: 'Workshops with at least one socket connected to this node.',
    registers: [this.registry],
    collect: (): void => this.workshopsLive.set(this.state.workshops),
  });
  readonly boards: Gauge = new Gauge({
    name: 'gommette_board_documents',
    help: 'Board documents in memory on this node.',
    registers: [this.registry],
    collect: (): void => this.boards.set(this.state.boardSizes.length),
  });
  readonly boardBytes: Gauge = new Gauge({
    name: 'gommette_board_document_bytes',
    help: 'Encoded size of the board documents in memory, in bytes.',
    registers: [this.registry],
    collect: (): void => this.boardBytes.set(this.state.boardSizes.reduce((sum, size) => sum + size, 0)),
  });
  readonly health = new Gauge({
    name: 'gommette_dependency_up',
    help: '1 when the last ping of the store or Redis answered, else 0.',
    labelNames: ['dependency'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'gommette_' });
  }

  /** Counts one acked command and its latency (start from `process.hrtime.bigint()`). */
  recordAck(event: string, code: string, startedNs: bigint): void {
    this.commands.inc({ event, code });
    this.commandSeconds.observe({ event }, Number(process.hrtime.bigint() - startedNs) / 1e9);
  }

  /** Gauges read at scrape time from the live state. */
  onCollect(read: () => LiveState): void {
    this.readState = read;
  }

  /** Pings each dependency now and every HEALTH_PING_INTERVAL_MS; returns the stop function. */
  watchHealth(pings: Record<string, () => Promise<unknown>>): () => void {
    const run = (): void => {
      for (const [dependency, ping] of Object.entries(pings)) {
        ping().then(
          () => this.health.set({ dependency }, 1),
          () => this.health.set({ dependency }, 0),
        );
      }
    };
    run();
    const timer = setInterval(run, HEALTH_PING_INTERVAL_MS);
    timer.unref();
    return () => clearInterval(timer);
  }
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * GET /metrics: with METRICS_TOKEN, only `Authorization: Bearer <token>`; without it, only a
 * loopback client, and never behind a proxy (TRUST_PROXY > 0), where the proxy itself is local.
 */
export function metricsRoute(config: Config, metrics: Metrics): RequestHandler {
  return async (req, res) => {
    const header = req.headers.authorization ?? '';
    const allowed = config.metricsToken
      ? header.startsWith('Bearer ') && sameToken(header.slice('Bearer '.length), config.metricsToken)
      : config.trustProxy === 0 && LOOPBACK.has(req.socket.remoteAddress ?? '');
    if (!allowed) {
      res
        .status(config.metricsToken ? 401 : 403)
        .type('text/plain')
        .send('metrics refused\n');
      return;
    }
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  };
}
