/**
 * Forks the bench's TypeScript children (server process, load workers) under tsx, and makes
 * sure nothing outlives the parent: however it exits, every child is killed and every
 * temporary directory removed.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildServer } from '../scripts/build-server.mjs';

const live = new Set<ChildProcess>();
const temporaryDirs = new Set<string>();

/** Runs `bench/<file>` in a new Node process with the tsx loader and an IPC channel. */
export function forkTs(file: string, env: Record<string, string> = {}): ChildProcess {
  return forkNode(file, env, ['--import', import.meta.resolve('tsx')]);
}

/**
 * The bench's server process (`bench/<file>`, which composes the server like server/src/index.ts):
 * under tsx by default, or with BENCH_SERVER=bundle built first by esbuild as `npm run build`
 * builds dist/server (scripts/build-server.mjs) and run with plain Node, as deployed.
 */
export async function forkServer(file: string, env: Record<string, string> = {}): Promise<ChildProcess> {
  const mode = process.env.BENCH_SERVER ?? 'tsx';
  if (mode === 'tsx') return forkTs(file, env);
  if (mode !== 'bundle') throw new Error(`BENCH_SERVER must be tsx or bundle, got "${mode}"`);
  const bundle = `../node_modules/.cache/gommette-bench/${path.basename(file, '.ts')}.mjs`;
  await buildServer(path.join(import.meta.dirname, bundle), path.join(import.meta.dirname, file));
  return forkNode(bundle, env);
}

/** Runs `bench/<file>` (JavaScript, or TypeScript with the tsx loader in `execArgv`) in a new Node process. */
export function forkNode(file: string, env: Record<string, string> = {}, execArgv: string[] = []): ChildProcess {
  const child = fork(path.join(import.meta.dirname, file), [], {
    execArgv,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

/** Kills every child still running (SIGKILL: used on failure paths, where nothing is owed to them). */
export function killChildren(): void {
  for (const child of live) child.kill('SIGKILL');
  live.clear();
}

/** Removes `dir` when the parent exits, unless `forget` was called first. */
export function removeOnExit(dir: string): { forget: () => void } {
  temporaryDirs.add(dir);
  return { forget: () => temporaryDirs.delete(dir) };
}

process.on('exit', () => {
  killChildren();
  for (const dir of temporaryDirs) fs.rmSync(dir, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killChildren();
    process.exit(130);
  });
}

/** The PostgreSQL server for a bench's scratch database: BENCH_DATABASE_URL, TEST_DATABASE_URL, else the machine's own. */
export function benchPostgresUrl(): string {
  return process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}
