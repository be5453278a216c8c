import type { Stores } from '../stores';
import { applyMigrations } from './migrate';
import { createPool, type PgPoolOptions } from './pool';
import { PgBoardStore } from './PgBoardStore';
import { PgCentreStore } from './PgCentreStore';
import { PgRetourStore } from './PgRetourStore';
import { PgVoteStore } from './PgVoteStore';
import { PgWorkshopStore } from './PgWorkshopStore';

/**
 * The multi-node store: every port on one connection pool to `databaseUrl` (postgres://…), after
 * applying the migrations not yet applied. `store.close()` ends the pool (once).
 */
export async function openPgStores(databaseUrl: string, options: PgPoolOptions = {}): Promise<Stores> {
  const pool = createPool(databaseUrl, options);
  try {
    await applyMigrations(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return {
    store: new PgWorkshopStore(pool),
    boards: new PgBoardStore(pool),
    votes: new PgVoteStore(pool),
    centres: new PgCentreStore(pool),
    retour: new PgRetourStore(pool),
  };
}
