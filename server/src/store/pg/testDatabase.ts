import { afterAll, beforeAll, inject } from 'vitest';
import { initialRoom } from '@gommette/shared';
import { workshopRecord } from '../records';
import type { WorkshopStore } from '../WorkshopStore';
import { createScratchDatabase } from './scratchDatabase';

/** For tests: a database of its own on the server `server/test/pgGlobalSetup.ts` found. */
export function createTestDatabase(): ReturnType<typeof createScratchDatabase> {
  return createScratchDatabase(inject('pgAdminUrl'));
}

/** Creates a fresh database before the file's tests and drops it after; returns its URL's getter. */
export function useTestDatabase(): () => string {
  let database: Awaited<ReturnType<typeof createTestDatabase>> | null = null;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });
  return () => {
    if (!database) throw new Error('the test database is created in beforeAll');
    return database.url;
  };
}

let seeded = 0;

/** Two workshops for the board and retour suites (unique ids: the file's tests share a database). */
export async function seedTwoWorkshops(store: WorkshopStore): Promise<[string, string]> {
  const prefix = `${Date.now().toString(36)}${(seeded++).toString(36)}`;
  const ids: [string, string] = [`wA${prefix}`, `wB${prefix}`];
  for (const id of ids) {
    await store.createWorkshop(
      workshopRecord({ id, title: 't', question: 'q', purpose: 'p', createdAt: 1, facilitatorTokenHash: `f${id}`, screenTokenHash: `s${id}` }),
      [],
      initialRoom([]),
    );
  }
  return ids;
}
