/**
 * `npm run fuzz`: starts the real server (server/src/index.ts) as its own process on 127.0.0.1,
 * a free port and a fresh DATA_DIR, and throws at it at least 100,000 mutated messages over real
 * connections with valid tokens: socket.io clients (residents, the facilitator, the projector,
 * a helper, an observer, a kiosk) emitting known and unknown events with mutated payloads, huge
 * binary attachments and deeply nested objects; raw WebSockets speaking engine.io by hand
 * (broken, truncated, oversize and made-up socket.io packets); and raw /yjs connections sending
 * mutated, truncated and made-up Yjs sync and awareness frames. After every batch the server
 * must answer /healthz. It prints crashes (the process exited), unhandled rejections and uncaught
 * exceptions (counted from the server's own log), internal errors, and RSS before, at the peak
 * and after. It exits non-zero when any of the first three is not 0.
 *
 *   npm run fuzz -- --messages 100000 --batch 5000 --seed 8 --timeout 170
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { io, type Socket } from 'socket.io-client';
import { WebSocket } from 'ws';
import { PROTOCOL_VERSION, type CreateWorkshopResponse, type JoinResponse, type KioskLink, type PersonView, type RoundView } from '@gommette/shared';
import { BOARD_WS_PROTOCOL } from '@gommette/shared/board';
import { Rng, engineFrame, socketMessage, validPayloads, yjsFrame } from './fuzzMutations';

const { values: args } = parseArgs({
  options: {
    messages: { type: 'string', default: '100000' },
    batch: { type: 'string', default: '5000' },
    seed: { type: 'string', default: '8' },
    timeout: { type: 'string', default: '170' },
    residents: { type: 'string', default: '20' },
    /** Shares of socket.io events, engine.io frames and Yjs frames in each batch. */
    mix: { type: 'string', default: '40,40,20' },
    /** Caps the server's V8 old space (MB): a leak then ends in a crash instead of a slow climb. */
    'heap-mb': { type: 'string', default: '' },
  },
});
const TOTAL = Number(args.messages);
const BATCH = Number(args.batch);
const DEADLINE_MS = Number(args.timeout) * 1000;
const RESIDENTS = Number(args.residents);
const rng = new Rng(Number(args.seed));

const READY_TIMEOUT_MS = 30_000;
const HEALTH_TIMEOUT_MS = 5_000;
const CONNECT_TIMEOUT_MS = 5_000;
const DRAIN_TIMEOUT_MS = 10_000;
const SETTLE_MS = 3_000;
/** How a batch is split between the three kinds of traffic. */
const [socketIoShare = 40, engineShare = 40, yjsShare = 20] = args.mix.split(',').map(Number);
const SHARE = { socketIo: socketIoShare / 100, engine: engineShare / 100, yjs: yjsShare / 100 };
/** The board closes a connection past 300 messages per 10 s: stay under it, then open a new one. */
const YJS_FRAMES_PER_CONNECTION = 250;
const MB = 1024 * 1024;
/** Distinct mutated messages of each kind, drawn at random for every send. */
const POOL = { socketIo: 4_000, engine: 4_000, yjs: 2_000 };
/** A socket.io client waits for the server to catch up every this many events. */
const DRAIN_EVERY = 200;

// ---------- the server process and its log ----------

interface ServerProcess {
  child: ChildProcess;
  url: string;
  exited: { code: number | null; signal: string | null } | null;
  log: { unhandledRejections: number; uncaughtExceptions: number; internalErrors: number; lastErrors: string[] };
}

async function startServer(dataDir: string): Promise<ServerProcess> {
  const heap = args['heap-mb'] ? [`--max-old-space-size=${Number(args['heap-mb'])}`] : [];
  const child = spawn(process.execPath, [...heap, '--import', import.meta.resolve('tsx'), path.join(import.meta.dirname, '../server/src/index.ts')], {
    // Only what the fuzz means: no PUBLIC_URL, ALLOWED_ORIGINS… inherited from the shell.
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      CLIENT_DIR: path.join(dataDir, 'no-client'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const server: ServerProcess = { child, url: '', exited: null, log: { unhandledRejections: 0, uncaughtExceptions: 0, internalErrors: 0, lastErrors: [] } };
  child.once('exit', (code, signal) => (server.exited = { code, signal }));
  process.once('exit', () => child.kill('SIGKILL'));
  const remember = (line: string) => {
    server.log.lastErrors.push(line.slice(0, 2_000));
    if (server.log.lastErrors.length > 10) server.log.lastErrors.shift();
  };
  readline.createInterface({ input: child.stderr! }).on('line', remember);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not start')), READY_TIMEOUT_MS);
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      let entry: { msg?: string; level?: number; port?: number };
      try {
        entry = JSON.parse(line) as typeof entry;
      } catch {
        return;
      }
      if (entry.msg === 'unhandled rejection') server.log.unhandledRejections++;
      if (entry.msg === 'uncaught exception') server.log.uncaughtExceptions++;
      if (entry.msg === 'command failed' || entry.msg === 'request failed' || entry.msg === 'connection setup failed') server.log.internalErrors++;
      if ((entry.level ?? 0) >= 50) remember(line);
      if (entry.port && !server.url) {
        server.url = `http://127.0.0.1:${entry.port}`;
        clearTimeout(timer);
        resolve(server);
      }
    });
    child.once('exit', () => reject(new Error(`the server exited while starting: ${server.log.lastErrors.join('\n')}`)));
  });
}

function rssBytes(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match?.[1] ? Number(match[1]) * 1024 : 0;
}

/** User + system CPU time of a process, in seconds (Linux /proc). */
function serverCpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function healthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) });
    return response.ok;
  } catch {
    return false;
  }
}

async function post<T>(url: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

// ---------- clients ----------

type Auth = Record<string, unknown>;

function connectSocket(url: string, auth: Auth): Promise<Socket> {
  const socket = io(url, {
    auth: { protocol: PROTOCOL_VERSION, ...auth },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: CONNECT_TIMEOUT_MS,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** A socket.io client that comes back when the server closed it (an oversize frame does). */
class FuzzSocket {
  private socket: Socket | null = null;
  constructor(
    private readonly url: string,
    readonly auth: Auth,
  ) {}
  async ready(): Promise<Socket> {
    if (this.socket?.connected) return this.socket;
    this.socket?.close();
    this.socket = await connectSocket(this.url, this.auth);
    return this.socket;
  }
  /** Waits until the server has handled everything sent so far (acks come back in order). */
  async drain(): Promise<void> {
    if (!this.socket?.connected) return;
    await this.socket
      .timeout(DRAIN_TIMEOUT_MS)
      .emitWithAck('fuzz:drain')
      .catch(() => undefined);
  }
  close(): void {
    this.socket?.close();
  }
}

/** A WebSocket opened by hand: engine.io frames for socket.io, or Yjs frames for the board. */
class RawSocket {
  private ws: WebSocket | null = null;
  sent = 0;
  constructor(
    private readonly open: () => Promise<WebSocket>,
    private readonly budget: number,
  ) {}
  async ready(): Promise<WebSocket> {
    if (this.ws && this.ws.readyState === WebSocket.OPEN && this.sent < this.budget) return this.ws;
    this.ws?.terminate();
    this.ws = await this.open();
    this.sent = 0;
    return this.ws;
  }
  async drain(): Promise<void> {
    const started = Date.now();
    while (this.ws && this.ws.readyState === WebSocket.OPEN && this.ws.bufferedAmount > 0 && Date.now() - started < DRAIN_TIMEOUT_MS)
      await new Promise((resolve) => setTimeout(resolve, 20));
  }
  close(): void {
    this.ws?.terminate();
  }
}

function openWs(url: string, protocols: string[] = []): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, protocols, {
      headers: { origin: url.replace(/^ws/, 'http').replace(/\/(socket\.io|yjs).*$/, '') },
      handshakeTimeout: CONNECT_TIMEOUT_MS,
    });
    ws.on('error', () => undefined);
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused: ${res.statusCode}`)));
    ws.once('close', () => reject(new Error('closed before opening')));
  });
}

/** engine.io by hand: wait for the open packet, then connect to the main namespace with `auth`. */
function openEngine(url: string, auth: Auth): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, {
      headers: { origin: url },
      handshakeTimeout: CONNECT_TIMEOUT_MS,
    });
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error('no engine.io open packet'));
    }, CONNECT_TIMEOUT_MS);
    ws.on('error', () => undefined);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused: ${res.statusCode}`)));
    ws.once('close', () => reject(new Error('closed before opening')));
    // The open packet may arrive in the same chunk as the upgrade: listen before 'open'.
    ws.on('message', (data) => {
      const text = data.toString();
      if (text.startsWith('0{')) {
        clearTimeout(timer);
        ws.send(`40${JSON.stringify({ protocol: PROTOCOL_VERSION, ...auth })}`);
        resolve(ws);
      } else if (text === '2') {
        ws.send('3'); // answer the server's pings so the connection lives through the run
      }
    });
  });
}

// ---------- the run ----------

interface Figures {
  sent: { socketIo: number; engine: number; yjs: number };
  reconnects: number;
  refusedReconnects: number;
  refusals: Map<string, number>;
  clientSide: number;
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gommette-fuzz-'));
  process.once('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const started = Date.now();
  const server = await startServer(dataDir);
  const { url } = server;
  const pid = server.child.pid!;

  // A workshop with ideas, a running step, an open round, residents, staff links and a kiosk.
  const phases = [
    { id: 'idees', title: 'Idées', instruction: 'Écris', activity: 'ideas', durationSec: 3600, silentSec: 0 },
    { id: 'selection', title: 'Sélection', instruction: 'Placez', activity: 'matrix', durationSec: 600, silentSec: 0 },
    { id: 'vote', title: 'Vote', instruction: 'Colle', activity: 'vote', durationSec: 600, silentSec: 0 },
  ];
  const workshop = await post<CreateWorkshopResponse>(`${url}/api/workshops`, {
    title: 'Fuzz',
    question: 'Que casser ?',
    purpose: 'Servira à vérifier que rien ne casse.',
    sites: [{ name: 'Centre' }, { name: 'Annexe' }],
    phases,
    tableCount: 3,
  });
  const staffToken = (link: string) => new URL(link).hash.replace(/^#.*?=/, '');
  const facilitatorAuth = { role: 'facilitator', workshopId: workshop.id, token: workshop.facilitatorToken };
  const facilitator = await connectSocket(url, facilitatorAuth);
  await facilitator.emitWithAck('run:control', { action: 'start', from: 0 });
  const residents: JoinResponse[] = [];
  residents.push(
    ...(await Promise.all(
      Array.from({ length: RESIDENTS }, (_, index) =>
        post<JoinResponse>(`${url}/api/sites/${workshop.sites[index % 2]!.joinCode}/participants`, { mood: 'sunny' }),
      ),
    )),
  );
  const ideaIds: string[] = [];
  for (const [index, resident] of residents.slice(0, 5).entries()) {
    const phone = await connectSocket(url, { role: 'participant', token: resident.participantToken });
    const id = `fuzzidea${index}xxxxxx`;
    await phone.emitWithAck('idea:post', { id, text: `Idée ${index}` });
    ideaIds.push(id);
    phone.close();
  }
  const round = (await facilitator.emitWithAck('vote:open', {
    id: 'fuzzround01',
    ideas: { from: 'all' },
    budget: 3,
    stacking: false,
    capPerIdea: null,
    selfVote: true,
    results: 'live',
    closesAt: null,
  })) as { ok: boolean; data: RoundView };
  const people = (await facilitator.emitWithAck('participants:list', {})) as { data: PersonView[] };
  const kioskResponse = await fetch(`${url}/api/workshops/${workshop.id}/kiosks`, { headers: { authorization: `Bearer ${workshop.facilitatorToken}` } });
  const kioskToken = new URL(((await kioskResponse.json()) as KioskLink[])[0]!.kioskUrl).hash.replace('#k=', '');
  facilitator.close();
  const ids = { ideaIds, roundId: round.data.id, siteId: workshop.sites[0]!.id, seatId: people.data[0]?.seatId ?? 'noseat0000', voterId: 'fuzzvoter01' };

  const socketAuths: Auth[] = [
    facilitatorAuth,
    { role: 'screen', workshopId: workshop.id, token: workshop.screenToken },
    { role: 'helper', workshopId: workshop.id, token: staffToken(workshop.helperUrl) },
    { role: 'observer', workshopId: workshop.id, token: staffToken(workshop.observerUrl) },
    { role: 'kiosk', workshopId: workshop.id, token: kioskToken },
    ...residents.map((resident) => ({ role: 'participant', token: resident.participantToken })),
  ];
  const socketClients = socketAuths.map((auth) => new FuzzSocket(url, auth));
  const engineClients = socketAuths.slice(0, 10).map((auth) => new RawSocket(() => openEngine(url, auth), Number.POSITIVE_INFINITY));
  const boardTokens = [workshop.facilitatorToken, workshop.screenToken, ...residents.slice(0, 4).map((resident) => resident.participantToken)];
  const boardClients = boardTokens.map(
    (token) => new RawSocket(() => openWs(`${url.replace(/^http/, 'ws')}/yjs/${workshop.id}`, [BOARD_WS_PROTOCOL, token]), YJS_FRAMES_PER_CONNECTION),
  );

  // Mutated messages are made once, before the clock of the run starts: the fuzzer's own CPU
  // goes to sending them (the machine is shared), and the same seed sends the same messages.
  const socketPool = Array.from({ length: POOL.socketIo }, () => socketMessage(rng, validPayloads(ids, rng)));
  const enginePool = Array.from({ length: POOL.engine }, () => engineFrame(rng, validPayloads(ids, rng)));
  const yjsPool = Array.from({ length: POOL.yjs }, () => yjsFrame(rng));
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const rssBefore = rssBytes(pid);
  let rssPeak = rssBefore;
  const figures: Figures = { sent: { socketIo: 0, engine: 0, yjs: 0 }, reconnects: 0, refusedReconnects: 0, refusals: new Map(), clientSide: 0 };
  const refused = (error: unknown) => {
    figures.refusedReconnects++;
    const reason = error instanceof Error ? error.message : String(error);
    figures.refusals.set(reason, (figures.refusals.get(reason) ?? 0) + 1);
  };
  let healthFailures = 0;
  let batches = 0;

  const total = () => figures.sent.socketIo + figures.sent.engine + figures.sent.yjs;
  while (total() < TOTAL && Date.now() - started < DEADLINE_MS && !server.exited) {
    const jobs: Promise<void>[] = [];
    // socket.io clients: known commands with mutated payloads, unknown events, binaries, nesting.
    const perSocket = Math.ceil((BATCH * SHARE.socketIo) / socketClients.length);
    for (const client of socketClients) {
      jobs.push(
        (async () => {
          for (let count = 0; count < perSocket; count++) {
            let socket: Socket;
            try {
              socket = await client.ready();
            } catch (error) {
              refused(error);
              return;
            }
            const message = socketPool[rng.int(socketPool.length)]!;
            const emit = socket.emit.bind(socket) as (event: string, ...rest: unknown[]) => void;
            try {
              if (message.ack === 'last') emit(message.name, message.body, () => undefined);
              else if (message.ack === 'none') emit(message.name, message.body);
              else emit(message.name, message.body, message.extra, () => undefined);
            } catch {
              // socket.io-client itself cannot encode it (its binary check recurses): not sent.
              figures.clientSide++;
              continue;
            }
            figures.sent.socketIo++;
            if (!socket.connected) figures.reconnects++;
            if (count % DRAIN_EVERY === DRAIN_EVERY - 1) await client.drain();
          }
          await client.drain();
        })(),
      );
    }
    // Raw engine.io frames, and Yjs frames on the board gateway.
    const sendRaw = (clients: RawSocket[], share: number, pool: ReadonlyArray<Parameters<WebSocket['send']>[0]>, kind: 'engine' | 'yjs') => {
      const perClient = Math.ceil((BATCH * share) / clients.length);
      for (const client of clients) {
        jobs.push(
          (async () => {
            for (let count = 0; count < perClient; count++) {
              let ws: WebSocket;
              try {
                ws = await client.ready();
              } catch (error) {
                refused(error);
                return;
              }
              ws.send(pool[rng.int(pool.length)]!);
              client.sent++;
              figures.sent[kind]++;
              if (ws.bufferedAmount > MB) await client.drain();
            }
            await client.drain();
          })(),
        );
      }
    };
    sendRaw(engineClients, SHARE.engine, enginePool, 'engine');
    sendRaw(boardClients, SHARE.yjs, yjsPool, 'yjs');
    await Promise.all(jobs);
    batches++;
    if (!(await healthy(url))) healthFailures++;
    rssPeak = Math.max(rssPeak, server.exited ? 0 : rssBytes(pid));
    const cpu = serverCpuSeconds(pid);
    process.stdout.write(
      `  batch ${batches}: ${total().toLocaleString('en')} messages, RSS ${(rssBytes(pid) / MB).toFixed(0)} MB, ${((Date.now() - started) / 1000).toFixed(0)} s, server CPU ${cpu.toFixed(1)} s, fuzzer CPU ${(process.cpuUsage().user / 1e6).toFixed(1)} s\n`,
    );
  }

  for (const client of [...socketClients, ...engineClients, ...boardClients]) client.close();
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const alive = !server.exited && (await healthy(url));
  const rssAfter = server.exited ? 0 : rssBytes(pid);
  const crashes = server.exited ? 1 : 0;
  const storedBytes = ['gommette.sqlite', 'gommette.sqlite-wal']
    .map((file) => path.join(dataDir, file))
    .filter((file) => fs.existsSync(file))
    .reduce((sum, file) => sum + fs.statSync(file).size, 0);

  console.log('\nGommette fuzz');
  console.log(
    `  messages sent        ${total().toLocaleString('en')} (socket.io events ${figures.sent.socketIo.toLocaleString('en')}, engine.io frames ${figures.sent.engine.toLocaleString('en')}, Yjs frames ${figures.sent.yjs.toLocaleString('en')}) in ${batches} batches, ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  console.log(
    `  distinct messages    ${(POOL.socketIo + POOL.engine + POOL.yjs).toLocaleString('en')} (seed ${args.seed}), each sent about ${(total() / (POOL.socketIo + POOL.engine + POOL.yjs)).toFixed(0)} times over different connections`,
  );
  console.log(`  crashes              ${crashes}${server.exited ? ` (exit code ${server.exited.code}, signal ${server.exited.signal})` : ''}`);
  console.log(`  unhandled rejections ${server.log.unhandledRejections}`);
  console.log(`  uncaught exceptions  ${server.log.uncaughtExceptions}`);
  console.log(`  internal errors      ${server.log.internalErrors} (handlers that threw and answered "internal")`);
  console.log(`  /healthz failures    ${healthFailures}; alive at the end: ${alive ? 'yes' : 'no'}`);
  console.log(
    `  connections refused on reconnect ${figures.refusedReconnects} ${JSON.stringify(Object.fromEntries(figures.refusals))}; not encodable by socket.io-client ${figures.clientSide}`,
  );
  console.log(
    `  RSS before ${(rssBefore / MB).toFixed(0)} MB, peak ${(rssPeak / MB).toFixed(0)} MB, after ${(rssAfter / MB).toFixed(0)} MB, growth ${((rssAfter - rssBefore) / MB).toFixed(0)} MB`,
  );
  console.log(`  SQLite file and WAL ${(storedBytes / MB).toFixed(1)} MB (what the valid messages among them wrote: ideas, board notes)`);
  if (server.log.lastErrors.length > 0) console.log(`  last errors in the server's log:\n    ${server.log.lastErrors.join('\n    ')}`);
  server.child.kill('SIGTERM');
  const failed = crashes > 0 || server.log.unhandledRejections > 0 || server.log.uncaughtExceptions > 0 || !alive || total() < TOTAL;
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
