import type pg from 'pg';
import { PG_MIGRATIONS } from './migrations';
import { withTransaction } from './transaction';

/**
 * The key of the transaction-scoped advisory lock taken while migrating ("gommet" in ASCII), so
 * nodes starting together apply each migration once: the others wait, then find them applied.
 */
export const MIGRATION_LOCK_KEY = 0x676f6d6d6574;

/**
 * Applies every migration not yet recorded in `schema_migrations`, all in one transaction under
 * the advisory lock (PostgreSQL's DDL is transactional: a failure leaves the schema as it was).
 * Returns the versions it applied.
 */
export async function applyMigrations(pool: pg.Pool): Promise<number[]> {
  return withTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)');
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((row) => row.version));
    const applied: number[] = [];
    for (const migration of PG_MIGRATIONS) {
      if (done.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [migration.version, Date.now()]);
      applied.push(migration.version);
    }
    return applied;
  });
}
