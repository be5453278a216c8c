import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
  return { stores: openSqliteStores(filename), reopen: async () => openSqliteStores(filename) };
});
