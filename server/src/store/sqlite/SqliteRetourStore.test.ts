import { retourStoreContract } from '../retourContract';
import { seededSqliteFile } from './seededFile';
import { SqliteRetourStore } from './SqliteRetourStore';

retourStoreContract('SQLite', async () => {
  const file = await seededSqliteFile();
  return {
    retour: new SqliteRetourStore(file.db),
    workshopIds: file.workshopIds,
    reopen: async () => new SqliteRetourStore(file.reopen()),
    close: async () => file.close(),
  };
});
