/**
 * `npm run bench:faults`: 1,000 participants across 3 sites post ideas and stick gommettes in 10
 * vote rounds (opened and closed by a facilitator's console) while a controller kills the server
 * with SIGKILL 5 times mid-round, casts in flight, and restarts it on the same port and data.
 * Every client is a real socket.io client (in two load-generator processes) that reconnects by
 * itself and resends what was not acked with the same id, like the phone's outboxes, and keeps a
 * ledger of what was acked. At the end the bench reads the store and compares: acked but not
 * stored (lost) and stored twice or never sent (duplicated) must both be 0. It also prints, for
 * each kill, how long clients took to be back (snapshot again, and their next ack).
 *
 * `--cpu-hog` keeps one core busy in a child process for the whole run (a loaded machine, made
 * reproducible): acks then come late, and the outboxes' back-off must keep resends under 10 % of
 * acks. It prints resends (no answer in time / on a reconnection) against acks. `--resend fixed`
 * plays the outboxes' rule before issue 17 (resend as soon as 5 s pass), to compare.
 *
 *   npm run bench:faults -- --target single|cluster [--store sqlite|pg] --participants 1000 --rounds 10 --kills 5 [--cpu-hog]
 *
 * With `--rolling` (cluster only), each kill is a rolling restart instead: SIGTERM each node in
 * turn (a graceful stop: it tells its phones to reconnect, which they do through the balancer to
 * the live nodes), wait for it to exit, boot it again, wait until it answers, then the next node.
 *
 *   npm run bench:faults -- --target cluster --rolling --participants 300 --rounds 3 --kills 1
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { io, type Socket } from 'socket.io-client';
import { nanoid } from 'nanoid';
import { COMMAND_ACK_TIMEOUT_MS, ErrorCode, PROTOCOL_VERSION, Role, type CreateWorkshopResponse } from '@gommette/shared';
import { forkNode, forkTs, killChildren } from './children';
import type { ClientLedger, FaultsWorkerReply, FaultsWorkerRequest, KillObservation, RoundOrder } from './faultsIpc';
import { compareLedgers, recoveries, type KillRecovery, type LedgerVerdict } from './faultsLedger';
import { reconnectLikeThePhone, type ResendRule } from './faultsOutbox';
import { ClusterTarget, SingleTarget, type ServerMode, type Target } from './faultsTarget';
import { benchClock, Channel } from './ipc';

type Worker = Channel<FaultsWorkerRequest, FaultsWorkerReply>;

/** Ideas on each round's ballot (taken from the ideas acked in the round before). */
const BALLOT_SIZE = 12;
const IDEAS_PER_ROUND = 1;
/** The kill lands once this share of the round's commands is acked: mid-round, casts in flight. */
const KILL_AT_SHARE = 0.3;
const KILL_POLL_MS = 20;
const CONNECT_CONCURRENCY = 50;
const WATCHDOG_GRACE_MS = 5_000;

interface Options {
  target: 'single' | 'cluster';
  /** The cluster's store: one SQLite file shared by the nodes, or PostgreSQL (a scratch database). */
  store: 'sqlite' | 'pg';
  server: ServerMode;
  participants: number;
  rounds: number;
  kills: number;
  budget: number;
  workers: number;
  timeoutS: number;
  cpuHog: boolean;
  resend: ResendRule;
  /** Each kill is a rolling restart of every node by SIGTERM (cluster only). */
  rolling: boolean;
}

/** Resends over acks above which the outboxes are storming (issue 17's target). */
const RESEND_TARGET = 0.1;

function positiveInt(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      target: { type: 'string', default: 'single' },
      server: { type: 'string', default: 'bundle' },
      store: { type: 'string', default: 'sqlite' },
      participants: { type: 'string', default: '1000' },
      rounds: { type: 'string', default: '10' },
      kills: { type: 'string', default: '5' },
      budget: { type: 'string', default: '3' },
      workers: { type: 'string', default: '2' },
      timeout: { type: 'string', default: '280' },
      'cpu-hog': { type: 'boolean', default: false },
      resend: { type: 'string', default: 'backoff' },
      rolling: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const target = values.target;
  if (target !== 'single' && target !== 'cluster') throw new Error(`--target must be single or cluster, got "${target}"`);
  const server = values.server;
  if (server !== 'bundle' && server !== 'tsx') throw new Error(`--server must be bundle or tsx, got "${server}"`);
  const store = values.store;
  if (store !== 'sqlite' && store !== 'pg') throw new Error(`--store must be sqlite or pg, got "${store}"`);
  if (store === 'pg' && target !== 'cluster') throw new Error('--store pg goes with --target cluster');
  if (values.rolling && target !== 'cluster') throw new Error('--rolling goes with --target cluster');
  const options: Options = {
    target,
    server,
    store,
    participants: positiveInt('--participants', values.participants),
    rounds: positiveInt('--rounds', values.rounds),
    kills: values.kills === '0' ? 0 : positiveInt('--kills', values.kills),
    budget: positiveInt('--budget', values.budget),
    workers: positiveInt('--workers', values.workers),
    timeoutS: positiveInt('--timeout', values.timeout),
    cpuHog: values['cpu-hog'],
    resend: values.resend === 'fixed' ? 'fixed' : 'backoff',
    rolling: values.rolling,
  };
  if (values.resend !== 'fixed' && values.resend !== 'backoff') throw new Error(`--resend must be backoff or fixed, got "${values.resend}"`);
  if (options.kills > options.rounds) throw new Error('--kills cannot exceed --rounds (one kill per round at most)');
  if (options.budget >= BALLOT_SIZE) throw new Error(`--budget must be below the ballot size (${BALLOT_SIZE})`);
  return options;
}

function remaining(deadline: number): number {
  const left = deadline - Date.now();
  if (left <= 0) throw new Error('run timeout');
  return left;
}

async function createWorkshop(url: string): Promise<CreateWorkshopResponse> {
  const response = await fetch(`${url}/api/workshops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title: 'Être acteur de son quartier',
      question: 'Comment aider les personnes sans abri dans leur quotidien ?',
      purpose: 'Votre participation servira à choisir ce que le centre social fera en premier.',
      sites: [{ name: 'Centre social' }, { name: 'Maison du quartier' }, { name: 'Collège' }],
    }),
  });
  if (response.status !== 201) throw new Error(`workshop creation failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as CreateWorkshopResponse;
}

/** Waits until the socket is connected (socket.io reconnects it by itself), bounded. */
function connected(socket: Socket, deadline: number): Promise<void> {
  if (socket.connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the console did not reconnect')), remaining(deadline));
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** The console's command, resent with the same payload (same id) until acked, like a phone's. */
async function command<T>(socket: Socket, event: string, payload: object, deadline: number): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    if (attempt > 1 && (attempt & (attempt - 1)) === 0) console.log(`  console: ${event} sent ${attempt - 1} times without an ack, again`);
    await connected(socket, deadline);
    let ack: { ok: true; data: T } | { ok: false; code: string; message: string; retryAfterMs?: number };
    try {
      ack = await socket.timeout(COMMAND_ACK_TIMEOUT_MS).emitWithAck(event, payload);
    } catch {
      continue; // no ack (the server died): again, once connected
    }
    if (ack.ok) return ack.data;
    if (ack.code !== ErrorCode.RateLimited && ack.code !== ErrorCode.Internal) throw new Error(`${event} refused: ${ack.code} ${ack.message}`);
    console.log(`  console: ${event} refused for now (${ack.code}), again`);
    await new Promise((resolve) => setTimeout(resolve, Math.min(ack.retryAfterMs ?? 1_000, remaining(deadline))));
  }
}

/** Which rounds (1-based) get a kill: spread evenly, the last one in the last round. */
function killRounds(rounds: number, kills: number): Set<number> {
  return new Set(Array.from({ length: kills }, (_, k) => Math.round(((k + 1) * rounds) / kills)));
}

interface KillRecord {
  kill: number;
  round: number;
  node: number;
  killedAt: number;
  /** Acks of the round before the kill, and what was outstanding when the workers noticed it. */
  ackedBefore: number;
  pendingClients: number;
  pendingCommands: number;
  /** Kill → the server answers /healthz again, ms. */
  restartMs: number;
  /** Rolling restarts: SIGTERM → the process exited, ms. */
  stopMs?: number;
  /** Rolling restarts: SIGTERM → every client connected again (to any node), ms. */
  allBackMs?: number;
}

interface RunReport {
  connected: number;
  acks: number;
  durationS: number;
  verdict: LedgerVerdict;
  kills: KillRecord[];
  recovery: KillRecovery[];
  refusals: Record<string, number>;
  retries: Record<string, number>;
  resends: { timeout: number; reconnection: number; confirmed: number };
  disconnects: number;
}

async function run(options: Options, target: Target, deadline: number): Promise<RunReport> {
  const workers: Worker[] = [];
  let console_: Socket | null = null;
  try {
    await target.start();
    const [url] = target.urls();
    if (!url) throw new Error('no URL');
    const workshop = await createWorkshop(url);
    const tokens = await target.seed(
      workshop.sites.map((site) => site.joinCode),
      options.participants,
    );
    console_ = io(url, {
      transports: ['websocket'],
      auth: { role: Role.Facilitator, protocol: PROTOCOL_VERSION, workshopId: workshop.id, token: workshop.facilitatorToken },
      forceNew: true,
    });
    let closing = false;
    reconnectLikeThePhone(
      console_,
      () => closing,
      (kind, code) => console.log(`  console: ${code} (${kind === 'final' ? 'final' : 'trying again'})`),
    );
    const size = Math.ceil(options.participants / options.workers);
    for (let i = 0; i < options.workers; i++) workers.push(new Channel(`faults worker ${i + 1}`, forkTs('faultsWorker.ts')));
    const connects = await Promise.all(
      workers.map((worker, i) =>
        worker.ask(
          {
            type: 'connect',
            urls: target.urls(),
            tokens: tokens.slice(i * size, (i + 1) * size),
            firstIndex: i * size,
            concurrency: CONNECT_CONCURRENCY,
            resend: options.resend,
          },
          'connected',
          remaining(deadline),
        ),
      ),
    );
    const connectedClients = connects.reduce((sum, reply) => sum + reply.ok, 0);
    if (connectedClients !== options.participants)
      throw new Error(`only ${connectedClients}/${options.participants} clients connected: ${JSON.stringify(connects.map((c) => c.failed))}`);
    await connected(console_, deadline);
    console.log(`  ${connectedClients} participants connected over ${target.urls().length} address(es); ${options.workers} load processes`);

    const startedAt = benchClock();
    /** Runs one round on every worker; `during` runs while it is in flight (the kill). */
    const playRound = async (order: RoundOrder, during?: (acked: () => Promise<number>) => Promise<void>): Promise<string[]> => {
      const done = Promise.all(workers.map((worker) => worker.next('roundDone', remaining(deadline))));
      done.catch(() => undefined); // awaited below; a failure of `during` must not leave it unhandled
      for (const worker of workers) worker.send({ type: 'round', ...order });
      if (during) {
        const acked = async (): Promise<number> => {
          const replies = await Promise.all(workers.map((worker) => worker.ask({ type: 'progress' }, 'progress', remaining(deadline))));
          return replies.reduce((sum, reply) => sum + (reply.round === order.round ? reply.acked : 0), 0);
        };
        await during(acked);
      }
      const replies = await done;
      return replies.flatMap((reply) => reply.ideaSample);
    };

    // Warm-up: a few residents post the ideas of the first ballot.
    let ballot = (await playRound({ round: 0, roundId: null, ballot: [], ideasPerClient: 1, ideaClients: BALLOT_SIZE, castsPerClient: 0 })).slice(
      0,
      BALLOT_SIZE,
    );
    const withKill = killRounds(options.rounds, options.kills);
    const kills: KillRecord[] = [];
    const perRound = options.participants * (IDEAS_PER_ROUND + options.budget);
    for (let round = 1; round <= options.rounds; round++) {
      const opened = await command<{ id: string }>(
        console_,
        'vote:open',
        {
          id: nanoid(),
          ideas: { from: 'list', ideaIds: ballot },
          budget: options.budget,
          stacking: false,
          capPerIdea: null,
          selfVote: true,
          results: 'live',
          closesAt: null,
        },
        deadline,
      );
      const order: RoundOrder = {
        round,
        roundId: opened.id,
        ballot,
        ideasPerClient: IDEAS_PER_ROUND,
        ideaClients: options.participants,
        castsPerClient: options.budget,
      };
      const rolling = async (acked: () => Promise<number>): Promise<void> => {
        if (!(target instanceof ClusterTarget)) throw new Error('--rolling needs the cluster');
        const connectedClients = async (): Promise<number> =>
          (await Promise.all(workers.map((worker) => worker.ask({ type: 'progress' }, 'progress', remaining(deadline))))).reduce(
            (sum, reply) => sum + reply.connected,
            0,
          );
        let ackedBefore = await acked();
        while (ackedBefore < perRound * KILL_AT_SHARE) {
          await new Promise((resolve) => setTimeout(resolve, Math.min(KILL_POLL_MS, remaining(deadline))));
          ackedBefore = await acked();
        }
        for (let node = 0; node < target.nodes; node++) {
          const killedAt = benchClock();
          await target.terminate(node);
          const stopMs = benchClock() - killedAt;
          const number = kills.length + 1;
          const noticed = await Promise.all(workers.map((worker) => worker.ask({ type: 'killed', kill: number, killedAt }, 'killed', remaining(deadline))));
          await target.restartNode(node);
          const restartMs = benchClock() - killedAt;
          // As an operator would: the next node only once every phone is connected again.
          let connectedNow = await connectedClients();
          while (connectedNow < options.participants) {
            await new Promise((resolve) => setTimeout(resolve, Math.min(KILL_POLL_MS * 5, remaining(deadline))));
            connectedNow = await connectedClients();
          }
          const record: KillRecord = {
            kill: number,
            round,
            node,
            killedAt,
            ackedBefore,
            pendingClients: noticed.reduce((sum, reply) => sum + reply.pendingClients, 0),
            pendingCommands: noticed.reduce((sum, reply) => sum + reply.pendingCommands, 0),
            restartMs,
            stopMs,
            allBackMs: benchClock() - killedAt,
          };
          kills.push(record);
          console.log(
            `  round ${round}: SIGTERM node ${node} after ${ackedBefore}/${perRound} acks: exited after ${stopMs.toFixed(0)} ms; ${record.pendingCommands} commands of ${record.pendingClients} clients outstanding; healthy again after ${record.restartMs.toFixed(0)} ms; all ${connectedNow} clients connected again after ${record.allBackMs!.toFixed(0)} ms`,
          );
          ackedBefore = await acked();
        }
      };
      const kill =
        withKill.has(round) && options.rolling
          ? rolling
          : withKill.has(round)
            ? async (acked: () => Promise<number>): Promise<void> => {
                let ackedBefore = await acked();
                while (ackedBefore < perRound * KILL_AT_SHARE) {
                  await new Promise((resolve) => setTimeout(resolve, Math.min(KILL_POLL_MS, remaining(deadline))));
                  ackedBefore = await acked();
                }
                // Taken before the signal: a client may notice its drop before killOne returns.
                const killedAt = benchClock();
                const { node } = await target.killOne();
                const number = kills.length + 1;
                const noticed = await Promise.all(
                  workers.map((worker) => worker.ask({ type: 'killed', kill: number, killedAt }, 'killed', remaining(deadline))),
                );
                await target.restart();
                const record: KillRecord = {
                  kill: number,
                  round,
                  node,
                  killedAt,
                  ackedBefore,
                  pendingClients: noticed.reduce((sum, reply) => sum + reply.pendingClients, 0),
                  pendingCommands: noticed.reduce((sum, reply) => sum + reply.pendingCommands, 0),
                  restartMs: benchClock() - killedAt,
                };
                kills.push(record);
                console.log(
                  `  round ${round}: SIGKILL node ${node} after ${ackedBefore}/${perRound} acks, ${record.pendingCommands} commands of ${record.pendingClients} clients outstanding; healthy again after ${record.restartMs.toFixed(0)} ms`,
                );
              }
            : undefined;
      const roundStart = benchClock();
      ballot = (await playRound(order, kill)).slice(0, BALLOT_SIZE);
      console.log(`  round ${round}/${options.rounds} done in ${((benchClock() - roundStart) / 1000).toFixed(1)} s`);
      await command(console_, 'vote:close', { roundId: opened.id }, deadline);
      if (ballot.length < options.budget) throw new Error(`round ${round} left too few ideas for the next ballot`);
    }
    const durationS = (benchClock() - startedAt) / 1000;
    console.log('  reading the ledgers and the store…');

    const ledgers = await Promise.all(workers.map((worker) => worker.ask({ type: 'ledger' }, 'ledger', remaining(deadline))));
    const clients: ClientLedger[] = ledgers.flatMap((ledger) => ledger.clients);
    const observations: KillObservation[] = ledgers.flatMap((ledger) => ledger.observations);
    const verdict = compareLedgers(clients, await target.readStore(workshop.id), options.budget);
    const sum = (pick: (ledger: (typeof ledgers)[number]) => Record<string, number>): Record<string, number> => {
      const total: Record<string, number> = {};
      for (const ledger of ledgers) for (const [code, n] of Object.entries(pick(ledger))) total[code] = (total[code] ?? 0) + n;
      return total;
    };
    closing = true;
    console_.close();
    await Promise.all(workers.map((worker) => worker.ask({ type: 'close' }, 'closed', remaining(deadline))));
    return {
      connected: connectedClients,
      acks: verdict.ideasAcked + verdict.votesAcked,
      durationS,
      verdict,
      kills,
      recovery: recoveries(kills, observations),
      refusals: sum((ledger) => ledger.refusals),
      retries: sum((ledger) => ledger.retries),
      resends: {
        timeout: ledgers.reduce((total, ledger) => total + ledger.resends.timeout, 0),
        reconnection: ledgers.reduce((total, ledger) => total + ledger.resends.reconnection, 0),
        confirmed: ledgers.reduce((total, ledger) => total + ledger.resends.confirmed, 0),
      },
      disconnects: ledgers.reduce((total, ledger) => total + ledger.disconnects, 0),
    };
  } finally {
    console_?.close();
    for (const worker of workers) if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGKILL');
    await target.stop();
  }
}

const ms = (value: number): string => (Number.isFinite(value) ? value.toFixed(0) : 'never');
const codes = (record: Record<string, number>): string =>
  Object.entries(record)
    .map(([code, n]) => `${n} ${code}`)
    .join(', ') || '0';

function print(report: RunReport): void {
  const v = report.verdict;
  console.log(
    `\nacks: ${report.acks} (${v.ideasAcked} ideas, ${v.votesAcked} gommettes) in ${report.durationS.toFixed(1)} s · stored: ${v.ideasStored} ideas, ${v.votesStored} gommettes`,
  );
  console.log(`lost (acked, not stored): ${v.lostIdeas + v.lostVotes} (${v.lostIdeas} ideas, ${v.lostVotes} gommettes)`);
  console.log(
    `duplicated (stored twice or never sent): ${v.duplicatedIdeas + v.duplicatedVotes} (${v.duplicatedIdeas} ideas, ${v.duplicatedVotes} gommettes) · voters over budget: ${v.overBudget}`,
  );
  const resends = report.resends.timeout + report.resends.reconnection;
  console.log(
    `resends: ${resends} = ${(report.acks > 0 ? (100 * resends) / report.acks : 0).toFixed(1)} % of acks (target < ${RESEND_TARGET * 100} %: ${resends < RESEND_TARGET * report.acks ? 'met' : 'NOT met'}) · ` +
      `${report.resends.timeout} after no answer in time, ${report.resends.reconnection} on a reconnection ` +
      `(${report.resends.confirmed} more in flight at a drop were in the next snapshot, not sent again)`,
  );
  console.log(`temporary refusals waited out: ${codes(report.retries)} · final refusals: ${codes(report.refusals)} · client drops: ${report.disconnects}`);
  console.log('\nkill  round  node  clients dropped (with work)  reconnected p50/p99/max ms  back (next ack) p50/p99/max ms  never back  restart ms  stop ms');
  for (const recovery of report.recovery) {
    const kill = report.kills.find((record) => record.kill === recovery.kill)!;
    console.log(
      `${String(recovery.kill).padStart(4)}  ${String(kill.round).padStart(5)}  ${String(kill.node).padStart(4)}  ${`${recovery.clients} (${recovery.withPending})`.padStart(27)}  ` +
        `${`${ms(recovery.reconnect.p50)} / ${ms(recovery.reconnect.p99)} / ${ms(recovery.reconnect.max)}`.padStart(27)}  ` +
        `${`${ms(recovery.back.p50)} / ${ms(recovery.back.p99)} / ${ms(recovery.back.max)}`.padStart(30)}  ${String(recovery.notBack).padStart(10)}  ${ms(kill.restartMs).padStart(10)}  ${kill.stopMs === undefined ? '      -' : ms(kill.stopMs).padStart(7)}`,
    );
  }
  const p99s = report.recovery.map((recovery) => recovery.back.p99);
  if (p99s.length > 0) console.log(`time until 99 % of clients were back, worst kill: ${ms(Math.max(...p99s))} ms`);
}

async function main(): Promise<number> {
  const options = readOptions();
  const target: Target = options.target === 'single' ? new SingleTarget(options.server) : new ClusterTarget(options.store);
  console.log(
    `Gommette bench: faults · ${target.name} · node ${process.version} · ${os.cpus().length} CPU(s) · ${options.participants} participants, 3 sites · ` +
      `${options.rounds} rounds (${IDEAS_PER_ROUND} idea + ${options.budget} gommettes each) · ` +
      (options.rolling ? `${options.kills} rolling restart(s) by SIGTERM mid-round` : `${options.kills} SIGKILLs mid-round`) +
      `${options.cpuHog ? ' · one core kept busy (--cpu-hog)' : ''} · resend rule ${options.resend} · load average ${os
        .loadavg()
        .map((load) => load.toFixed(2))
        .join(' ')}`,
  );
  // Bounded like the run; killed with the other children however the bench ends.
  const hog = options.cpuHog ? forkNode('cpuHog.mjs', { CPU_HOG_SECONDS: String(options.timeoutS + 10) }) : null;
  // The cluster's nodes are not children of children.ts: whatever the way out, they go too.
  process.on('exit', () => target.abort());
  const timeoutMs = options.timeoutS * 1000;
  const watchdog = setTimeout(() => {
    console.error(`still running ${WATCHDOG_GRACE_MS} ms past the timeout; killing everything`);
    target.abort();
    killChildren();
    process.exit(1);
  }, timeoutMs + WATCHDOG_GRACE_MS);
  try {
    const report = await run(options, target, Date.now() + timeoutMs);
    print(report);
    const v = report.verdict;
    const broken =
      v.lostIdeas + v.lostVotes + v.duplicatedIdeas + v.duplicatedVotes + v.overBudget > 0 || report.recovery.some((recovery) => recovery.notBack > 0);
    if (broken) console.error('BROKEN: acked writes lost or duplicated, or clients never back');
    return broken ? 1 : 0;
  } finally {
    clearTimeout(watchdog);
    hog?.kill('SIGKILL');
    console.log(
      `load average at the end: ${os
        .loadavg()
        .map((load) => load.toFixed(2))
        .join(' ')}`,
    );
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    killChildren();
    process.exit(1);
  },
);
