/**
 * The behaviour every VoteStore adapter must have (SQLite and PostgreSQL): exactly-once
 * gommettes, budgets and caps under concurrency, take-backs, paper counts, aggregates only.
 */
import { initialRoom } from '@gommette/shared';
import { ideaRecord, residentRecord, workshopRecord } from './records';
import { afterEach, describe, expect, it } from 'vitest';
import { planRound, isDomainError, VoteErrorCode, type PlanRoundInput, type VoteRound } from '@gommette/shared';
import type { Stores } from './stores';
import type { Voter } from './VoteStore';

export interface VoteStoreFixture {
  stores: Stores;
  /** Closes and opens the same storage again, as a restarted process would. */
  reopen: () => Promise<Stores>;
  /** Closes, forgets that migration `version` ran, and opens again: the migration runs on today's rows. */
  rerunMigration: (version: number) => Promise<Stores>;
  /** The voter column of a round's gommettes, read straight from the tables (as an attacker would). */
  storedVoterIds: (roundId: string) => Promise<string[]>;
}

let sequence = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(sequence++).toString(36).padStart(4, '0')}`;
const NOW = 1_700_000_000_000;

async function seed(stores: Stores) {
  const workshopId = unique('w');
  const sites = [0, 1].map((position) => ({ id: unique('site'), workshopId, name: `Lieu ${position}`, joinCode: unique('J'), position }));
  await stores.store.createWorkshop(
    workshopRecord({
      id: workshopId,
      title: 'Atelier',
      question: 'Comment ?',
      purpose: 'Choisir',
      createdAt: 1,
      facilitatorTokenHash: unique('f'),
      screenTokenHash: unique('s'),
    }),
    sites,
    initialRoom([]),
  );
  const ideaIds = [unique('idea'), unique('idea'), unique('idea')];
  return { workshopId, sites, ideaIds };
}

function makeRound(workshopId: string, ideaIds: string[], overrides: Partial<PlanRoundInput> = {}): VoteRound {
  const round = planRound(
    { id: unique('round'), workshopId, ideaIds, budget: 3, stacking: false, capPerIdea: null, selfVote: true, results: 'live', closesAt: null, ...overrides },
    NOW,
  );
  if (isDomainError(round)) throw new Error(round.message);
  return round;
}

export function voteStoreContract(name: string, makeFixture: () => Promise<VoteStoreFixture>): void {
  describe(`VoteStore contract: ${name}`, () => {
    const open: Stores[] = [];
    async function fixture(): Promise<VoteStoreFixture> {
      const made = await makeFixture();
      open.push(made.stores);
      return made;
    }
    afterEach(async () => {
      for (const stores of open.splice(0)) await stores.store.close();
    });

    it('opens one round at a time per workshop, idempotently, and closes it once', async () => {
      const { stores } = await fixture();
      const { workshopId, ideaIds } = await seed(stores);
      const round = makeRound(workshopId, ideaIds);
      expect(await stores.votes.createRound(round)).toEqual({ kind: 'created', round });
      expect((await stores.votes.createRound(round)).kind).toBe('resent');
      expect((await stores.votes.createRound(makeRound(workshopId, ideaIds))).kind).toBe('busy');
      expect(await stores.votes.currentRound(workshopId)).toEqual(round);
      const closed = await stores.votes.closeRound(round.id, NOW + 5);
      expect(closed).toMatchObject({ status: 'closed', closedAt: NOW + 5 });
      expect(await stores.votes.closeRound(round.id, NOW + 9)).toMatchObject({ closedAt: NOW + 5 });
      expect((await stores.votes.createRound(makeRound(workshopId, ideaIds))).kind).toBe('created');
      expect(await stores.votes.closeRound('missing-round', NOW)).toBeNull();
    });

    it('stores a gommette once whatever the resends, and enforces the budget in the transaction', async () => {
      const { stores } = await fixture();
      const { workshopId, sites, ideaIds } = await seed(stores);
      const round = makeRound(workshopId, ideaIds, { budget: 2, stacking: true });
      await stores.votes.createRound(round);
      const voter: Voter = { id: unique('p'), kind: 'phone', siteId: sites[0]!.id };
      const cast = (id: string, ideaId: string) => stores.votes.cast({ id, roundId: round.id, workshopId, voter, ideaId, ownIdea: false, now: NOW + 1 });
      const first = unique('g');
      const results = await Promise.all([cast(first, ideaIds[0]!), cast(first, ideaIds[0]!), cast(first, ideaIds[0]!)]);
      expect(results.map((result) => result.kind).sort()).toEqual(['resent', 'resent', 'stored']);
      const attempts = await Promise.all(Array.from({ length: 6 }, () => cast(unique('g'), ideaIds[1]!)));
      expect(attempts.filter((result) => result.kind === 'stored')).toHaveLength(1);
      const refusal = attempts.find((result) => result.kind === 'refused');
      expect(refusal?.kind === 'refused' && refusal.error.error).toBe(VoteErrorCode.BudgetSpent);
      expect(await stores.votes.myGommettes(round.id, voter.id)).toHaveLength(2);
      expect((await stores.votes.getRound(round.id))?.version).toBe(2);
      // The same id for another idea or another voter is a conflict, never a second gommette.
      expect(await cast(first, ideaIds[2]!)).toMatchObject({ kind: 'refused', error: { error: 'conflict' } });
    });

    it('says which workshop a commit changed before answering any of its gommettes (not for a refusal)', async () => {
      const { stores } = await fixture();
      const { workshopId, sites, ideaIds } = await seed(stores);
      const round = makeRound(workshopId, ideaIds, { budget: 1 });
      await stores.votes.createRound(round);
      let answered = 0;
      const commits: Array<{ answered: number; workshops: string[] }> = [];
      stores.votes.afterCommit((workshopIds) => commits.push({ answered, workshops: [...workshopIds] }));
      const cast = (voterId: string) =>
        stores.votes
          .cast({
            id: unique('g'),
            roundId: round.id,
            workshopId,
            voter: { id: voterId, kind: 'phone', siteId: sites[0]!.id },
            ideaId: ideaIds[0]!,
            ownIdea: false,
            now: NOW,
          })
          .then((write) => {
            answered++;
            return write;
          });
      const writes = await Promise.all(Array.from({ length: 20 }, (_, index) => cast(`v${index}`)));
      expect(writes.every((write) => write.kind === 'stored')).toBe(true);
      expect(commits.length).toBeGreaterThan(0);
      expect(commits[0]).toEqual({ answered: 0, workshops: [workshopId] });
      const before = commits.length;
      expect(await cast('v0')).toMatchObject({ kind: 'refused', error: { error: VoteErrorCode.BudgetSpent } });
      expect(commits).toHaveLength(before);
    });

    it('takes a gommette back once, gives the budget back, and refuses after the close', async () => {
      const { stores } = await fixture();
      const { workshopId, sites, ideaIds } = await seed(stores);
      const round = makeRound(workshopId, ideaIds, { budget: 1 });
      await stores.votes.createRound(round);
      const voter: Voter = { id: unique('p'), kind: 'phone', siteId: sites[0]!.id };
      const g1 = unique('g');
      await stores.votes.cast({ id: g1, roundId: round.id, workshopId, voter, ideaId: ideaIds[0]!, ownIdea: false, now: NOW });
      const takeBackId = unique('t');
      const takeBack = () => stores.votes.takeBack({ id: takeBackId, roundId: round.id, workshopId, voterId: voter.id, gommetteId: g1, now: NOW });
      expect(await takeBack()).toMatchObject({ kind: 'stored', mine: [] });
      expect(await takeBack()).toMatchObject({ kind: 'resent', mine: [] });
      const other = await stores.votes.takeBack({ id: unique('t'), roundId: round.id, workshopId, voterId: unique('p'), gommetteId: g1, now: NOW });
      expect(other).toMatchObject({ kind: 'refused', error: { error: 'not_found' } });
      const g2 = unique('g');
      expect(await stores.votes.cast({ id: g2, roundId: round.id, workshopId, voter, ideaId: ideaIds[1]!, ownIdea: false, now: NOW })).toMatchObject({
        kind: 'stored',
      });
      await stores.votes.closeRound(round.id, NOW + 1);
      expect(await stores.votes.takeBack({ id: unique('t'), roundId: round.id, workshopId, voterId: voter.id, gommetteId: g2, now: NOW + 2 })).toMatchObject({
        kind: 'refused',
        error: { error: VoteErrorCode.RoundClosed },
      });
      expect(
        await stores.votes.cast({ id: unique('g'), roundId: round.id, workshopId, voter, ideaId: ideaIds[2]!, ownIdea: false, now: NOW + 2 }),
      ).toMatchObject({
        kind: 'refused',
        error: { error: VoteErrorCode.RoundClosed },
      });
      // A resend of a gommette acked before the close still acks.
      expect(await stores.votes.cast({ id: g2, roundId: round.id, workshopId, voter, ideaId: ideaIds[1]!, ownIdea: false, now: NOW + 2 })).toMatchObject({
        kind: 'resent',
      });
    });

    it('tallies digital gommettes, voters by kind and paper counts as aggregates, and keeps them across a restart', async () => {
      const made = await fixture();
      const { workshopId, sites, ideaIds } = await seed(made.stores);
      const round = makeRound(workshopId, ideaIds, { stacking: true });
      await made.stores.votes.createRound(round);
      const phone: Voter = { id: unique('p'), kind: 'phone', siteId: sites[0]!.id };
      const kioskVoter = { id: unique('k'), workshopId, siteId: sites[1]!.id, createdAt: NOW };
      expect(await made.stores.votes.createKioskVoter(kioskVoter)).toBe(true);
      expect(await made.stores.votes.createKioskVoter(kioskVoter)).toBe(true);
      expect(await made.stores.votes.createKioskVoter({ ...kioskVoter, siteId: sites[0]!.id })).toBe(false);
      const kiosk: Voter = { id: kioskVoter.id, kind: 'kiosk', siteId: sites[1]!.id };
      for (const [voter, ideaId] of [
        [phone, ideaIds[0]],
        [phone, ideaIds[0]],
        [kiosk, ideaIds[1]],
      ] as const) {
        await made.stores.votes.cast({ id: unique('g'), roundId: round.id, workshopId, voter, ideaId: ideaId!, ownIdea: false, now: NOW });
      }
      await made.stores.votes.setPaperCounts(round.id, sites[1]!.id, { [ideaIds[2]!]: 4, [ideaIds[0]!]: 0 });
      await made.stores.votes.setPaperCounts(round.id, sites[1]!.id, { [ideaIds[2]!]: 5 });
      await made.stores.store.close();
      const reopened = await made.reopen();
      open.push(reopened);
      const tally = await reopened.votes.tally(round.id);
      expect(tally.digital).toEqual(
        expect.arrayContaining([
          { siteId: sites[0]!.id, ideaId: ideaIds[0], count: 2 },
          { siteId: sites[1]!.id, ideaId: ideaIds[1], count: 1 },
        ]),
      );
      expect(tally.voters).toEqual(
        expect.arrayContaining([
          { siteId: sites[0]!.id, phone: 1, kiosk: 0 },
          { siteId: sites[1]!.id, phone: 0, kiosk: 1 },
        ]),
      );
      expect(tally.paper).toEqual([{ siteId: sites[1]!.id, ideaId: ideaIds[2], count: 5 }]);
      expect(JSON.stringify(tally)).not.toContain(phone.id);
      expect((await reopened.votes.getRound(round.id))?.version).toBe(5);
    });

    it('migration 101 re-keys gommettes stored under voter ids, keeps the aggregates, and dates kiosk turns to the hour only', async () => {
      const made = await fixture();
      const { workshopId, sites, ideaIds } = await seed(made.stores);
      const round = makeRound(workshopId, ideaIds, { stacking: true });
      await made.stores.votes.createRound(round);
      const phones: Voter[] = [0, 1].map(() => ({ id: unique('p'), kind: 'phone', siteId: sites[0]!.id }));
      const turnAt = NOW + 1_234_567;
      const kioskVoter = { id: unique('k'), workshopId, siteId: sites[1]!.id, createdAt: turnAt };
      await made.stores.votes.createKioskVoter(kioskVoter);
      const kiosk: Voter = { id: kioskVoter.id, kind: 'kiosk', siteId: sites[1]!.id };
      for (const [voter, ideaId] of [
        [phones[0]!, ideaIds[0]],
        [phones[0]!, ideaIds[1]],
        [phones[1]!, ideaIds[1]],
        [kiosk, ideaIds[2]],
      ] as const) {
        await made.stores.votes.cast({ id: unique('g'), roundId: round.id, workshopId, voter, ideaId: ideaId!, ownIdea: false, now: NOW });
      }
      const before = await made.stores.votes.tally(round.id);
      await made.stores.store.close();
      const upgraded = await made.rerunMigration(101);
      open.push(upgraded);
      const stored = await made.storedVoterIds(round.id);
      expect(stored).toHaveLength(4);
      expect(new Set(stored).size).toBe(3);
      for (const id of [...phones.map((voter) => voter.id), kiosk.id]) expect(stored.some((value) => value.includes(id))).toBe(false);
      const after = await upgraded.votes.tally(round.id);
      expect(after.digital).toEqual(expect.arrayContaining([...before.digital]));
      expect(after.voters).toEqual(expect.arrayContaining([...before.voters]));
      expect(await upgraded.votes.myGommettes(round.id, phones[0]!.id)).toEqual([]);
      expect((await upgraded.votes.getKioskVoter(kiosk.id))?.createdAt).toBe(turnAt - (turnAt % 3_600_000));
    });

    it('closes the rounds left open across migration 101 (their budgets could not hold), and only those', async () => {
      const made = await fixture();
      const { workshopId, ideaIds } = await seed(made.stores);
      const across = makeRound(workshopId, ideaIds);
      await made.stores.votes.createRound(across);
      // Opened after the upgrade: far in the future of the migration's run.
      const other = await seed(made.stores);
      const later = { ...makeRound(other.workshopId, other.ideaIds), openedAt: Date.now() + 86_400_000 };
      await made.stores.votes.createRound(later);
      await made.stores.store.close();
      const rekeyed = await made.rerunMigration(101);
      await rekeyed.store.close();
      const upgraded = await made.rerunMigration(103);
      open.push(upgraded);
      expect((await upgraded.votes.getRound(across.id))?.status).toBe('closed');
      expect((await upgraded.votes.getRound(across.id))?.closedAt).toBeGreaterThan(NOW);
      expect((await upgraded.votes.getRound(later.id))?.status).toBe('open');
    });

    it('lists open rounds with a closing time, for the timers after a restart', async () => {
      const { stores } = await fixture();
      const { workshopId, ideaIds } = await seed(stores);
      const timed = makeRound(workshopId, ideaIds, { closesAt: NOW + 60_000 });
      await stores.votes.createRound(timed);
      expect((await stores.votes.listTimedOpenRounds()).map((round) => round.id)).toContain(timed.id);
      await stores.votes.closeRound(timed.id, NOW);
      expect((await stores.votes.listTimedOpenRounds()).map((round) => round.id)).not.toContain(timed.id);
    });

    it('keeps kiosk tokens by hash, matrix axes and placements', async () => {
      const { stores } = await fixture();
      const { workshopId, sites } = await seed(stores);
      const participant = residentRecord({
        id: unique('p'),
        workshopId,
        siteId: sites[0]!.id,
        cardHash: unique('c'),
        nickname: null,
        mood: 'sunny',
        createdAt: NOW,
      });
      await stores.store.createParticipant(participant, unique('t'));
      const idea = ideaRecord({ id: unique('idea'), workshopId, siteId: sites[0]!.id, participantId: participant.id, text: 'Une idée', createdAt: NOW });
      await stores.store.insertIdea(idea);
      await stores.votes.saveKioskToken(workshopId, sites[1]!.id, 'hash-one');
      await stores.votes.saveKioskToken(workshopId, sites[1]!.id, 'hash-one');
      expect(await stores.votes.kioskByTokenHash('hash-one')).toEqual({ workshopId, siteId: sites[1]!.id });
      expect(await stores.votes.kioskByTokenHash('hash-two')).toBeNull();
      expect(await stores.votes.getMatrix(workshopId)).toEqual({ axes: { easy: '', priority: '' }, placements: [] });
      await stores.votes.placeIdea(workshopId, { ideaId: idea.id, easy: 10, priority: 20 });
      await stores.votes.placeIdea(workshopId, { ideaId: idea.id, easy: 70, priority: 80 });
      await stores.votes.setMatrixAxes(workshopId, { easy: 'Simple', priority: 'Urgent' });
      expect(await stores.votes.getMatrix(workshopId)).toEqual({
        axes: { easy: 'Simple', priority: 'Urgent' },
        placements: [{ ideaId: idea.id, easy: 70, priority: 80 }],
      });
    });
  });
}
