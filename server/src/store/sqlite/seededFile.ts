import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { initialRoom } from '@gommette/shared';
import { workshopRecord } from '../records';
import { openSqliteDatabase } from './database';
import { SqliteWorkshopStore } from './SqliteWorkshopStore';

/**
 * For store contract suites: a SQLite file in a temporary folder with two workshops, which can be
 * reopened as a restarted process would. `close` closes every handle and removes the folder.
 */
export async function seededSqliteFile(): Promise<{
  db: Database.Database;
  workshopIds: [string, string];
  reopen: () => Database.Database;
  close: () => void;
}> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gommette-store-'));
  const filename = path.join(dir, 'gommette.sqlite');
  const databases = [openSqliteDatabase(filename)];
  const workshops = new SqliteWorkshopStore(databases[0]!);
  const workshopIds: [string, string] = ['wA0000001', 'wB0000001'];
  for (const [index, id] of workshopIds.entries()) {
    await workshops.createWorkshop(
      workshopRecord({ id, title: 't', question: 'q', purpose: 'p', createdAt: 1, facilitatorTokenHash: `f${index}`, screenTokenHash: `s${index}` }),
      [],
      initialRoom([]),
    );
  }
  return {
    db: databases[0]!,
    workshopIds,
    reopen: () => {
      for (const db of databases) if (db.open) db.close();
      const db = openSqliteDatabase(filename);
      databases.push(db);
      return db;
    },
    close: () => {
      for (const db of databases) if (db.open) db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
