/**
 * Vitest global setup: finds a PostgreSQL for the PostgreSQL adapter's tests and hands its admin
 * URL to them (`inject('pgAdminUrl')`). In order: `TEST_DATABASE_URL`; else the local server on
 * 127.0.0.1:5432; else a private throw-away cluster (initdb into a temporary folder, on a free
 * loopback port), installing Debian's `postgresql` first when running as root without it. The
 * private cluster is stopped and removed in teardown. Each test file then creates (and drops)
 * its own database on that server, so parallel files never share tables.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

const LOCAL_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const PROBE_TIMEOUT_MS = 2_000;
const POSTGRES_BIN_ROOT = '/usr/lib/postgresql';
const CLUSTER_START_TIMEOUT_S = 30;

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The bin folder of the newest PostgreSQL Debian installed (/usr/lib/postgresql/<major>/bin). */
function postgresBinDir(): string | null {
  if (!fs.existsSync(POSTGRES_BIN_ROOT)) return null;
  const majors = fs
    .readdirSync(POSTGRES_BIN_ROOT)
    .filter((major) => fs.existsSync(path.join(POSTGRES_BIN_ROOT, major, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return majors[0] ? path.join(POSTGRES_BIN_ROOT, majors[0], 'bin') : null;
}

const isRoot = () => process.getuid?.() === 0;

function ensurePostgresInstalled(): string {
  const found = postgresBinDir();
  if (found) return found;
  if (!isRoot()) throw new Error('PostgreSQL is not installed and this is not root: install Debian\'s "postgresql" or set TEST_DATABASE_URL');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql'], { stdio: 'inherit', env });
  } catch {
    execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql'], { stdio: 'inherit', env });
  }
  const installed = postgresBinDir();
  if (!installed) throw new Error('apt-get installed postgresql but no initdb was found under /usr/lib/postgresql');
  return installed;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** initdb refuses root: as root, the cluster belongs to the `postgres` user Debian's package creates. */
function runAsOwner(bin: string, args: string[]): void {
  const command = isRoot() ? (['runuser', ['-u', 'postgres', '--', bin, ...args]] as const) : ([bin, args] as const);
  execFileSync(command[0], [...command[1]], { stdio: 'pipe' });
}

async function startPrivateCluster(): Promise<{ url: string; stop: () => void }> {
  const bin = ensurePostgresInstalled();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gommette-pg-'));
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    fs.chownSync(dir, uid, gid);
  }
  const dataDir = path.join(dir, 'data');
  const port = await freePort();
  runAsOwner(path.join(bin, 'initdb'), ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
  runAsOwner(path.join(bin, 'pg_ctl'), [
    '-D',
    dataDir,
    '-l',
    path.join(dir, 'postgres.log'),
    '-w',
    '-t',
    String(CLUSTER_START_TIMEOUT_S),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    'start',
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        runAsOwner(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

export default async function setup(project: TestProject): Promise<() => void> {
  const url = process.env.TEST_DATABASE_URL || LOCAL_URL;
  if (await reachable(url)) {
    project.provide('pgAdminUrl', url);
    return () => undefined;
  }
  const cluster = await startPrivateCluster();
  console.info(`PostgreSQL for the tests: no server at ${new URL(url).host}, started a private cluster at ${new URL(cluster.url).host}`);
  project.provide('pgAdminUrl', cluster.url);
  return cluster.stop;
}
