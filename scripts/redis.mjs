// Finds a Redis for the cluster, its tests and its benchmark: the one at `url` (REDIS_URL), or
// one already listening on 127.0.0.1:6379, or else a private `redis-server` on a free loopback
// port that keeps nothing on disk (installing Debian's redis-server with apt-get when root).
import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';

const DEFAULT_URL = 'redis://127.0.0.1:6379';
const PING_TIMEOUT_MS = 1_000;
const START_TIMEOUT_MS = 10_000;

/** Resolves true when a Redis answers PING at this URL (no password, no TLS). */
export function pingRedis(url) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379) });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(PING_TIMEOUT_MS, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function hasRedisServer() {
  return spawnSync('sh', ['-c', 'command -v redis-server'], { stdio: 'ignore' }).status === 0;
}

function installRedisServer(log) {
  if (process.getuid?.() !== 0) throw new Error('redis-server is missing: install it (apt-get install redis-server) or set REDIS_URL');
  log('Installing redis-server with apt-get…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let result = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'redis-server'], { stdio: 'inherit', env });
  if (result.status !== 0) {
    spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    result = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'redis-server'], { stdio: 'inherit', env });
  }
  if (result.status !== 0 || !hasRedisServer()) throw new Error('could not install redis-server');
}

/**
 * @param {{ url?: string, preferDefault?: boolean, log?: (line: string) => void }} options
 * @returns {Promise<{ url: string, started: boolean, stop: () => Promise<void> }>}
 */
export async function ensureRedis(options = {}) {
  const log = options.log ?? (() => undefined);
  const nothing = async () => undefined;
  if (options.url) {
    if (!(await pingRedis(options.url))) throw new Error(`no Redis answers at ${options.url}`);
    return { url: options.url, started: false, stop: nothing };
  }
  if (options.preferDefault !== false && (await pingRedis(DEFAULT_URL))) return { url: DEFAULT_URL, started: false, stop: nothing };
  if (!hasRedisServer()) installRedisServer(log);
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: false,
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk.toString()));
  const url = `redis://127.0.0.1:${port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!(await pingRedis(url))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`redis-server did not start on port ${port}: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  log(`Started redis-server at ${url} (pid ${child.pid})`);
  return {
    url,
    started: true,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
