import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, request, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { expectBoard } from './pages/BoardBoard';
import { BoardConsolePage } from './pages/BoardConsolePage';
import { BoardPhonePage } from './pages/BoardPhonePage';
import { ConsolePage } from './pages/ConsolePage';
import { PhonePage } from './pages/PhonePage';
import { contextOptions, watchContentSecurityPolicy, type DeviceKind } from './support/devices';
import { ServerProcess, freePort } from './support/serverProcess';
import { createWorkshopByApi } from './support/spec';

/**
 * Debian's Caddy with `tls internal` (as deploy/Caddyfile.lan) in front of the compiled server
 * (`npm run build`), PUBLIC_URL being the origin the browser opens: https://localhost:<port>.
 * scripts/ensure-test-tools.sh installs caddy.
 */
let server: ServerProcess;
let caddy: ChildProcess | null = null;
let caddyOutput = '';
let origin = '';
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'gommette-e2e-caddy-'));
const contexts: BrowserContext[] = [];
const cspViolations: string[] = [];

test.beforeAll(async () => {
  const [httpsPort, httpPort] = [await freePort(), await freePort()];
  origin = `https://localhost:${httpsPort}`;
  server = await ServerProcess.start({ compiled: true, env: { PUBLIC_URL: origin, TRUST_PROXY: '1' } });
  const caddyfile = path.join(scratch, 'Caddyfile');
  fs.writeFileSync(
    caddyfile,
    `{
	admin off
	skip_install_trust
	http_port ${httpPort}
	https_port ${httpsPort}
	auto_https disable_redirects
}
${origin} {
	bind 127.0.0.1
	tls internal
	header >Strict-Transport-Security "max-age=31536000; includeSubDomains"
	reverse_proxy 127.0.0.1:${server.port}
}
`,
  );
  caddy = spawn('caddy', ['run', '--adapter', 'caddyfile', '--config', caddyfile], {
    env: { ...process.env, HOME: scratch, XDG_DATA_HOME: path.join(scratch, 'data'), XDG_CONFIG_HOME: path.join(scratch, 'config') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  caddy.stdout?.on('data', (chunk: Buffer) => (caddyOutput += chunk.toString()));
  caddy.stderr?.on('data', (chunk: Buffer) => (caddyOutput += chunk.toString()));
  const client = await request.newContext({ ignoreHTTPSErrors: true });
  try {
    await expect
      .poll(
        async () => {
          if (caddy?.exitCode !== null) throw new Error(`caddy exited:\n${caddyOutput}`);
          return client.get(`${origin}/healthz`).then(
            (response) => response.status(),
            () => 0,
          );
        },
        { message: 'Caddy answers /healthz over https', timeout: 20_000 },
      )
      .toBe(200);
  } finally {
    await client.dispose();
  }
});

test.afterAll(async () => {
  for (const context of contexts) await context.close();
  if (caddy && caddy.exitCode === null) {
    const exited = new Promise((resolve) => caddy?.once('exit', resolve));
    caddy.kill('SIGTERM');
    await exited;
  }
  await server.stop();
  fs.rmSync(scratch, { recursive: true, force: true });
  expect(cspViolations.splice(0)).toEqual([]);
});

async function newPage(browser: Browser, kind: DeviceKind): Promise<{ page: Page; sockets: string[] }> {
  const context = await browser.newContext({ ...contextOptions(kind), ignoreHTTPSErrors: true });
  watchContentSecurityPolicy(context, cspViolations);
  contexts.push(context);
  const page = await context.newPage();
  const sockets: string[] = [];
  page.on('websocket', (socket) => sockets.push(socket.url()));
  return { page, sockets };
}

test('over https through Caddy: a phone joins in a secure context, its idea reaches the console, the board syncs over wss', async ({ browser }) => {
  const workshop = await createWorkshopByApi(server.url);
  // The links the server gives (QR codes) are on the public origin, not the node's address.
  expect(workshop.facilitatorUrl.startsWith(`${origin}/`)).toBe(true);
  const joinUrl = workshop.sites[0]!.joinUrl;
  expect(joinUrl).toMatch(new RegExp(`^${origin}/j/[A-Z2-9]{6}$`));

  const facilitator = await newPage(browser, 'desktop');
  const console = new ConsolePage(facilitator.page);
  await console.open(workshop.facilitatorUrl);
  // The facilitator's second tab sets up the journey map.
  const boardTab = new BoardConsolePage((await newPage(browser, 'desktop')).page);
  await boardTab.open(workshop.facilitatorUrl);
  await boardTab.setUpJourney();

  // The projector opens its board before the first idea (then the idea wall takes the stage).
  const screen = await newPage(browser, 'projector');
  await screen.page.goto(workshop.screenUrl);
  await screen.page.getByTestId('board-toggle').click();

  const phoneTab = await newPage(browser, 'phone');
  const phone = new PhonePage(phoneTab.page);
  await phone.join(joinUrl, 'sunny');
  expect(await phoneTab.page.evaluate(() => window.isSecureContext && location.protocol)).toBe('https:');
  const response = await phoneTab.page.request.get(`${origin}/healthz`);
  expect(response.headers()['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');

  await phone.post('Une douche mobile');
  await phone.expectSent('Une douche mobile');
  await expect(console.row('Une douche mobile')).toHaveCount(1);

  // The journey map: a note from the phone reaches the projector through the /yjs/ WebSocket.
  const board = new BoardPhonePage(phoneTab.page);
  await board.openJourney();
  await board.addNote('Ce dont elle a besoin', 'Se laver');
  await expectBoard(screen.page, (view) => view.notes.some((note) => note.text === 'Se laver'), 'the projector shows the note written on the phone');

  const wss = `wss://localhost:${new URL(origin).port}`;
  for (const sockets of [phoneTab.sockets, screen.sockets]) {
    expect(
      sockets.some((url) => url.startsWith(`${wss}/socket.io/`)),
      sockets.join(' '),
    ).toBe(true);
    expect(
      sockets.some((url) => url.startsWith(`${wss}/yjs/`)),
      sockets.join(' '),
    ).toBe(true);
    expect(sockets.filter((url) => !url.startsWith(`${wss}/`))).toEqual([]);
  }
});
