/**
 * `npm run bench`: ideas posted by N simulated participants over real socket.io clients, for
 * each N in --participants (default 100,500). Prints throughput, post→screen latency, the
 * server's peak memory and the durability/exactly-once checks; exits non-zero only when a run
 * broke (lost or duplicated ideas, clients that could not connect, a timeout).
 *
 *   npm run bench -- --participants 100,500 --ideas 10 --workers 2 --timeout 120 [--rate 500]
 *   (or BENCH_PARTICIPANTS, BENCH_IDEAS, BENCH_WORKERS, BENCH_TIMEOUT_S, BENCH_RATE)
 *
 * By default every participant posts in a closed loop (next idea as soon as the previous is
 * acked): that measures the most ideas/s the setup ingests, and its latencies are queueing
 * under saturation (≈ N ÷ throughput). `--rate R` drives an open loop instead, R ideas/s
 * offered over all participants, which measures latency at that load.
 *
 * Processes: this one (orchestration and the projector screen), one server process
 * (serverProcess.ts) and load-generator processes (loadWorker.ts), all on 127.0.0.1.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { COMMAND_ACK_TIMEOUT_MS, MAX_IDEAS_PER_MINUTE } from '@gommette/shared';
import { killChildren } from './children';
import { breakages, formatTable, formatTarget } from './report';
import { runOnce, type RunResult } from './run';

const CLIENTS_PER_WORKER = 250;
/** Past the deadline, the watchdog kills everything even if a step is stuck outside a bounded wait. */
const WATCHDOG_GRACE_MS = 5_000;

function positiveInt(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

function readOptions(): { participants: number[]; ideas: number; workers: number | null; timeoutS: number; rate: number | null } {
  const { values } = parseArgs({
    options: {
      participants: { type: 'string', default: process.env.BENCH_PARTICIPANTS ?? '100,500' },
      ideas: { type: 'string', default: process.env.BENCH_IDEAS ?? '10' },
      workers: { type: 'string', default: process.env.BENCH_WORKERS ?? 'auto' },
      timeout: { type: 'string', default: process.env.BENCH_TIMEOUT_S ?? '120' },
      rate: { type: 'string', default: process.env.BENCH_RATE ?? 'closed' },
    },
    strict: true,
  });
  return {
    participants: values.participants.split(',').map((item) => positiveInt('--participants', item.trim())),
    ideas: positiveInt('--ideas', values.ideas),
    workers: values.workers === 'auto' ? null : positiveInt('--workers', values.workers),
    timeoutS: positiveInt('--timeout', values.timeout),
    rate: values.rate === 'closed' ? null : positiveInt('--rate', values.rate),
  };
}

async function main(): Promise<number> {
  const options = readOptions();
  console.log(
    `Gommette bench: ideas over socket.io · node ${process.version} · ${os.cpus().length} CPU(s) · ` +
      `${options.ideas} ideas per participant · ${options.rate === null ? 'closed loop' : `open loop at ${options.rate} ideas/s`} · ` +
      `SQLite in ${os.tmpdir()} (synchronous=FULL)`,
  );
  if (options.ideas > MAX_IDEAS_PER_MINUTE) {
    console.warn(`warning: ${options.ideas} ideas per participant exceeds MAX_IDEAS_PER_MINUTE (${MAX_IDEAS_PER_MINUTE}): expect rate_limited errors`);
  }

  const results: RunResult[] = [];
  let broken = false;
  for (const participants of options.participants) {
    const workers = Math.min(participants, options.workers ?? Math.ceil(participants / CLIENTS_PER_WORKER));
    const timeoutMs = options.timeoutS * 1000;
    const deadline = Date.now() + timeoutMs;
    console.log(`\n▶ N = ${participants} (timeout ${options.timeoutS} s)`);
    const watchdog = setTimeout(() => {
      console.error(`N = ${participants}: still running ${WATCHDOG_GRACE_MS} ms past the timeout; killing everything`);
      killChildren();
      process.exit(1);
    }, timeoutMs + WATCHDOG_GRACE_MS);
    try {
      const result = await runOnce({
        participants,
        ideasPerClient: options.ideas,
        rate: options.rate,
        workers,
        connectConcurrency: 50,
        ackTimeoutMs: 6 * COMMAND_ACK_TIMEOUT_MS,
        drainMs: 10_000,
        deadline,
        log: (message) => console.log(`  ${message}`),
      });
      results.push(result);
      const problems = breakages(result);
      for (const problem of problems) console.error(`  BROKEN: ${problem}`);
      broken ||= problems.length > 0;
      if (result.clockSkewMs > 1) console.warn(`  warning: worker clocks disagree by ${result.clockSkewMs.toFixed(2)} ms; latencies are off by as much`);
    } catch (error) {
      const timedOut = Date.now() >= deadline ? ` (timeout of ${options.timeoutS} s reached)` : '';
      console.error(`  run failed${timedOut}: ${error instanceof Error ? error.message : String(error)}`);
      broken = true;
    } finally {
      clearTimeout(watchdog);
    }
  }

  if (results.length > 0) {
    console.log(`\n${formatTable(results)}\n\n${formatTarget(results)}`);
  }
  return broken ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
