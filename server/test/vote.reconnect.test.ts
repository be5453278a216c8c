/**
 * Found by `npm run bench:faults`: after a restart, a thousand phones reconnect at once, and each
 * phone's snapshot read every idea of the workshop (for a ballot of a dozen) and counted the whole
 * round again, so the last phones waited a minute for theirs. Snapshots now read the ballot's
 * ideas by id, share the round's tally while its version is unchanged, and a phone's counts
 * nothing while the round is open (it shows the results once the round is closed).
 */
import { describe, expect, it } from 'vitest';
import type { MyVotes, VoteResults } from '@gommette/shared';
import { emitWithAck, useServer } from './helpers';
import { cast, ok, openRound, phoneAt, resultsWhere, totalOf, voteRoom } from './voteFixtures';

/** The real SQLite stores, with a count of the calls to `method`. */
function counting<T extends object>(target: T, method: keyof T, calls: { n: number }): T {
  return new Proxy(target, {
    get(object, property) {
      const value = Reflect.get(object, property, object) as unknown;
      if (typeof value !== 'function') return value;
      if (property !== method) return value.bind(object);
      return (...args: unknown[]) => {
        calls.n++;
        return (value as (...a: unknown[]) => unknown).apply(object, args);
      };
    },
  });
}

/** Gommettes counted in these results (every one is in the totals at once, small sites too). */
const gommettes = (results: VoteResults): number => (results.ranking ?? []).reduce((sum, row) => sum + row.digital, 0);

const listIdeas = { n: 0 };
const tally = { n: 0 };
const live = useServer({
  wrapStores: (stores) => ({ ...stores, store: counting(stores.store, 'listIdeas', listIdeas), votes: counting(stores.votes, 'tally', tally) }),
});
const { sockets } = live;

describe('phones (re)connecting during a vote round', () => {
  it('get the ballot without reading every idea, no results while it is open, and once closed the results counted once for all', async () => {
    const room = await voteRoom(live.url, sockets, 3);
    const round = await openRound(room, { budget: 2 });
    const voter = await phoneAt(live.url, room.workshop.sites[0]!.joinCode, sockets);
    const settled = resultsWhere(room.screen.socket, (results) => gommettes(results) === 2);
    ok<MyVotes>(await cast(voter.socket, round.id, room.ideaIds[0]!));
    ok<MyVotes>(await cast(voter.socket, round.id, room.ideaIds[1]!));
    await settled;

    listIdeas.n = 0;
    tally.n = 0;
    const crowd = [];
    for (let i = 0; i < 12; i++) crowd.push(await phoneAt(live.url, room.workshop.sites[i % 3]!.joinCode, sockets));
    for (const phone of crowd) {
      expect(phone.snapshot.vote?.round?.ideas.map((idea) => idea.id)).toEqual(room.ideaIds);
      // A phone shows the results once the round is closed: none read, none sent before.
      expect(phone.snapshot.vote?.results).toBeNull();
    }
    expect(listIdeas.n).toBe(0);
    expect(tally.n).toBe(0);

    ok(await emitWithAck(room.facilitator.socket, 'vote:close', { roundId: round.id }));
    tally.n = 0;
    const later = [];
    for (let i = 0; i < 12; i++) later.push(await phoneAt(live.url, room.workshop.sites[i % 3]!.joinCode, sockets));
    for (const phone of later) {
      expect(phone.snapshot.vote?.results).toMatchObject({ closed: true, voters: 1 });
      expect(gommettes(phone.snapshot.vote!.results!)).toBe(2);
    }
    expect(tally.n).toBeLessThanOrEqual(1);

    // Paper counts typed in after the close bump the round's version, and the next phone sees them.
    const version = later[0]!.snapshot.vote!.results!.version;
    ok<VoteResults>(
      await emitWithAck(room.facilitator.socket, 'vote:paper', { roundId: round.id, siteId: room.workshop.sites[2]!.id, counts: { [room.ideaIds[2]!]: 4 } }),
    );
    const afterPaper = await phoneAt(live.url, room.workshop.sites[2]!.joinCode, sockets);
    expect(afterPaper.snapshot.vote?.results?.version).toBe(version + 1);
    expect(totalOf(afterPaper.snapshot.vote!.results!, room.ideaIds[2]!)).toBe(4);
    expect(gommettes(afterPaper.snapshot.vote!.results!)).toBe(2);
  });
});
