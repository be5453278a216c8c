import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { initialRoom } from '@gommette/shared';
import { retourStoreContract } from '../retourContract';
import { openSqliteDatabase } from './database';
import { SqliteRetourStore } from './SqliteRetourStore';
import { SqliteWorkshopStore } from './SqliteWorkshopStore';

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

retourStoreContract('SQLite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gommette-retour-'));
  tempDirs.push(dir);
  const filename = path.join(dir, 'gommette.sqlite');
  const databases = [openSqliteDatabase(filename)];
  const workshops = new SqliteWorkshopStore(databases[0]!);
  const workshopIds: [string, string] = ['wA0000001', 'wB0000001'];
  for (const [index, id] of workshopIds.entries()) {
    await workshops.createWorkshop(
      { id, title: 't', question: 'q', purpose: 'p', createdAt: 1, facilitatorTokenHash: `f${index}`, screenTokenHash: `s${index}`, helperTokenHash: null, observerTokenHash: null },
      [],
      initialRoom([]),
    );
  }
  return {
    retour: new SqliteRetourStore(databases[0]!),
    workshopIds,
    reopen: async () => {
      databases[0]!.close();
      const db = openSqliteDatabase(filename);
      databases.push(db);
      return new SqliteRetourStore(db);
    },
    close: async () => {
      for (const db of databases) if (db.open) db.close();
    },
  };
});
