import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { BoardStore } from '../BoardStore';
import { boardStoreContract } from '../boardContract';
import type { Stores } from '../stores';
import { openPgStores } from './openPgStores';
import { seedTwoWorkshops, useTestDatabase } from './testDatabase';

const databaseUrl = useTestDatabase();

boardStoreContract('PostgreSQL', async () => {
  const opened: Stores[] = [await openPgStores(databaseUrl())];
  const workshopIds = await seedTwoWorkshops(opened[0]!.store);
  return {
    boards: opened[0]!.boards,
    workshopIds,
    reopen: async (): Promise<BoardStore> => {
      const stores = await openPgStores(databaseUrl());
      opened.push(stores);
      return stores.boards;
    },
    close: async () => {
      for (const stores of opened) await stores.store.close();
    },
  };
});

const NOTES = 60;
const COMPACTIONS = 12;

/** One note written by a person of their own (independent Yjs clients: the updates commute). */
function noteUpdate(index: number): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('notes').set(`n${index}`, `note ${index}`);
  return Y.encodeStateAsUpdate(doc);
}

describe('PgBoardStore across nodes', () => {
  it('loses no update appended on one node while another compacts the board', async () => {
    const writer = await openPgStores(databaseUrl());
    const compactor = await openPgStores(databaseUrl());
    try {
      const [workshopId] = await seedTwoWorkshops(writer.store);
      const appends = Promise.all(Array.from({ length: NOTES }, (_, index) => writer.boards.append(workshopId, noteUpdate(index))));
      const compactions = (async () => {
        for (let round = 0; round < COMPACTIONS; round++) {
          const loaded = await compactor.boards.load(workshopId);
          const doc = new Y.Doc();
          for (const update of loaded.updates) Y.applyUpdate(doc, update);
          await compactor.boards.compact(workshopId, Y.encodeStateAsUpdate(doc), loaded.lastSeq);
        }
      })();
      await Promise.all([appends, compactions]);
      const final = new Y.Doc();
      for (const update of (await writer.boards.load(workshopId)).updates) Y.applyUpdate(final, update);
      expect(Object.keys(final.getMap('notes').toJSON())).toHaveLength(NOTES);
    } finally {
      await writer.store.close();
      await compactor.store.close();
    }
  });
});
