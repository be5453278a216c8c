/**
 * `npm run bench:phone`: how fast a resident's phone can use a join link on a weak connection.
 * Debian's Chromium (Playwright) with the "slow 4G" profile through CDP (150 ms round trips,
 * 1.6 Mbit/s down, 750 kbit/s up) and a 4× CPU slowdown, a fresh browser context each run (no
 * cache). For each of RUNS runs it prints the JavaScript bytes the page downloaded (compressed on
 * the wire, as the server sends them) and the time from navigation to the météo buttons being
 * usable (visible and enabled: the phone can join; noted by the page itself at each frame), then the median; then the same for the
 * follow-up page (the join link of a finished workshop, its news visible), then the later screens
 * (vote, matrix, journey, questionnaire; bench/phoneLaterScreens.ts). `--client=DIR` measures
 * another build of the client (e.g. an older one, to compare).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions } from '@playwright/test';
import { measureLaterScreens, printLaterScreens, type PhoneContext } from './phoneLaterScreens';

const RUNS = Number(process.argv.find((arg) => arg.startsWith('--runs='))?.slice(7) ?? 5);
const ROOT = path.resolve(import.meta.dirname, '..');
const CLIENT_DIR = path.resolve(process.argv.find((arg) => arg.startsWith('--client='))?.slice(9) ?? path.join(ROOT, 'dist/client'));
/** The whole bench, all runs: past this it stops (a few minutes per run on a loaded machine). */
const GLOBAL_TIMEOUT_MS = (5 + 3 * RUNS) * 60_000;
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

/** A fresh phone (360×740, touch, French) on slow 4G with a 4× slower CPU, no cache. */
async function phoneProfile(browser: Browser, options: BrowserContextOptions = {}): Promise<PhoneContext> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'fr-FR', ...options });
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
  return { context, page, cdp };
}

interface Measured {
  median: number;
  min: number;
  max: number;
  /** Compressed bodies of the scripts the HTML names (the entry and what it preloads). */
  firstScreenBytes: number;
  /** Every script the page downloaded until it was usable, compressed. */
  jsBytes: number;
}

/** RUNS fresh contexts on slow 4G with a 4× slower CPU: the time from navigation until the element of `testId` can be tapped. */
/**
 * Notes in the page, at each frame, when the element of `testId` first shows and can be tapped
 * (visible, enabled): `performance.now()` then is the time since the navigation started. Playwright's
 * own wait polls at up to 500 ms intervals, which would add its own delay to the figure.
 */
function watchUsable(testId: string, clock = 'performance.now()'): string {
  return `(() => {
    const check = () => {
      const element = document.querySelector('[data-testid="${testId}"]');
      const box = element && element.getBoundingClientRect();
      if (element && box.width > 0 && box.height > 0 && !element.disabled) {
        window.__usableAt = ${clock};
        return;
      }
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })();`;
}

async function measure(browser: Browser, name: string, pageUrl: string, testId: string): Promise<Measured> {
  const times: number[] = [];
  let jsBytes = 0;
  let firstScreenBytes = 0;
  for (let run = 1; run <= RUNS; run++) {
    const { context, page, cdp } = await phoneProfile(browser);
    const scripts = new Map<string, string>();
    const sizes = new Map<string, number>();
    cdp.on('Network.responseReceived', (event) => {
      if (event.type === 'Script') scripts.set(event.requestId, new URL(event.response.url).pathname);
    });
    cdp.on('Network.loadingFinished', (event) => {
      const script = scripts.get(event.requestId);
      if (script) sizes.set(script, (sizes.get(script) ?? 0) + event.encodedDataLength);
    });
    await page.addInitScript({ content: watchUsable(testId) });
    const response = await page.goto(pageUrl, { waitUntil: 'commit' });
    const html = (await response?.text()) ?? '';
    await page.getByTestId(testId).waitFor({ state: 'visible', timeout: 60_000 });
    const ms = Math.round((await (await page.waitForFunction('window.__usableAt')).jsonValue()) as number);
    times.push(ms);
    const named = new Set([...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((match) => match[1]));
    jsBytes = [...sizes.values()].reduce((sum, size) => sum + size, 0);
    firstScreenBytes = [...sizes].filter(([script]) => named.has(script)).reduce((sum, [, size]) => sum + size, 0);
    console.log(`${name}, run ${run}: usable after ${ms} ms, ${(jsBytes / 1024).toFixed(1)} KB of JavaScript on the wire`);
    await context.close();
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted.at(-1)!, firstScreenBytes, jsBytes };
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(CLIENT_DIR, 'index.html'))) throw new Error('build the client first (npm run build)');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gommette-phone-bench-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // Only what the bench means: no PUBLIC_URL, TRUST_PROXY… inherited from the shell.
  const { PUBLIC_URL: _publicUrl, TRUST_PROXY: _trustProxy, ...env } = process.env;
  const server = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/src/index.ts')], {
    cwd: ROOT,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', CLIENT_DIR },
    stdio: 'ignore',
  });
  const stop = () => {
    server.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  // Bounded: a bench that hangs (a screen that never comes) stops and says so.
  const overall = setTimeout(() => {
    console.error(`the bench did not finish within ${GLOBAL_TIMEOUT_MS / 60_000} minutes`);
    stop();
    process.exit(1);
  }, GLOBAL_TIMEOUT_MS);
  overall.unref();
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      if ((await fetch(`${url}/healthz`).catch(() => null))?.ok) break;
      if (Date.now() > deadline) throw new Error('server did not start within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const createWorkshop = async (title: string) => {
      const created = await fetch(`${url}/api/workshops`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title, question: 'Comment aider ?', purpose: 'Mesurer le téléphone.', sites: [{ name: 'Centre social' }] }),
      });
      return (await created.json()) as { id: string; facilitatorToken: string; sites: Array<{ joinCode: string }> };
    };
    const live = await createWorkshop('Banc');
    const finished = await createWorkshop('Banc fini');
    const ended = await fetch(`${url}/api/workshops/${finished.id}/follow-up`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${finished.facilitatorToken}` },
      body: JSON.stringify({ finished: true, nextMeeting: 'Mardi, 18 h' }),
    });
    if (!ended.ok) throw new Error(`could not finish the workshop: ${ended.status}`);

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
    try {
      const join = await measure(browser, 'Join page', `${url}/j/${live.sites[0]!.joinCode}`, 'mood-sunny');
      const follow = await measure(browser, 'Follow-up page', `${url}/j/${finished.sites[0]!.joinCode}`, 'follow-up-meeting');
      const later = await measureLaterScreens(browser, url, RUNS, phoneProfile, watchUsable);
      console.log(
        `\nmachine load average: ${os
          .loadavg()
          .map((load) => load.toFixed(2))
          .join(' ')} (${os.cpus().length} cores)`,
      );
      for (const [name, result] of [
        ['Join page', join],
        ['Follow-up page', follow],
      ] as const) {
        console.log(
          `${name} usable (slow 4G, 4× CPU): median ${result.median} ms over ${RUNS} runs (min ${result.min} ms, max ${result.max} ms); ` +
            `first screen's JavaScript ${(result.firstScreenBytes / 1024).toFixed(1)} KB on the wire (all JavaScript: ${(result.jsBytes / 1024).toFixed(1)} KB)`,
        );
      }
      printLaterScreens(later, RUNS);
    } finally {
      await browser.close();
    }
  } finally {
    stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
