import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { initialRoom } from '@gommette/shared';
import { centreStoreContract } from '../centreContract';
import { openPgStores } from './openPgStores';
import { createTestDatabase, useTestDatabase } from './testDatabase';

const databaseUrl = useTestDatabase();

centreStoreContract('PostgreSQL', async () => {
  const stores = await openPgStores(databaseUrl());
  return { ...stores, close: () => stores.store.close() };
});

describe('PostgreSQL migration 301 on a database of an earlier version', () => {
  it("registers the helper and observer links of the centre's existing workshops, made by their creator", async () => {
    const database = await createTestDatabase();
    try {
      const stores = await openPgStores(database.url);
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
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        await client.query(
          `DROP TABLE centre_staff_links, questionnaire_templates, shared_briefs, brief_copies; DELETE FROM schema_migrations WHERE version = 301;`,
        );
      } finally {
        await client.end();
      }

      const upgraded = await openPgStores(database.url);
      try {
        expect(await upgraded.centres.listStaffLinks('w-centre')).toEqual([
          { tokenHash: 'h-w-centre', workshopId: 'w-centre', role: 'helper', linkId: 'initial', issuedBy: 'acc-1', createdAt: 5, revokedAt: null },
          { tokenHash: 'o-w-centre', workshopId: 'w-centre', role: 'observer', linkId: 'initial', issuedBy: 'acc-1', createdAt: 5, revokedAt: null },
        ]);
        // A workshop outside any centre keeps its links on the workshop alone.
        expect(await upgraded.centres.listStaffLinks('w-alone')).toEqual([]);
      } finally {
        await upgraded.store.close();
      }
    } finally {
      await database.drop();
    }
  });
});
