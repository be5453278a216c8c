import type pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { initialRoom } from '@gommette/shared';
import { workshopStoreContract } from '../contract';
import { ideaRecord, residentRecord, workshopRecord } from '../records';
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

  it('writes a burst of ideas in one statement, and reads their ids, authors and room in one statement each', async () => {
    const { store } = await openPgStores(databaseUrl());
    try {
      const workshop = workshopRecord({
        id: 'w-burst',
        title: 't',
        question: 'q',
        purpose: 'p',
        createdAt: 1,
        facilitatorTokenHash: 'uf',
        screenTokenHash: 'us',
      });
      const site = { id: 's-burst', workshopId: workshop.id, name: 'Centre', joinCode: 'BURST1', position: 0 };
      await store.createWorkshop(workshop, [site], initialRoom([]));
      const people = Array.from({ length: 30 }, (_, i) =>
        residentRecord({ id: `p-burst-${i}`, workshopId: workshop.id, siteId: site.id, cardHash: `c-burst-${i}`, nickname: null, mood: 'sunny', createdAt: i }),
      );
      for (const person of people) await store.createParticipant(person, `t-burst-${person.id}`);
      const ideas = people.map((person, i) =>
        ideaRecord({ id: `i-burst-${i}`, workshopId: workshop.id, siteId: site.id, participantId: person.id, text: `Idée ${i}`, createdAt: 100 + i }),
      );
      const pool = (store as unknown as { pool: pg.Pool }).pool;
      const sent = vi.spyOn(pool, 'query');
      // What 30 phones tapping at once make the node ask: is the id stored, who is the author, what is the room; then the insert.
      const [stored, authors, rooms] = await Promise.all([
        Promise.all(ideas.map((idea) => store.getIdea(idea.id))),
        Promise.all(people.map((person) => store.getParticipant(person.id))),
        Promise.all(people.map(() => store.getRoom(workshop.id))),
      ]);
      expect(stored).toEqual(ideas.map(() => null));
      expect(authors).toEqual(people);
      expect(new Set(rooms).size).toBe(30); // each reader gets a room of its own
      const inserted = await Promise.all(ideas.map((idea) => store.insertIdea(idea)));
      expect(inserted).toEqual(ideas.map((idea) => ({ inserted: true, idea })));
      const statements = sent.mock.calls.map(([sql]) => String(sql).trim().split(/\s+/).slice(0, 4).join(' '));
      expect(statements.filter((sql) => sql.startsWith('INSERT INTO ideas'))).toHaveLength(1);
      expect(statements.filter((sql) => sql.startsWith('SELECT * FROM ideas'))).toHaveLength(1);
      expect(statements.filter((sql) => sql.startsWith('SELECT * FROM participants'))).toHaveLength(1);
      expect(statements.filter((sql) => sql.startsWith('SELECT id, room_json'))).toHaveLength(1);
    } finally {
      await store.close();
    }
  });
});
