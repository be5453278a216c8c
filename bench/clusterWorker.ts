/**
 * A load generator for `npm run bench:cluster`: a share of the participants as real socket.io
 * clients, each on its assigned node. On `ideas`, some of them post one idea; on `votes`, each
 * sticks one gommette; every tap is recorded with its node and send time (bench clock).
 */
import { nanoid } from 'nanoid';
import { io, type Socket } from 'socket.io-client';
import { ErrorCode, jittered, PROTOCOL_VERSION, Role } from '@gommette/shared';
import { benchClock } from './ipc';
import type { ClusterConnectOrder, ClusterWorkerReply, ClusterWorkerRequest, Tap } from './clusterIpc';

const HANDSHAKE_TIMEOUT_MS = 60_000;
const PROGRESS_MS = 10_000;

let order: ClusterConnectOrder | null = null;
let clients: Array<{ node: number; socket: Socket }> = [];
/** The last vote round each client's phone was shown (`vote:round`): a resident taps only once it shows. */
const shownRound = new WeakMap<Socket, string>();
const ROUND_SHOWN_TIMEOUT_MS = 60_000;
let closing = false;
let disconnects = 0;

function reply(message: ClusterWorkerReply): void {
  process.send?.(message);
}

function openClient(url: string, token: string): Promise<Socket | string> {
  return new Promise((resolve) => {
    const socket = io(url, {
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
    socket.on('vote:round', (round: { id: string }) => shownRound.set(socket, round.id));
    socket.once('workshop:snapshot', () => {
      clearTimeout(timer);
      socket.on('disconnect', () => {
        if (!closing) disconnects++;
      });
      resolve(socket);
    });
    socket.once('connect_error', (error: Error & { data?: { code?: string } }) => {
      clearTimeout(timer);
      socket.close();
      resolve(error.data?.code ?? error.message);
    });
  });
}

async function connectAll(request: ClusterConnectOrder): Promise<Record<string, number>> {
  const failed: Record<string, number> = {};
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < request.tokens.length && Date.now() < request.connectUntil) {
      const index = next++;
      const node = request.nodes[index]!;
      const opened = await openClient(request.urls[node]!, request.tokens[index]!);
      if (typeof opened === 'string') failed[opened] = (failed[opened] ?? 0) + 1;
      else clients.push({ node, socket: opened });
    }
  };
  const progress = setInterval(() => console.log(`    worker ${process.pid}: ${clients.length}/${request.tokens.length} connected`), PROGRESS_MS);
  await Promise.all(Array.from({ length: Math.min(request.concurrency, request.tokens.length) }, lane));
  clearInterval(progress);
  return failed;
}

async function tap(
  client: { node: number; socket: Socket },
  event: string,
  payload: Record<string, unknown>,
  made: (data: unknown) => string | number,
  taps: Tap[],
  errors: Record<string, number>,
): Promise<void> {
  const sentAt = benchClock();
  try {
    for (;;) {
      const ack = (await client.socket.timeout(order!.ackTimeoutMs).emitWithAck(event, payload)) as
        { ok: true; data: unknown } | { ok: false; code: string; retryAfterMs?: number };
      if (ack.ok) taps.push([client.node, sentAt, made(ack.data)]);
      else if (ack.code === ErrorCode.RateLimited && ack.retryAfterMs !== undefined) {
        // The server sheds load: wait what it asks, as the phone's outbox does, and send the same again.
        errors.shed_then_resent = (errors.shed_then_resent ?? 0) + 1;
        await new Promise((resolve) => setTimeout(resolve, jittered(ack.retryAfterMs!)));
        continue;
      } else errors[ack.code] = (errors[ack.code] ?? 0) + 1;
      return;
    }
  } catch {
    errors.ack_timeout = (errors.ack_timeout ?? 0) + 1;
  }
}

process.on('message', (request: ClusterWorkerRequest) => {
  void (async () => {
    switch (request.type) {
      case 'connect': {
        const { type: _type, ...rest } = request;
        order = rest;
        const started = Date.now();
        const failed = await connectAll(order);
        reply({ type: 'connected', ok: clients.length, failed, durationMs: Date.now() - started });
        return;
      }
      case 'ideas': {
        const taps: Tap[] = [];
        const errors: Record<string, number> = {};
        await Promise.all(
          clients
            .filter((_, index) => index % request.every === 0)
            .map((client) => {
              const id = nanoid();
              return tap(client, 'idea:post', { id, text: `Une idée de ${client.node}` }, () => id, taps, errors);
            }),
        );
        reply({ type: 'done', taps, errors, disconnects });
        return;
      }
      case 'round-shown': {
        // A phone can tap a gommette only once the round shows on it: the coordinator waits until
        // every phone has been shown the round (the server's announce fan-out), then all tap at once.
        const waitFrom = Date.now();
        const unshown = () => clients.filter((client) => shownRound.get(client.socket) !== request.roundId).length;
        while (unshown() > 0 && Date.now() - waitFrom < ROUND_SHOWN_TIMEOUT_MS) await new Promise((resolve) => setTimeout(resolve, 20));
        reply({ type: 'shown', unshown: unshown(), waitedMs: Date.now() - waitFrom });
        return;
      }
      case 'votes': {
        const taps: Tap[] = [];
        const errors: Record<string, number> = {};
        await Promise.all(
          clients.map((client, index) =>
            tap(
              client,
              'vote:cast',
              { id: nanoid(), roundId: request.roundId, ideaId: request.ideaIds[index % request.ideaIds.length]! },
              (data) => (data as { version: number }).version,
              taps,
              errors,
            ),
          ),
        );
        reply({ type: 'done', taps, errors, disconnects });
        return;
      }
      case 'close':
        closing = true;
        for (const client of clients) client.socket.close();
        clients = [];
        reply({ type: 'closed' });
        process.exit(0);
    }
  })().catch((error: unknown) => reply({ type: 'error', message: error instanceof Error ? error.message : String(error) }));
});
