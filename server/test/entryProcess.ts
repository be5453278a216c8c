/** The real entry point (server/src/index.ts under tsx) in its own process, for tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

const ENTRY = path.resolve(import.meta.dirname, '../src/index.ts');
const ROOT = path.resolve(import.meta.dirname, '../..');

/** Starts it on DATA_DIR `dataDir` (PORT 0 unless `env` says); `ready` resolves with its URL, `lines` keeps stdout. */
export function startEntry(
  dataDir: string,
  env: Record<string, string> = {},
): { child: ChildProcess; ready: Promise<string>; exited: Promise<{ code: number | null; at: number }>; lines: string[] } {
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
  const lines: string[] = [];
  const exited = new Promise<{ code: number | null; at: number }>((resolve) => child.once('exit', (code) => resolve({ code, at: Date.now() })));
  const ready = new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      try {
        const entry = JSON.parse(line) as { msg?: string; port?: number };
        if (entry.msg?.startsWith('Gommette is ready') && entry.port) resolve(`http://127.0.0.1:${entry.port}`);
      } catch {
        // Readable lines (LOG_FORMAT=pretty): the address comes first.
        const port = /Ouvre http:\/\/localhost:(\d+)\//.exec(line)?.[1];
        if (port) resolve(`http://127.0.0.1:${port}`);
      }
    });
    void exited.then(({ code }) => reject(new Error(`the server exited (${code}) before it was ready`)));
  });
  ready.catch(() => undefined);
  return { child, ready, exited, lines };
}
