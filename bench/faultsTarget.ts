/**
 * What `npm run bench:faults` runs against and kills: a `Target` starts the server (one node, or
 * the three-node cluster), gives the addresses clients connect to, kills with SIGKILL, restarts on
 * the same port and data, and reads the store at the end. Both targets keep the store in one
 * SQLite file (WAL), which the bench reads read-only; the participants are seeded through the
 * store port in that file (the join route allows 120 joins a minute per address, and every bench
 * client is 127.0.0.1).
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { hashSecret, newCardCode, newId, newToken } from '../server/src/security/tokens';
import { residentRecord } from '../server/src/store/records';
import { openPgStores } from '../server/src/store/pg/openPgStores';
import { createScratchDatabase } from '../server/src/store/pg/scratchDatabase';
import { benchPostgresUrl } from './children';
import { openSqliteStores } from '../server/src/store/sqlite/openSqliteStores';
import type { Stores } from '../server/src/store/stores';
import { buildServer } from '../scripts/build-server.mjs';
import { startCluster, type LocalCluster } from '../scripts/cluster.mjs';
import { forkNode, forkTs, removeOnExit } from './children';

/** What the store holds for one workshop: every idea row's id, every standing gommette. */
export interface StoreContents {
  ideaIds: string[];
  gommettes: Array<{ id: string; roundId: string; voterId: string }>;
}

export interface KillReport {
  /** Which node died (0 for the single server). */
  node: number;
}

export interface Target {
  readonly name: string;
  start(): Promise<void>;
  /** Where clients connect: spread clients over them (one URL: the server, or the balancer). */
  urls(): string[];
  /** Participants over the workshop's sites; returns their tokens. */
  seed(joinCodes: string[], participants: number): Promise<string[]>;
  /** SIGKILL one node (the single server, or the next cluster node in turn). */
  killOne(): Promise<KillReport>;
  /** SIGKILL every node. */
  killAll(): Promise<void>;
  /** Restarts what was killed, on the same port and data; resolves once it answers /healthz. */
  restart(): Promise<void>;
  readStore(workshopId: string): Promise<StoreContents>;
  stop(): Promise<void>;
  /** At once, on the watchdog's way out: SIGKILL every process it started. */
  abort(): void;
}

const HEALTH_POLL_MS = 50;
/** A restarted server is flooded by every client at once: its first answers may be slow. */
const HEALTH_REQUEST_TIMEOUT_MS = 5_000;
const START_TIMEOUT_MS = 90_000;
const STOP_GRACE_MS = 5_000;
const DATABASE_FILE = 'gommette.sqlite';

/** Polls `GET /healthz` until it answers 200 (bounded). */
export async function waitHealthy(url: string, timeoutMs = START_TIMEOUT_MS): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(HEALTH_REQUEST_TIMEOUT_MS) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, HEALTH_POLL_MS));
  }
  throw new Error(`${url} did not become healthy within ${timeoutMs} ms`);
}

/** A free loopback port (the server restarts on the same one, so it cannot take port 0 itself). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Creates participants through the store port, in the server's own SQLite file (WAL: the server may run). */
export function seedSqlite(file: string, joinCodes: string[], participants: number): Promise<string[]> {
  return seedThrough(openSqliteStores(file), joinCodes, participants);
}

/** Creates participants through the store port of `stores`, then closes it. */
async function seedThrough(stores: Stores, joinCodes: string[], participants: number): Promise<string[]> {
  const { store } = stores;
  try {
    const sites = await Promise.all(joinCodes.map((code) => store.getSiteByJoinCode(code)));
    const tokens: string[] = [];
    for (let i = 0; i < participants; i++) {
      const site = sites[i % sites.length];
      if (!site) throw new Error('unknown join code');
      const token = newToken();
      await store.createParticipant(
        residentRecord({
          id: newId(),
          workshopId: site.workshopId,
          siteId: site.id,
          cardHash: hashSecret(newCardCode()),
          nickname: null,
          mood: 'sunny',
          createdAt: Date.now(),
        }),
        hashSecret(token),
      );
      tokens.push(token);
    }
    return tokens;
  } finally {
    await store.close();
  }
}

/** The same reads as `readSqliteStore`, on the cluster's PostgreSQL database. */
async function readPgStore(url: string, workshopId: string): Promise<StoreContents> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const ideas = await client.query<{ id: string }>(`SELECT id FROM ideas WHERE workshop_id = $1`, [workshopId]);
    const gommettes = await client.query<StoreContents['gommettes'][number]>(
      `SELECT g.id AS "id", g.round_id AS "roundId", g.voter_id AS "voterId" FROM vote_gommettes g
       JOIN vote_rounds r ON r.id = g.round_id WHERE r.workshop_id = $1 AND NOT g.taken_back`,
      [workshopId],
    );
    return { ideaIds: ideas.rows.map((row) => row.id), gommettes: gommettes.rows };
  } finally {
    await client.end();
  }
}

/** Reads one workshop's ideas and standing gommettes, read-only. */
export function readSqliteStore(file: string, workshopId: string): StoreContents {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const ideaIds = (db.prepare(`SELECT id FROM ideas WHERE workshop_id = ?`).all(workshopId) as Array<{ id: string }>).map((row) => row.id);
    const gommettes = db
      .prepare(
        `SELECT g.id AS id, g.round_id AS roundId, g.voter_id AS voterId FROM vote_gommettes g
         JOIN vote_rounds r ON r.id = g.round_id WHERE r.workshop_id = ? AND g.taken_back = 0`,
      )
      .all(workshopId) as StoreContents['gommettes'];
    return { ideaIds, gommettes };
  } finally {
    db.close();
  }
}

function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

const SERVER_ENTRY = '../server/src/index.ts';
const BUNDLE = '../node_modules/.cache/gommette-bench-faults/server.mjs';

/**
 * server/src/index.ts in one ES module, built as `npm run build` builds it (scripts/build-server.mjs),
 * as a deployment runs it: a restart then costs Node's start, not tsx transpiling every file again
 * (about 2.6 s of CPU, three times the bundle's). Its own file, so a run never replaces dist/server.
 */
export async function bundleServer(): Promise<string> {
  await buildServer(path.resolve(import.meta.dirname, BUNDLE));
  return BUNDLE;
}

/** How the single server runs: from the bundle, or from the sources under tsx as `npm start` does. */
export type ServerMode = 'bundle' | 'tsx';

/** One server process (server/src/index.ts) on SQLite in a fresh DATA_DIR, restarted on the same port and file. */
export class SingleTarget implements Target {
  readonly name: string;
  private dataDir = '';
  private port = 0;
  private entry = SERVER_ENTRY;
  private child: ChildProcess | null = null;
  private cleanup: { forget: () => void } | null = null;

  constructor(private readonly mode: ServerMode) {
    this.name = `single node (SQLite, server ${mode === 'bundle' ? 'bundled with esbuild' : 'under tsx'})`;
  }

  async start(): Promise<void> {
    if (this.mode === 'bundle') this.entry = await bundleServer();
    this.dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'gommette-bench-faults-'));
    this.cleanup = removeOnExit(this.dataDir);
    this.port = await freePort();
    await this.spawn();
  }

  urls(): string[] {
    return [`http://127.0.0.1:${this.port}`];
  }

  seed(joinCodes: string[], participants: number): Promise<string[]> {
    return seedSqlite(path.join(this.dataDir, DATABASE_FILE), joinCodes, participants);
  }

  async killOne(): Promise<KillReport> {
    await this.killAll();
    return { node: 0 };
  }

  async killAll(): Promise<void> {
    const child = this.child;
    if (!child) throw new Error('the server is not running');
    child.kill('SIGKILL');
    this.child = null;
    if (!(await exited(child, STOP_GRACE_MS))) throw new Error('the server outlived SIGKILL');
  }

  async restart(): Promise<void> {
    await this.spawn();
  }

  async readStore(workshopId: string): Promise<StoreContents> {
    return readSqliteStore(path.join(this.dataDir, DATABASE_FILE), workshopId);
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (child) {
      child.kill('SIGTERM');
      if (!(await exited(child, STOP_GRACE_MS))) child.kill('SIGKILL');
    }
    await fs.rm(this.dataDir, { recursive: true, force: true });
    this.cleanup?.forget();
  }

  abort(): void {
    this.child?.kill('SIGKILL');
  }

  private async spawn(): Promise<void> {
    const env = { PORT: String(this.port), HOST: '127.0.0.1', DATA_DIR: this.dataDir, LOG_LEVEL: 'error', CLIENT_DIR: path.join(this.dataDir, 'no-client') };
    this.child = this.mode === 'bundle' ? forkNode(this.entry, env) : forkTs(this.entry, env);
    await waitHealthy(this.urls()[0]!);
  }
}

const CLUSTER_NODES = 3;

/**
 * The three-node cluster of scripts/cluster.mjs (Redis, three nodes on one SQLite file, a
 * balancer that fails over to a live node): clients connect through the balancer, and each kill
 * takes down one node, the next in turn; `restart` boots it again on its port.
 */
export class ClusterTarget implements Target {
  readonly name: string;
  private cluster: LocalCluster | null = null;
  /** With `store: 'pg'`: a scratch PostgreSQL database for the nodes, dropped at the end. */
  private database: { url: string; drop: () => Promise<void> } | null = null;
  private dataDir = '';
  private cleanup: { forget: () => void } | null = null;
  private nextVictim = 0;
  private killed: number[] = [];

  constructor(private readonly store: 'sqlite' | 'pg' = 'sqlite') {
    this.name = `three-node cluster (${store === 'pg' ? 'PostgreSQL' : 'one SQLite file'}, Redis, balancer with failover)`;
  }

  async start(): Promise<void> {
    this.dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'gommette-bench-faults-cluster-'));
    this.cleanup = removeOnExit(this.dataDir);
    if (this.store === 'pg') this.database = await createScratchDatabase(benchPostgresUrl());
    // The nodes run the bundle, as deployed: a restart costs Node's start, not tsx's transpiling.
    const entry = path.resolve(import.meta.dirname, await bundleServer());
    this.cluster = await startCluster({
      nodes: CLUSTER_NODES,
      dataDir: this.dataDir,
      logLevel: 'error',
      entry,
      ...(this.database ? { databaseUrl: this.database.url } : {}),
    });
  }

  urls(): string[] {
    return [this.running().urls.balancer];
  }

  async seed(joinCodes: string[], participants: number): Promise<string[]> {
    if (this.database) return seedThrough(await openPgStores(this.database.url), joinCodes, participants);
    return seedSqlite(path.join(this.dataDir, DATABASE_FILE), joinCodes, participants);
  }

  async killOne(): Promise<KillReport> {
    const node = this.nextVictim;
    this.nextVictim = (this.nextVictim + 1) % CLUSTER_NODES;
    await this.running().kill(node);
    this.killed.push(node);
    return { node };
  }

  readonly nodes = CLUSTER_NODES;

  /** SIGTERM node `node` (a graceful stop, as systemd sends it); resolves when it has exited. */
  async terminate(node: number): Promise<void> {
    await this.running().kill(node, 'SIGTERM');
  }

  /** Boots node `node` again on its port; resolves once it answers /healthz. */
  async restartNode(node: number): Promise<void> {
    await this.running().restart(node);
  }

  async killAll(): Promise<void> {
    for (let node = 0; node < CLUSTER_NODES; node++) {
      await this.running().kill(node);
      this.killed.push(node);
    }
  }

  async restart(): Promise<void> {
    for (const node of this.killed.splice(0)) await this.running().restart(node);
  }

  async readStore(workshopId: string): Promise<StoreContents> {
    if (this.database) return readPgStore(this.database.url, workshopId);
    return readSqliteStore(path.join(this.dataDir, DATABASE_FILE), workshopId);
  }

  async stop(): Promise<void> {
    await this.cluster?.stop();
    this.cluster = null;
    await this.database?.drop();
    this.database = null;
    await fs.rm(this.dataDir, { recursive: true, force: true });
    this.cleanup?.forget();
  }

  abort(): void {
    for (const node of this.cluster?.status() ?? []) {
      if (node.alive && node.pid !== null) process.kill(node.pid, 'SIGKILL');
    }
  }

  private running(): LocalCluster {
    if (!this.cluster) throw new Error('the cluster is not started');
    return this.cluster;
  }
}
