/**
 * `npm run bench:vote`: N phones (real socket.io clients in load-generator processes) spend
 * their gommettes as fast as they can across 3 sites, while 3 projectors (one per site) and
 * the facilitator's console watch the results. For each N (default 500 and 2,000), the same
 * fan-out runs twice: through Gommette (validation, budget check and SQLite commit per gommette,
 * coalesced results) and through a bare socket.io relay (ack and forward each vote at once: the
 * transport's own limit). Prints votes/s, ack → every projector p50/p95, results messages/s,
 * server CPU and RSS, and checks every acked gommette is stored once and reached every projector.
 *
 * `--pace 60`: each phone spends its budget over 60 s (each tap at a random moment of its share),
 * a realistic room instead of a burst.
 *
 *   npm run bench:vote -- --participants 500,2000 --budget 3 --timeout 90 [--pace 60]
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { io, type Socket } from 'socket.io-client';
import { COMMAND_ACK_TIMEOUT_MS, PROTOCOL_VERSION, Role, type CreateWorkshopResponse, type VoteResults } from '@gommette/shared';
import { forkServer, forkTs, killChildren, removeOnExit } from './children';
import { benchClock, Channel } from './ipc';
import { summarize, type LatencySummary } from './stats';
import type { AckRecord, VoteBenchMode, VoteServerReply, VoteServerRequest, VoteWorkerReply, VoteWorkerRequest } from './voteIpc';

const CLIENTS_PER_WORKER = 1000;
const PROJECTORS = 3;
const IDEAS = 10;
const DRAIN_MS = 5_000;
const MB = 1024 * 1024;

interface VoteRun {
  mode: VoteBenchMode;
  participants: number;
  connected: number;
  acked: number;
  stored: number;
  errors: Record<string, number>;
  votesPerS: number;
  durationS: number;
  /** Ack → the last of the projectors shows it. */
  latency: LatencySummary;
  /** Tap (the command sent) → every projector showing it. */
  tapLatency: LatencySummary;
  unseen: number;
  projectorMessagesPerS: number;
  phoneMessagesPerS: number;
  serverCpuPct: number;
  serverPeakRssMb: number;
}

function remaining(deadline: number): number {
  const left = deadline - Date.now();
  if (left <= 0) throw new Error('run timeout');
  return left;
}

/** A projector: records (version, time) of every results message (or relayed vote). */
function openProjector(
  mode: VoteBenchMode,
  url: string,
  workshop: CreateWorkshopResponse | null,
  timeoutMs: number,
): Promise<{ arrivals: Array<[number, number]>; close: () => void }> {
  const arrivals: Array<[number, number]> = [];
  const auth =
    mode === 'relay' ? { role: 'screen' } : { role: Role.Screen, protocol: PROTOCOL_VERSION, workshopId: workshop!.id, token: workshop!.screenToken };
  const socket: Socket = io(url, { transports: ['websocket'], auth, reconnection: false, forceNew: true });
  socket.on('vote:results', (results: VoteResults) => arrivals.push([results.version, benchClock()]));
  socket.on('relay', (version: number) => arrivals.push([version, benchClock()]));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('projector did not connect')), timeoutMs);
    socket.once(mode === 'relay' ? 'connect' : 'workshop:snapshot', () => {
      clearTimeout(timer);
      resolve({ arrivals, close: () => socket.close() });
    });
    socket.once('connect_error', (error) => reject(error));
  });
}

/** When this projector first showed a version ≥ v, for each acked v (binary search on the running maximum). */
function shownAt(arrivals: ReadonlyArray<[number, number]>): (version: number) => number | null {
  const maxima: number[] = [];
  let max = -Infinity;
  for (const [version] of arrivals) {
    max = Math.max(max, version);
    maxima.push(max);
  }
  return (version) => {
    let low = 0;
    let high = maxima.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (maxima[mid]! >= version) high = mid;
      else low = mid + 1;
    }
    return low < arrivals.length ? arrivals[low]![1] : null;
  };
}

async function createWorkshop(url: string): Promise<CreateWorkshopResponse> {
  const response = await fetch(`${url}/api/workshops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title: 'Smartvote des jeunes',
      question: 'Quelle invention fabriquer avec le centre social ?',
      purpose: 'Votre participation servira à choisir une invention que les jeunes fabriqueront avec le centre social.',
      sites: [{ name: 'Centre social' }, { name: 'Maison du quartier' }, { name: 'Collège' }],
    }),
  });
  if (response.status !== 201) throw new Error(`workshop creation failed: ${response.status}`);
  return (await response.json()) as CreateWorkshopResponse;
}

async function runOnce(mode: VoteBenchMode, participants: number, budget: number, paceS: number, deadline: number): Promise<VoteRun> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'gommette-bench-vote-'));
  const cleanup = removeOnExit(dataDir);
  const server = new Channel<VoteServerRequest, VoteServerReply>(
    `${mode} server`,
    await forkServer('voteServer.ts', { BENCH_DATA_DIR: dataDir, BENCH_MODE: mode }),
  );
  const workers: Array<Channel<VoteWorkerRequest, VoteWorkerReply>> = [];
  const closers: Array<() => void> = [];
  try {
    const { port } = await server.next('listening', remaining(deadline));
    const url = `http://127.0.0.1:${port}`;
    const workshop = mode === 'gommette' ? await createWorkshop(url) : null;
    const seeded = await server.ask(
      { type: 'seed', joinCodes: workshop?.sites.map((site) => site.joinCode) ?? [], participants, ideas: IDEAS, budget },
      'seeded',
      remaining(deadline),
    );
    const projectors = [];
    for (let i = 0; i < PROJECTORS; i++) {
      const projector = await openProjector(mode, url, workshop, remaining(deadline));
      closers.push(projector.close);
      projectors.push(projector);
    }
    if (workshop) {
      // The facilitator's console watches too (it gets the facilitator's results).
      const console_ = io(url, {
        transports: ['websocket'],
        auth: { role: Role.Facilitator, protocol: PROTOCOL_VERSION, workshopId: workshop.id, token: workshop.facilitatorToken },
        forceNew: true,
        reconnection: false,
      });
      closers.push(() => console_.close());
    }
    const workerCount = Math.ceil(participants / CLIENTS_PER_WORKER);
    const size = Math.ceil(participants / workerCount);
    for (let i = 0; i < workerCount; i++) workers.push(new Channel(`vote worker ${i + 1}`, forkTs('voteWorker.ts')));
    const connects = await Promise.all(
      workers.map((worker, i) =>
        worker.ask(
          {
            type: 'connect',
            mode,
            url,
            tokens: seeded.tokens.slice(i * size, (i + 1) * size),
            roundId: seeded.roundId,
            ideaIds: seeded.ideaIds,
            budget,
            concurrency: 50,
            ackTimeoutMs: 6 * COMMAND_ACK_TIMEOUT_MS,
            firstIndex: i * size,
            paceS,
          },
          'connected',
          remaining(deadline),
        ),
      ),
    );
    const connected = connects.reduce((sum, reply) => sum + reply.ok, 0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const projector of projectors) projector.arrivals.length = 0;

    const before = await server.ask({ type: 'stats' }, 'stats', remaining(deadline));
    const goAt = benchClock();
    const done = workers.map((worker) => worker.next('done', remaining(deadline)));
    for (const worker of workers) worker.send({ type: 'go' });
    const results = await Promise.all(done);
    const endAt = benchClock();
    const after = await server.ask({ type: 'stats' }, 'stats', remaining(deadline));
    const acks: AckRecord[] = results.flatMap((result) => result.acks);
    const maxVersion = Math.max(0, ...acks.map(([version]) => version));
    // Wait until every projector shows the last acked version (bounded).
    const drainUntil = Date.now() + Math.min(DRAIN_MS, remaining(deadline));
    while (Date.now() < drainUntil && projectors.some((projector) => Math.max(0, ...projector.arrivals.map(([version]) => version)) < maxVersion)) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const { gommettes: stored } = await server.ask({ type: 'count', roundId: seeded.roundId }, 'count', remaining(deadline));

    const finders = projectors.map((projector) => shownAt(projector.arrivals));
    const latencies: number[] = [];
    let unseen = 0;
    const fromTap: number[] = [];
    for (const [version, tappedAt, ackedAt] of acks) {
      const times = finders.map((find) => find(version));
      if (times.some((time) => time === null)) {
        unseen++;
        continue;
      }
      const lastProjector = Math.max(...(times as number[]));
      latencies.push(Math.max(0, lastProjector - ackedAt));
      fromTap.push(lastProjector - tappedAt);
    }
    const durationS = (endAt - goAt) / 1000;
    const windowEnd = endAt;
    const projectorMessages = projectors.reduce((sum, projector) => sum + projector.arrivals.filter(([, at]) => at <= windowEnd).length, 0) / PROJECTORS;
    const errors: Record<string, number> = {};
    for (const result of results) for (const [code, count] of Object.entries(result.errors)) errors[code] = (errors[code] ?? 0) + count;
    const run: VoteRun = {
      mode,
      participants,
      connected,
      acked: acks.length,
      stored,
      errors,
      votesPerS: acks.length / durationS,
      durationS,
      latency: summarize(latencies),
      tapLatency: summarize(fromTap),
      unseen,
      projectorMessagesPerS: projectorMessages / durationS,
      phoneMessagesPerS: results.reduce((sum, result) => sum + result.resultsReceived, 0) / durationS,
      serverCpuPct: (after.cpuMicros - before.cpuMicros) / 1e4 / durationS,
      serverPeakRssMb: after.peakRssBytes / MB,
    };
    for (const close of closers) close();
    await Promise.all(workers.map((worker) => worker.ask({ type: 'close' }, 'closed', remaining(deadline))));
    await server.ask({ type: 'stop' }, 'stopped', remaining(deadline));
    return run;
  } finally {
    for (const close of closers) close();
    for (const channel of [server, ...workers]) if (channel.child.exitCode === null && channel.child.signalCode === null) channel.child.kill('SIGKILL');
    await fs.rm(dataDir, { recursive: true, force: true });
    cleanup.forget();
  }
}

const fixed = (value: number, digits = 0): string => (Number.isFinite(value) ? value.toFixed(digits) : '–');

function print(runs: VoteRun[]): void {
  const header = ['', ...runs.map((run) => `${run.mode} N=${run.participants}`)];
  const rows: Array<[string, (run: VoteRun) => string]> = [
    ['phones connected', (r) => `${r.connected}/${r.participants}`],
    ['gommettes acked (stored)', (r) => `${r.acked} (${r.stored})`],
    [
      'errors',
      (r) =>
        Object.entries(r.errors)
          .map(([code, n]) => `${n} ${code}`)
          .join(', ') || '0',
    ],
    ['votes/s accepted', (r) => fixed(r.votesPerS)],
    ['tap → every projector p50 ms', (r) => fixed(r.tapLatency.p50, 1)],
    ['tap → every projector p95 ms', (r) => fixed(r.tapLatency.p95, 1)],
    ['ack → every projector p50 ms', (r) => fixed(r.latency.p50, 1)],
    ['ack → every projector p95 ms', (r) => fixed(r.latency.p95, 1)],
    ['ack → every projector max ms', (r) => fixed(r.latency.max, 1)],
    ['acked but not on every projector', (r) => String(r.unseen)],
    ['results msgs/s per projector', (r) => fixed(r.projectorMessagesPerS, 1)],
    ['results msgs/s to all phones', (r) => fixed(r.phoneMessagesPerS)],
    ['server CPU % of one core', (r) => fixed(r.serverCpuPct)],
    ['server peak RSS MB', (r) => fixed(r.serverPeakRssMb)],
  ];
  const table = [header, ...rows.map(([label, cell]) => [label, ...runs.map(cell)])];
  const widths = header.map((_, column) => Math.max(...table.map((row) => (row[column] ?? '').length)));
  for (const row of table) console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '));
  for (const run of runs.filter((r) => r.mode === 'gommette')) {
    const bare = runs.find((r) => r.mode === 'relay' && r.participants === run.participants);
    if (!bare) continue;
    console.log(
      `N=${run.participants}: tap → every projector p95 ${fixed(run.tapLatency.p95, 1)} ms (target ≤ 150 at a realistic pace) · ack → every projector p95 ${fixed(run.latency.p95, 1)} ms, ${fixed(run.latency.p95 / bare.latency.p95, 2)}× the bare relay's (target ≤ 1.5×) · ` +
        `votes/s ${fixed(run.votesPerS / bare.votesPerS, 2)}× the relay's`,
    );
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      participants: { type: 'string', default: process.env.BENCH_PARTICIPANTS ?? '500,2000' },
      budget: { type: 'string', default: '3' },
      timeout: { type: 'string', default: '90' },
      /** Each phone spends its budget over this many seconds (a realistic room: 60); 0 = as fast as it can. */
      pace: { type: 'string', default: '0' },
    },
    strict: true,
  });
  const paceS = Number(values.pace);
  if (!Number.isFinite(paceS) || paceS < 0) throw new Error(`--pace must be a number of seconds ≥ 0, got "${values.pace}"`);
  const counts = values.participants.split(',').map((item) => Number(item.trim()));
  const budget = Number(values.budget);
  const timeoutMs = Number(values.timeout) * 1000;
  console.log(
    `Gommette bench: votes over socket.io · node ${process.version} · ${os.cpus().length} CPU(s) · budget ${budget} · ${IDEAS} ideas · 3 sites · ${PROJECTORS} projectors · ${paceS > 0 ? `each phone spends its budget over ${paceS} s` : 'as fast as each phone can'} · load average ${os
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')}`,
  );
  const runs: VoteRun[] = [];
  let broken = false;
  for (const participants of counts) {
    for (const mode of ['gommette', 'relay'] as const) {
      const deadline = Date.now() + timeoutMs;
      const watchdog = setTimeout(() => {
        console.error(`${mode} N=${participants}: past the timeout; killing everything`);
        killChildren();
        process.exit(1);
      }, timeoutMs + 5_000);
      try {
        console.log(`▶ ${mode} N=${participants}`);
        const run = await runOnce(mode, participants, budget, paceS, deadline);
        runs.push(run);
        const expected = run.connected * budget;
        if (run.connected !== participants || run.acked !== expected || run.stored !== run.acked || run.unseen > 0) {
          console.error(
            `  BROKEN: ${run.connected}/${participants} connected, ${run.acked}/${expected} acked, ${run.stored} stored, ${run.unseen} not seen by every projector`,
          );
          broken = true;
        }
      } catch (error) {
        console.error(`  run failed: ${error instanceof Error ? error.message : String(error)}`);
        broken = true;
      } finally {
        clearTimeout(watchdog);
      }
    }
  }
  if (runs.length > 0) print(runs);
  return broken ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
