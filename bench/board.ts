/**
 * `npm run bench:board`: the shared board under load, Gommette's /yjs gateway side by side with
 * the plain reference relay of @y/websocket-server, in the same run, on loopback.
 *
 * 1. For 100 and 500 simulated editors (each adds a note, then moves it; open loop at --rate
 *    changes/s in total): propagation from the editor to another client (p50/p95), server CPU
 *    and RSS, for both servers, and the ratios.
 * 2. A board of 5,000 notes: its size (encoded state, and what SQLite stores after compaction),
 *    how long the server takes to load it from SQLite, how long a new client takes to get it.
 * 3. In Debian's Chromium (Playwright), frames per second while panning the projector's board
 *    with 2,000 and 5,000 notes.
 * Every wait is bounded; the whole run takes a few minutes at most.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { BOARD_WS_PROTOCOL, DEFAULT_JOURNEY, addNote, applyJourneyTemplate, boardRoots, readBoard } from '@gommette/shared/board';
import { ask, type BoardServerReply, type BoardTarget, type EditorPlan, type WorkerReply } from './boardProtocol';
import { forkTs, killChildren, removeOnExit } from './children';
import { summarize, type LatencySummary } from './stats';

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}
const EDITORS = option('editors', '100,500').split(',').map(Number);
const RATE = Number(option('rate', '100'));
const BIG_BOARD_NOTES = Number(option('notes', '5000'));
const FPS_NOTES = option('fps', '2000,5000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const WORKERS = 2;
const CLIENT_DIR = path.resolve(import.meta.dirname, '../dist/client');
const now = () => performance.timeOrigin + performance.now();
const MB = 1024 * 1024;

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

interface ServerHandle {
  child: ChildProcess;
  port: number;
  stop(): Promise<void>;
}

async function startServer(target: BoardTarget): Promise<ServerHandle> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gommette-bench-board-'));
  removeOnExit(dataDir);
  const child = forkTs('boardServer.ts', { BOARD_TARGET: target, BENCH_DATA_DIR: dataDir, CLIENT_DIR });
  const { port } = await ask<Extract<BoardServerReply, { type: 'listening' }>>(child, null, 'listening', 30_000);
  return {
    child,
    port,
    stop: async () => {
      await ask(child, { type: 'stop' }, 'stopped', 30_000).catch(() => child.kill('SIGKILL'));
    },
  };
}

function observer(target: BoardTarget, port: number, room: string, token: string): { doc: Y.Doc; provider: WebsocketProvider } {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(target === 'gommette' ? `ws://127.0.0.1:${port}/yjs` : `ws://127.0.0.1:${port}`, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    protocols: target === 'gommette' ? [BOARD_WS_PROTOCOL, token] : [],
    disableBc: true,
  });
  return { doc, provider };
}

interface LoadResult {
  target: BoardTarget;
  editors: number;
  changes: number;
  received: number;
  latency: LatencySummary;
  cpuPercent: number;
  rssMb: number;
  peakRssMb: number;
  samples: number[];
}

async function loadRun(target: BoardTarget, editors: number): Promise<LoadResult> {
  const server = await startServer(target);
  const seeded = await ask<Extract<BoardServerReply, { type: 'seeded' }>>(server.child, { type: 'seed', participants: editors }, 'seeded', 120_000);
  const watch = observer(target, server.port, seeded.workshopId, seeded.facilitatorToken);
  if (!(await waitUntil(() => watch.provider.synced, 10_000))) throw new Error(`${target}: observer did not sync`);
  applyJourneyTemplate(watch.doc);
  const latencies: number[] = [];
  const notes = boardRoots(watch.doc).notes;
  notes.observeDeep((events) => {
    const at = now();
    for (const event of events) {
      if (event.target === notes) {
        for (const key of (event as Y.YMapEvent<unknown>).keysChanged) {
          const stamp = notes.get(key)?.get('t');
          if (typeof stamp === 'number') latencies.push(at - stamp);
        }
      } else if ((event as Y.YMapEvent<unknown>).keysChanged.has('t')) {
        const stamp = (event.target as Y.Map<unknown>).get('t');
        if (typeof stamp === 'number') latencies.push(at - stamp);
      }
    }
  });

  // Adds spread over the first half, each move half the run later: `RATE` changes/s in total.
  const durationMs = ((2 * editors) / RATE) * 1000;
  const plans: EditorPlan[] = seeded.tokens.map((token, index) => {
    const addAtMs = (index / editors) * (durationMs / 2);
    return { token: target === 'gommette' ? token : null, addAtMs, moveAtMs: addAtMs + durationMs / 2 };
  });
  const workers = Array.from({ length: WORKERS }, () => forkTs('boardWorker.ts'));
  const path = target === 'gommette' ? `/yjs/${seeded.workshopId}` : `/${seeded.workshopId}`;
  await Promise.all(
    workers.map((worker, index) =>
      ask<Extract<WorkerReply, { type: 'ready' }>>(
        worker,
        {
          type: 'open',
          url: `ws://127.0.0.1:${server.port}`,
          path,
          editors: plans.filter((_, i) => i % WORKERS === index),
          protocol: target === 'gommette' ? BOARD_WS_PROTOCOL : null,
        },
        'ready',
        120_000,
      ),
    ),
  );
  const before = await ask<Extract<BoardServerReply, { type: 'stats' }>>(server.child, { type: 'stats' }, 'stats');
  const startedWall = Date.now();
  const startAt = Date.now() + 300;
  await Promise.all(workers.map((worker) => ask(worker, { type: 'start', startAt }, 'done', durationMs + 60_000)));
  await waitUntil(() => latencies.length >= 2 * editors, 15_000);
  const after = await ask<Extract<BoardServerReply, { type: 'stats' }>>(server.child, { type: 'stats' }, 'stats');
  const wallMs = Date.now() - startedWall;
  for (const worker of workers) worker.send({ type: 'close' });
  watch.provider.destroy();
  await server.stop();
  return {
    target,
    editors,
    changes: 2 * editors,
    received: latencies.length,
    latency: summarize(latencies),
    cpuPercent: ((after.cpuMicros - before.cpuMicros) / 1000 / wallMs) * 100,
    rssMb: after.rssBytes / MB,
    peakRssMb: after.peakRssBytes / MB,
    samples: latencies,
  };
}

/** Fills a new board with `count` notes (a fifth in the journey's cells, the rest on the free area). */
async function fillBoard(port: number, workshopId: string, token: string, screenToken: string, count: number): Promise<number> {
  const writer = observer('gommette', port, workshopId, token);
  await waitUntil(() => writer.provider.synced, 10_000);
  applyJourneyTemplate(writer.doc);
  for (let start = 0; start < count; start += 250) {
    writer.doc.transact(() => {
      for (let index = start; index < Math.min(count, start + 250); index++) {
        const inCell = index % 5 === 0;
        const steps = DEFAULT_JOURNEY.steps;
        const rows = DEFAULT_JOURNEY.rows;
        addNote(writer.doc, {
          id: `bench-note-${index}`,
          text: `Idée numéro ${index} : un texte de taille moyenne`,
          siteId: null,
          placement: inCell
            ? { kind: 'cell', stepId: steps[index % steps.length]!.id, rowId: rows[Math.floor(index / 7) % rows.length]!.id }
            : { kind: 'free', x: 1700 + (index % 60) * 130, y: 100 + Math.floor(index / 60) * 90 },
          order: index,
        });
      }
    });
  }
  const witness = observer('gommette', port, workshopId, screenToken);
  const arrived = await waitUntil(() => readBoard(witness.doc).notes.length === count, 60_000);
  const bytes = Y.encodeStateAsUpdate(witness.doc).byteLength;
  writer.provider.destroy();
  witness.provider.destroy();
  if (!arrived) throw new Error('the big board did not reach the witness');
  return bytes;
}

interface FpsResult {
  notes: number;
  mode: string;
  fps: number;
  p95FrameMs: number;
  frames: number;
}

async function measureFps(port: number, boards: Array<{ notes: number; workshopId: string; screenToken: string }>): Promise<FpsResult[]> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const results: FpsResult[] = [];
  try {
    for (const board of boards) {
      // The page's CSP forbids eval; the frame counter is evaluated as a string, so bypass it here only.
      const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'fr-FR', bypassCSP: true });
      await page.goto(`http://127.0.0.1:${port}/screen/${board.workshopId}#k=${board.screenToken}`);
      await page.getByTestId('board-toggle').click({ timeout: 30_000 });
      await page.waitForFunction(`window.__gommette?.board()?.notes.length === ${board.notes}`, undefined, { timeout: 60_000 });
      const canvas = page.getByTestId('board-canvas');
      const box = (await canvas.boundingBox())!;
      const center = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      for (const mode of ['whole board (fit)', 'zoomed in ×4']) {
        await page.getByTestId('board-fit').click();
        if (mode !== 'whole board (fit)') for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Zoomer', exact: true }).click();
        await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
        await page.evaluate(START_FRAME_COUNTER);
        await page.mouse.move(center.x, center.y);
        await page.mouse.down();
        for (let step = 1; step <= 120; step++) {
          const offset = step <= 60 ? step * 8 : (120 - step) * 8;
          await page.mouse.move(center.x + offset, center.y + offset / 2);
        }
        await page.mouse.up();
        const frames = (await page.evaluate(STOP_FRAME_COUNTER)) as number[];
        const total = frames.reduce((sum, value) => sum + value, 0);
        results.push({ notes: board.notes, mode, fps: (frames.length / total) * 1000, p95FrameMs: summarize(frames).p95, frames: frames.length });
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return results;
}

// Run in the page, as strings (tsx would add helpers a page does not have): every frame's
// duration from the start until the stop.
const START_FRAME_COUNTER = `(() => {
  window.__frames = [];
  window.__measuring = true;
  let last = performance.now();
  const tick = (time) => {
    window.__frames.push(time - last);
    last = time;
    if (window.__measuring) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;
const STOP_FRAME_COUNTER = `(() => {
  window.__measuring = false;
  return window.__frames.slice(1);
})()`;

const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—');

async function main(): Promise<void> {
  const started = Date.now();
  if (!fs.existsSync(path.join(CLIENT_DIR, 'index.html'))) throw new Error('build the client first (npm run build)');
  console.log(
    `Board benchmark: editors ${EDITORS.join(', ')}, ${RATE} changes/s, ${WORKERS} load processes, loopback only; load average now ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores\n`,
  );

  // Each pair runs A-B-B-A (Gommette, reference, reference, Gommette) so that a drift in the
  // machine's load (other work on the same cores) weighs on both alike; each target's figures
  // pool its two runs.
  const results: LoadResult[] = [];
  for (const editors of EDITORS) {
    const runs: LoadResult[] = [];
    for (const target of ['gommette', 'reference', 'reference', 'gommette'] as const) {
      const result = await loadRun(target, editors);
      runs.push(result);
      console.log(
        `  run ${target.padEnd(9)} ${String(editors).padStart(3)} editors: ${result.received}/${result.changes} changes seen, p50 ${fmt(result.latency.p50)} ms, p95 ${fmt(result.latency.p95)} ms; CPU ${fmt(result.cpuPercent)} %`,
      );
    }
    for (const target of ['gommette', 'reference'] as const) {
      const mine = runs.filter((run) => run.target === target);
      const pooled: LoadResult = {
        target,
        editors,
        changes: mine.reduce((sum, run) => sum + run.changes, 0),
        received: mine.reduce((sum, run) => sum + run.received, 0),
        latency: summarize(mine.flatMap((run) => run.samples)),
        cpuPercent: mine.reduce((sum, run) => sum + run.cpuPercent, 0) / mine.length,
        rssMb: Math.max(...mine.map((run) => run.rssMb)),
        peakRssMb: Math.max(...mine.map((run) => run.peakRssMb)),
        samples: [],
      };
      results.push(pooled);
      console.log(
        `${target.padEnd(9)} ${String(editors).padStart(3)} editors: ${pooled.received}/${pooled.changes} changes seen, propagation p50 ${fmt(pooled.latency.p50)} ms, p95 ${fmt(pooled.latency.p95)} ms, max ${fmt(pooled.latency.max)} ms; server CPU ${fmt(pooled.cpuPercent)} % of one core, peak RSS ${fmt(pooled.peakRssMb)} MB`,
      );
    }
    const ours = results.find((r) => r.editors === editors && r.target === 'gommette')!;
    const ref = results.find((r) => r.editors === editors && r.target === 'reference')!;
    console.log(
      `  ratio Gommette / reference at ${editors}: p50 ×${fmt(ours.latency.p50 / ref.latency.p50, 2)}, p95 ×${fmt(ours.latency.p95 / ref.latency.p95, 2)}, CPU ×${fmt(ours.cpuPercent / ref.cpuPercent, 2)}, peak RSS ×${fmt(ours.peakRssMb / ref.peakRssMb, 2)}\n`,
    );
  }

  // The big board: size, stored size after compaction, load times; then the browser.
  const server = await startServer('gommette');
  try {
    const sizes = [...new Set([BIG_BOARD_NOTES, ...FPS_NOTES])];
    const boards: Array<{ notes: number; workshopId: string; screenToken: string }> = [];
    for (const notes of sizes) {
      const seeded = await ask<Extract<BoardServerReply, { type: 'seeded' }>>(server.child, { type: 'seed', participants: 0 }, 'seeded');
      const bytes = await fillBoard(server.port, seeded.workshopId, seeded.facilitatorToken, seeded.screenToken, notes);
      boards.push({ notes, workshopId: seeded.workshopId, screenToken: seeded.screenToken });
      if (notes !== BIG_BOARD_NOTES) continue;
      // Everyone left: the room saves, compacts and unloads.
      let stored = { rows: 0, bytes: 0 };
      for (let attempt = 0; attempt < 100; attempt++) {
        stored = await ask<Extract<BoardServerReply, { type: 'stored' }>>(server.child, { type: 'stored', workshopId: seeded.workshopId }, 'stored');
        if (stored.rows === 1) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const load = await ask<Extract<BoardServerReply, { type: 'loadTime' }>>(server.child, { type: 'loadTime', workshopId: seeded.workshopId }, 'loadTime');
      const joinStarted = performance.now();
      const reader = observer('gommette', server.port, seeded.workshopId, seeded.screenToken);
      await waitUntil(() => reader.provider.synced && readBoard(reader.doc).notes.length === notes, 30_000);
      const joinMs = performance.now() - joinStarted;
      reader.provider.destroy();
      console.log(
        `Board of ${notes} notes: ${fmt(bytes / 1024)} KB encoded, ${fmt(stored.bytes / 1024)} KB stored in ${stored.rows} row(s) after compaction; server loads it from SQLite in ${fmt(load.ms)} ms (${load.notes} notes), a new client has it in ${fmt(joinMs)} ms`,
      );
    }
    if (FPS_NOTES.length > 0) {
      const fps = await measureFps(
        server.port,
        boards.filter((board) => FPS_NOTES.includes(board.notes)),
      );
      console.log('\nPanning the projector board in Chromium (1920×1080, software rendering as on this machine):');
      for (const result of fps) {
        console.log(
          `  ${String(result.notes).padStart(5)} notes, ${result.mode.padEnd(18)}: ${fmt(result.fps)} fps (p95 frame ${fmt(result.p95FrameMs)} ms, ${result.frames} frames)`,
        );
      }
    }
  } finally {
    await server.stop();
  }
  console.log(`\nDone in ${fmt((Date.now() - started) / 1000, 0)} s.`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    killChildren();
    process.exit(1);
  },
);
