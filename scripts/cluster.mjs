// `npm run cluster`: a local cluster on loopback for tests and benchmarks. Redis (found or
// started), then N Gommette nodes sharing one store (PostgreSQL with --pg / DATABASE_URL, else
// ONE SQLite file in WAL mode: valid on one machine only), and a small sticky load balancer
// in front (http-proxy, WebSocket upgrades included): a cookie pins a browser to its node, and a
// request whose node is down goes to a live one (the cookie follows).
// As a module: `const cluster = await startCluster({ nodes: 3 })`, then `cluster.urls`,
// `cluster.kill(i)`, `cluster.restart(i)`, `cluster.stop()`.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import httpProxy from 'http-proxy';
import { createClient } from 'redis';
import { ensureRedis, freePort } from './redis.mjs';

const root = path.resolve(import.meta.dirname, '..');
export const NODE_COOKIE = 'gommette_node';
/** A busy two-core machine can take long to load the server's TypeScript. */
const READY_TIMEOUT_MS = 120_000;
const HEALTH_INTERVAL_MS = 500;
const HEALTH_TIMEOUT_MS = 1_000;

async function waitHealthy(url, child, output) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`node exited at start:\n${output()}`);
    try {
      if ((await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`node not ready in ${READY_TIMEOUT_MS} ms:\n${output()}`);
}

function cookieNode(header) {
  const match = new RegExp(`(?:^|;\\s*)${NODE_COOKIE}=(\\d+)`).exec(header ?? '');
  return match ? Number(match[1]) : null;
}

/** One Gommette process on its own loopback port. */
class NodeProcess {
  constructor(index, port, env, entry) {
    this.index = index;
    this.port = port;
    this.env = env;
    /** server/src/index.ts (under tsx), or a bundle of it (.mjs, plain Node). */
    this.entry = entry;
    this.child = null;
    this.output = '';
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  get alive() {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  get pid() {
    return this.child?.pid ?? null;
  }

  async boot() {
    this.output = '';
    // NODE_ARGS_FOR_NODES: extra Node flags for every node (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`
    // to profile a benchmark's server side; Node refuses such flags in NODE_OPTIONS).
    const extra = (process.env.NODE_ARGS_FOR_NODES ?? '').split(' ').filter(Boolean);
    const args = [...extra, ...(this.entry.endsWith('.ts') ? ['--import', 'tsx', this.entry] : [this.entry])];
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, ...this.env, PORT: String(this.port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const keep = (chunk) => {
      this.output = (this.output + chunk.toString()).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    await waitHealthy(this.url, child, () => this.output);
  }

  /** SIGKILL (a crash) by default; SIGTERM lets it save and say goodbye. */
  async kill(signal = 'SIGKILL') {
    const child = this.child;
    if (!child || !this.alive) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }
}

async function forgetPrefix(url, prefix) {
  const client = createClient({ url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    for await (const keys of client.scanIterator({ MATCH: `${prefix}:*`, COUNT: 500 })) if (keys.length > 0) await client.del(keys);
  } finally {
    await client.close();
  }
}

/** The balancer: sticky by cookie, failing over to a live node. */
function createBalancer(nodes) {
  const proxy = httpProxy.createProxyServer({ xfwd: true, ws: true });
  const healthy = new Set(nodes.map((node) => node.index));
  let next = 0;

  const pick = (req) => {
    const isLive = (node) => healthy.has(node.index) && node.alive;
    const wanted = cookieNode(req.headers.cookie);
    if (wanted !== null && wanted < nodes.length) {
      if (isLive(nodes[wanted])) return { node: nodes[wanted], assigned: false };
      // Its node is down: the next live one in the ring, the same for every request of this
      // client (a polling session must not hop between nodes), and the cookie follows.
      for (let step = 1; step < nodes.length; step++) {
        const node = nodes[(wanted + step) % nodes.length];
        if (isLive(node)) return { node, assigned: true };
      }
      return null;
    }
    const live = nodes.filter(isLive);
    if (live.length === 0) return null;
    return { node: live[next++ % live.length], assigned: true };
  };

  proxy.on('proxyRes', (proxyRes, req) => {
    if (!req.gommetteAssigned) return;
    const cookie = `${NODE_COOKIE}=${req.gommetteNode}; Path=/; HttpOnly; SameSite=Lax`;
    const existing = proxyRes.headers['set-cookie'] ?? [];
    proxyRes.headers['set-cookie'] = [...(Array.isArray(existing) ? existing : [existing]), cookie];
  });
  proxy.on('error', (error, req, res) => {
    const index = req.gommetteNode;
    if (index !== undefined && ['ECONNREFUSED', 'ECONNRESET'].includes(error.code)) healthy.delete(index);
    if (res instanceof http.ServerResponse) {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('node unavailable');
    } else res?.destroy?.();
  });

  const server = http.createServer((req, res) => {
    const choice = pick(req);
    if (!choice) {
      res.writeHead(503, { 'content-type': 'text/plain' });
      return res.end('no live node');
    }
    req.gommetteNode = choice.node.index;
    req.gommetteAssigned = choice.assigned;
    proxy.web(req, res, { target: choice.node.url });
  });
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    const choice = pick(req);
    if (!choice) return socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    req.gommetteNode = choice.node.index;
    proxy.ws(req, socket, head, { target: choice.node.url });
  });

  const check = setInterval(() => {
    for (const node of nodes) {
      if (!node.alive) {
        healthy.delete(node.index);
        continue;
      }
      fetch(`${node.url}/healthz`, { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) }).then(
        (response) => (response.ok ? healthy.add(node.index) : healthy.delete(node.index)),
        () => healthy.delete(node.index),
      );
    }
  }, HEALTH_INTERVAL_MS);
  check.unref();

  return {
    server,
    healthy,
    close: () =>
      new Promise((resolve) => {
        clearInterval(check);
        proxy.close();
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/**
 * @param {object} [options]
 * @param {number} [options.nodes] how many nodes (3)
 * @param {boolean} [options.redis] false: no Redis (each node alone; for one node)
 * @param {string} [options.redisUrl] a Redis to use (default: REDIS_URL, 127.0.0.1:6379, or a private one)
 * @param {string} [options.databaseUrl] PostgreSQL for the store (default: DATABASE_URL with `pg`)
 * @param {boolean} [options.pg] use DATABASE_URL (the PostgreSQL adapter) rather than one SQLite file
 * @param {string} [options.dataDir] the shared SQLite folder (default: a new temporary one, removed on stop)
 * @param {number} [options.port] the balancer's port (0: a free one)
 * @param {string} [options.logLevel] the nodes' LOG_LEVEL ('warn')
 * @param {Record<string, string>} [options.env] more environment for the nodes
 * @param {string} [options.entry] what each node runs: server/src/index.ts under tsx (default), or a bundle of it (.mjs)
 * @param {(line: string) => void} [options.log]
 */
export function createCluster(options = {}) {
  const count = options.nodes ?? 3;
  const log = options.log ?? (() => undefined);
  let redis = null;
  let balancer = null;
  let ownsDataDir = false;
  const nodes = [];
  const cluster = {
    urls: { balancer: '', nodes: [], redis: '' },
    nodes,
    prefix: `gommette-${randomBytes(4).toString('hex')}`,
    dataDir: options.dataDir ?? '',

    async start() {
      const databaseUrl = options.databaseUrl ?? (options.pg ? process.env.DATABASE_URL : undefined);
      if (options.pg && !databaseUrl) throw new Error('--pg needs DATABASE_URL (postgres://…)');
      // `redis: false`: nodes without REDIS_URL (one node alone, for comparisons).
      if (options.redis !== false) redis = await ensureRedis({ url: options.redisUrl ?? process.env.REDIS_URL, log });
      if (!cluster.dataDir) {
        cluster.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gommette-cluster-'));
        ownsDataDir = true;
      }
      const env = {
        DATA_DIR: cluster.dataDir,
        ...(redis ? { REDIS_URL: redis.url, REDIS_PREFIX: cluster.prefix } : {}),
        TRUST_PROXY: '1',
        LOG_LEVEL: options.logLevel ?? 'warn',
        CLIENT_DIR: path.join(root, 'dist/client'),
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
        ...options.env,
      };
      const entry = options.entry ?? path.join(root, 'server/src/index.ts');
      for (let index = 0; index < count; index++) nodes.push(new NodeProcess(index, await freePort(), env, entry));
      try {
        // The first node applies the store's migrations; then the others start together.
        await nodes[0].boot();
        await Promise.all(nodes.slice(1).map((node) => node.boot()));
      } catch (error) {
        await cluster.stop();
        throw error;
      }
      balancer = createBalancer(nodes);
      await new Promise((resolve) => balancer.server.listen(options.port ?? 0, '127.0.0.1', resolve));
      cluster.urls = {
        balancer: `http://127.0.0.1:${balancer.server.address().port}`,
        nodes: nodes.map((node) => node.url),
        redis: redis?.url ?? '',
      };
      log(`Redis ${redis?.url ?? 'none'}; store ${databaseUrl ? 'PostgreSQL' : `SQLite in ${cluster.dataDir}`}`);
      return cluster;
    },

    /** SIGKILL node `index` (a crash), or SIGTERM (a stop). The balancer sends its clients to the live nodes. */
    async kill(index, signal = 'SIGKILL') {
      // A graceful stop is drained first, as Caddy's lb_try_duration retries another node at once:
      // the phones it tells to reconnect go to the live nodes.
      if (signal !== 'SIGKILL') balancer?.healthy.delete(index);
      await nodes[index].kill(signal);
      balancer?.healthy.delete(index);
    },

    /** Starts node `index` again on its port (after a kill). */
    async restart(index) {
      await nodes[index].kill();
      await nodes[index].boot();
      balancer?.healthy.add(index);
    },

    /** Per node: its pid and whether it is alive. */
    status() {
      return nodes.map((node) => ({ index: node.index, url: node.url, pid: node.pid, alive: node.alive }));
    },

    async stop() {
      await balancer?.close();
      await Promise.all(nodes.map((node) => node.kill('SIGTERM')));
      // A shared Redis keeps nothing of this cluster (its stream, sessions, presence, claims).
      if (redis && !redis.started) await forgetPrefix(redis.url, cluster.prefix).catch(() => undefined);
      await redis?.stop();
      if (ownsDataDir) fs.rmSync(cluster.dataDir, { recursive: true, force: true });
    },
  };
  return cluster;
}

export function startCluster(options = {}) {
  return createCluster(options).start();
}

async function main() {
  const { values } = parseArgs({
    options: {
      nodes: { type: 'string', default: '3' },
      port: { type: 'string', default: '3000' },
      pg: { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
    },
  });
  const cluster = createCluster({
    nodes: Number(values.nodes),
    port: Number(values.port),
    pg: values.pg,
    ...(values['data-dir'] ? { dataDir: path.resolve(values['data-dir']) } : {}),
    logLevel: process.env.LOG_LEVEL ?? 'info',
    log: (line) => console.log(line),
  });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    cluster.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await cluster.start();
  console.log(`Balancer: ${cluster.urls.balancer}`);
  cluster.urls.nodes.forEach((url, index) => console.log(`Node ${index}: ${url}`));
  console.log('Ctrl-C stops the cluster.');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
