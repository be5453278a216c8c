import type { RetourStore } from '../RetourStore';
import { retourStoreContract } from '../retourContract';
import type { Stores } from '../stores';
import { openPgStores } from './openPgStores';
import { createTestDatabase, seedTwoWorkshops } from './testDatabase';

// The suite reuses brief ids from one test to the next: each of its fixtures gets a database of its own.
retourStoreContract('PostgreSQL', async () => {
  const database = await createTestDatabase();
  const opened: Stores[] = [await openPgStores(database.url)];
  const workshopIds = await seedTwoWorkshops(opened[0]!.store);
  return {
    retour: opened[0]!.retour,
    workshopIds,
    reopen: async (): Promise<RetourStore> => {
      // The first pool closes, as a restarted process's would.
      await opened[0]!.store.close();
      const stores = await openPgStores(database.url);
      opened.push(stores);
      return stores.retour;
    },
    close: async () => {
      for (const stores of opened) await stores.store.close();
      await database.drop();
    },
  };
});
