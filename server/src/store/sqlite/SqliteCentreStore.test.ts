import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { centreStoreContract } from '../centreContract';
import { openSqliteStores } from './openSqliteStores';

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

centreStoreContract('SQLite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gommette-centre-'));
  tempDirs.push(dir);
  const stores = openSqliteStores(path.join(dir, 'gommette.sqlite'));
  return { ...stores, close: () => stores.store.close() };
});
