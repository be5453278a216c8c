import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nanoid } from 'nanoid';
import { pino, type Logger } from 'pino';
import { io as connectClient, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll } from 'vitest';
import {
  PROTOCOL_VERSION,
  type ClientToServerEvents,
  type CreateWorkshopResponse,
  type IdeaView,
  type JoinResponse,
  type PhaseSpec,
  type ServerToClientEvents,
  type Snapshot,
  type SocketAuth,
} from '@gommette/shared';
import { createApp, type App } from '../src/app';
import type { Cluster } from '../src/cluster/redis';
import type { CommandBacklog } from '../src/realtime/CommandBacklog';
import { readConfig } from '../src/config';
import { openSqliteStores } from '../src/store/sqlite/openSqliteStores';
import type { Stores } from '../src/store/stores';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface TestServer {
  url: string;
  app: App;
  dataDir: string;
  close(): Promise<void>;
}

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'gommette-test-'));
}

export function removeDataDir(dataDir: string): void {
  fs.rmSync(dataDir, { recursive: true, force: true });
}

export interface StartOptions {
  /** An existing data folder (kept on close), e.g. to start a server again on the same file. */
  dataDir?: string;
  port?: number;
  env?: Record<string, string>;
  logger?: Logger;
  cluster?: Cluster;
  /** The server's clock (tests that move time: retention, countdowns). */
  now?: () => number;
  /** Wraps the SQLite stores before the app gets them (to count or slow some calls). */
  wrapStores?: (stores: Stores) => Stores;
  /** Commands in progress, for load shedding (a test's own clock and limits). */
  backlog?: CommandBacklog;
}

/**
 * A real server on a free loopback port with its own SQLite file: every server test starts and
 * stops its servers through here. Its data folder is removed on close, unless the caller passed
 * one (to start another server on it).
 */
export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDataDir();
  const ownsDataDir = options.dataDir === undefined;
  const config = readConfig({ HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', CLIENT_DIR: path.join(dataDir, 'no-client'), ...options.env });
  const opened = openSqliteStores(path.join(dataDir, 'gommette.sqlite'));
  const stores = options.wrapStores ? options.wrapStores(opened) : opened;
  const app = createApp(config, {
    ...stores,
    logger: options.logger ?? pino({ level: 'silent' }),
    cluster: options.cluster ?? null,
    ...(options.now ? { now: options.now } : {}),
    ...(options.backlog ? { backlog: options.backlog } : {}),
  });
  const address = await app.listen(options.port ?? 0, '127.0.0.1');
  const url = `http://127.0.0.1:${address.port}`;
  return {
    url,
    app,
    dataDir,
    close: async () => {
      await app.close();
      if (ownsDataDir) removeDataDir(dataDir);
    },
  };
}

/** A test file's server (`useServer`): its address once started, and the sockets to close after each test. */
export interface ServerForFile {
  readonly url: string;
  readonly sockets: ClientSocket[];
}

/**
 * One server for the whole test file: started before its first test, closed after its last; the
 * sockets a test pushes on `sockets` are closed after that test.
 */
export function useServer(options: StartOptions = {}): ServerForFile {
  let server: TestServer | null = null;
  const sockets: ClientSocket[] = [];
  beforeAll(async () => {
    server = await startServer(options);
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get url(): string {
      if (!server) throw new Error('the server starts before the first test');
      return server.url;
    },
    sockets,
  };
}

export async function postJson<T>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as T };
}

/** A workshop; without `method`, a free idea wall (no phases), as the API allows. */
export async function createWorkshop(
  url: string,
  sites = ['Centre social', 'Maison du quartier'],
  method: { phases?: PhaseSpec[]; tableCount?: number; safeMode?: boolean } = {},
): Promise<CreateWorkshopResponse> {
  const { status, body } = await postJson<CreateWorkshopResponse>(`${url}/api/workshops`, {
    title: 'Être acteur de son quartier',
    question: 'Comment aider les personnes sans abri dans leur quotidien ?',
    purpose: 'Votre participation servira à choisir une invention que les jeunes fabriqueront avec le centre social.',
    sites: sites.map((name) => ({ name })),
    ...method,
  });
  if (status !== 201) throw new Error(`workshop creation failed: ${status} ${JSON.stringify(body)}`);
  return body;
}

export async function joinAs(url: string, joinCode: string, nickname?: string): Promise<JoinResponse> {
  const { status, body } = await postJson<JoinResponse>(`${url}/api/sites/${joinCode}/participants`, { mood: 'sunny', nickname });
  if (status !== 201) throw new Error(`join failed: ${status} ${JSON.stringify(body)}`);
  return body;
}

export type AuthWithoutProtocol = SocketAuth extends infer A ? (A extends SocketAuth ? Omit<A, 'protocol'> : never) : never;

/** A real socket.io client; resolves with the socket and its first snapshot. */
export function connect(
  url: string,
  auth: AuthWithoutProtocol,
  options: { extraHeaders?: Record<string, string> } = {},
): Promise<{ socket: ClientSocket; snapshot: Snapshot }> {
  const socket: ClientSocket = connectClient(url, {
    auth: { protocol: PROTOCOL_VERSION, ...auth },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...(options.extraHeaders ? { extraHeaders: options.extraHeaders } : {}),
  });
  return new Promise((resolve, reject) => {
    socket.once('workshop:snapshot', (snapshot) => resolve({ socket, snapshot }));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Resolves with the next `event` the socket receives (or rejects after `timeoutMs`). */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: ClientSocket,
  event: E,
  timeoutMs = 3000,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    socket.once(
      event as 'ideas:added',
      ((payload: unknown) => {
        clearTimeout(timer);
        resolve(payload as Parameters<ServerToClientEvents[E]>[0]);
      }) as never,
    );
  });
}

/** The next `event` whose payload `match`es (earlier broadcasts may still be on their way). */
export function nextEventWhere<E extends keyof ServerToClientEvents>(
  socket: ClientSocket,
  event: E,
  match: (payload: Parameters<ServerToClientEvents[E]>[0]) => boolean,
  timeoutMs = 3000,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  type Payload = Parameters<ServerToClientEvents[E]>[0];
  const on = socket.on.bind(socket) as unknown as (event: string, listener: (payload: Payload) => void) => void;
  const off = socket.off.bind(socket) as unknown as (event: string, listener: (payload: Payload) => void) => void;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off(event, listener);
      reject(new Error(`no matching ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (payload: Payload) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      off(event, listener);
      resolve(payload);
    };
    on(event, listener);
  });
}

/** Emits anything, without an ack: what a broken or hostile client may send. */
export function rawEmit(socket: ClientSocket, event: string, ...args: unknown[]): void {
  (socket as unknown as { emit(event: string, ...args: unknown[]): void }).emit(event, ...args);
}

/** Emits with an ack; rejects if no ack arrives in time. */
export function emitWithAck(socket: ClientSocket, event: string, payload: unknown, timeoutMs = 3000): Promise<unknown> {
  return (socket.timeout(timeoutMs) as unknown as { emitWithAck(event: string, payload: unknown): Promise<unknown> }).emitWithAck(event, payload);
}

/** A client-side id as phones make them. */
export const clientId = (): string => nanoid();

/** Resolves with the first idea added for which `match` holds (ideas arrive in batches). */
export function nextIdea(socket: ClientSocket, match: (idea: IdeaView) => boolean = () => true, timeoutMs = 3000): Promise<IdeaView> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off('ideas:added', listener);
      reject(new Error(`no matching idea within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (ideas: IdeaView[]) => {
      const found = ideas.find(match);
      if (!found) return;
      clearTimeout(timer);
      socket.off('ideas:added', listener);
      resolve(found);
    };
    socket.on('ideas:added', listener);
  });
}
