import { boardStoreContract } from '../boardContract';
import { seededSqliteFile } from './seededFile';
import { SqliteBoardStore } from './SqliteBoardStore';

boardStoreContract('SQLite', async () => {
  const file = await seededSqliteFile();
  return {
    boards: new SqliteBoardStore(file.db),
    workshopIds: file.workshopIds,
    reopen: async () => new SqliteBoardStore(file.reopen()),
    close: async () => file.close(),
  };
});
