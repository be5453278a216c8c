/**
 * `npm run bench:store`: the VoteStore alone (no sockets), SQLite against PostgreSQL. V voters each
 * try to stick budget + 1 gommettes at once (the last one must be refused), with at most C casts
 * in flight; on PostgreSQL once through one pool and once through two pools on the same database
 * (two nodes). Prints casts/s and per-cast latency (p50/p95/p99), and checks that exactly
 * V × budget gommettes were stored (exits non-zero otherwise). PostgreSQL: BENCH_DATABASE_URL,
 * else TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres (a role allowed to
 * create a scratch database, dropped at the end); skipped when unreachable.
 *
 *   npm run bench:store -- --voters 300 --budget 3 --concurrency 64
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { initialRoom, isDomainError, planRound } from '@gommette/shared';
import { workshopRecord } from '../server/src/store/records';
import { openPgStores } from '../server/src/store/pg/openPgStores';
import { createScratchDatabase } from '../server/src/store/pg/scratchDatabase';
import { openSqliteStores } from '../server/src/store/sqlite/openSqliteStores';
import type { Stores } from '../server/src/store/stores';
import { summarize, type LatencySummary } from './stats';

const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const IDEAS = 10;
const NOW = 1_764_000_000_000;

const { values } = parseArgs({
  options: {
    voters: { type: 'string', default: '300' },
    budget: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '64' },
  },
});
const VOTERS = Number(values.voters);
const BUDGET = Number(values.budget);
const CONCURRENCY = Number(values.concurrency);

interface Run {
  name: string;
  casts: number;
  stored: number;
  refused: number;
  castsPerS: number;
  latency: LatencySummary;
}

/** Seeds one workshop and one open round through the first node, then casts through all of them. */
async function run(name: string, nodes: Stores[]): Promise<Run> {
  const [first] = nodes;
  if (!first) throw new Error('no node');
  const workshopId = `w-${name.replace(/\W+/g, '-')}`;
  const siteId = `${workshopId}-site`;
  await first.store.createWorkshop(
    workshopRecord({
      id: workshopId,
      title: 'Bench',
      question: 'Q ?',
      purpose: 'Mesurer',
      createdAt: NOW,
      facilitatorTokenHash: `f${workshopId}`,
      screenTokenHash: `s${workshopId}`,
    }),
    [{ id: siteId, workshopId, name: 'Centre', joinCode: `J${workshopId}`, position: 0 }],
    initialRoom([]),
  );
  const ideaIds = Array.from({ length: IDEAS }, (_, index) => `idea${index}`);
  const round = planRound(
    { id: `${workshopId}-round`, workshopId, ideaIds, budget: BUDGET, stacking: true, capPerIdea: null, selfVote: true, results: 'live', closesAt: null },
    NOW,
  );
  if (isDomainError(round)) throw new Error(round.message);
  await first.votes.createRound(round);

  // Interleaved so each voter's taps are in flight together, as phones tapping fast would be.
  const jobs: Array<{ voter: number; tap: number }> = [];
  for (let tap = 0; tap <= BUDGET; tap++) for (let voter = 0; voter < VOTERS; voter++) jobs.push({ voter, tap });
  const latencies: number[] = [];
  let stored = 0;
  let refused = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, lane) => {
      const node = nodes[lane % nodes.length]!;
      for (let job = jobs[next++]; job; job = jobs[next++]) {
        const before = performance.now();
        const result = await node.votes.cast({
          id: `${workshopId}-g-${job.voter}-${job.tap}`,
          roundId: round.id,
          workshopId,
          voter: { id: `v${job.voter}`, kind: 'phone', siteId },
          ideaId: ideaIds[(job.voter + job.tap) % IDEAS]!,
          ownIdea: false,
          now: NOW + 1,
        });
        latencies.push(performance.now() - before);
        if (result.kind === 'stored') stored++;
        else if (result.kind === 'refused') refused++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const tally = await first.votes.tally(round.id);
  const inStore = tally.digital.reduce((sum, row) => sum + row.count, 0);
  if (stored !== VOTERS * BUDGET || inStore !== stored) throw new Error(`${name}: ${stored} acked, ${inStore} stored, expected ${VOTERS * BUDGET}`);
  return { name, casts: jobs.length, stored, refused, castsPerS: jobs.length / seconds, latency: summarize(latencies) };
}

async function main(): Promise<void> {
  const runs: Run[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gommette-bench-store-'));
  try {
    const sqlite = openSqliteStores(path.join(dir, 'gommette.sqlite'));
    try {
      runs.push(await run('SQLite', [sqlite]));
    } finally {
      await sqlite.store.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const adminUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || DEFAULT_PG_URL;
  let database: Awaited<ReturnType<typeof createScratchDatabase>> | null = null;
  try {
    database = await createScratchDatabase(adminUrl);
  } catch (error) {
    console.log(`PostgreSQL skipped: ${(error as Error).message}`);
  }
  if (database) {
    try {
      for (const nodeCount of [1, 2]) {
        const nodes = await Promise.all(Array.from({ length: nodeCount }, () => openPgStores(database.url)));
        try {
          runs.push(await run(`PostgreSQL, ${nodeCount} pool${nodeCount > 1 ? 's' : ''}`, nodes));
        } finally {
          for (const node of nodes) await node.store.close();
        }
      }
    } finally {
      await database.drop();
    }
  }

  console.log(`\nVoteStore.cast: ${VOTERS} voters × ${BUDGET + 1} taps (budget ${BUDGET}), ${CONCURRENCY} in flight`);
  console.log('store                   casts/s   p50 ms   p95 ms   p99 ms   stored  refused');
  for (const r of runs) {
    const ms = (value: number) => value.toFixed(1).padStart(8);
    console.log(
      `${r.name.padEnd(22)} ${r.castsPerS.toFixed(0).padStart(8)} ${ms(r.latency.p50)} ${ms(r.latency.p95)} ${ms(r.latency.p99)} ${String(r.stored).padStart(8)} ${String(r.refused).padStart(8)}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
