import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { initialRoom, isDomainError, planRound, VoteErrorCode } from '@gommette/shared';
import { workshopRecord } from '../records';
import type { Stores } from '../stores';
import { voteStoreContract } from '../voteContract';
import type { VoterWrite } from '../VoteStore';
import { openPgStores } from './openPgStores';
import { useTestDatabase } from './testDatabase';

const databaseUrl = useTestDatabase();

async function withClient<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

voteStoreContract('PostgreSQL', async () => ({
  stores: await openPgStores(databaseUrl()),
  reopen: async () => openPgStores(databaseUrl()),
  rerunMigration: async (version) => {
    await withClient((client) => client.query('DELETE FROM schema_migrations WHERE version = $1', [version]));
    return openPgStores(databaseUrl());
  },
  storedVoterIds: async (roundId) =>
    withClient(async (client) =>
      (await client.query<{ voter_id: string }>('SELECT voter_id FROM vote_gommettes WHERE round_id = $1', [roundId])).rows.map((row) => row.voter_id),
    ),
}));

describe('PgVoteStore across nodes', () => {
  it('never over-spends a budget when two nodes (two pools) cast at its edge at once', async () => {
    const nodes: Stores[] = [await openPgStores(databaseUrl()), await openPgStores(databaseUrl())];
    try {
      const [a, b] = nodes as [Stores, Stores];
      const workshopId = 'w-edge';
      const siteId = 'site-edge';
      await a.store.createWorkshop(
        workshopRecord({
          id: workshopId,
          title: 'Atelier',
          question: 'Q ?',
          purpose: 'Choisir',
          createdAt: 1,
          facilitatorTokenHash: 'f-edge',
          screenTokenHash: 's-edge',
        }),
        [{ id: siteId, workshopId, name: 'Centre', joinCode: 'EDGE', position: 0 }],
        initialRoom([]),
      );
      const budget = 3;
      const round = planRound(
        {
          id: 'round-edge',
          workshopId,
          ideaIds: ['i1', 'i2', 'i3'],
          budget,
          stacking: true,
          capPerIdea: null,
          selfVote: true,
          results: 'live',
          closesAt: null,
        },
        1_000,
      );
      if (isDomainError(round)) throw new Error(round.message);
      expect((await a.votes.createRound(round)).kind).toBe('created');
      // Concurrent round creation from the other node finds the open one.
      expect((await b.votes.createRound({ ...round, id: 'round-other' })).kind).toBe('busy');

      const voters = ['v1', 'v2', 'v3'];
      const attemptsPerVoter = 8;
      const casts: Array<Promise<VoterWrite>> = [];
      for (const voterId of voters) {
        for (let attempt = 0; attempt < attemptsPerVoter; attempt++) {
          const node = attempt % 2 === 0 ? a : b;
          casts.push(
            node.votes.cast({
              id: `g-${voterId}-${attempt}`,
              roundId: round.id,
              workshopId,
              voter: { id: voterId, kind: 'phone', siteId },
              ideaId: `i${(attempt % 3) + 1}`,
              ownIdea: false,
              now: 2_000,
            }),
          );
        }
      }
      const results = await Promise.all(casts);
      expect(results.filter((result) => result.kind === 'stored')).toHaveLength(voters.length * budget);
      const refusals = results.filter((result) => result.kind === 'refused');
      expect(refusals).toHaveLength(voters.length * (attemptsPerVoter - budget));
      for (const refusal of refusals) expect(refusal.kind === 'refused' && refusal.error.error).toBe(VoteErrorCode.BudgetSpent);
      for (const voterId of voters) {
        expect(await a.votes.myGommettes(round.id, voterId)).toHaveLength(budget);
        expect(await b.votes.myGommettes(round.id, voterId)).toHaveLength(budget);
      }
      const tally = await b.votes.tally(round.id);
      expect(tally.digital.reduce((sum, row) => sum + row.count, 0)).toBe(voters.length * budget);
      expect(tally.voters).toEqual([{ siteId, phone: voters.length, kiosk: 0 }]);
      expect((await a.votes.getRound(round.id))?.version).toBe(voters.length * budget);
    } finally {
      for (const node of nodes) await node.store.close();
    }
  });

  it('refuses only the gommette whose id another round took in the same instant, and stores the rest of its batch', async () => {
    const stores = await openPgStores(databaseUrl());
    try {
      const rounds = await Promise.all(
        ['x', 'y'].map(async (name) => {
          const workshopId = `w-clash-${name}`;
          const siteId = `${workshopId}-site`;
          await stores.store.createWorkshop(
            workshopRecord({
              id: workshopId,
              title: 'Atelier',
              question: 'Q ?',
              purpose: 'Choisir',
              createdAt: 1,
              facilitatorTokenHash: `f${workshopId}`,
              screenTokenHash: `s${workshopId}`,
            }),
            [{ id: siteId, workshopId, name: 'Centre', joinCode: `J${workshopId}`, position: 0 }],
            initialRoom([]),
          );
          const round = planRound(
            {
              id: `${workshopId}-round`,
              workshopId,
              ideaIds: ['i1'],
              budget: 5,
              stacking: true,
              capPerIdea: null,
              selfVote: true,
              results: 'live',
              closesAt: null,
            },
            1_000,
          );
          if (isDomainError(round)) throw new Error(round.message);
          await stores.votes.createRound(round);
          return { round, siteId };
        }),
      );
      const cast = (target: (typeof rounds)[number], id: string) =>
        stores.votes.cast({
          id,
          roundId: target.round.id,
          workshopId: target.round.workshopId,
          voter: { id: `voter-${target.round.id}`, kind: 'phone', siteId: target.siteId },
          ideaId: 'i1',
          ownIdea: false,
          now: 2_000,
        });
      const [x, y] = rounds as [(typeof rounds)[number], (typeof rounds)[number]];
      const results = await Promise.all([cast(x, 'shared-id'), cast(x, 'x-own'), cast(y, 'shared-id'), cast(y, 'y-own')]);
      expect(results.map((result) => result.kind).sort()).toEqual(['refused', 'stored', 'stored', 'stored']);
      expect(results.find((result) => result.kind === 'refused')).toMatchObject({ error: { error: 'conflict' } });
      const stored =
        (await stores.votes.myGommettes(x.round.id, `voter-${x.round.id}`)).length + (await stores.votes.myGommettes(y.round.id, `voter-${y.round.id}`)).length;
      expect(stored).toBe(3);
    } finally {
      await stores.store.close();
    }
  });
});
