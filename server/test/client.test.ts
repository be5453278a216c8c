import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { removeDataDir, startServer, tempDataDir, type TestServer } from './helpers';

let server: TestServer | null = null;
const dirs: string[] = [];
afterEach(async () => {
  await server?.close();
  server = null;
  for (const dir of dirs.splice(0)) removeDataDir(dir);
});

describe('the built client', () => {
  it('is served compressed, hashed assets cached for a year, and every page path gets index.html', async () => {
    const clientDir = tempDataDir();
    dirs.push(clientDir);
    fs.mkdirSync(path.join(clientDir, 'assets'));
    fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>Gommette</title><script type="module" src="/assets/index-abc.js"></script>');
    const script = `export const words = ${JSON.stringify('idée '.repeat(5000))};`;
    fs.writeFileSync(path.join(clientDir, 'assets/index-abc.js'), script);
    server = await startServer({ env: { CLIENT_DIR: clientDir } });

    const asset = await fetch(`${server.url}/assets/index-abc.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(await asset.text()).toBe(script);

    const page = await fetch(`${server.url}/j/ABCDEF`);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toContain('<title>Gommette</title>');
  });

  it('sends phone.html for the phone page (/j, /j/<code>) when it is built, index.html for every other page', async () => {
    const clientDir = tempDataDir();
    dirs.push(clientDir);
    fs.mkdirSync(path.join(clientDir, 'assets'));
    fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>staff</title>');
    fs.writeFileSync(path.join(clientDir, 'phone.html'), '<!doctype html><title>phone</title>');
    fs.writeFileSync(path.join(clientDir, 'phone-sw.js'), 'self.addEventListener("fetch", () => {});');
    server = await startServer({ env: { CLIENT_DIR: clientDir } });

    for (const route of ['/j', '/j/', '/j/ABCDEF', '/j/ABCDEF/']) {
      const page = await fetch(`${server.url}${route}`);
      expect(page.headers.get('cache-control'), route).toBe('no-cache');
      expect(await page.text(), route).toContain('<title>phone</title>');
    }
    for (const route of ['/', '/console/abc', '/kiosk/abc', '/screen/abc', '/jx', '/j/ABCDEF/more']) {
      expect(await (await fetch(`${server.url}${route}`)).text(), route).toContain('<title>staff</title>');
    }
    const worker = await fetch(`${server.url}/phone-sw.js`);
    expect(worker.status).toBe(200);
    expect(worker.headers.get('content-type')).toContain('javascript');
  });

  it('answers a missing or climbing asset path with a quiet 404, not a 500 with a stack in the log', async () => {
    const clientDir = tempDataDir();
    dirs.push(clientDir);
    fs.mkdirSync(path.join(clientDir, 'assets'));
    fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>Gommette</title>');
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    server = await startServer({ env: { CLIENT_DIR: clientDir }, logger });

    for (const route of ['/assets/missing-abc.js', '/assets/..%2f..%2fpackage.json', '/assets/'] /* fetch itself resolves a plain %2e%2e */) {
      const reply = await fetch(`${server.url}${route}`);
      expect(reply.status, route).toBe(404);
      expect(await reply.json(), route).toMatchObject({ ok: false, code: 'not_found' });
    }
    expect(lines.filter((line) => /"level":(50|60)/.test(line) || line.includes('stack'))).toEqual([]);
  });
});
