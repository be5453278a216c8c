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
