import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/** A free loopback port (the probe closes before the port is used). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export interface ServerProcessOptions {
  /** Run the compiled bundle dist/server/index.mjs with plain Node (as `npm start`), not the sources under tsx. */
  compiled?: boolean;
  /** Extra environment, e.g. PUBLIC_URL and TRUST_PROXY behind a proxy. */
  env?: Record<string, string>;
}

/**
 * The real server as a separate process (as `npm start` runs it), on loopback, with its own
 * data folder; it can be killed without warning and started again on the same port and data.
 */
export class ServerProcess {
  private child: ChildProcess | null = null;
  private output = '';

  private constructor(
    readonly port: number,
    readonly dataDir: string,
    private readonly options: ServerProcessOptions,
  ) {}

  static async start(options: ServerProcessOptions = {}): Promise<ServerProcess> {
    const server = new ServerProcess(await freePort(), fs.mkdtempSync(path.join(os.tmpdir(), 'gommette-e2e-')), options);
    await server.boot();
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async boot(): Promise<void> {
    const args = this.options.compiled ? [path.join(root, 'dist/server/index.mjs')] : ['--import', 'tsx', path.join(root, 'server/src/index.ts')];
    if (this.options.compiled && !fs.existsSync(args[0]!)) throw new Error('dist/server/index.mjs is missing: run `npm run build` first');
    this.child = spawn(process.execPath, args, {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        DATA_DIR: this.dataDir,
        LOG_LEVEL: 'warn',
        CLIENT_DIR: path.join(root, 'dist/client'),
        ...this.options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`server exited at start:\n${this.output}`);
      try {
        if ((await fetch(`${this.url}/healthz`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`server not ready in 20 s:\n${this.output}`);
  }

  /** SIGKILL: no graceful shutdown, as in a crash. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    this.child = null;
  }

  async restart(): Promise<void> {
    await this.kill();
    await this.boot();
  }

  async stop(): Promise<void> {
    await this.kill();
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}
