/**
 * The phone's outbox against a real server and a real socket.io client: ideas written offline,
 * a reload, a server restart — each idea stored exactly once, in order.
 */
import { io } from 'socket.io-client';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_IDEAS_PER_MINUTE, PROTOCOL_VERSION, RETRY_AFTER_JITTER, type JoinResponse, type Snapshot } from '@gommette/shared';
import { connect, createWorkshop, joinAs, removeDataDir, startServer, tempDataDir, type TestServer } from '../../../server/test/helpers';
import type { GommetteSocket } from '../socket/createSocket';
import { mergeMyIdeas } from './myIdeas';
import { Outbox } from './Outbox';
import { MemoryStorage, untilState } from '../test/outboxHarness';

const dataDir = tempDataDir();
let server: TestServer;
let port = 0;
const sockets: GommetteSocket[] = [];

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

async function facilitatorView(workshop: { id: string; facilitatorToken: string }): Promise<Snapshot> {
  const { socket, snapshot } = await connect(server.url, { role: 'facilitator', workshopId: workshop.id, token: workshop.facilitatorToken });
  socket.close();
  return snapshot;
}

describe('Outbox', () => {
  it('sends ideas written before the connection, once each and in order', async () => {
    const workshop = await createWorkshop(server.url);
    const joined = await joinAs(server.url, workshop.sites[0]!.joinCode);
    const outbox = new Outbox(joined.participant.id);
    const sent: string[] = [];
    const socket = phoneSocket(joined);
    outbox.attach(socket, (idea) => sent.push(idea.text));

    for (const text of ['Se laver', 'Manger chaud', 'Dormir au sec']) outbox.send(text);
    expect(outbox.getSnapshot().pending.map((idea) => idea.text)).toEqual(['Se laver', 'Manger chaud', 'Dormir au sec']);

    socket.connect();
    await untilState(outbox, (state) => state.pending.length === 0);
    expect(sent).toEqual(['Se laver', 'Manger chaud', 'Dormir au sec']);
    expect((await facilitatorView(workshop)).ideas.map((idea) => idea.text)).toEqual(['Se laver', 'Manger chaud', 'Dormir au sec']);
  });

  it('keeps ideas through a reload while the server is down, and delivers them after its restart', async () => {
    const workshop = await createWorkshop(server.url);
    const joined = await joinAs(server.url, workshop.sites[0]!.joinCode);
    const first = new Outbox(joined.participant.id);
    const socket = phoneSocket(joined);
    const detach = first.attach(socket, () => undefined);
    socket.connect();
    first.send('Avant la panne');
    await untilState(first, (state) => state.pending.length === 0);

    await server.close();
    first.send('Pendant la panne');
    first.send('Encore pendant la panne');
    expect(first.getSnapshot().pending).toHaveLength(2);

    // The page is reloaded: a new outbox finds the waiting ideas on the device.
    detach();
    socket.close();
    const reloaded = new Outbox(joined.participant.id);
    expect(reloaded.getSnapshot().pending.map((idea) => idea.text)).toEqual(['Pendant la panne', 'Encore pendant la panne']);
    const again = phoneSocket(joined);
    reloaded.attach(again, () => undefined);
    again.connect();

    server = await startServer({ dataDir, port });
    await untilState(reloaded, (state) => state.pending.length === 0);
    expect((await facilitatorView(workshop)).ideas.map((idea) => idea.text)).toEqual(['Avant la panne', 'Pendant la panne', 'Encore pendant la panne']);
  });

  it('does not send again an idea stored before the connection dropped: the next snapshot shows it', async () => {
    const workshop = await createWorkshop(server.url);
    const joined = await joinAs(server.url, workshop.sites[0]!.joinCode);
    const outbox = new Outbox(joined.participant.id);
    const socket = phoneSocket(joined);
    const posts: string[] = [];
    const emit = socket.emit.bind(socket);
    socket.emit = ((event: string, ...args: unknown[]) => {
      if (event === 'idea:post') posts.push((args[0] as { id: string }).id);
      return (emit as (event: string, ...rest: unknown[]) => GommetteSocket)(event, ...args);
    }) as GommetteSocket['emit'];
    const sent: string[] = [];
    outbox.attach(socket, (idea) => sent.push(idea.text));
    socket.connect();
    await new Promise<void>((resolve) => socket.once('workshop:snapshot', () => resolve()));

    // The idea leaves, and the connection drops before its ack can come back (the server still stores it).
    outbox.send('Une douche en accès libre');
    socket.io.engine.close();
    await untilState(outbox, (state) => state.pending.length === 0);
    expect(sent).toEqual(['Une douche en accès libre']);
    expect(posts).toHaveLength(1);
    expect((await facilitatorView(workshop)).ideas.map((idea) => idea.text)).toEqual(['Une douche en accès libre']);
  });

  it('keeps the text of an idea the server refuses for good, to edit and send again', async () => {
    const workshop = await createWorkshop(server.url);
    const joined = await joinAs(server.url, workshop.sites[0]!.joinCode);
    const outbox = new Outbox(joined.participant.id);
    const socket = phoneSocket(joined);
    outbox.attach(socket, () => undefined);
    socket.connect();
    const tooLong = 'x'.repeat(300);
    const id = outbox.send(tooLong);
    const state = await untilState(outbox, (current) => current.failed.length === 1);
    expect(state.pending).toEqual([]);
    expect(state.failed[0]).toMatchObject({ id, text: tooLong, code: 'too_large' });
    expect(outbox.retake(id)).toBe(tooLong);
    expect(outbox.getSnapshot().failed).toEqual([]);
  });

  it("marks an idea held back by the per-minute limit with the server's retry time, not as waiting for the network", async () => {
    const workshop = await createWorkshop(server.url);
    const joined = await joinAs(server.url, workshop.sites[0]!.joinCode);
    const outbox = new Outbox(joined.participant.id);
    const socket = phoneSocket(joined);
    outbox.attach(socket, () => undefined);
    socket.connect();
    for (let index = 0; index <= MAX_IDEAS_PER_MINUTE; index++) outbox.send(`Idée numéro ${index + 1}`);
    const before = Date.now();
    const state = await untilState(outbox, (current) => current.pending.length === 1 && current.pending[0]?.notice === 'rate_limited');
    const held = state.pending[0]!;
    expect(held.text).toBe(`Idée numéro ${MAX_IDEAS_PER_MINUTE + 1}`);
    // The server's retry time (within the minute) plus the outbox's jitter, in the future.
    expect(held.retryAt).toBeGreaterThan(before);
    expect(held.retryAt).toBeLessThanOrEqual(Date.now() + 60_000 * (1 + RETRY_AFTER_JITTER));
    expect(mergeMyIdeas([], state.pending, [])[0]).toMatchObject({ state: 'pending', notice: 'rate_limited', retryAt: held.retryAt });
  });
});
