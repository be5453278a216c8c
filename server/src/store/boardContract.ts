/**
 * The behaviour every BoardStore adapter must have (SQLite and PostgreSQL).
 */
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { BoardStore } from './BoardStore';

export interface BoardStoreFixture {
  boards: BoardStore;
  /** Ids of two existing workshops (boards hang off a workshop). */
  workshopIds: [string, string];
  /** Closes and opens the same storage again, as a restarted process would. */
  reopen: () => Promise<BoardStore>;
  close: () => Promise<void>;
}

function docFrom(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

export function boardStoreContract(name: string, makeFixture: () => Promise<BoardStoreFixture>): void {
  describe(`BoardStore contract: ${name}`, () => {
    const open: BoardStoreFixture[] = [];
    afterEach(async () => {
      for (const fixture of open.splice(0)) await fixture.close();
    });
    const fixture = async () => {
      const made = await makeFixture();
      open.push(made);
      return made;
    };

    it('loads nothing for a new board, then every appended update, per workshop', async () => {
      const {
        boards,
        workshopIds: [a, b],
      } = await fixture();
      expect(await boards.load(a)).toEqual({ updates: [], lastSeq: 0, bytes: 0 });
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (update: Uint8Array) => updates.push(update));
      doc.getMap('notes').set('n1', 'Se laver');
      doc.getMap('notes').set('n2', 'Manger');
      for (const update of updates) await boards.append(a, update);
      const loaded = await boards.load(a);
      expect(loaded.updates).toHaveLength(2);
      expect(loaded.bytes).toBe(updates.reduce((sum, update) => sum + update.byteLength, 0));
      expect(docFrom(loaded.updates).getMap('notes').toJSON()).toEqual({ n1: 'Se laver', n2: 'Manger' });
      expect((await boards.load(b)).updates).toEqual([]);
    });

    it('compacts rows into one state without losing a row appended meanwhile, and keeps it after a restart', async () => {
      const made = await fixture();
      const [a] = made.workshopIds;
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (update: Uint8Array) => updates.push(update));
      for (let index = 0; index < 10; index++) doc.getMap('notes').set(`n${index}`, `note ${index}`);
      for (const update of updates) await made.boards.append(a, update);
      const loaded = await made.boards.load(a);
      const state = Y.encodeStateAsUpdate(docFrom(loaded.updates));
      const late = new Y.Doc();
      Y.applyUpdate(late, state);
      const lateUpdates: Uint8Array[] = [];
      late.on('update', (update: Uint8Array) => lateUpdates.push(update));
      late.getMap('notes').set('late', 'arrivée pendant la compaction');
      await made.boards.append(a, lateUpdates[0]!);
      await made.boards.compact(a, state, loaded.lastSeq);
      expect(await made.boards.stats(a)).toMatchObject({ rows: 2 });
      const reopened = await made.reopen();
      const again = docFrom((await reopened.load(a)).updates);
      expect(Object.keys(again.getMap('notes').toJSON()).sort()).toEqual([...Array.from({ length: 10 }, (_, i) => `n${i}`), 'late'].sort());
    });
  });
}
