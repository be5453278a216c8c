import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { initialRoom, isDomainError, planRound, VoteErrorCode, ErrorCode, type VoteRound } from '@gommette/shared';
import { MAX_CASTS_PER_TRANSACTION } from '../castSequence';
import { workshopRecord } from '../records';
import type { Stores } from '../stores';
import type { CastInput, VoterWrite } from '../VoteStore';
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
    const round = planRound(
      {
        id: 'round-legacy',
        workshopId,
        ideaIds: ['idea-a', 'idea-b'],
        budget: 2,
        stacking: true,
        capPerIdea: null,
        selfVote: true,
        results: 'live',
        closesAt: null,
      },
      1,
    );
    if (isDomainError(round)) throw new Error(round.message);
    await stores.votes.createRound(round);
    // As the landed code stored them: under the participant's own id.
    const voterIds = ['participant-legacy-voter-one', 'participant-legacy-voter-two'];
    for (const [index, voterId] of voterIds.entries()) {
      for (const ideaId of ['idea-a', 'idea-b']) {
        await stores.votes.cast({
          id: `g-${index}-${ideaId}`,
          roundId: round.id,
          workshopId,
          voter: { id: voterId, kind: 'phone', siteId },
          ideaId,
          ownIdea: false,
          now: 2,
        });
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

describe('SQLite group commit at the budget edge', () => {
  async function roundOn(stores: Stores, budget: number, id = 'round-edge'): Promise<VoteRound> {
    const workshopId = 'w-edge';
    if (!(await stores.store.getWorkshop(workshopId))) {
      await stores.store.createWorkshop(
        workshopRecord({
          id: workshopId,
          title: 'Atelier',
          question: 'Q ?',
          purpose: 'Choisir',
          createdAt: 1,
          facilitatorTokenHash: 'f-edge',
          screenTokenHash: 's-edge',
        }),
        [{ id: 'site-edge', workshopId, name: 'Centre', joinCode: 'EDGE', position: 0 }],
        initialRoom([]),
      );
    }
    const round = planRound(
      { id, workshopId, ideaIds: ['i1', 'i2', 'i3'], budget, stacking: true, capPerIdea: 2, selfVote: true, results: 'live', closesAt: null },
      1_000,
    );
    if (isDomainError(round)) throw new Error(round.message);
    expect((await stores.votes.createRound(round)).kind).toBe('created');
    return round;
  }
  const cast = (round: VoteRound, id: string, voterId: string, ideaId: string): CastInput => ({
    id,
    roundId: round.id,
    workshopId: round.workshopId,
    voter: { id: voterId, kind: 'phone', siteId: 'site-edge' },
    ideaId,
    ownIdea: false,
    now: 2_000,
  });
  const openFile = (): { filename: string } => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gommette-votes-'));
    tempDirs.push(dir);
    return { filename: path.join(dir, 'gommette.sqlite') };
  };
  const refusalOf = (write: VoterWrite): string | null => (write.kind === 'refused' ? write.error.error : null);

  it('decides the casts of one batch in order: budget, cap, resends, a take-back between them, an id of another round', async () => {
    const { filename } = openFile();
    const stores = openSqliteStores(filename);
    try {
      const before = await roundOn(stores, 3, 'round-before');
      expect((await stores.votes.cast(cast(before, 'taken', 'v9', 'i1'))).kind).toBe('stored');
      await stores.votes.closeRound(before.id, 1_500);
      const round = await roundOn(stores, 3);
      for (const [id, ideaId] of [
        ['p1', 'i1'],
        ['p2', 'i2'],
      ] as const)
        expect((await stores.votes.cast(cast(round, id, 'v1', ideaId))).kind).toBe('stored');
      // All in the same turn of the event loop: one group commit.
      const writes = await Promise.all([
        stores.votes.cast(cast(round, 'a', 'v1', 'i3')),
        stores.votes.cast(cast(round, 'b', 'v1', 'i3')),
        stores.votes.cast(cast(round, 'a', 'v1', 'i3')),
        stores.votes.takeBack({ id: 'tb', roundId: round.id, workshopId: round.workshopId, voterId: 'v1', gommetteId: 'p1', now: 2_000 }),
        stores.votes.cast(cast(round, 'c', 'v1', 'i1')),
        stores.votes.cast(cast(round, 'd', 'v2', 'i1')),
        stores.votes.cast(cast(round, 'e', 'v2', 'i1')),
        stores.votes.cast(cast(round, 'f', 'v2', 'i1')),
        stores.votes.cast(cast(round, 'taken', 'v2', 'i2')),
        stores.votes.cast(cast(round, 'g', 'v2', 'i2')),
        stores.votes.cast(cast(round, 'a', 'v3', 'i3')),
      ]);
      expect(writes.map((write) => (write.kind === 'refused' ? write.error.error : write.kind))).toEqual([
        'stored',
        VoteErrorCode.BudgetSpent,
        'resent',
        'stored',
        'stored',
        'stored',
        'stored',
        VoteErrorCode.CapReached,
        ErrorCode.Conflict,
        'stored',
        ErrorCode.Conflict,
      ]);
      // Each answer carries the voter's gommettes as they were at its place in the order.
      const mine = (write: VoterWrite) => (write.kind === 'refused' ? null : write.mine.map((gommette) => gommette.id));
      expect(mine(writes[0]!)).toEqual(['p1', 'p2', 'a']);
      expect(mine(writes[2]!)).toEqual(['p1', 'p2', 'a']);
      expect(mine(writes[4]!)).toEqual(['p2', 'a', 'c']);
      expect(mine(writes[9]!)).toEqual(['d', 'e', 'g']);
      const versions = writes.flatMap((write) => (write.kind === 'stored' ? [write.round.version] : []));
      expect(versions).toEqual([3, 4, 5, 6, 7, 8]);
      expect((await stores.votes.getRound(round.id))?.version).toBe(8);
      expect((await stores.votes.myGommettes(round.id, 'v1')).map((gommette) => gommette.id)).toEqual(['p2', 'a', 'c']);
      expect((await stores.votes.myGommettes(round.id, 'v2')).map((gommette) => gommette.id)).toEqual(['d', 'e', 'g']);
      expect(await stores.votes.myGommettes(round.id, 'v3')).toEqual([]);
      expect((await stores.votes.tally(round.id)).digital.reduce((sum, row) => sum + row.count, 0)).toBe(6);
    } finally {
      await stores.store.close();
    }
  });

  it(`keeps every budget in a burst larger than one batch (${MAX_CASTS_PER_TRANSACTION} casts) and across two connections to the file`, async () => {
    const { filename } = openFile();
    const nodes = [openSqliteStores(filename), openSqliteStores(filename)];
    try {
      const [a, b] = nodes as [Stores, Stores];
      const budget = 3;
      const round = await roundOn(a, budget);
      const voters = Array.from({ length: 150 }, (_, index) => `v${index}`);
      const attempts = budget + 2;
      const writes = await Promise.all(
        voters.flatMap((voterId) =>
          Array.from({ length: attempts }, (_, attempt) =>
            (attempt % 2 === 0 ? a : b).votes.cast(cast(round, `g-${voterId}-${attempt}`, voterId, `i${(attempt % 3) + 1}`)),
          ),
        ),
      );
      expect(writes.length).toBeGreaterThan(2 * MAX_CASTS_PER_TRANSACTION);
      expect(writes.filter((write) => write.kind === 'stored')).toHaveLength(voters.length * budget);
      const refusals = writes.map(refusalOf).filter((code) => code !== null);
      expect(refusals).toHaveLength(voters.length * (attempts - budget));
      expect(new Set(refusals)).toEqual(new Set([VoteErrorCode.BudgetSpent]));
      for (const voterId of voters.slice(0, 10)) expect(await b.votes.myGommettes(round.id, voterId)).toHaveLength(budget);
      expect((await a.votes.getRound(round.id))?.version).toBe(voters.length * budget);
      expect((await b.votes.tally(round.id)).voters).toEqual([{ siteId: 'site-edge', phone: voters.length, kiosk: 0 }]);
    } finally {
      for (const node of nodes) await node.store.close();
    }
  });

  it('waits for a write lock another process holds with its event loop free, then commits what came meanwhile together', async () => {
    const { filename } = openFile();
    const stores = openSqliteStores(filename);
    const other = new Database(filename); // another node on the same file
    try {
      const round = await roundOn(stores, 1);
      other.prepare('BEGIN IMMEDIATE').run();
      let commits = 0;
      stores.votes.afterCommit(() => commits++);
      const first = Array.from({ length: 10 }, (_, index) => stores.votes.cast(cast(round, `g${index}`, `v${index}`, 'i1')));
      // SQLite's own wait would hold the process here; timers and new taps get through instead.
      const ticks = await new Promise<number>((resolve) => {
        let count = 0;
        const timer = setInterval(() => {
          if (++count === 5) {
            clearInterval(timer);
            resolve(count);
          }
        }, 5);
      });
      expect(ticks).toBe(5);
      const later = Array.from({ length: 10 }, (_, index) => stores.votes.cast(cast(round, `h${index}`, `w${index}`, 'i2')));
      expect(commits).toBe(0);
      other.prepare('COMMIT').run();
      const writes = await Promise.all([...first, ...later]);
      expect(writes.every((write) => write.kind === 'stored')).toBe(true);
      expect(commits).toBe(1);
      expect((await stores.votes.getRound(round.id))?.version).toBe(20);
    } finally {
      other.close();
      await stores.store.close();
    }
  });

  it('tries a taken write lock again every 64 taps while one turn reads thousands, and commits in that turn once it is free', async () => {
    const { filename } = openFile();
    const stores = openSqliteStores(filename);
    const other = new Database(filename); // another node on the same file
    try {
      const round = await roundOn(stores, 1);
      let commits = 0;
      stores.votes.afterCommit(() => commits++);
      other.prepare('BEGIN IMMEDIATE').run();
      const tap = (index: number) => stores.votes.cast(cast(round, `g${index}`, `v${index}`, 'i1'));
      // One turn of the event loop: 512 taps find the lock taken (their retry's timer waits for the turn's end)…
      const writes = Array.from({ length: 512 }, (_, index) => tap(index));
      other.prepare('COMMIT').run();
      // …the lock is free again; 63 more taps do not try it, the 64th does, and commits them all in this turn.
      for (let index = 512; index < 575; index++) writes.push(tap(index));
      expect(commits).toBe(0);
      writes.push(tap(575));
      expect(commits).toBe(1);
      expect((await Promise.all(writes)).every((write) => write.kind === 'stored')).toBe(true);
      expect(commits).toBe(1);
      expect((await stores.votes.getRound(round.id))?.version).toBe(576);
    } finally {
      other.close();
      await stores.store.close();
    }
  });

  it('commits as soon as 512 taps wait, and says so before answering any of them', async () => {
    const { filename } = openFile();
    const stores = openSqliteStores(filename);
    try {
      const round = await roundOn(stores, 1);
      let answered = 0;
      const commits: Array<{ answered: number; workshops: string[] }> = [];
      stores.votes.afterCommit((workshopIds) => commits.push({ answered, workshops: [...workshopIds] }));
      const writes = Array.from({ length: 600 }, (_, index) =>
        stores.votes.cast(cast(round, `g${index}`, `v${index}`, 'i1')).then((write) => {
          answered++;
          return write;
        }),
      );
      // Within this same turn of the event loop, the first 512 are already durable.
      expect(commits).toEqual([{ answered: 0, workshops: [round.workshopId] }]);
      expect((await stores.votes.getRound(round.id))?.version).toBe(512);
      expect((await Promise.all(writes)).every((write) => write.kind === 'stored')).toBe(true);
      expect(commits).toHaveLength(2);
      expect((await stores.votes.tally(round.id)).voters).toEqual([{ siteId: 'site-edge', phone: 600, kiosk: 0 }]);
    } finally {
      await stores.store.close();
    }
  });
});
