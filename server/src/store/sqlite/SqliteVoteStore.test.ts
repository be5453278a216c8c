import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { initialRoom, isDomainError, planRound } from '@gommette/shared';
import { workshopRecord } from '../records';
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
  return {
    stores: openSqliteStores(filename),
    reopen: async () => openSqliteStores(filename),
    rerunMigration: async (version) => {
      const db = new Database(filename);
      db.prepare('DELETE FROM schema_migrations WHERE version = ?').run(version);
      db.close();
      return openSqliteStores(filename);
    },
    storedVoterIds: async (roundId) => {
      const db = new Database(filename, { readonly: true });
      try {
        return (db.prepare('SELECT voter_id FROM vote_gommettes WHERE round_id = ?').all(roundId) as Array<{ voter_id: string }>).map((row) => row.voter_id);
      } finally {
        db.close();
      }
    },
  };
});

describe('SQLite migration 101 on the bytes of the file', () => {
  it('leaves no earlier voter id anywhere in the file, not even in freed space', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gommette-votes-'));
    tempDirs.push(dir);
    const filename = path.join(dir, 'gommette.sqlite');
    const stores = openSqliteStores(filename);
    const workshopId = 'w-legacy';
    const siteId = 'site-legacy';
    await stores.store.createWorkshop(
      workshopRecord({ id: workshopId, title: 'A', question: 'Q', purpose: 'P', createdAt: 1, facilitatorTokenHash: 'f-legacy', screenTokenHash: 's-legacy' }),
      [{ id: siteId, workshopId, name: 'Lieu', joinCode: 'JLEGACY', position: 0 }],
      initialRoom([]),
    );
    const round = planRound({ id: 'round-legacy', workshopId, ideaIds: ['idea-a', 'idea-b'], budget: 2, stacking: true, capPerIdea: null, selfVote: true, results: 'live', closesAt: null }, 1);
    if (isDomainError(round)) throw new Error(round.message);
    await stores.votes.createRound(round);
    // As the landed code stored them: under the participant's own id.
    const voterIds = ['participant-legacy-voter-one', 'participant-legacy-voter-two'];
    for (const [index, voterId] of voterIds.entries()) {
      for (const ideaId of ['idea-a', 'idea-b']) {
        await stores.votes.cast({ id: `g-${index}-${ideaId}`, roundId: round.id, workshopId, voter: { id: voterId, kind: 'phone', siteId }, ideaId, ownIdea: false, now: 2 });
      }
    }
    await stores.store.close();
    const db = new Database(filename);
    db.prepare('DELETE FROM schema_migrations WHERE version = 101').run();
    db.close();
    const upgraded = openSqliteStores(filename);
    expect((await upgraded.votes.tally(round.id)).voters).toEqual([{ siteId, phone: 2, kiosk: 0 }]);
    await upgraded.store.close();
    const bytes = fs.readFileSync(filename).toString('latin1');
    expect(fs.existsSync(`${filename}-wal`) ? fs.readFileSync(`${filename}-wal`).toString('latin1') : '').not.toContain('participant-legacy');
    expect(bytes).not.toContain('participant-legacy');
  });
});
