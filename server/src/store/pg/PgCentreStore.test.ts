import { centreStoreContract } from '../centreContract';
import { openPgStores } from './openPgStores';
import { useTestDatabase } from './testDatabase';

const databaseUrl = useTestDatabase();

centreStoreContract('PostgreSQL', async () => {
  const stores = await openPgStores(databaseUrl());
  return { ...stores, close: () => stores.store.close() };
});
