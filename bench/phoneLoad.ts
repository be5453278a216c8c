/**
 * `npm run bench:phone`: how fast a resident's phone can use a join link on a weak connection.
 * Debian's Chromium (Playwright) with the "slow 4G" profile through CDP (150 ms round trips,
 * 1.6 Mbit/s down, 750 kbit/s up) and a 4× CPU slowdown, a fresh browser context each run (no
 * cache). For each of RUNS runs it prints the JavaScript bytes the page downloaded (compressed on
 * the wire, as the server sends them) and the time from navigation to the météo buttons being
 * usable (visible and enabled: the phone can join), then the median.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';

const RUNS = Number(process.argv.find((arg) => arg.startsWith('--runs='))?.slice(7) ?? 5);
const ROOT = path.resolve(import.meta.dirname, '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, 'dist/client/index.html'))) throw new Error('build the client first (npm run build)');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gommette-phone-bench-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // Only what the bench means: no PUBLIC_URL, TRUST_PROXY… inherited from the shell.
  const { PUBLIC_URL: _publicUrl, TRUST_PROXY: _trustProxy, ...env } = process.env;
  const server = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/src/index.ts')], {
    cwd: ROOT,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', CLIENT_DIR: path.join(ROOT, 'dist/client') },
    stdio: 'ignore',
  });
  const stop = () => {
    server.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      if ((await fetch(`${url}/healthz`).catch(() => null))?.ok) break;
      if (Date.now() > deadline) throw new Error('server did not start within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const created = await fetch(`${url}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Banc', question: 'Comment aider ?', purpose: 'Mesurer le téléphone.', sites: [{ name: 'Centre social' }] }),
    });
    const workshop = (await created.json()) as { sites: Array<{ joinUrl: string; joinCode: string }> };
    const joinUrl = `${url}/j/${workshop.sites[0]!.joinCode}`;

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
    const results: Array<{ ms: number; jsBytes: number }> = [];
    try {
      for (let run = 1; run <= RUNS; run++) {
        const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'fr-FR' });
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', {
          offline: false,
          latency: 150,
          downloadThroughput: (1.6 * 1024 * 1024) / 8,
          uploadThroughput: (750 * 1024) / 8,
        });
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
        let jsBytes = 0;
        const scripts = new Set<string>();
        cdp.on('Network.responseReceived', (event) => {
          if (event.type === 'Script') scripts.add(event.requestId);
        });
        cdp.on('Network.loadingFinished', (event) => {
          if (scripts.has(event.requestId)) jsBytes += event.encodedDataLength;
        });
        const started = Date.now();
        await page.goto(joinUrl, { waitUntil: 'commit' });
        // A trial click waits until the button could be tapped: visible, enabled, stable.
        await page.getByTestId('mood-sunny').click({ trial: true, timeout: 60_000 });
        const ms = Date.now() - started;
        results.push({ ms, jsBytes });
        console.log(`run ${run}: usable after ${ms} ms, ${(jsBytes / 1024).toFixed(1)} KB of JavaScript on the wire`);
        await context.close();
      }
    } finally {
      await browser.close();
    }
    const sorted = results.map((result) => result.ms).sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    console.log(`\nJoin page usable (slow 4G, 4× CPU): median ${median} ms over ${RUNS} runs (min ${sorted[0]} ms, max ${sorted.at(-1)} ms); target ≤ 5000 ms`);
  } finally {
    stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
