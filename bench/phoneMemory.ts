/**
 * `npm run bench:memory`: memory per connected idle phone on one node. Starts the server (the
 * same process as `npm run bench`, with --expose-gc), seeds N participants, reads its RSS and
 * heap after a full GC, connects the N phones (real socket.io clients over WebSocket, in load
 * processes) and lets them sit idle, then reads again, before and after a full GC. Prints
 * (after − before) ÷ N for RSS and for the V8 heap, per N. Target (issue 17): ≤ 50 KB of RSS per phone.
 *
 *   npm run bench:memory -- --phones 2000,10000 [--workers 4] [--settle 5] [--timeout 280]
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CreateWorkshopResponse } from '@gommette/shared';
import { forkNode, forkTs, killChildren, removeOnExit } from './children';
import { Channel, type ServerReply, type ServerRequest, type WorkerReply, type WorkerRequest } from './ipc';

const KB = 1024;
const TARGET_KB = 50;

function list(name: string, raw: string): number[] {
  const values = raw.split(',').map(Number);
  if (values.some((value) => !Number.isInteger(value) || value <= 0)) throw new Error(`${name} must be positive integers, got "${raw}"`);
  return values;
}

const { values } = parseArgs({
  options: {
    phones: { type: 'string', default: '2000' },
    workers: { type: 'string', default: '4' },
    settle: { type: 'string', default: '5' },
    timeout: { type: 'string', default: '280' },
  },
  strict: true,
});
const phonesList = list('--phones', values.phones);
const [workerCount, settleS, timeoutS] = [values.workers, values.settle, values.timeout].map((raw) => list('option', raw)[0]!) as [number, number, number];
const deadline = Date.now() + timeoutS * 1000;
const remaining = (): number => {
  const left = deadline - Date.now();
  if (left <= 0) throw new Error('run timeout');
  return left;
};

async function createWorkshop(url: string): Promise<CreateWorkshopResponse> {
  const response = await fetch(`${url}/api/workshops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title: 'Atelier',
      question: 'Que faire ?',
      purpose: 'Choisir ensemble.',
      sites: [{ name: 'Centre' }, { name: 'Maison' }, { name: 'Collège' }],
    }),
  });
  if (response.status !== 201) throw new Error(`workshop creation failed: ${response.status}`);
  return (await response.json()) as CreateWorkshopResponse;
}

interface Measure {
  phones: number;
  connected: number;
  rssBeforeMb: number;
  rssAfterMb: number;
  rssPerPhoneKb: number;
  /** The same before any forced GC (what the process holds, garbage of the handshakes included). */
  rssPerPhoneNoGcKb: number;
  heapPerPhoneKb: number;
}

async function measure(phones: number): Promise<Measure> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'gommette-bench-'));
  const cleanup = removeOnExit(dataDir);
  const server = new Channel<ServerRequest, ServerReply>(
    'server',
    forkNode('serverProcess.ts', { BENCH_DATA_DIR: dataDir }, ['--import', import.meta.resolve('tsx'), '--expose-gc']),
  );
  const workers: Array<Channel<WorkerRequest, WorkerReply>> = [];
  try {
    const { port } = await server.next('listening', remaining());
    const url = `http://127.0.0.1:${port}`;
    const workshop = await createWorkshop(url);
    const { tokens } = await server.ask({ type: 'seed', joinCodes: workshop.sites.map((site) => site.joinCode), participants: phones }, 'seeded', remaining());
    const before = await server.ask({ type: 'stats', gc: true }, 'stats', remaining());
    const size = Math.ceil(tokens.length / workerCount);
    for (let i = 0; i * size < tokens.length; i++) workers.push(new Channel(`load worker ${i + 1}`, forkTs('loadWorker.ts')));
    const replies = await Promise.all(
      workers.map((worker, i) =>
        worker.ask(
          {
            type: 'connect',
            url,
            tokens: tokens.slice(i * size, (i + 1) * size),
            ideasPerClient: 0,
            concurrency: 50,
            ackTimeoutMs: 30_000,
            firstIndex: i * size,
            openLoop: null,
          },
          'connected',
          remaining(),
        ),
      ),
    );
    const connected = replies.reduce((sum, reply) => sum + reply.ok, 0);
    await new Promise((resolve) => setTimeout(resolve, settleS * 1000));
    const settled = await server.ask({ type: 'stats' }, 'stats', remaining());
    const after = await server.ask({ type: 'stats', gc: true }, 'stats', remaining());
    await Promise.all(workers.map((worker) => worker.ask({ type: 'close' }, 'closed', remaining())));
    await server.ask({ type: 'stop' }, 'stopped', remaining());
    return {
      phones,
      connected,
      rssBeforeMb: before.rssBytes / KB / KB,
      rssAfterMb: after.rssBytes / KB / KB,
      rssPerPhoneKb: (after.rssBytes - before.rssBytes) / KB / Math.max(1, connected),
      rssPerPhoneNoGcKb: (settled.rssBytes - before.rssBytes) / KB / Math.max(1, connected),
      heapPerPhoneKb: (after.heapUsedBytes - before.heapUsedBytes) / KB / Math.max(1, connected),
    };
  } finally {
    for (const channel of [server, ...workers]) if (channel.child.exitCode === null && channel.child.signalCode === null) channel.child.kill('SIGKILL');
    await fs.rm(dataDir, { recursive: true, force: true });
    cleanup.forget();
  }
}

async function main(): Promise<number> {
  console.log(
    `Gommette bench: memory per idle phone · node ${process.version} · ${os.cpus().length} CPU(s) · load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  let worst = 0;
  for (const phones of phonesList) {
    const m = await measure(phones);
    worst = Math.max(worst, m.rssPerPhoneKb);
    console.log(
      `${m.connected}/${m.phones} phones idle: RSS ${m.rssBeforeMb.toFixed(1)} → ${m.rssAfterMb.toFixed(1)} MB · ` +
        `per phone: ${m.rssPerPhoneKb.toFixed(1)} KB of RSS after a GC (${m.rssPerPhoneNoGcKb.toFixed(1)} KB before it), ${m.heapPerPhoneKb.toFixed(1)} KB of V8 heap ` +
        `(target ≤ ${TARGET_KB} KB of RSS: ${m.rssPerPhoneKb <= TARGET_KB ? 'met' : 'NOT met'})`,
    );
    if (m.connected !== m.phones) console.log(`  (${m.phones - m.connected} phones did not connect)`);
  }
  console.log(
    `load average at the end: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    killChildren();
    process.exit(1);
  },
);
