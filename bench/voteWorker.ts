/**
 * A load generator for `npm run bench:vote`: a share of the phones as real socket.io clients.
 * On `go`, every phone spends its whole budget as fast as it can (the next gommette as soon as
 * the previous is acked), recording each ack's round version and time.
 */
import { nanoid } from 'nanoid';
import { io, type Socket } from 'socket.io-client';
import { ErrorCode, jittered, PROTOCOL_VERSION, Role } from '@gommette/shared';
import { benchClock, failToParent, onParentRequest, replyToParent } from './ipc';
import type { AckRecord, VoteConnectOrder, VoteWorkerReply, VoteWorkerRequest } from './voteIpc';

const HANDSHAKE_TIMEOUT_MS = 20_000;

let order: VoteConnectOrder | null = null;
let clients: Array<{ index: number; socket: Socket }> = [];
let closing = false;
let disconnects = 0;
let resultsReceived = 0;

function openClient(url: string, mode: VoteConnectOrder['mode'], token: string): Promise<Socket | string> {
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
    const ready = () => {
      clearTimeout(timer);
      socket.on('disconnect', () => {
        if (!closing) disconnects++;
      });
      socket.on('vote:results', () => resultsReceived++);
      resolve(socket);
    };
    if (mode === 'relay') socket.once('connect', ready);
    else socket.once('workshop:snapshot', ready);
    socket.once('connect_error', (error: Error & { data?: { code?: string } }) => {
      clearTimeout(timer);
      socket.close();
      resolve(error.data?.code ?? error.message);
    });
  });
}

async function connectAll(request: VoteConnectOrder): Promise<Record<string, number>> {
  const failed: Record<string, number> = {};
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < request.tokens.length) {
      const index = next++;
      const opened = await openClient(request.url, request.mode, request.tokens[index] ?? '');
      if (typeof opened === 'string') failed[opened] = (failed[opened] ?? 0) + 1;
      else clients.push({ index: request.firstIndex + index, socket: opened });
    }
  };
  await Promise.all(Array.from({ length: Math.min(request.concurrency, request.tokens.length) }, lane));
  return failed;
}

async function spend(client: { index: number; socket: Socket }, run: VoteConnectOrder, acks: AckRecord[], errors: Record<string, number>): Promise<void> {
  const startedAt = Date.now();
  const slotMs = (run.paceS * 1000) / run.budget;
  for (let k = 0; k < run.budget; k++) {
    if (slotMs > 0) {
      const at = startedAt + (k + Math.random()) * slotMs;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));
    }
    const ideaId = run.ideaIds[(client.index + k) % run.ideaIds.length]!;
    const payload = { id: nanoid(), roundId: run.roundId, ideaId };
    const tappedAt = benchClock();
    try {
      for (;;) {
        const ack = (await client.socket.timeout(run.ackTimeoutMs).emitWithAck('vote:cast', payload)) as
          { ok: true; data: { version: number } } | { ok: false; code: string; retryAfterMs?: number };
        if (ack.ok) acks.push([ack.data.version, tappedAt, benchClock()]);
        else if (ack.code === ErrorCode.RateLimited && ack.retryAfterMs !== undefined) {
          // The server sheds load: wait what it asks, as the phone's outbox does, and send the same again.
          errors.shed_then_resent = (errors.shed_then_resent ?? 0) + 1;
          await new Promise((resolve) => setTimeout(resolve, jittered(ack.retryAfterMs!)));
          continue;
        } else errors[ack.code] = (errors[ack.code] ?? 0) + 1;
        break;
      }
    } catch {
      errors.ack_timeout = (errors.ack_timeout ?? 0) + 1;
    }
  }
}

onParentRequest<VoteWorkerRequest>(async (request) => {
  switch (request.type) {
    case 'clock':
      await replyToParent<VoteWorkerReply>({ type: 'clock', now: benchClock() });
      return;
    case 'connect': {
      const { type: _type, ...rest } = request;
      order = rest;
      const failed = await connectAll(order);
      await replyToParent<VoteWorkerReply>({ type: 'connected', ok: clients.length, failed });
      return;
    }
    case 'go': {
      const run = order;
      if (!run) throw new Error('"go" before "connect"');
      const acks: AckRecord[] = [];
      const errors: Record<string, number> = {};
      resultsReceived = 0;
      const cpuBefore = process.cpuUsage();
      await Promise.all(clients.map((client) => spend(client, run, acks, errors)));
      const cpu = process.cpuUsage(cpuBefore);
      await replyToParent<VoteWorkerReply>({ type: 'done', acks, errors, resultsReceived, disconnects, cpuMicros: cpu.user + cpu.system });
      return;
    }
    case 'close':
      closing = true;
      for (const client of clients) client.socket.close();
      clients = [];
      await replyToParent<VoteWorkerReply>({ type: 'closed' });
      process.exit(0);
  }
});

process.on('uncaughtException', failToParent);
