import type { Stores } from '../stores';
import { openSqliteDatabase } from './database';
import { SqliteBoardStore } from './SqliteBoardStore';
import { SqliteRetourStore } from './SqliteRetourStore';
import { SqliteVoteStore } from './SqliteVoteStore';
import { SqliteCentreStore } from './SqliteCentreStore';
import { SqliteWorkshopStore } from './SqliteWorkshopStore';

/** The embedded default: every store on one SQLite file (closed by `store.close()`). */
export function openSqliteStores(filename: string): Stores {
  const db = openSqliteDatabase(filename);
  return {
    store: new SqliteWorkshopStore(db),
    boards: new SqliteBoardStore(db),
    votes: new SqliteVoteStore(db),
    centres: new SqliteCentreStore(db),
    retour: new SqliteRetourStore(db),
  };
}
