// Start time (spawn → /healthz answers) and idle RSS of the server, under tsx and compiled
// (dist/server/index.mjs, `npm run build` first), 5 runs each, SQLite in a fresh DATA_DIR.
// Run: node bench/startup.mjs
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const RUNS = 5;
const modes = {
  tsx: ['--import', 'tsx', path.join(root, 'server/src/index.ts')],
  compiled: [path.join(root, 'dist/server/index.mjs')],
};

const freePort = () =>
  new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

function rssKb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]);
}

async function once(args) {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gommette-startup-'));
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: 'ignore',
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'production' },
  });
  try {
    for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const ms = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 2000));
    return { ms, rssMb: rssKb(child.pid) / 1024 };
  } finally {
    child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
for (const [mode, args] of Object.entries(modes)) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once(args));
  console.log(
    `${mode.padEnd(8)} start to /healthz: median ${median(runs.map((r) => r.ms)).toFixed(0)} ms (${runs.map((r) => r.ms.toFixed(0)).join(', ')}); ` +
      `idle RSS: median ${median(runs.map((r) => r.rssMb)).toFixed(0)} MB (${runs.map((r) => r.rssMb.toFixed(0)).join(', ')})`,
  );
}
