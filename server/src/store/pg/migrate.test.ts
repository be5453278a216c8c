import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from './migrate';
import { PG_MIGRATIONS } from './migrations';
import { openPgStores } from './openPgStores';
import { createPool } from './pool';
import { createTestDatabase } from './testDatabase';

const MIGRATION_VERSIONS = PG_MIGRATIONS.map((migration) => migration.version);
const NODES_STARTING_TOGETHER = 4;

async function appliedVersions(url: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map((row) => row.version);
  } finally {
    await client.end();
  }
}

describe('PostgreSQL migrations', () => {
  it('have distinct versions, in order, mirroring the SQLite ranges', () => {
    expect(new Set(MIGRATION_VERSIONS).size).toBe(MIGRATION_VERSIONS.length);
    expect([...MIGRATION_VERSIONS].sort((a, b) => a - b)).toEqual(MIGRATION_VERSIONS);
  });

  it('apply each migration once, then nothing on the next start', async () => {
    const database = await createTestDatabase();
    const pool = createPool(database.url);
    try {
      expect(await applyMigrations(pool)).toEqual(MIGRATION_VERSIONS);
      expect(await applyMigrations(pool)).toEqual([]);
      expect(await appliedVersions(database.url)).toEqual(MIGRATION_VERSIONS);
    } finally {
      await pool.end();
      await database.drop();
    }
  });

  it('let several nodes start at once on an empty database: all open, the schema is applied once', async () => {
    const database = await createTestDatabase();
    const opened = await Promise.allSettled(Array.from({ length: NODES_STARTING_TOGETHER }, () => openPgStores(database.url)));
    try {
      expect(opened.map((result) => result.status)).toEqual(Array(NODES_STARTING_TOGETHER).fill('fulfilled'));
      expect(await appliedVersions(database.url)).toEqual(MIGRATION_VERSIONS);
      for (const result of opened) if (result.status === 'fulfilled') await result.value.store.ping();
    } finally {
      for (const result of opened) if (result.status === 'fulfilled') await result.value.store.close();
      await database.drop();
    }
  });

  it('refuses to open on an unreachable server', async () => {
    await expect(openPgStores('postgres://postgres@127.0.0.1:1/none')).rejects.toThrow();
  });
});
