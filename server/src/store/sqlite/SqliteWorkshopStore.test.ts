import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { initialRoom, type Idea } from '@gommette/shared';
import { workshopRecord } from '../records';
import type { ParticipantRecord } from '../WorkshopStore';
import { workshopStoreContract } from '../contract';
import { SqliteWorkshopStore } from './SqliteWorkshopStore';
import { MIGRATIONS } from './migrations';

const tempDirs: string[] = [];
function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gommette-store-'));
  tempDirs.push(dir);
  return path.join(dir, 'nested', 'gommette.sqlite');
}
afterAll(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

workshopStoreContract('SQLite', async () => {
  const filename = tempFile();
  return { store: new SqliteWorkshopStore({ filename }), reopen: async () => new SqliteWorkshopStore({ filename }) };
});

describe('SqliteWorkshopStore specifics', () => {
  it('runs in WAL mode with full fsync, and applies each migration once', async () => {
    const filename = tempFile();
    const store = new SqliteWorkshopStore({ filename });
    await store.close();
    const again = new SqliteWorkshopStore({ filename });
    await again.close();
    const db = new Database(filename, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as Array<{ version: number }>;
    expect(versions.map((row) => row.version)).toEqual(MIGRATIONS.map((migration) => migration.version));
    db.close();
  });

  it('creates the database file and its -wal/-shm owner-only (mode 600), issue 20', async () => {
    const filename = tempFile();
    const store = new SqliteWorkshopStore({ filename });
    await store.createWorkshop(
      {
        id: 'w1',
        title: 't',
        question: 'q',
        purpose: 'p',
        createdAt: 1,
        facilitatorTokenHash: 'a',
        screenTokenHash: 'b',
        helperTokenHash: null,
        observerTokenHash: null,
      },
      [],
      initialRoom([]),
    );
    for (const suffix of ['', '-wal', '-shm']) if (fs.existsSync(filename + suffix)) expect(fs.statSync(filename + suffix).mode & 0o777).toBe(0o600);
    expect(fs.statSync(filename).mode & 0o777).toBe(0o600);
    await store.close();
  });

  it('refuses a workshop without a purpose at the database level too', async () => {
    const store = new SqliteWorkshopStore({ filename: ':memory:' });
    await expect(
      store.createWorkshop(
        {
          id: 'w1',
          title: 't',
          question: 'q',
          purpose: '',
          createdAt: 1,
          facilitatorTokenHash: 'a',
          screenTokenHash: 'b',
          helperTokenHash: null,
          observerTokenHash: null,
        },
        [],
        initialRoom([]),
      ),
    ).rejects.toThrow(/CHECK/);
    await store.close();
  });
});

describe('SqliteWorkshopStore group commit of ideas', () => {
  const walFrames = (filename: string): number => {
    const db = new Database(filename);
    try {
      return (db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>)[0]!.log;
    } finally {
      db.close();
    }
  };

  it('writes the ideas of one moment in one transaction, each answered as alone (resends, a failure, order)', async () => {
    const filename = tempFile();
    const store = new SqliteWorkshopStore({ filename });
    try {
      const workshop = workshopRecord({
        id: 'w-ideas',
        title: 't',
        question: 'q',
        purpose: 'p',
        createdAt: 1,
        facilitatorTokenHash: 'fa',
        screenTokenHash: 'sa',
      });
      await store.createWorkshop(workshop, [{ id: 's1', workshopId: workshop.id, name: 'Lieu', joinCode: 'GROUP1', position: 0 }], initialRoom([]));
      const author: ParticipantRecord = {
        id: 'p1',
        workshopId: workshop.id,
        siteId: 's1',
        cardHash: 'c1',
        nickname: null,
        mood: 'sunny',
        createdAt: 1,
        kind: 'resident',
        tableId: null,
      };
      await store.createParticipant(author, 'token-1');
      const idea = (id: string, text: string, participantId = author.id, createdAt = 10): Idea => ({
        id,
        workshopId: workshop.id,
        siteId: 's1',
        participantId,
        text,
        hidden: false,
        createdAt,
        tableId: null,
        phaseId: null,
        origin: 'phone',
        originalText: null,
        pending: false,
        parked: false,
        mergedInto: null,
        theme: null,
      });
      const db = new Database(filename);
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      const ideas = Array.from({ length: 60 }, (_, index) => idea(`i${index}`, `Idée ${index}`, author.id, 10 + index));
      const results = await Promise.allSettled([
        ...ideas.map((item) => store.insertIdea(item)),
        store.insertIdea({ ...ideas[0]!, text: 'Renvoyée' }),
        store.insertIdea(idea('orphan', 'Sans auteur', 'nobody')),
      ]);
      expect(results.slice(0, 60).map((result) => result.status === 'fulfilled' && result.value.inserted)).toEqual(ideas.map(() => true));
      expect(results[60]).toEqual({ status: 'fulfilled', value: { inserted: false, idea: ideas[0] } });
      expect(results[61]!.status).toBe('rejected'); // its author does not exist: only it fails
      expect((await store.listIdeas(workshop.id)).map((item) => item.id)).toEqual(ideas.map((item) => item.id));
      // One commit: a handful of WAL frames, where one commit per idea writes at least one each.
      expect(walFrames(filename)).toBeLessThan(20);
      // Another process holding the write lock: the ideas wait for it without blocking timers.
      const other = new Database(filename);
      other.prepare('BEGIN IMMEDIATE').run();
      const waiting = [store.insertIdea(idea('w1', 'Pendant un verrou')), store.insertIdea(idea('w2', 'Toujours pendant'))];
      let ticks = 0;
      await new Promise<void>((resolve) => {
        const timer = setInterval(() => {
          if (++ticks < 5) return;
          clearInterval(timer);
          resolve();
        }, 5);
      });
      other.prepare('COMMIT').run();
      other.close();
      expect((await Promise.all(waiting)).map((result) => result.inserted)).toEqual([true, true]);
      expect(ticks).toBe(5);
      // Ideas still queued when the store closes are written first.
      const late = store.insertIdea(idea('late', 'Juste avant la fermeture'));
      await store.close();
      expect((await late).inserted).toBe(true);
    } finally {
      await store.close();
    }
    const again = new SqliteWorkshopStore({ filename });
    expect(await again.getIdea('late')).not.toBeNull();
    await again.close();
  });
});
