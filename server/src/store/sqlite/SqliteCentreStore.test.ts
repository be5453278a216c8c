import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { initialRoom } from '@gommette/shared';
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

describe('migration 301 on a database of an earlier version', () => {
  it("registers the helper and observer links of the centre's existing workshops, made by their creator", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gommette-centre-'));
    tempDirs.push(dir);
    const filename = path.join(dir, 'gommette.sqlite');
    const stores = openSqliteStores(filename);
    await stores.centres.createAccount({ id: 'acc-1', login: 'claire', passwordHash: '$argon2id$fake', createdAt: 1 });
    await stores.centres.createCentre({ id: 'c-1', name: 'Centre', town: 'Lille', retentionDays: null, territoryOptIn: false, createdAt: 1 }, 'acc-1');
    const workshop = (id: string) => ({
      id,
      title: 'A',
      question: 'Q',
      purpose: 'P',
      createdAt: 5,
      facilitatorTokenHash: `f-${id}`,
      screenTokenHash: `s-${id}`,
      helperTokenHash: `h-${id}`,
      observerTokenHash: `o-${id}`,
    });
    await stores.store.createWorkshop(workshop('w-centre'), [], initialRoom([]));
    await stores.store.createWorkshop(workshop('w-alone'), [], initialRoom([]));
    await stores.centres.linkWorkshop({ workshopId: 'w-centre', centreId: 'c-1', seriesId: null, createdBy: 'acc-1', facilitatorToken: 'tok' });
    await stores.store.close();
    // Back to version 300: the tables of 301 did not exist yet.
    const db = new Database(filename);
    db.exec(
      `DROP TABLE centre_staff_links; DROP TABLE questionnaire_templates; DROP TABLE shared_briefs; DROP TABLE brief_copies; DELETE FROM schema_migrations WHERE version = 301;`,
    );
    db.close();

    const upgraded = openSqliteStores(filename);
    expect(await upgraded.centres.listStaffLinks('w-centre')).toEqual([
      { tokenHash: 'h-w-centre', workshopId: 'w-centre', role: 'helper', linkId: 'initial', issuedBy: 'acc-1', createdAt: 5, revokedAt: null },
      { tokenHash: 'o-w-centre', workshopId: 'w-centre', role: 'observer', linkId: 'initial', issuedBy: 'acc-1', createdAt: 5, revokedAt: null },
    ]);
    // A workshop outside any centre keeps its links on the workshop alone.
    expect(await upgraded.centres.listStaffLinks('w-alone')).toEqual([]);
    await upgraded.store.close();
  });
});
