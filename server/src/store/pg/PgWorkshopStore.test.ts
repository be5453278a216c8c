import { describe, expect, it } from 'vitest';
import { initialRoom } from '@gommette/shared';
import { workshopStoreContract } from '../contract';
import { workshopRecord } from '../records';
import { openPgStores } from './openPgStores';
import { useTestDatabase } from './testDatabase';

const databaseUrl = useTestDatabase();

workshopStoreContract('PostgreSQL', async () => ({
  store: (await openPgStores(databaseUrl())).store,
  // A new pool on the same database, as a restarted process would open.
  reopen: async () => (await openPgStores(databaseUrl())).store,
}));

describe('PgWorkshopStore specifics', () => {
  it('refuses a workshop without a purpose at the database level too', async () => {
    const { store } = await openPgStores(databaseUrl());
    try {
      await expect(
        store.createWorkshop(
          workshopRecord({ id: 'w-no-purpose', title: 't', question: 'q', purpose: '', createdAt: 1, facilitatorTokenHash: 'nf', screenTokenHash: 'ns' }),
          [],
          initialRoom([]),
        ),
      ).rejects.toThrow(/check constraint/);
      expect(await store.getWorkshop('w-no-purpose')).toBeNull();
    } finally {
      await store.close();
    }
  });

  it('gives back times in ms beyond 32 bits as numbers, and closes its pool once however often asked', async () => {
    const { store } = await openPgStores(databaseUrl());
    const createdAt = 1_764_000_000_123;
    await store.createWorkshop(
      workshopRecord({ id: 'w-big-time', title: 't', question: 'q', purpose: 'p', createdAt, facilitatorTokenHash: 'bf', screenTokenHash: 'bs' }),
      [],
      initialRoom([]),
    );
    expect((await store.getWorkshop('w-big-time'))?.createdAt).toBe(createdAt);
    await Promise.all([store.close(), store.close()]);
    await store.close();
    await expect(store.ping()).rejects.toThrow();
  });
});
