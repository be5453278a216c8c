/**
 * A load generator for `npm run bench:faults`: a share of the participants as real socket.io
 * clients that reconnect by themselves (socket.io's own reconnection, the phone's settings),
 * each with the phone's two outboxes (ideas, gommettes: see faultsOutbox.ts) and a ledger of
 * what the server acknowledged. It records every drop, snapshot and ack (bench clock), so the
 * parent can tell, for each kill, when each client was back.
 */
import { nanoid } from 'nanoid';
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, Role, storedGommette, storedIdea } from '@gommette/shared';
import { BenchOutbox, reconnectLikeThePhone, type OutboxCommand, type ResendRule } from './faultsOutbox';
import type { ClientLedger, FaultsConnectOrder, FaultsWorkerReply, FaultsWorkerRequest, KillObservation, RoundOrder } from './faultsIpc';
import { benchClock, failToParent, onParentRequest, replyToParent } from './ipc';

const HANDSHAKE_TIMEOUT_MS = 20_000;
/** A sample of acked ideas sent back after each round: the parent builds the next ballot from them. */
const IDEA_SAMPLE = 12;
const TEXTS = [
  'Une bagagerie solidaire près de la gare',
  'Des douches ouvertes le matin au centre social',
  'Une carte des lieux utiles du quartier',
  'Un frigo partagé devant la maison du quartier',
  'Des casiers pour garder ses papiers',
  'Un atelier réparation de vélos le samedi',
];

interface Client {
  index: number;
  socket: Socket;
  ideas: BenchOutbox;
  votes: BenchOutbox;
  ledger: ClientLedger;
  disconnects: number[];
  snapshots: number[];
  acks: number[];
}

interface KillMark {
  kill: number;
  killedAt: number;
  /** Commands outstanding per client index when the kill was noticed. */
  pending: Map<number, number>;
}

let clients: Client[] = [];
const kills: KillMark[] = [];
const refusals: Record<string, number> = {};
const retries: Record<string, number> = {};
const resends = { timeout: 0, reconnection: 0, confirmed: 0 };
let closing = false;
/** Commands of the current round not yet acked or refused, and acks in it so far. */
let outstanding = 0;
let round = -1;
let roundAcked = 0;
let roundIdeas: string[] = [];
let roundDone: (() => void) | null = null;

const count = (into: Record<string, number>, code: string): void => {
  into[code] = (into[code] ?? 0) + 1;
};

function settle(): void {
  outstanding--;
  if (outstanding === 0) roundDone?.();
}

function makeClient(url: string, index: number, token: string, resend: ResendRule): Client {
  const socket = io(url, {
    transports: ['websocket'],
    auth: { role: Role.Participant, protocol: PROTOCOL_VERSION, token },
    forceNew: true,
    timeout: HANDSHAKE_TIMEOUT_MS,
    // socket.io's defaults, as on the phone (client/src/socket/createSocket.ts): reconnect forever,
    // 1 s doubling to 5 s, ±50 % jitter.
  });
  const ledger: ClientLedger = { index, ideas: [], votes: [], sent: [] };
  const acks: number[] = [];
  const events = {
    onAck: (command: OutboxCommand) => {
      acks.push(benchClock());
      if (command.event === 'idea:post') {
        ledger.ideas.push(command.id);
        roundIdeas.push(command.id);
      } else ledger.votes.push(command.id);
      roundAcked++;
      settle();
    },
    onRefused: (_command: OutboxCommand, code: string) => {
      count(refusals, code);
      settle();
    },
    onRetry: (code: string) => count(retries, code),
    onResend: (why: 'timeout' | 'reconnection') => {
      resends[why]++;
    },
    onConfirmed: () => {
      resends.confirmed++;
    },
  };
  const client: Client = {
    index,
    socket,
    ideas: new BenchOutbox(socket, events, resend, (snapshot, command) => storedIdea(snapshot, command.id) !== null),
    votes: new BenchOutbox(socket, events, resend, (snapshot, command) => storedGommette(snapshot, String(command.payload.roundId), command.id) !== null),
    ledger,
    disconnects: [],
    snapshots: [],
    acks,
  };
  socket.on('disconnect', () => {
    if (!closing) client.disconnects.push(benchClock());
  });
  socket.on('workshop:snapshot', () => client.snapshots.push(benchClock()));
  return client;
}

/** Opens every client (`concurrency` handshakes at a time); resolves once each has its first snapshot or failed. */
async function connectAll(order: FaultsConnectOrder): Promise<Record<string, number>> {
  const failed: Record<string, number> = {};
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < order.tokens.length) {
      const i = next++;
      const index = order.firstIndex + i;
      const client = makeClient(order.urls[index % order.urls.length]!, index, order.tokens[i]!, order.resend);
      const outcome = await new Promise<string | null>((resolve) => {
        const timer = setTimeout(() => resolve('no_snapshot'), HANDSHAKE_TIMEOUT_MS);
        client.socket.once('workshop:snapshot', () => {
          clearTimeout(timer);
          resolve(null);
        });
        client.socket.once('connect_error', (error: Error & { data?: { code?: string } }) => {
          clearTimeout(timer);
          resolve(error.data?.code ?? error.message);
        });
      });
      if (outcome === null) {
        reconnectLikeThePhone(
          client.socket,
          () => closing,
          (kind, code) => count(kind === 'final' ? refusals : retries, code),
        );
        clients.push(client);
      } else {
        client.socket.close();
        count(failed, outcome);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(order.concurrency, order.tokens.length) }, lane));
  clients.sort((a, b) => a.index - b.index);
  return failed;
}

/** Picks `n` distinct ballot ideas for a client (a different mix for each client and round). */
function pick(ballot: string[], n: number, seed: number): string[] {
  const chosen: string[] = [];
  for (let k = 0; chosen.length < Math.min(n, ballot.length); k++) {
    const idea = ballot[(seed * 7 + k * 5) % ballot.length]!;
    if (!chosen.includes(idea)) chosen.push(idea);
    if (k > ballot.length * 5) break;
  }
  return chosen;
}

function queue(client: Client, outbox: BenchOutbox, command: OutboxCommand): void {
  client.ledger.sent.push(command.id);
  outstanding++;
  outbox.push(command);
}

async function runRound(order: RoundOrder): Promise<void> {
  round = order.round;
  roundAcked = 0;
  roundIdeas = [];
  outstanding = 1; // held until every command is queued
  const finished = new Promise<void>((resolve) => {
    roundDone = resolve;
  });
  for (const client of clients) {
    if (client.index < order.ideaClients) {
      for (let k = 0; k < order.ideasPerClient; k++) {
        const id = nanoid();
        const text = `${TEXTS[(client.index + order.round + k) % TEXTS.length]} (tour ${order.round}, personne ${client.index + 1})`;
        queue(client, client.ideas, { event: 'idea:post', id, payload: { id, text } });
      }
    }
    if (order.roundId !== null) {
      for (const ideaId of pick(order.ballot, order.castsPerClient, client.index + order.round)) {
        const id = nanoid();
        queue(client, client.votes, { event: 'vote:cast', id, payload: { id, roundId: order.roundId, ideaId } });
      }
    }
  }
  settle();
  await finished;
  roundDone = null;
  await replyToParent<FaultsWorkerReply>({ type: 'roundDone', round: order.round, acked: roundAcked, ideaSample: roundIdeas.slice(0, IDEA_SAMPLE) });
}

function firstAfter(times: number[], after: number): number | null {
  return times.find((time) => time > after) ?? null;
}

/** Connected, and its snapshot came after its last drop (what `observations` counts as back). */
function isBack(client: Client): boolean {
  return client.socket.connected && (client.snapshots.at(-1) ?? -1) >= (client.disconnects.at(-1) ?? -1);
}

/** For each kill, the clients whose connection dropped with it: when they were back. */
function observations(): KillObservation[] {
  const seen: KillObservation[] = [];
  kills.forEach((mark, k) => {
    const until = kills[k + 1]?.killedAt ?? Infinity;
    for (const client of clients) {
      // The drop is noticed a little after the kill, and before the parent's notice sometimes.
      const disconnectedAt = client.disconnects.find((time) => time >= mark.killedAt && time < until);
      if (disconnectedAt === undefined) continue;
      const pending = mark.pending.get(client.index) ?? 0;
      seen.push({
        kill: mark.kill,
        pending,
        disconnectedAt,
        reconnectedAt: firstAfter(client.snapshots, disconnectedAt),
        nextAckAt: pending > 0 ? firstAfter(client.acks, mark.killedAt) : null,
      });
    }
  });
  return seen;
}

onParentRequest<FaultsWorkerRequest>(async (request) => {
  switch (request.type) {
    case 'connect': {
      const failed = await connectAll(request);
      await replyToParent<FaultsWorkerReply>({ type: 'connected', ok: clients.length, failed });
      return;
    }
    case 'round':
      // Not awaited: `progress` and `killed` requests are answered while the round runs.
      runRound(request).catch(failToParent);
      return;
    case 'progress':
      await replyToParent<FaultsWorkerReply>({ type: 'progress', round, acked: roundAcked, connected: clients.filter(isBack).length });
      return;
    case 'killed': {
      const pending = new Map<number, number>();
      let pendingCommands = 0;
      for (const client of clients) {
        const size = client.ideas.size + client.votes.size;
        if (size > 0) pending.set(client.index, size);
        pendingCommands += size;
      }
      kills.push({ kill: request.kill, killedAt: request.killedAt, pending });
      await replyToParent<FaultsWorkerReply>({ type: 'killed', kill: request.kill, pendingClients: pending.size, pendingCommands });
      return;
    }
    case 'ledger': {
      const disconnects = clients.reduce((sum, client) => sum + client.disconnects.length, 0);
      await replyToParent<FaultsWorkerReply>({
        type: 'ledger',
        clients: clients.map((client) => client.ledger),
        observations: observations(),
        refusals,
        resends,
        retries,
        disconnects,
      });
      return;
    }
    case 'close':
      closing = true;
      for (const client of clients) {
        client.ideas.stop();
        client.votes.stop();
        client.socket.close();
      }
      clients = [];
      await replyToParent<FaultsWorkerReply>({ type: 'closed' });
      process.exit(0);
  }
});

process.on('uncaughtException', failToParent);
