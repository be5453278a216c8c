/**
 * The phone's vote outbox against a real server and real socket.io clients: gommettes tapped
 * offline, a reload, a server restart, a lost ack — each counted exactly once.
 */
import { io } from 'socket.io-client';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type JoinResponse, type MyVotes, type VoteResults } from '@gommette/shared';
import { connect, emitWithAck, joinAs, removeDataDir, startServer, tempDataDir, type ClientSocket, type TestServer } from '../../../server/test/helpers';
import { openRound, voteRoom, type VoteRoom } from '../../../server/test/voteFixtures';
import type { GommetteSocket } from '../socket/createSocket';
import { effectiveGommettes, VoteOutbox } from './VoteOutbox';
import { MemoryStorage, untilState } from '../test/outboxHarness';

const dataDir = tempDataDir();
let server: TestServer;
let port = 0;
const sockets: Array<{ close(): unknown }> = [];

beforeEach(async () => {
  (globalThis as { window?: unknown }).window = { localStorage: new MemoryStorage() };
  server = await startServer({ dataDir, port });
  port = Number(new URL(server.url).port);
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  await server.close();
});
afterAll(() => {
  removeDataDir(dataDir);
  delete (globalThis as { window?: unknown }).window;
});

function phoneSocket(joined: JoinResponse): GommetteSocket {
  const socket: GommetteSocket = io(server.url, {
    auth: { role: 'participant', protocol: PROTOCOL_VERSION, token: joined.participantToken },
    transports: ['websocket'],
    autoConnect: false,
    forceNew: true,
    reconnectionDelay: 50,
    reconnectionDelayMax: 200,
  });
  sockets.push(socket);
  return socket;
}

/** What a console opened after the close sees (a lone voter's gommettes count at the close). */
async function finalResults(room: VoteRoom, roundId: string): Promise<VoteResults> {
  const closer = await connect(server.url, { role: 'facilitator', workshopId: room.workshop.id, token: room.workshop.facilitatorToken });
  await emitWithAck(closer.socket, 'vote:close', { roundId });
  closer.socket.close();
  const facilitator = await connect(server.url, { role: 'facilitator', workshopId: room.workshop.id, token: room.workshop.facilitatorToken });
  sockets.push(facilitator.socket);
  const results = facilitator.snapshot.vote?.results;
  if (!results || results.roundId !== roundId) throw new Error('no results');
  return results;
}

describe('VoteOutbox', () => {
  it('keeps gommettes tapped offline through a reload and a server restart, and counts each once', async () => {
    const track: ClientSocket[] = [];
    const room = await voteRoom(server.url, track);
    const round = await openRound(room, { budget: 3, stacking: true });
    for (const socket of track) socket.close();
    const joined = await joinAs(server.url, room.workshop.sites[1]!.joinCode);
    const acks: MyVotes[] = [];

    await server.close();
    const first = new VoteOutbox(joined.participant.id);
    first.stick(round.id, room.ideaIds[0]!);
    first.stick(round.id, room.ideaIds[0]!);
    first.stick(round.id, room.ideaIds[1]!);
    // A tap taken back before it ever left: forgotten on the device, never sent.
    const third = first.getSnapshot().pending[2]!;
    first.takeBack(round.id, third.id);
    expect(first.getSnapshot().pending).toHaveLength(2);
    expect(effectiveGommettes([], first.getSnapshot().pending, round.id).map((gommette) => gommette.ideaId)).toEqual([room.ideaIds[0], room.ideaIds[0]]);

    // Reload: a new outbox finds both taps on the device.
    const reloaded = new VoteOutbox(joined.participant.id);
    expect(reloaded.getSnapshot().pending.map((op) => op.id)).toEqual(first.getSnapshot().pending.map((op) => op.id));
    const socket = phoneSocket(joined);
    reloaded.attach(socket, (mine) => acks.push(mine));
    socket.connect();
    server = await startServer({ dataDir, port });
    await untilState(reloaded, (state) => state.pending.length === 0, 8000);
    expect(acks.at(-1)?.gommettes).toHaveLength(2);

    // The ack of the last one was "lost": the same operation is still on a device and is sent again.
    const lost = { kind: 'stick' as const, id: acks.at(-1)!.gommettes[1]!.id, roundId: round.id, ideaId: room.ideaIds[0]! };
    window.localStorage.setItem(`gommette:votes:${joined.participant.id}`, JSON.stringify([lost]));
    const again = new VoteOutbox(joined.participant.id);
    const socket2 = phoneSocket(joined);
    again.attach(socket2, (mine) => acks.push(mine));
    socket2.connect();
    await untilState(again, (state) => state.pending.length === 0);
    expect(acks.at(-1)?.gommettes).toHaveLength(2);

    const results = await finalResults(room, round.id);
    expect(results.ranking?.find((row) => row.ideaId === room.ideaIds[0])?.digital).toBe(2);
    expect(results.voters).toBe(1);
  });

  it('drops a gommette the server refuses for good and says why', async () => {
    const track: ClientSocket[] = [];
    const room = await voteRoom(server.url, track);
    const round = await openRound(room, { budget: 1 });
    for (const socket of track) socket.close();
    const joined = await joinAs(server.url, room.workshop.sites[0]!.joinCode);
    const outbox = new VoteOutbox(joined.participant.id);
    const socket = phoneSocket(joined);
    outbox.attach(socket, () => undefined);
    socket.connect();
    outbox.stick(round.id, room.ideaIds[0]!);
    outbox.stick(round.id, room.ideaIds[1]!);
    const state = await untilState(outbox, (current) => current.pending.length === 0 && current.refusal !== null);
    expect(state.refusal).toBe('vote_budget_spent');
  });
});
