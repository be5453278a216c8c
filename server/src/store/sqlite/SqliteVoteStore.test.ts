import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll } from 'vitest';
import { voteStoreContract } from '../voteContract';
import { openSqliteStores } from './openSqliteStores';

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

voteStoreContract('SQLite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gommette-votes-'));
  tempDirs.push(dir);
  const filename = path.join(dir, 'gommette.sqlite');
  return {
    stores: openSqliteStores(filename),
    reopen: async () => openSqliteStores(filename),
    rerunMigration: async (version) => {
      const db = new Database(filename);
      db.prepare('DELETE FROM schema_migrations WHERE version = ?').run(version);
      db.close();
      return openSqliteStores(filename);
    },
    storedVoterIds: async (roundId) => {
      const db = new Database(filename, { readonly: true });
      try {
        return (db.prepare('SELECT voter_id FROM vote_gommettes WHERE round_id = ?').all(roundId) as Array<{ voter_id: string }>).map((row) => row.voter_id);
      } finally {
        db.close();
      }
    },
  };
});
