/**
 * The real entry point (server/src/index.ts) in its own process with DATABASE_URL set: it picks
 * PostgreSQL, migrates, serves /healthz through the pool, stores over REST in PostgreSQL (nothing
 * in DATA_DIR), and shuts down cleanly on SIGTERM (the shared pool closed once).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../src/store/pg/testDatabase';
import { createWorkshop, joinAs, removeDataDir, tempDataDir } from './helpers';

const ENTRY = path.resolve(import.meta.dirname, '../src/index.ts');
const ROOT = path.resolve(import.meta.dirname, '../..');
const START_TIMEOUT_MS = 45_000;

interface Started {
  child: ChildProcess;
  url: string;
  storage: string;
}

function startEntry(env: Record<string, string>, dataDir: string): { child: ChildProcess; ready: Promise<Started>; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      CLIENT_DIR: path.join(dataDir, 'no-client'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<Started>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const entry = JSON.parse(line) as { msg?: string; port?: number; storage?: string };
        if (entry.msg?.startsWith('Gommette is ready') && entry.port) resolve({ child, url: `http://127.0.0.1:${entry.port}`, storage: entry.storage ?? '' });
      } catch {
        // not a log line
      }
    });
    void exited.then((code) => reject(new Error(`the server exited (${code}) before it was ready`)));
  });
  ready.catch(() => undefined); // a test that expects an early exit never awaits it
  return { child, ready, exited };
}

describe('the server with DATABASE_URL', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('stores in PostgreSQL, answers /healthz and stops cleanly', { timeout: START_TIMEOUT_MS * 2 }, async () => {
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    const dataDir = tempDataDir();
    cleanups.push(() => removeDataDir(dataDir));
    const server = startEntry({ DATABASE_URL: database.url }, dataDir);
    cleanups.push(() => {
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
    });
    const { url, storage } = await server.ready;
    expect(storage).toBe('postgresql');

    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });

    const workshop = await createWorkshop(url);
    await joinAs(url, workshop.sites[0]!.joinCode);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      expect((await client.query('SELECT id FROM workshops')).rows).toEqual([{ id: workshop.id }]);
      expect((await client.query('SELECT COUNT(*)::int AS n FROM participants')).rows).toEqual([{ n: 1 }]);
    } finally {
      await client.end();
    }
    expect(fs.existsSync(path.join(dataDir, 'gommette.sqlite'))).toBe(false);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('refuses to start when PostgreSQL cannot be reached', { timeout: START_TIMEOUT_MS }, async () => {
    const dataDir = tempDataDir();
    cleanups.push(() => removeDataDir(dataDir));
    const server = startEntry({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/gommette' }, dataDir);
    expect(await server.exited).toBe(1);
  });
});
