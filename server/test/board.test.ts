import { pino } from 'pino';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  BOARD_MAX_MESSAGES_PER_WINDOW,
  BOARD_WS_PROTOCOL,
  MAX_BOARD_MESSAGE_BYTES,
  addNote,
  applyJourneyTemplate,
  readBoard,
  setPersona,
} from '@gommette/shared/board';
import { createWorkshop, joinAs, removeDataDir, startServer, tempDataDir, type TestServer } from './helpers';
import { boardClient, rawBoardSocket, synced, waitFor } from './boardHelpers';

const logLines: string[] = [];
const logger = pino(
  { level: 'debug' },
  new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString());
      done();
    },
  }),
);

let server: TestServer;
const clients: Array<{ close(): void }> = [];
beforeAll(async () => {
  server = await startServer({ logger, env: { ALLOWED_ORIGINS: 'http://localhost:5173' } });
});
afterAll(async () => {
  for (const client of clients.splice(0)) client.close();
  await server.close();
});

function open(url: string, workshopId: string, token: string) {
  const client = boardClient(url, workshopId, token);
  clients.push(client);
  return client;
}

const cell = (stepId: string, rowId: string) => ({ kind: 'cell' as const, stepId, rowId });

describe('board gateway', () => {
  it('lets a facilitator and two phones of that workshop edit one board that converges', async () => {
    const workshop = await createWorkshop(server.url);
    const [first, second] = [await joinAs(server.url, workshop.sites[0]!.joinCode), await joinAs(server.url, workshop.sites[1]!.joinCode)];
    const console = open(server.url, workshop.id, workshop.facilitatorToken);
    await synced(console.provider);
    applyJourneyTemplate(console.doc);
    const phoneA = open(server.url, workshop.id, first.participantToken);
    const phoneB = open(server.url, workshop.id, second.participantToken);
    await Promise.all([synced(phoneA.provider), synced(phoneB.provider)]);
    await waitFor(() => readBoard(phoneA.doc).steps.length === 6 && readBoard(phoneB.doc).steps.length === 6, 5_000, 'template on phones');
    addNote(phoneA.doc, { id: 'note-phone-a', text: 'Se laver', siteId: first.participant.siteId, placement: cell('step-wake', 'row-needs'), order: 1 });
    addNote(phoneB.doc, { id: 'note-phone-b', text: 'Manger chaud', siteId: second.participant.siteId, placement: cell('step-noon', 'row-needs'), order: 1 });
    await waitFor(() => [console.doc, phoneA.doc, phoneB.doc].every((doc) => readBoard(doc).notes.length === 2), 5_000, 'notes everywhere');
    expect(readBoard(phoneA.doc)).toEqual(readBoard(console.doc));
    expect(readBoard(phoneB.doc)).toEqual(readBoard(console.doc));
  });

  it('keeps the board across a server restart', async () => {
    const dataDir = tempDataDir();
    try {
      let first: TestServer | null = await startServer({ dataDir });
      const workshop = await createWorkshop(first.url);
      const writer = boardClient(first.url, workshop.id, workshop.facilitatorToken);
      await synced(writer.provider);
      applyJourneyTemplate(writer.doc);
      for (let index = 0; index < 30; index++) {
        addNote(writer.doc, { id: `note-${String(index).padStart(4, '0')}`, text: `note ${index}`, placement: cell('step-wake', 'row-does'), order: index });
      }
      setPersona(writer.doc, 'Un jeune sans abri');
      // Once another client sees the last change, the server has it; closing the server then
      // saves what is still in its debounce window.
      const witness = boardClient(first.url, workshop.id, workshop.screenToken);
      await waitFor(() => readBoard(witness.doc).persona === 'Un jeune sans abri' && readBoard(witness.doc).notes.length === 30, 5_000, 'witness');
      witness.close();
      await first.close();
      first = null;
      writer.close();
      const again = await startServer({ dataDir });
      try {
        const reader = boardClient(again.url, workshop.id, workshop.screenToken);
        await synced(reader.provider);
        const board = readBoard(reader.doc);
        expect(board.persona).toBe('Un jeune sans abri');
        expect(board.notes).toHaveLength(30);
        reader.close();
      } finally {
        await again.close();
      }
    } finally {
      removeDataDir(dataDir);
    }
  });

  it('refuses a missing, wrong or foreign token, a foreign Origin and a bad path, without logging the token', async () => {
    const workshop = await createWorkshop(server.url);
    const other = await createWorkshop(server.url);
    const phone = await joinAs(server.url, other.sites[0]!.joinCode);
    const path = `/yjs/${workshop.id}`;
    const attempts: Array<[string, string[], Record<string, string>?]> = [
      [path, [BOARD_WS_PROTOCOL]],
      [path, [BOARD_WS_PROTOCOL, 'x'.repeat(43)]],
      [path, [BOARD_WS_PROTOCOL, other.facilitatorToken]],
      [path, [BOARD_WS_PROTOCOL, other.screenToken]],
      [path, [BOARD_WS_PROTOCOL, phone.participantToken]],
    ];
    for (const [target, protocols] of attempts) expect(await rawBoardSocket(server.url, target, protocols)).toEqual({ status: 401 });
    expect(await rawBoardSocket(server.url, path, [BOARD_WS_PROTOCOL, workshop.facilitatorToken], { origin: 'http://evil.example' })).toEqual({ status: 403 });
    expect(await rawBoardSocket(server.url, `/yjs/${workshop.id}/../x`, [BOARD_WS_PROTOCOL, workshop.facilitatorToken])).toEqual({ status: 404 });
    expect(await rawBoardSocket(server.url, `/elsewhere`, [BOARD_WS_PROTOCOL, workshop.facilitatorToken])).toEqual({ status: 404 });
    const allowed = await rawBoardSocket(server.url, path, [BOARD_WS_PROTOCOL, workshop.facilitatorToken], { origin: 'http://localhost:5173' });
    expect('ws' in allowed && allowed.ws.protocol).toBe(BOARD_WS_PROTOCOL);
    if ('ws' in allowed) allowed.ws.close();
    const logs = logLines.join('');
    for (const secret of [workshop.facilitatorToken, other.facilitatorToken, other.screenToken, phone.participantToken]) expect(logs).not.toContain(secret);
  });

  it("drops the projector's (read-only) writes but sends it the board", async () => {
    const workshop = await createWorkshop(server.url);
    const console = open(server.url, workshop.id, workshop.facilitatorToken);
    const screen = open(server.url, workshop.id, workshop.screenToken);
    await Promise.all([synced(console.provider), synced(screen.provider)]);
    applyJourneyTemplate(console.doc);
    await waitFor(() => readBoard(screen.doc).steps.length === 6, 5_000, 'template on the screen');
    addNote(screen.doc, { id: 'note-screen', text: 'écrit par le projecteur', placement: cell('step-wake', 'row-does'), order: 1 });
    // Presence goes through the same connection after the write: once the console sees it, the
    // server has handled (and dropped) the write.
    screen.provider.awareness.setLocalState({ role: 'screen', siteId: null, view: null, lead: false });
    await waitFor(() => console.provider.awareness.getStates().has(screen.doc.clientID), 5_000, 'screen presence');
    addNote(console.doc, { id: 'note-console', text: 'écrit par la console', placement: cell('step-wake', 'row-does'), order: 2 });
    await waitFor(() => readBoard(screen.doc).notes.some((note) => note.id === 'note-console'), 5_000, 'console note on screen');
    expect(readBoard(console.doc).notes.map((note) => note.id)).toEqual(['note-console']);
    const fresh = open(server.url, workshop.id, workshop.facilitatorToken);
    await synced(fresh.provider);
    expect(readBoard(fresh.doc).notes.map((note) => note.id)).toEqual(['note-console']);
  });

  it('closes only the connection that sends an oversize message', async () => {
    const workshop = await createWorkshop(server.url);
    const console = open(server.url, workshop.id, workshop.facilitatorToken);
    await synced(console.provider);
    const opened = await rawBoardSocket(server.url, `/yjs/${workshop.id}`, [BOARD_WS_PROTOCOL, workshop.facilitatorToken]);
    if (!('ws' in opened)) throw new Error(`refused: ${opened.status}`);
    const closed = new Promise<number>((resolve) => opened.ws.once('close', (code) => resolve(code)));
    opened.ws.send(new Uint8Array(MAX_BOARD_MESSAGE_BYTES + 1024));
    expect(await closed).toBe(1009);
    setPersona(console.doc, 'Toujours là');
    const other = open(server.url, workshop.id, workshop.screenToken);
    await waitFor(() => readBoard(other.doc).persona === 'Toujours là', 5_000, 'persona after the oversize message');
    expect(console.provider.wsconnected).toBe(true);
  });

  it('closes a connection that sends garbage, and relays only nameless presence of its own role', async () => {
    const workshop = await createWorkshop(server.url);
    const phone = await joinAs(server.url, workshop.sites[0]!.joinCode);
    const console = open(server.url, workshop.id, workshop.facilitatorToken);
    const resident = open(server.url, workshop.id, phone.participantToken);
    await Promise.all([synced(console.provider), synced(resident.provider)]);
    // A name, or a claim to lead as a resident, is not relayed.
    resident.provider.awareness.setLocalState({ role: 'participant', siteId: phone.participant.siteId, view: null, lead: false, name: 'Fatima' });
    resident.provider.awareness.setLocalState({ role: 'participant', siteId: phone.participant.siteId, view: null, lead: true });
    resident.provider.awareness.setLocalState({
      role: 'participant',
      siteId: phone.participant.siteId,
      view: { x: 1, y: 2, width: 3, height: 4 },
      lead: false,
    });
    await waitFor(() => console.provider.awareness.getStates().get(resident.doc.clientID)?.view?.x === 1, 5_000, 'presence');
    const seen = console.provider.awareness.getStates().get(resident.doc.clientID);
    expect(seen).toEqual({ role: 'participant', siteId: phone.participant.siteId, view: { x: 1, y: 2, width: 3, height: 4 }, lead: false });

    const raw = await rawBoardSocket(server.url, `/yjs/${workshop.id}`, [BOARD_WS_PROTOCOL, workshop.facilitatorToken]);
    if (!('ws' in raw)) throw new Error('refused');
    const closed = new Promise<number>((resolve) => raw.ws.once('close', (code) => resolve(code)));
    raw.ws.send(new Uint8Array([0, 2, 200, 1, 2, 3]));
    expect(await closed).toBe(1008);
    expect(console.provider.wsconnected).toBe(true);
  });

  it('closes only the connection that floods the gateway with messages', async () => {
    const workshop = await createWorkshop(server.url);
    const console = open(server.url, workshop.id, workshop.facilitatorToken);
    await synced(console.provider);
    const raw = await rawBoardSocket(server.url, `/yjs/${workshop.id}`, [BOARD_WS_PROTOCOL, workshop.facilitatorToken]);
    if (!('ws' in raw)) throw new Error('refused');
    const closed = new Promise<number>((resolve) => raw.ws.once('close', (code) => resolve(code)));
    // Awareness queries: harmless one by one, a flood past the limit.
    for (let index = 0; index <= BOARD_MAX_MESSAGES_PER_WINDOW; index++) raw.ws.send(new Uint8Array([3]));
    expect(await closed).toBe(1008);
    setPersona(console.doc, 'Après le flot');
    const other = open(server.url, workshop.id, workshop.screenToken);
    await waitFor(() => readBoard(other.doc).persona === 'Après le flot', 5_000, 'persona after the flood');
  });

  it('does not open a board for a workshop that does not exist, and leaves another workshop alone', async () => {
    const workshop = await createWorkshop(server.url);
    const other = await createWorkshop(server.url);
    expect(await rawBoardSocket(server.url, `/yjs/nope-nope-nope`, [BOARD_WS_PROTOCOL, workshop.facilitatorToken])).toEqual({ status: 401 });
    const a = open(server.url, workshop.id, workshop.facilitatorToken);
    const b = open(server.url, other.id, other.facilitatorToken);
    await Promise.all([synced(a.provider), synced(b.provider)]);
    setPersona(a.doc, 'Atelier A');
    setPersona(b.doc, 'Atelier B');
    const checkA = open(server.url, workshop.id, workshop.screenToken);
    await waitFor(() => readBoard(checkA.doc).persona === 'Atelier A', 5_000, 'A');
    expect(Y.encodeStateAsUpdate(checkA.doc).byteLength).toBeGreaterThan(0);
    expect(readBoard(b.doc).persona).toBe('Atelier B');
  });
});
