/**
 * One measurement at one participant count, with a fresh server process and data directory:
 * create the workshop (REST), seed participants (server process), connect the screen (here)
 * and the participants (load workers), post, then collect and cross-check everything.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CreateWorkshopResponse } from '@gommette/shared';
import { analyseIdeas, type IdeaFigures } from './analysis';
import { forkServer, forkTs, removeOnExit } from './children';
import { benchClock, Channel, type SendRecord, type ServerReply, type ServerRequest, type WorkerReply, type WorkerRequest } from './ipc';
import { openScreen } from './screen';

export interface RunOptions {
  participants: number;
  ideasPerClient: number;
  /** Offered load in ideas/s over all participants (open loop); null for a closed loop. */
  rate: number | null;
  workers: number;
  /** Handshakes in flight at once, per worker. */
  connectConcurrency: number;
  /** Ack wait before a post counts as `ack_timeout`. */
  ackTimeoutMs: number;
  /** Wait for the screen's last ideas after the last ack. */
  drainMs: number;
  /** Whole-run budget (epoch ms): every step's wait is bounded by what remains of it. */
  deadline: number;
  /** Progress lines. */
  log: (message: string) => void;
}

export interface RunResult extends IdeaFigures {
  participants: number;
  /** How the load was driven, in words. */
  load: string;
  /** Offered ideas/s (open loop), null for the closed loop. */
  rate: number | null;
  workers: number;
  connected: number;
  connectFailures: Record<string, number>;
  errors: Record<string, number>;
  disconnects: number;
  /** Server events per phone per second while posting: the mean, and the busiest phone's. */
  phoneMessagesPerS: number;
  phoneMessagesPerSMax: number;
  seedS: number;
  serverIdleRssMb: number;
  serverPeakRssMb: number;
  serverKernelPeakRssMb: number | null;
  /** CPU time over the posting phase, as % of one core. */
  serverCpuPct: number;
  /** Server CPU time over the posting phase divided by the ideas acked. */
  serverCpuMsPerIdea: number;
  workersCpuPct: number;
  /** This process (orchestration and the screen client). */
  parentCpuPct: number;
  /** Largest disagreement seen between the parent's and a worker's bench clock, in ms. */
  clockSkewMs: number;
}

const MB = 1024 * 1024;
const SETTLE_MS = 500;
const EXIT_GRACE_MS = 2_000;

/** Resolves when the child has exited, or after `ms` (the caller then kills it). */
function exited(child: ChildProcess, ms: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** What remains of the budget, failing when it is spent. */
function remaining(deadline: number): number {
  const left = deadline - Date.now();
  if (left <= 0) throw new Error('run timeout');
  return left;
}

async function createWorkshop(url: string, sites: number): Promise<CreateWorkshopResponse> {
  const response = await fetch(`${url}/api/workshops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title: 'Être acteur de son quartier',
      question: 'Comment aider les personnes sans abri dans leur quotidien ?',
      purpose: 'Votre participation servira à choisir une invention que les jeunes fabriqueront avec le centre social.',
      sites: Array.from({ length: sites }, (_, i) => ({ name: `Centre social ${i + 1}` })),
    }),
  });
  if (response.status !== 201) throw new Error(`workshop creation failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as CreateWorkshopResponse;
}

/**
 * Asks a worker for its clock between two readings of ours: on one system-wide clock the
 * worker's reading falls in between; returns how far outside it fell (0 when inside).
 */
async function clockSkew(worker: Channel<WorkerRequest, WorkerReply>, deadline: number): Promise<number> {
  const before = benchClock();
  const { now } = await worker.ask({ type: 'clock' }, 'clock', remaining(deadline));
  const after = benchClock();
  return Math.max(0, before - now, now - after);
}

/** Splits tokens into `parts` contiguous shares of near-equal size, with each share's first index. */
function shares<T>(items: ReadonlyArray<T>, parts: number): Array<{ firstIndex: number; items: T[] }> {
  const size = Math.ceil(items.length / parts);
  return Array.from({ length: parts }, (_, i) => ({ firstIndex: i * size, items: items.slice(i * size, (i + 1) * size) })).filter(
    (share) => share.items.length > 0,
  );
}

function addCounts(into: Record<string, number>, from: Record<string, number>): void {
  for (const [code, count] of Object.entries(from)) into[code] = (into[code] ?? 0) + count;
}

export async function runOnce(options: RunOptions): Promise<RunResult> {
  const { deadline, log } = options;
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'gommette-bench-'));
  const dataDirCleanup = removeOnExit(dataDir);
  const server = new Channel<ServerRequest, ServerReply>('server', await forkServer('serverProcess.ts', { BENCH_DATA_DIR: dataDir }));
  const workers: Array<Channel<WorkerRequest, WorkerReply>> = [];
  let closeScreen = (): void => {};
  try {
    const { port } = await server.next('listening', remaining(deadline));
    const url = `http://127.0.0.1:${port}`;
    const workshop = await createWorkshop(url, 3);
    const seeded = await server.ask(
      { type: 'seed', joinCodes: workshop.sites.map((site) => site.joinCode), participants: options.participants },
      'seeded',
      remaining(deadline),
    );
    log(`server on ${url}, workshop ${workshop.id}, ${seeded.tokens.length} participants seeded in ${(seeded.durationMs / 1000).toFixed(2)} s`);

    const tokenShares = shares(seeded.tokens, options.workers);
    for (const [i] of tokenShares.entries()) workers.push(new Channel(`load worker ${i + 1}`, forkTs('loadWorker.ts')));
    let clockSkewMs = 0;
    for (const worker of workers) clockSkewMs = Math.max(clockSkewMs, await clockSkew(worker, deadline));

    const screen = await openScreen(url, workshop.id, workshop.screenToken, remaining(deadline));
    closeScreen = () => screen.close();

    const connectReplies = await Promise.all(
      workers.map((worker, i) =>
        worker.ask(
          {
            type: 'connect',
            url,
            tokens: tokenShares[i]?.items ?? [],
            ideasPerClient: options.ideasPerClient,
            concurrency: options.connectConcurrency,
            ackTimeoutMs: options.ackTimeoutMs,
            firstIndex: tokenShares[i]?.firstIndex ?? 0,
            // Each participant posts every N/rate s, their first posts spread over one interval.
            openLoop: options.rate === null ? null : { intervalMs: (options.participants / options.rate) * 1000, offsetMs: 1000 / options.rate },
          },
          'connected',
          remaining(deadline),
        ),
      ),
    );
    const connected = connectReplies.reduce((sum, reply) => sum + reply.ok, 0);
    const connectFailures: Record<string, number> = {};
    for (const reply of connectReplies) addCounts(connectFailures, reply.failed);
    log(`${connected}/${options.participants} participants connected through ${workers.length} load worker(s), screen connected`);

    // Let the join storm's presence broadcasts pass before the clock starts.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const statsBefore = await server.ask({ type: 'stats' }, 'stats', remaining(deadline));
    const statsBeforeAt = benchClock();

    const parentCpuBefore = process.cpuUsage();
    const goAt = benchClock();
    const done = workers.map((worker) => worker.next('done', remaining(deadline)));
    for (const worker of workers) worker.send({ type: 'go', goAt });
    const results = (await Promise.all(done)).map((reply) => reply.result);
    const postingS = (benchClock() - goAt) / 1000;
    log(`posting done in ${postingS.toFixed(2)} s`);

    const statsAfter = await server.ask({ type: 'stats' }, 'stats', remaining(deadline));
    const statsWindowS = (benchClock() - statsBeforeAt) / 1000;
    const parentCpu = process.cpuUsage(parentCpuBefore);
    const sends: SendRecord[] = results.flatMap((result) => result.sends);
    const ackedIds = sends.flatMap(([id, , ackedAt]) => (ackedAt === null ? [] : [id]));
    await screen.waitFor(ackedIds, Math.min(options.drainMs, remaining(deadline)));
    const { ids: storedIds } = await server.ask({ type: 'ideas', workshopId: workshop.id }, 'ideas', remaining(deadline));

    const errors: Record<string, number> = {};
    for (const result of results) addCounts(errors, result.errors);
    const figures = analyseIdeas({ sends, goAt, screen, storedIds });
    const result: RunResult = {
      participants: options.participants,
      load: options.rate === null ? 'closed loop' : `open loop, ${options.rate} ideas/s offered`,
      rate: options.rate,
      workers: workers.length,
      connected,
      connectFailures,
      ...figures,
      errors,
      disconnects: results.reduce((sum, r) => sum + r.disconnects, 0),
      phoneMessagesPerS:
        postingS > 0
          ? results.reduce((sum, r) => sum + r.received, 0) /
            Math.max(
              1,
              results.reduce((sum, r) => sum + r.phones, 0),
            ) /
            postingS
          : 0,
      phoneMessagesPerSMax: postingS > 0 ? Math.max(0, ...results.map((r) => r.maxReceived)) / postingS : 0,
      seedS: seeded.durationMs / 1000,
      serverIdleRssMb: statsBefore.rssBytes / MB,
      serverPeakRssMb: statsAfter.peakRssBytes / MB,
      serverKernelPeakRssMb: statsAfter.hwmBytes === null ? null : statsAfter.hwmBytes / MB,
      serverCpuPct: (statsAfter.cpuMicros - statsBefore.cpuMicros) / 1e4 / statsWindowS,
      serverCpuMsPerIdea: figures.acked > 0 ? (statsAfter.cpuMicros - statsBefore.cpuMicros) / 1000 / figures.acked : Number.NaN,
      workersCpuPct: figures.durationS > 0 ? results.reduce((sum, r) => sum + r.cpuMicros, 0) / 1e4 / figures.durationS : 0,
      parentCpuPct: figures.durationS > 0 ? (parentCpu.user + parentCpu.system) / 1e4 / figures.durationS : 0,
      clockSkewMs,
    };

    closeScreen();
    await Promise.all(workers.map((worker) => worker.ask({ type: 'close' }, 'closed', remaining(deadline))));
    await server.ask({ type: 'stop' }, 'stopped', remaining(deadline));
    await Promise.all([server, ...workers].map((channel) => exited(channel.child, EXIT_GRACE_MS)));
    return result;
  } finally {
    closeScreen();
    for (const channel of [server, ...workers]) {
      if (channel.child.exitCode === null && channel.child.signalCode === null) channel.child.kill('SIGKILL');
    }
    await fs.rm(dataDir, { recursive: true, force: true });
    dataDirCleanup.forget();
  }
}
