import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { initialRoom } from '@gommette/shared';
import { workshopStoreContract } from '../contract';
import { SqliteWorkshopStore } from './SqliteWorkshopStore';
import { MIGRATIONS } from './migrations';

const tempDirs: string[] = [];
function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gommette-store-'));
  tempDirs.push(dir);
  return path.join(dir, 'nested', 'gommette.sqlite');
}
afterAll(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

workshopStoreContract('SQLite', async () => {
  const filename = tempFile();
  return { store: new SqliteWorkshopStore({ filename }), reopen: async () => new SqliteWorkshopStore({ filename }) };
});

describe('SqliteWorkshopStore specifics', () => {
  it('runs in WAL mode with full fsync, and applies each migration once', async () => {
    const filename = tempFile();
    const store = new SqliteWorkshopStore({ filename });
    await store.close();
    const again = new SqliteWorkshopStore({ filename });
    await again.close();
    const db = new Database(filename, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as Array<{ version: number }>;
    expect(versions.map((row) => row.version)).toEqual(MIGRATIONS.map((migration) => migration.version));
    db.close();
  });

  it('creates the database file and its -wal/-shm owner-only (mode 600), issue 20', async () => {
    const filename = tempFile();
    const store = new SqliteWorkshopStore({ filename });
    await store.createWorkshop({ id: 'w1', title: 't', question: 'q', purpose: 'p', createdAt: 1, facilitatorTokenHash: 'a', screenTokenHash: 'b', helperTokenHash: null, observerTokenHash: null }, [], initialRoom([]));
    for (const suffix of ['', '-wal', '-shm']) if (fs.existsSync(filename + suffix)) expect(fs.statSync(filename + suffix).mode & 0o777).toBe(0o600);
    expect(fs.statSync(filename).mode & 0o777).toBe(0o600);
    await store.close();
  });

  it('refuses a workshop without a purpose at the database level too', async () => {
    const store = new SqliteWorkshopStore({ filename: ':memory:' });
    await expect(
      store.createWorkshop({ id: 'w1', title: 't', question: 'q', purpose: '', createdAt: 1, facilitatorTokenHash: 'a', screenTokenHash: 'b', helperTokenHash: null, observerTokenHash: null }, [], initialRoom([])),
    ).rejects.toThrow(/CHECK/);
    await store.close();
  });
});
