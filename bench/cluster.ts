/**
 * `npm run bench:cluster`: N participants (real socket.io clients in load-generator processes)
 * spread over the nodes of a local cluster (scripts/cluster.mjs: Redis, one shared SQLite file),
 * in one workshop with three sites: some post ideas, then everyone sticks a gommette. One
 * projector per node; each tap is timed to the projector of ANOTHER node (tap → idea card, tap →
 * results that include the gommette). The same on a single node without Redis, for comparison.
 * Prints p50/p95 tap-to-projector latency, per-node peak RSS, and checks every acked tap arrived.
 * Bounded: handshakes stop after `--connect-budget` seconds per scenario and the run goes on with
 * the participants connected by then (it says how many), the whole run within `--timeout`.
 *
 *   npm run bench:cluster -- --participants 10000 --workers 4 --connect-budget 75 --timeout 290 [--store pg]
 *
 * `--store pg` runs both scenarios on PostgreSQL (a scratch database each), as a cluster of
 * several machines would; by default the nodes share one SQLite file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, Role, type CreateWorkshopResponse, type IdeaView, type RoundView, type VoteResults } from '@gommette/shared';
import { startCluster, type LocalCluster } from '../scripts/cluster.mjs';
import { residentRecord } from '../server/src/store/records';
import { hashSecret, newCardCode, newId, newToken } from '../server/src/security/tokens';
import { openSqliteDatabase } from '../server/src/store/sqlite/database';
import { SqliteWorkshopStore } from '../server/src/store/sqlite/SqliteWorkshopStore';
import { openPgStores } from '../server/src/store/pg/openPgStores';
import { createScratchDatabase } from '../server/src/store/pg/scratchDatabase';
import type { WorkshopStore } from '../server/src/store/WorkshopStore';
import { benchPostgresUrl, forkTs, killChildren } from './children';
import type { ClusterWorkerReply, ClusterWorkerRequest, Tap } from './clusterIpc';
import { measureBoardRelay } from './boardRelay';
import { benchClock } from './ipc';
import { summarize, type LatencySummary } from './stats';

const MB = 1024 * 1024;
const RSS_SAMPLE_MS = 250;
const DRAIN_MS = 10_000;
const ACK_TIMEOUT_MS = 60_000;
const HANDSHAKES_PER_WORKER = 50;
const BOARD_CHANGES = 100;
/** Ideas posted (then voted on): under the round's cap of MAX_ROUND_IDEAS. */
const ROUND_IDEAS = 150;

const { values } = parseArgs({
  options: {
    participants: { type: 'string', default: '10000' },
    nodes: { type: 'string', default: '3' },
    workers: { type: 'string', default: '4' },
    /**
     * The load processes' scheduling priority: `low` (nice 10, the default) or `normal`. They stand
     * for 10,000 phones, each with its own processor; here they share the server's two cores, and
     * at `low` they get what the nodes leave. A tap is timed from its emit in the load process, so
     * a tap that waits there for a core counts against the server all the same.
     */
    'load-priority': { type: 'string', default: 'low' },
    'ideas-every': { type: 'string', default: '10' },
    /** Per scenario: handshakes stop after this long, and the run goes on with those connected. */
    'connect-budget': { type: 'string', default: '75' },
    timeout: { type: 'string', default: '290' },
    /** Run one scenario only: `single` (one node) or `cluster`. */
    only: { type: 'string', default: 'both' },
    /** The store of both scenarios: one SQLite file (shared by the nodes), or PostgreSQL (a scratch database each). */
    store: { type: 'string', default: 'sqlite' },
  },
});
const participants = Number(values.participants);
const nodeCount = Number(values.nodes);
const workerCount = Number(values.workers);
const LOAD_NICES: Record<string, number> = { low: 10, normal: 0 };
if (!(values['load-priority'] in LOAD_NICES)) throw new Error(`--load-priority must be low or normal, got "${values['load-priority']}"`);
const LOAD_NICE = LOAD_NICES[values['load-priority']]!;
const ideasEvery = Number(values['ideas-every']);
const connectBudgetMs = Number(values['connect-budget']) * 1000;
const deadline = Date.now() + Number(values.timeout) * 1000;
const only = values.only;
if (only !== 'both' && only !== 'single' && only !== 'cluster') throw new Error(`--only must be single or cluster, got "${only}"`);
const storeKind = values.store;
if (storeKind !== 'sqlite' && storeKind !== 'pg') throw new Error(`--store must be sqlite or pg, got "${storeKind}"`);

function remaining(): number {
  const left = deadline - Date.now();
  if (left <= 0) throw new Error('bench timeout');
  return left;
}

interface Projector {
  node: number;
  ideas: Map<string, number>;
  results: Array<[number, number]>;
  close(): void;
}

function openSocket(url: string, auth: Record<string, unknown>): Promise<Socket> {
  const socket = io(url, { transports: ['websocket'], auth: { protocol: PROTOCOL_VERSION, ...auth }, reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no snapshot')), 30_000);
    socket.once('workshop:snapshot', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('connect_error', reject);
  });
}

async function openProjector(url: string, node: number, workshop: CreateWorkshopResponse): Promise<Projector> {
  const ideas = new Map<string, number>();
  const results: Array<[number, number]> = [];
  const socket = await openSocket(url, { role: Role.Screen, workshopId: workshop.id, token: workshop.screenToken });
  socket.on('ideas:added', (added: IdeaView[]) => {
    const at = benchClock();
    for (const idea of added) if (!ideas.has(idea.id)) ideas.set(idea.id, at);
  });
  socket.on('vote:results', (shown: VoteResults) => results.push([shown.version, benchClock()]));
  return { node, ideas, results, close: () => socket.close() };
}

/** When this projector first showed a results version ≥ v. */
function shownAt(arrivals: ReadonlyArray<[number, number]>, version: number): number | null {
  let max = -Infinity;
  for (const [seen, at] of arrivals) {
    max = Math.max(max, seen);
    if (max >= version) return at;
  }
  return null;
}

async function createWorkshop(url: string): Promise<CreateWorkshopResponse> {
  const response = await fetch(`${url}/api/workshops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title: 'Tenir la charge',
      question: 'Quelle invention fabriquer avec les centres sociaux ?',
      purpose: 'Votre participation servira à choisir une invention que les jeunes fabriqueront avec le centre social.',
      sites: [{ name: 'Centre social' }, { name: 'Maison du quartier' }, { name: 'Collège' }],
    }),
  });
  if (response.status !== 201) throw new Error(`workshop creation failed: ${response.status}`);
  return (await response.json()) as CreateWorkshopResponse;
}

/** Participants straight into the shared store (the REST join route's per-address limit would stop a bench). */
async function seed(cluster: LocalCluster, databaseUrl: string | null, workshop: CreateWorkshopResponse, count: number): Promise<string[]> {
  let store: WorkshopStore;
  if (databaseUrl) store = (await openPgStores(databaseUrl)).store;
  else {
    const db = openSqliteDatabase(path.join(cluster.dataDir, 'gommette.sqlite'));
    // Seeding only: no fsync per participant (the nodes keep their own synchronous=FULL).
    db.pragma('synchronous = OFF');
    store = new SqliteWorkshopStore(db);
  }
  try {
    const tokens: string[] = [];
    for (let i = 0; i < count; i++) {
      const site = workshop.sites[i % workshop.sites.length]!;
      const token = newToken();
      await store.createParticipant(
        residentRecord({
          id: newId(),
          workshopId: workshop.id,
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

function rssOf(pid: number | null): number {
  if (pid === null) return 0;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

class Worker {
  private readonly child = forkTs('clusterWorker.ts');
  private waiting: { resolve: (reply: ClusterWorkerReply) => void; reject: (error: Error) => void } | null = null;

  constructor() {
    if (LOAD_NICE !== 0) os.setPriority(this.child.pid!, LOAD_NICE);
    this.child.on('message', (reply: ClusterWorkerReply) => {
      const waiting = this.waiting;
      this.waiting = null;
      if (reply.type === 'error') waiting?.reject(new Error(reply.message));
      else waiting?.resolve(reply);
    });
    this.child.once('exit', (code) => this.waiting?.reject(new Error(`worker exited (${code})`)));
  }

  ask<T extends ClusterWorkerReply['type']>(request: ClusterWorkerRequest, expected: T): Promise<Extract<ClusterWorkerReply, { type: T }>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`worker: no ${expected}`)), remaining());
      this.waiting = {
        resolve: (reply) => {
          clearTimeout(timer);
          if (reply.type !== expected) reject(new Error(`worker: ${reply.type} instead of ${expected}`));
          else resolve(reply as Extract<ClusterWorkerReply, { type: T }>);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.child.send(request);
    });
  }
}

interface Phase {
  taps: number;
  errors: Record<string, number>;
  durationS: number;
  latency: LatencySummary;
  unseen: number;
}

interface ScenarioResult {
  name: string;
  connected: number;
  connectS: number;
  failed: Record<string, number>;
  ideas: Phase;
  votes: Phase;
  rssMb: number[];
  board: LatencySummary;
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 50));
}

async function scenario(name: string, nodes: number, redis: boolean): Promise<ScenarioResult> {
  const database = storeKind === 'pg' ? await createScratchDatabase(benchPostgresUrl()) : null;
  const cluster = await startCluster({ nodes, redis, logLevel: 'error', ...(database ? { databaseUrl: database.url } : {}) });
  const peaks = cluster.status().map(() => 0);
  const sampler = setInterval(() => {
    cluster.status().forEach((node, index) => (peaks[index] = Math.max(peaks[index]!, rssOf(node.pid))));
  }, RSS_SAMPLE_MS);
  const workers: Worker[] = [];
  const projectors: Projector[] = [];
  const sockets: Socket[] = [];
  try {
    const urls = cluster.urls.nodes;
    const workshop = await createWorkshop(urls[0]!);
    const seeding = Date.now();
    const tokens = await seed(cluster, database?.url ?? null, workshop, participants);
    console.log(`  ${name}: nodes up, ${participants} participants seeded in ${((Date.now() - seeding) / 1000).toFixed(1)} s`);
    for (const [node, url] of urls.entries()) projectors.push(await openProjector(url, node, workshop));
    // A tap made on node k is timed on the projector of node k+1 (another node, when there is one).
    const watcher = (node: number): Projector => projectors[(node + 1) % projectors.length]!;
    const facilitator = await openSocket(urls[0]!, { role: Role.Facilitator, workshopId: workshop.id, token: workshop.facilitatorToken });
    sockets.push(facilitator);

    const share = Math.ceil(participants / workerCount);
    const started = Date.now();
    const connectUntil = started + Math.min(connectBudgetMs, remaining());
    const connects = await Promise.all(
      Array.from({ length: workerCount }, async (_, w) => {
        const slice = tokens.slice(w * share, (w + 1) * share);
        const worker = new Worker();
        workers.push(worker);
        return worker.ask(
          {
            type: 'connect',
            urls,
            tokens: slice,
            nodes: slice.map((_, i) => (w * share + i) % nodes),
            concurrency: HANDSHAKES_PER_WORKER,
            ackTimeoutMs: ACK_TIMEOUT_MS,
            connectUntil,
          },
          'connected',
        );
      }),
    );
    const connectS = (Date.now() - started) / 1000;
    const connected = connects.reduce((sum, reply) => sum + reply.ok, 0);
    const failed: Record<string, number> = {};
    for (const reply of connects) for (const [code, n] of Object.entries(reply.failed)) failed[code] = (failed[code] ?? 0) + n;
    console.log(`  ${name}: ${connected}/${participants} connected in ${connectS.toFixed(1)} s`);

    const run = async (request: ClusterWorkerRequest, latencyOf: (tap: Tap) => number | null, drained: (taps: Tap[]) => boolean): Promise<Phase> => {
      const begin = Date.now();
      const replies = await Promise.all(workers.map((worker) => worker.ask(request, 'done')));
      const durationS = (Date.now() - begin) / 1000;
      const taps = replies.flatMap((reply) => reply.taps);
      const errors: Record<string, number> = {};
      for (const reply of replies) for (const [code, n] of Object.entries(reply.errors)) errors[code] = (errors[code] ?? 0) + n;
      await waitUntil(() => drained(taps), Math.min(DRAIN_MS, remaining()));
      const latencies: number[] = [];
      let unseen = 0;
      for (const tap of taps) {
        const latency = latencyOf(tap);
        if (latency === null) unseen++;
        else latencies.push(latency);
      }
      return { taps: taps.length, errors, durationS, latency: summarize(latencies), unseen };
    };

    const ideaShown = (tap: Tap): number | null => {
      const at = watcher(tap[0]).ideas.get(String(tap[2]));
      return at === undefined ? null : at - tap[1];
    };
    // A round holds at most MAX_ROUND_IDEAS ideas: fewer posters when many are connected.
    const every = Math.max(ideasEvery, Math.ceil(connected / ROUND_IDEAS));
    const ideas = await run({ type: 'ideas', every }, ideaShown, (taps) => taps.every((tap) => ideaShown(tap) !== null));

    const opened = (await facilitator.timeout(ACK_TIMEOUT_MS).emitWithAck('vote:open', {
      id: newId(),
      ideas: { from: 'all' },
      budget: 1,
      stacking: false,
      capPerIdea: null,
      selfVote: true,
      results: 'live',
      closesAt: null,
    })) as { ok: true; data: RoundView } | { ok: false; code: string; message: string };
    if (!opened.ok) throw new Error(`vote:open refused: ${opened.code} ${opened.message}`);
    const ideaIds = opened.data.ideas.map((idea) => idea.id);
    const resultShown = (tap: Tap): number | null => {
      const at = shownAt(watcher(tap[0]).results, Number(tap[2]));
      return at === null ? null : at - tap[1];
    };
    const shownFrom = Date.now();
    const shown = await Promise.all(workers.map((worker) => worker.ask({ type: 'round-shown', roundId: opened.data.id }, 'shown')));
    const roundShownS = (Date.now() - shownFrom) / 1000;
    const unshown = shown.reduce((sum, reply) => sum + reply.unshown, 0);
    console.log(
      `  ${name}: the round shows on every phone ${roundShownS.toFixed(1)} s after it opened${unshown > 0 ? ` (${unshown} phones never saw it)` : ''}`,
    );
    const votes = await run({ type: 'votes', roundId: opened.data.id, ideaIds }, resultShown, (taps) => taps.every((tap) => resultShown(tap) !== null));
    await Promise.all(workers.map((worker) => worker.ask({ type: 'close' }, 'closed').catch(() => null)));
    // A board change made through node 0, seen through node 1 (the Redis relay), or the same node alone.
    const board = await measureBoardRelay(urls[0]!, urls[1 % urls.length]!, workshop, BOARD_CHANGES);
    return { name, connected, connectS, failed, ideas, votes, rssMb: peaks.map((bytes) => bytes / MB), board };
  } finally {
    clearInterval(sampler);
    for (const projector of projectors) projector.close();
    for (const socket of sockets) socket.close();
    killChildren();
    await cluster.stop();
    await database?.drop();
  }
}

function line(phase: Phase): string {
  const errors =
    Object.entries(phase.errors)
      .map(([code, n]) => `${code}×${n}`)
      .join(' ') || 'none';
  return `${phase.taps} acked in ${phase.durationS.toFixed(1)} s · tap→projector p50 ${phase.latency.p50.toFixed(0)} ms, p95 ${phase.latency.p95.toFixed(0)} ms, max ${phase.latency.max.toFixed(0)} ms · unseen ${phase.unseen} · errors ${errors}`;
}

/** Taps not acked (errors other than a shed answered by a resend) or acked and never on the projector. */
function lostIn(phase: Phase): number {
  return phase.unseen + Object.entries(phase.errors).reduce((sum, [code, n]) => sum + (code === 'shed_then_resent' ? 0 : n), 0);
}

async function main(): Promise<number> {
  console.log(
    `bench:cluster: ${participants} participants, ${workerCount} load processes (${LOAD_NICE === 0 ? 'normal priority' : `nice ${LOAD_NICE}`}), one idea per ${ideasEvery} participants, one gommette each · ` +
      `load average ${os
        .loadavg()
        .map((load) => load.toFixed(2))
        .join(' ')}`,
  );
  const results: ScenarioResult[] = [];
  const on = storeKind === 'pg' ? 'PostgreSQL' : 'SQLite';
  if (only !== 'single') results.push(await scenario(`${nodeCount} nodes + Redis, ${on}`, nodeCount, true));
  if (only !== 'cluster') results.push(await scenario(`1 node, no Redis, ${on}`, 1, false));
  console.log('');
  for (const result of results) {
    const failed =
      Object.entries(result.failed)
        .map(([code, n]) => `${code}×${n}`)
        .join(' ') || 'none';
    console.log(`${result.name}: ${result.connected}/${participants} connected in ${result.connectS.toFixed(1)} s (refused/failed: ${failed})`);
    console.log(`  ideas  ${line(result.ideas)}`);
    console.log(`  votes  ${line(result.votes)}`);
    console.log(
      `  board  ${BOARD_CHANGES} changes, one at a time, node 0 → ${result.name.startsWith('1 node') ? 'node 0' : 'node 1'}: p50 ${result.board.p50.toFixed(1)} ms, p95 ${result.board.p95.toFixed(1)} ms`,
    );
    console.log(`  peak RSS per node: ${result.rssMb.map((mb, index) => `node ${index} ${mb.toFixed(0)} MB`).join(', ')}`);
  }
  const [cluster, single] = results.length === 2 ? (results as [ScenarioResult, ScenarioResult]) : [null, null];
  if (cluster && single) {
    const ratio = (a: number, b: number): string => (b > 0 ? `×${(a / b).toFixed(2)}` : 'n/a');
    console.log(
      `cluster ÷ single node, p95: ideas ${ratio(cluster.ideas.latency.p95, single.ideas.latency.p95)}, gommettes ${ratio(cluster.votes.latency.p95, single.votes.latency.p95)} (target ≤ ×1.2)`,
    );
  }
  console.log(
    `load average at the end: ${os
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')}`,
  );
  const lost = results.reduce((sum, result) => sum + lostIn(result.ideas) + lostIn(result.votes), 0);
  if (lost > 0) console.error(`BROKEN: ${lost} taps not acked or never on the projector`);
  return lost > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    killChildren();
    process.exit(1);
  },
);
