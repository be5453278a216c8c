/**
 * The later screens of `npm run bench:phone` (issue 16): a phone that already joined (the first
 * screen loaded, the météo chosen, the idea box shown) and the facilitator, a real socket.io client,
 * moves the workshop to a step of another activity (or opens a vote round). Measured: the time from
 * that command until the screen's main control can be tapped (noted by the page at each frame, on
 * the same clock as the bench: `performance.timeOrigin + performance.now()`), and the JavaScript and
 * CSS the transition downloaded (compressed bodies, from the network events). Service workers are
 * blocked here: over HTTPS the phone's worker precaches these chunks after the first screen, which
 * would hide the download this measures (on a venue's plain-http Wi-Fi there is no worker).
 */
import { nanoid } from 'nanoid';
import { io, type Socket } from 'socket.io-client';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { BOARD_WS_PROTOCOL, applyJourneyTemplate } from '@gommette/shared/board';
import type { Browser, BrowserContext, BrowserContextOptions, CDPSession, Page } from '@playwright/test';
import { PROTOCOL_VERSION, Role, type Activity, type PhaseSpec } from '@gommette/shared';

export interface PhoneContext {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
}

export interface LaterScreen {
  name: string;
  median: number;
  min: number;
  max: number;
  /** Median over the runs of the compressed bytes downloaded by the transition. */
  jsBytes: number;
  cssBytes: number;
}

interface Screen {
  name: string;
  activity: Activity;
  /** The screen's main control. */
  testId: string;
}

const SCREENS: Screen[] = [
  // The vote screen loads when a round opens: the step changes first, the round opening is the moment measured.
  { name: 'Vote screen', activity: 'vote', testId: 'vote-stick' },
  { name: 'Matrix screen', activity: 'matrix', testId: 'matrix-axis-easy' },
  { name: 'Journey screen', activity: 'journey', testId: 'phone-journey-add' },
  { name: 'Questionnaire screen', activity: 'questionnaire', testId: 'questionnaire-submit' },
];

const STEP_TIMEOUT_MS = 60_000;
type Ack = { ok: true; data: unknown } | { ok: false; code: string };

function connectSocket(url: string, auth: Record<string, unknown>): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, { transports: ['websocket'], auth: { protocol: PROTOCOL_VERSION, ...auth }, reconnection: false, forceNew: true });
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error('no snapshot within 20 s'));
    }, 20_000);
    socket.once('workshop:snapshot', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('connect_error', (error: Error) => {
      clearTimeout(timer);
      socket.close();
      reject(error);
    });
  });
}

async function command(socket: Socket, event: string, payload: unknown): Promise<void> {
  const ack = (await socket.timeout(10_000).emitWithAck(event, payload)) as Ack;
  if (!ack.ok) throw new Error(`${event} refused: ${ack.code}`);
}

async function postJson<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The journey map a phone fills, set up as the console's "set up" button does (the default map). */
async function setUpJourney(url: string, workshopId: string, token: string): Promise<void> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${url.replace(/^http/, 'ws')}/yjs`, workshopId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    protocols: [BOARD_WS_PROTOCOL, token],
    disableBc: true,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the board did not sync within 20 s')), 20_000);
      provider.once('sync', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    applyJourneyTemplate(doc);
    // The update leaves at once; give the server a moment to apply it before the socket closes.
    await new Promise((resolve) => setTimeout(resolve, 500));
  } finally {
    provider.destroy();
    doc.destroy();
  }
}

/** A workshop at its ideas step with two ideas from another resident; the facilitator's socket. */
async function prepareWorkshop(url: string, activity: Activity): Promise<{ joinCode: string; facilitator: Socket; resident: Socket }> {
  const phases: PhaseSpec[] = [
    { id: 'idees', title: 'Idées', instruction: 'Écris une idée par message', activity: 'ideas', durationSec: 600, silentSec: 0 },
    { id: 'suite', title: 'Suite', instruction: 'La suite', activity, durationSec: 600, silentSec: 0 },
  ];
  const workshop = await postJson<{ id: string; facilitatorToken: string; sites: Array<{ joinCode: string }> }>(`${url}/api/workshops`, {
    title: 'Banc des écrans',
    question: 'Comment aider ?',
    purpose: 'Mesurer le téléphone.',
    sites: [{ name: 'Centre social' }],
    phases,
    tableCount: 0,
  });
  const joinCode = workshop.sites[0]!.joinCode;
  if (activity === 'journey') await setUpJourney(url, workshop.id, workshop.facilitatorToken);
  const facilitator = await connectSocket(url, { role: Role.Facilitator, workshopId: workshop.id, token: workshop.facilitatorToken });
  await command(facilitator, 'run:control', { action: 'start', from: 0 });
  const joined = await postJson<{ participantToken: string }>(`${url}/api/sites/${joinCode}/participants`, { mood: 'sunny' });
  const resident = await connectSocket(url, { role: Role.Participant, token: joined.participantToken });
  for (const text of ['Un banc devant la boulangerie', 'Des repas partagés le dimanche']) await command(resident, 'idea:post', { id: nanoid(), text });
  return { joinCode, facilitator, resident };
}

async function measureOnce(
  browser: Browser,
  url: string,
  screen: Screen,
  phoneProfile: (browser: Browser, options?: BrowserContextOptions) => Promise<PhoneContext>,
  watchUsable: (testId: string, clock?: string) => string,
): Promise<{ ms: number; jsBytes: number; cssBytes: number; beforeCommand: number }> {
  const { joinCode, facilitator, resident } = await prepareWorkshop(url, screen.activity);
  const { context, page, cdp } = await phoneProfile(browser, { serviceWorkers: 'block' });
  try {
    // The first screen, as a resident gets it: the join link, the météo, the idea box.
    await page.goto(`${url}/j/${joinCode}`, { waitUntil: 'commit' });
    await page.getByTestId('mood-sunny').click({ timeout: STEP_TIMEOUT_MS });
    await page.getByTestId('join-submit').click({ timeout: STEP_TIMEOUT_MS });
    await page.getByTestId('idea-input').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
    await page.waitForLoadState('networkidle', { timeout: STEP_TIMEOUT_MS });

    const kinds = new Map<string, 'js' | 'css'>();
    const bytes = { js: 0, css: 0 };
    cdp.on('Network.responseReceived', (event) => {
      if (event.type === 'Script') kinds.set(event.requestId, 'js');
      else if (event.type === 'Stylesheet') kinds.set(event.requestId, 'css');
    });
    cdp.on('Network.loadingFinished', (event) => {
      const kind = kinds.get(event.requestId);
      if (kind) bytes[kind] += event.encodedDataLength;
    });
    const epoch = 'performance.timeOrigin + performance.now()';
    // The facilitator goes to the next step (the phone shows "next step: …"), then starts it.
    await command(facilitator, 'run:control', { action: 'goto', from: 0, phaseIndex: 1 });
    await page.getByTestId('idea-input').waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS });
    let startedAt: number;
    if (screen.activity === 'vote') {
      await command(facilitator, 'run:control', { action: 'start', from: 1 });
      await page.evaluate(watchUsable(screen.testId, epoch));
      startedAt = Date.now();
      await command(facilitator, 'vote:open', {
        id: nanoid(),
        ideas: { from: 'all' },
        budget: 3,
        stacking: true,
        capPerIdea: null,
        selfVote: true,
        results: 'live',
        closesAt: null,
      });
    } else {
      await page.evaluate(watchUsable(screen.testId, epoch));
      startedAt = Date.now();
      await command(facilitator, 'run:control', { action: 'start', from: 1 });
    }
    const beforeCommand = bytes.js + bytes.css;
    const usableAt = (await (
      await page.waitForFunction(() => (globalThis as { __usableAt?: number }).__usableAt, undefined, { timeout: STEP_TIMEOUT_MS, polling: 100 })
    ).jsonValue()) as number;
    return { ms: Math.round(usableAt - startedAt), jsBytes: bytes.js, cssBytes: bytes.css, beforeCommand };
  } finally {
    facilitator.close();
    resident.close();
    await context.close();
  }
}

/** Each later screen RUNS times, each run a fresh workshop and a fresh phone. */
export async function measureLaterScreens(
  browser: Browser,
  url: string,
  runs: number,
  phoneProfile: (browser: Browser, options?: BrowserContextOptions) => Promise<PhoneContext>,
  watchUsable: (testId: string, clock?: string) => string,
): Promise<LaterScreen[]> {
  const results: LaterScreen[] = [];
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  for (const screen of SCREENS) {
    const times: number[] = [];
    const js: number[] = [];
    const css: number[] = [];
    for (let run = 1; run <= runs; run++) {
      const measured = await measureOnce(browser, url, screen, phoneProfile, watchUsable);
      times.push(measured.ms);
      js.push(measured.jsBytes);
      css.push(measured.cssBytes);
      console.log(
        `${screen.name}, run ${run}: usable after ${measured.ms} ms, ${((measured.jsBytes + measured.cssBytes) / 1024).toFixed(1)} KB of JavaScript and CSS on the wire` +
          (measured.beforeCommand > 0
            ? ` (${(measured.beforeCommand / 1024).toFixed(1)} KB of it before the measured command, when the step was announced)`
            : ''),
      );
    }
    results.push({ name: screen.name, median: median(times), min: Math.min(...times), max: Math.max(...times), jsBytes: median(js), cssBytes: median(css) });
  }
  return results;
}

export function printLaterScreens(results: LaterScreen[], runs: number): void {
  for (const result of results) {
    console.log(
      `${result.name} usable after the facilitator's command (slow 4G, 4× CPU, first screen already there): median ${result.median} ms over ${runs} runs (min ${result.min} ms, max ${result.max} ms); ` +
        `downloaded ${((result.jsBytes + result.cssBytes) / 1024).toFixed(1)} KB on the wire (JavaScript ${(result.jsBytes / 1024).toFixed(1)} KB, CSS ${(result.cssBytes / 1024).toFixed(1)} KB)`,
    );
  }
}
