import { initialRoom } from '@gommette/shared';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, applyJourneyTemplate, readBoard } from '@gommette/shared/board';
import { BoardRoom, BoardTooLargeError } from '../src/board/BoardRoom';
import type { BoardStore } from '../src/store/BoardStore';
import { openSqliteDatabase } from '../src/store/sqlite/database';
import { SqliteBoardStore } from '../src/store/sqlite/SqliteBoardStore';
import { SqliteWorkshopStore } from '../src/store/sqlite/SqliteWorkshopStore';

const logger = pino({ level: 'silent' });
const databases: Array<{ close(): void }> = [];
afterEach(() => {
  for (const db of databases.splice(0)) db.close();
});

async function boardStore(): Promise<SqliteBoardStore> {
  const db = openSqliteDatabase(':memory:');
  databases.push(db);
  await new SqliteWorkshopStore(db).createWorkshop(
    {
      id: 'w-room-1',
      title: 't',
      question: 'q',
      purpose: 'p',
      createdAt: 1,
      facilitatorTokenHash: 'f',
      screenTokenHash: 's',
      helperTokenHash: null,
      observerTokenHash: null,
    },
    [],
    initialRoom([]),
  );
  return new SqliteBoardStore(db);
}

/** A client-side document whose every update is handed to the room, as the gateway does. */
function clientOf(room: BoardRoom): Y.Doc {
  const doc = new Y.Doc();
  doc.on('update', (update: Uint8Array) => room.applyClientUpdate(update, 'client'));
  return doc;
}

const cell = { kind: 'cell' as const, stepId: 'step-wake', rowId: 'row-does' };

describe('BoardRoom persistence', () => {
  it('saves debounced, but no later than the maximum wait while changes keep coming', async () => {
    const boards = await boardStore();
    const room = new BoardRoom('w-room-1', boards, logger, { saveDebounceMs: 100, saveMaxWaitMs: 300, compactAfterRows: 1_000 });
    await room.ready;
    const client = clientOf(room);
    applyJourneyTemplate(client);
    const started = Date.now();
    // A change every 40 ms never leaves 100 ms of quiet: only the maximum wait makes it save.
    let index = 0;
    const typing = setInterval(() => addNote(client, { id: `note-${String(index++).padStart(4, '0')}`, text: 'x', placement: cell, order: index }), 40);
    try {
      while ((await boards.stats('w-room-1')).rows === 0 && Date.now() - started < 2_000) await new Promise((resolve) => setTimeout(resolve, 10));
      const savedAfter = Date.now() - started;
      expect((await boards.stats('w-room-1')).rows).toBe(1);
      expect(savedAfter).toBeGreaterThanOrEqual(290);
      expect(savedAfter).toBeLessThan(1_000);
    } finally {
      clearInterval(typing);
    }
    await room.closeRoom();
  });

  it('merges a burst into one row, compacts a long log into one state, and reloads it', async () => {
    const boards = await boardStore();
    const room = new BoardRoom('w-room-1', boards, logger, { saveDebounceMs: 10, saveMaxWaitMs: 50, compactAfterRows: 5 });
    await room.ready;
    const client = clientOf(room);
    applyJourneyTemplate(client);
    for (let index = 0; index < 20; index++)
      addNote(client, { id: `note-${String(index).padStart(4, '0')}`, text: `n${index}`, placement: cell, order: index });
    await room.flush();
    expect((await boards.stats('w-room-1')).rows).toBe(1);
    for (let round = 0; round < 6; round++) {
      addNote(client, { id: `late-${String(round).padStart(4, '0')}`, text: `late ${round}`, placement: cell, order: 100 + round });
      await room.flush();
    }
    // Past five rows the log was compacted to one state, then one more row came.
    expect((await boards.stats('w-room-1')).rows).toBe(2);
    await room.closeRoom();
    const again = new BoardRoom('w-room-1', boards, logger);
    await again.ready;
    expect(readBoard(again.doc).notes).toHaveLength(26);
    await again.closeRoom();
  });

  it('keeps changes in memory while the store fails, and saves them once it works again', async () => {
    const real = await boardStore();
    let failing = true;
    const flaky: BoardStore = {
      load: (id) => real.load(id),
      append: (id, update) => (failing ? Promise.reject(new Error('disk full')) : real.append(id, update)),
      compact: (id, state, seq) => real.compact(id, state, seq),
      stats: (id) => real.stats(id),
    };
    const room = new BoardRoom('w-room-1', flaky, logger, { saveDebounceMs: 10, saveMaxWaitMs: 20 });
    await room.ready;
    const client = clientOf(room);
    addNote(client, { id: 'note-kept', text: 'à garder', placement: { kind: 'free', x: 0, y: 0 }, order: 1 });
    await expect(room.flush()).rejects.toThrow('disk full');
    expect(room.unsaved).toBe(true);
    await expect(room.closeRoom()).rejects.toThrow('disk full');
    expect(readBoard(room.doc).notes).toHaveLength(1);
    failing = false;
    await room.closeRoom();
    const again = new BoardRoom('w-room-1', real, logger);
    await again.ready;
    expect(readBoard(again.doc).notes.map((note) => note.id)).toEqual(['note-kept']);
    await again.closeRoom();
  });

  it('refuses an update that would make the board bigger than its cap', async () => {
    const boards = await boardStore();
    const room = new BoardRoom('w-room-1', boards, logger, { maxDocBytes: 4_000, saveDebounceMs: 10, saveMaxWaitMs: 20 });
    await room.ready;
    const client = new Y.Doc();
    const updates: Uint8Array[] = [];
    client.on('update', (update: Uint8Array) => updates.push(update));
    for (let index = 0; index < 40; index++)
      addNote(client, { id: `note-${String(index).padStart(4, '0')}`, text: 'x'.repeat(100), placement: { kind: 'free', x: index, y: 0 }, order: index });
    let refused = 0;
    for (const update of updates) {
      try {
        room.applyClientUpdate(update, 'client');
      } catch (error) {
        expect(error).toBeInstanceOf(BoardTooLargeError);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(0);
    expect(Y.encodeStateAsUpdate(room.doc).byteLength).toBeLessThanOrEqual(4_000);
    await room.closeRoom();
  });
});
