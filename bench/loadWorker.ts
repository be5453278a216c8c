/**
 * A load generator: one process holding a share of the participants' socket.io clients, so the
 * clients never run in the server's process nor in the screen's. On `connect` it opens every
 * client and waits for each one's snapshot; on `go` every client posts its ideas, all clients
 * in parallel: in a closed loop (the next as soon as the previous is acked) by default, or in
 * an open loop at a fixed pace.
 */
import { nanoid } from 'nanoid';
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, Role, type ClientToServerEvents, type ConnectErrorData, type ServerToClientEvents } from '@gommette/shared';
import { benchClock, failToParent, onParentRequest, replyToParent, type ConnectOrder, type SendRecord, type WorkerReply, type WorkerRequest } from './ipc';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const HANDSHAKE_TIMEOUT_MS = 20_000;

interface Client {
  /** Among all the run's participants. */
  index: number;
  socket: ClientSocket;
  /** Server events received since the last `go`. */
  received: number;
}

let order: ConnectOrder | null = null;
let clients: Client[] = [];
let closing = false;
let disconnects = 0;

/** Opens one participant's socket; resolves once its snapshot arrived, or with the refusal code. */
function openClient(url: string, token: string): Promise<ClientSocket | string> {
  return new Promise((resolve) => {
    const socket: ClientSocket = io(url, {
      transports: ['websocket'],
      auth: { role: Role.Participant, protocol: PROTOCOL_VERSION, token },
      reconnection: false,
      forceNew: true,
      timeout: HANDSHAKE_TIMEOUT_MS,
    });
    const timer = setTimeout(() => {
      socket.close();
      resolve('no_snapshot');
    }, HANDSHAKE_TIMEOUT_MS);
    socket.once('workshop:snapshot', () => {
      clearTimeout(timer);
      socket.on('disconnect', () => {
        if (!closing) disconnects++;
      });
      resolve(socket);
    });
    socket.once('connect_error', (error: Error & { data?: Partial<ConnectErrorData> }) => {
      clearTimeout(timer);
      socket.close();
      resolve(error.data?.code ?? error.message);
    });
  });
}

/** Opens every client, `concurrency` handshakes at a time. */
async function connectAll(request: ConnectOrder): Promise<Record<string, number>> {
  const failed: Record<string, number> = {};
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < request.tokens.length) {
      const index = next++;
      const opened = await openClient(request.url, request.tokens[index] ?? '');
      if (typeof opened === 'string') failed[opened] = (failed[opened] ?? 0) + 1;
      else {
        const client: Client = { index: request.firstIndex + index, socket: opened, received: 0 };
        opened.onAny(() => client.received++);
        clients.push(client);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(request.concurrency, request.tokens.length) }, lane));
  return failed;
}

/** Posts one idea and records its send and ack times. */
async function postOne(client: Client, k: number, run: ConnectOrder, sends: SendRecord[], errors: Record<string, number>): Promise<void> {
  const fail = (code: string): void => {
    errors[code] = (errors[code] ?? 0) + 1;
  };
  if (!client.socket.connected) return fail('disconnected');
  const id = nanoid();
  const record: SendRecord = [id, benchClock(), null];
  sends.push(record);
  try {
    const text = `Idée ${k} de la personne ${client.index} : un abri chauffé près de la gare, ouvert le soir.`;
    const ack = await client.socket.timeout(run.ackTimeoutMs).emitWithAck('idea:post', { id, text });
    if (ack.ok) record[2] = benchClock();
    else fail(ack.code);
  } catch {
    fail('ack_timeout');
  }
}

/** Closed loop: the next idea as soon as the previous one is acked. */
async function closedLoop(client: Client, run: ConnectOrder, sends: SendRecord[], errors: Record<string, number>): Promise<void> {
  for (let k = 1; k <= run.ideasPerClient; k++) await postOne(client, k, run, sends, errors);
}

const sleepUntil = (at: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, at - benchClock())));

/** Open loop: one idea every interval from the client's offset, acked or not. */
async function openLoop(client: Client, run: ConnectOrder, goAt: number, sends: SendRecord[], errors: Record<string, number>): Promise<void> {
  const pace = run.openLoop;
  if (!pace) throw new Error('open loop without a pace');
  const start = goAt + client.index * pace.offsetMs;
  const posts: Array<Promise<void>> = [];
  for (let k = 1; k <= run.ideasPerClient; k++) {
    await sleepUntil(start + (k - 1) * pace.intervalMs);
    posts.push(postOne(client, k, run, sends, errors));
  }
  await Promise.all(posts);
}

onParentRequest<WorkerRequest>(async (request) => {
  switch (request.type) {
    case 'clock':
      await replyToParent<WorkerReply>({ type: 'clock', now: benchClock() });
      return;
    case 'connect': {
      const { type: _type, ...rest } = request;
      order = rest;
      const failed = await connectAll(order);
      await replyToParent<WorkerReply>({ type: 'connected', ok: clients.length, failed });
      return;
    }
    case 'go': {
      const run = order;
      if (!run) throw new Error('"go" before "connect"');
      const sends: SendRecord[] = [];
      const errors: Record<string, number> = {};
      const cpuBefore = process.cpuUsage();
      for (const client of clients) client.received = 0;
      await Promise.all(clients.map((client) => (run.openLoop ? openLoop(client, run, request.goAt, sends, errors) : closedLoop(client, run, sends, errors))));
      const cpu = process.cpuUsage(cpuBefore);
      const received = clients.map((client) => client.received);
      await replyToParent<WorkerReply>({
        type: 'done',
        result: {
          sends,
          errors,
          disconnects,
          cpuMicros: cpu.user + cpu.system,
          received: received.reduce((sum, n) => sum + n, 0),
          maxReceived: Math.max(0, ...received),
          phones: clients.length,
        },
      });
      return;
    }
    case 'close': {
      closing = true;
      for (const client of clients) client.socket.close();
      clients = [];
      await replyToParent<WorkerReply>({ type: 'closed' });
      process.exit(0);
    }
  }
});

process.on('uncaughtException', failToParent);
