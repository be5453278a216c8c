/**
 * Graceful stop (issue 14): the real entry point (server/src/index.ts) in its own process, with
 * phones and two board clients connected; a board edit made less than the save debounce before
 * SIGTERM. The process stops accepting, tells every phone `server:restarting` and closes their
 * transports (socket.io's own reconnection then runs), saves the board, closes the store and exits
 * 0 well within its grace. Restarted on the same port and data, the phones come back by
 * themselves and the board holds the edit.
 */
import { io as connectClient } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type Snapshot } from '@gommette/shared';
import { BOARD_SAVE_DEBOUNCE_MS, addNote, applyJourneyTemplate, readBoard } from '@gommette/shared/board';
import { boardClient, synced, waitFor } from './boardHelpers';
import { startEntry } from './entryProcess';
import { clientId, createWorkshop, emitWithAck, joinAs, removeDataDir, tempDataDir, type ClientSocket } from './helpers';

/** The entry point's SHUTDOWN_GRACE_MS: a stop must end well before it. */
const GRACE_MS = 10_000;

const dataDir = tempDataDir();
const cleanups: Array<() => void> = [];
afterAll(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
  removeDataDir(dataDir);
});

describe('SIGTERM', () => {
  it('tells phones to reconnect, saves every board, exits 0 in bounded time; all is there after the restart', { timeout: 90_000 }, async () => {
    const first = startEntry(dataDir, { PORT: '0' });
    cleanups.push(() => first.child.exitCode === null && first.child.kill('SIGKILL'));
    const url = await first.ready;
    const port = Number(new URL(url).port);
    const workshop = await createWorkshop(url);

    // Phones as the client app makes them: socket.io's reconnection on.
    const phones: Array<{ socket: ClientSocket; hints: number; reasons: string[]; snapshots: number; ideaId: string }> = [];
    for (let index = 0; index < 3; index++) {
      const joined = await joinAs(url, workshop.sites[index % 2]!.joinCode);
      const socket: ClientSocket = connectClient(url, {
        transports: ['websocket'],
        forceNew: true,
        reconnectionDelay: 200,
        reconnectionDelayMax: 500,
        auth: { role: 'participant', protocol: PROTOCOL_VERSION, token: joined.participantToken },
      });
      cleanups.push(() => socket.close());
      const phone = { socket, hints: 0, reasons: [] as string[], snapshots: 0, ideaId: clientId() };
      socket.on('server:restarting', (hint) => {
        expect(hint.reconnectAfterMs).toBeGreaterThan(0);
        phone.hints++;
      });
      socket.on('disconnect', (reason) => phone.reasons.push(reason));
      socket.on('workshop:snapshot', (_snapshot: Snapshot) => phone.snapshots++);
      phones.push(phone);
    }
    await waitFor(() => phones.every((phone) => phone.snapshots === 1), 10_000, 'phones connected');
    for (const phone of phones)
      expect(await emitWithAck(phone.socket, 'idea:post', { id: phone.ideaId, text: `Avant l'arrêt ${phone.ideaId}` })).toMatchObject({ ok: true });

    const console_ = boardClient(url, workshop.id, workshop.facilitatorToken);
    const joined = await joinAs(url, workshop.sites[0]!.joinCode);
    const phoneBoard = boardClient(url, workshop.id, joined.participantToken);
    cleanups.push(
      () => console_.close(),
      () => phoneBoard.close(),
    );
    await Promise.all([synced(console_.provider), synced(phoneBoard.provider)]);
    applyJourneyTemplate(console_.doc);
    addNote(console_.doc, {
      id: 'note-sigterm',
      text: 'Dormir au chaud',
      siteId: workshop.sites[0]!.id,
      placement: { kind: 'cell', stepId: 'step-wake', rowId: 'row-needs' },
      order: 1,
    });
    // The server has the edit once the other board client has it; SIGTERM comes before any debounced save.
    const edited = Date.now();
    await waitFor(() => readBoard(phoneBoard.doc).notes.some((note) => note.id === 'note-sigterm'), 5_000, 'the note relayed');
    console_.close();
    phoneBoard.close();

    const sent = Date.now();
    expect(sent - edited).toBeLessThan(BOARD_SAVE_DEBOUNCE_MS);
    first.child.kill('SIGTERM');
    const { code, at } = await first.exited;
    expect(code).toBe(0);
    expect(at - sent).toBeLessThan(GRACE_MS / 2);
    expect(first.lines.some((line) => line.includes('stopped: boards saved, stores closed'))).toBe(true);
    for (const phone of phones) {
      expect(phone.hints).toBe(1);
      expect(phone.reasons).toEqual(['transport close']);
    }

    // Back on the same port and data: the phones reconnect by themselves and find their ideas.
    const second = startEntry(dataDir, { PORT: String(port) });
    cleanups.push(() => second.child.exitCode === null && second.child.kill('SIGKILL'));
    await second.ready;
    await waitFor(() => phones.every((phone) => phone.snapshots === 2 && phone.socket.connected), 15_000, 'phones back');
    const board = boardClient(url, workshop.id, workshop.facilitatorToken);
    cleanups.push(() => board.close());
    await synced(board.provider);
    await waitFor(() => readBoard(board.doc).notes.some((note) => note.id === 'note-sigterm'), 5_000, 'the note after the restart');
    for (const phone of phones)
      expect(await emitWithAck(phone.socket, 'idea:post', { id: phone.ideaId, text: `Avant l'arrêt ${phone.ideaId}` })).toMatchObject({
        ok: true,
        data: { id: phone.ideaId },
      });
    board.close();
    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
  });
});
