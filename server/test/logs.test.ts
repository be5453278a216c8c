/**
 * Logs (issue 14): JSON lines for machines by default (no terminal), readable lines with
 * LOG_FORMAT=pretty (what a terminal gets by default), starting with the addresses to open.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startEntry } from './entryProcess';
import { removeDataDir, tempDataDir } from './helpers';

const dirs: string[] = [];
const kills: Array<() => void> = [];
afterAll(() => {
  for (const kill of kills) kill();
  for (const dir of dirs) removeDataDir(dir);
});

async function run(env: Record<string, string>): Promise<string[]> {
  const dataDir = tempDataDir();
  dirs.push(dataDir);
  const server = startEntry(dataDir, env);
  kills.push(() => server.child.exitCode === null && server.child.kill('SIGKILL'));
  const url = await server.ready;
  expect((await fetch(`${url}/api/nope`)).status).toBe(404);
  server.child.kill('SIGTERM');
  expect((await server.exited).code).toBe(0);
  return server.lines.filter((line) => line.trim() !== '');
}

describe('server logs', () => {
  it('are JSON lines when no terminal is attached', { timeout: 60_000 }, async () => {
    const lines = await run({});
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(lines.some((line) => (JSON.parse(line) as { msg: string }).msg.startsWith('Gommette is ready'))).toBe(true);
  });

  it('are readable lines with LOG_FORMAT=pretty, the addresses first', { timeout: 60_000 }, async () => {
    const lines = await run({ LOG_FORMAT: 'pretty' });
    expect(lines[0]).toMatch(/^ {2}Gommette est prêt\. Ouvre http:\/\/localhost:\d+\/ pour créer un atelier\.$/);
    const logLines = lines.filter((line) => !line.startsWith('  '));
    expect(
      logLines.some((line) => /^\[\d\d:\d\d:\d\d\] INFO: Gommette is ready: open http:\/\/localhost:\d+\/ to create a workshop \{"port":\d+/.test(line)),
    ).toBe(true);
    expect(logLines.some((line) => line.includes('shutting down'))).toBe(true);
    for (const line of logLines) expect(line.startsWith('{')).toBe(false);
  });
});
