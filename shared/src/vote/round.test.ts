import { describe, expect, it } from 'vitest';
import { isDomainError } from '../domain/errors';
import { MAX_ROUND_WINDOW_MS, VoteErrorCode } from './constants';
import {
  capFor,
  checkCast,
  checkTakeBack,
  emptyKioskSession,
  isRoundOpen,
  nextKioskVoter,
  planRound,
  remainingGommettes,
  withGommette,
  withoutGommette,
  type MyGommette,
  type PlanRoundInput,
  type VoteRound,
} from './round';

const NOW = 1_700_000_000_000;
const base: PlanRoundInput = {
  id: 'round-0000001',
  workshopId: 'w1',
  ideaIds: ['idea-aaaaaa', 'idea-bbbbbb', 'idea-cccccc'],
  budget: 3,
  stacking: false,
  capPerIdea: null,
  selfVote: true,
  results: 'live',
  closesAt: null,
};

function round(overrides: Partial<PlanRoundInput> = {}): VoteRound {
  const planned = planRound({ ...base, ...overrides }, NOW);
  if (isDomainError(planned)) throw new Error(planned.message);
  return planned;
}

const g = (id: string, ideaId: string): MyGommette => ({ id, ideaId });

describe('planRound', () => {
  it('opens a round with distinct ideas and checked settings', () => {
    const planned = round({ ideaIds: ['idea-aaaaaa', 'idea-aaaaaa', 'idea-bbbbbb'] });
    expect(planned).toMatchObject({ status: 'open', openedAt: NOW, closedAt: null, version: 0, ideaIds: ['idea-aaaaaa', 'idea-bbbbbb'] });
  });

  it('refuses an empty ballot, a budget out of range, a closing time in the past or too far', () => {
    expect(planRound({ ...base, ideaIds: [] }, NOW)).toMatchObject({ error: 'bad_request' });
    expect(planRound({ ...base, budget: 0 }, NOW)).toMatchObject({ error: 'bad_request' });
    expect(planRound({ ...base, budget: 21 }, NOW)).toMatchObject({ error: 'bad_request' });
    expect(planRound({ ...base, closesAt: NOW }, NOW)).toMatchObject({ error: 'bad_request' });
    expect(planRound({ ...base, closesAt: NOW + MAX_ROUND_WINDOW_MS + 1 }, NOW)).toMatchObject({ error: 'bad_request' });
    expect(planRound({ ...base, closesAt: NOW + 3 * 24 * 3600_000 }, NOW)).toMatchObject({ closesAt: NOW + 3 * 24 * 3600_000 });
  });

  it('keeps a cap only with stacking, and drops a cap that the budget already enforces', () => {
    expect(round({ capPerIdea: 2 }).capPerIdea).toBeNull();
    expect(round({ stacking: true, capPerIdea: 2 }).capPerIdea).toBe(2);
    expect(round({ stacking: true, capPerIdea: 5 }).capPerIdea).toBeNull();
    expect(capFor(round())).toBe(1);
    expect(capFor(round({ stacking: true }))).toBe(3);
    expect(capFor(round({ stacking: true, capPerIdea: 2 }))).toBe(2);
  });
});

describe('checkCast: budgets, caps, self-vote, closing', () => {
  it('allows gommettes until the budget is spent', () => {
    const r = round();
    let mine: MyGommette[] = [];
    for (const [index, ideaId] of r.ideaIds.entries()) {
      expect(checkCast({ round: r, mine, ideaId, ownIdea: false, now: NOW })).toBeNull();
      mine = withGommette(mine, g(`g${index}`, ideaId));
    }
    expect(remainingGommettes(r, mine)).toBe(0);
    expect(checkCast({ round: r, mine, ideaId: 'idea-aaaaaa', ownIdea: false, now: NOW })).toMatchObject({ error: VoteErrorCode.BudgetSpent });
  });

  it('allows one gommette per idea without stacking, up to the cap with it', () => {
    const single = round();
    const one = [g('g1', 'idea-aaaaaa')];
    expect(checkCast({ round: single, mine: one, ideaId: 'idea-aaaaaa', ownIdea: false, now: NOW })).toMatchObject({ error: VoteErrorCode.CapReached });
    const capped = round({ stacking: true, capPerIdea: 2 });
    expect(checkCast({ round: capped, mine: one, ideaId: 'idea-aaaaaa', ownIdea: false, now: NOW })).toBeNull();
    const two = [...one, g('g2', 'idea-aaaaaa')];
    expect(checkCast({ round: capped, mine: two, ideaId: 'idea-aaaaaa', ownIdea: false, now: NOW })).toMatchObject({ error: VoteErrorCode.CapReached });
    expect(checkCast({ round: capped, mine: two, ideaId: 'idea-bbbbbb', ownIdea: false, now: NOW })).toBeNull();
  });

  it('applies the self-vote rule and refuses ideas not on the ballot', () => {
    expect(checkCast({ round: round({ selfVote: false }), mine: [], ideaId: 'idea-aaaaaa', ownIdea: true, now: NOW })).toMatchObject({
      error: VoteErrorCode.OwnIdea,
    });
    expect(checkCast({ round: round({ selfVote: true }), mine: [], ideaId: 'idea-aaaaaa', ownIdea: true, now: NOW })).toBeNull();
    expect(checkCast({ round: round(), mine: [], ideaId: 'idea-zzzzzz', ownIdea: false, now: NOW })).toMatchObject({ error: VoteErrorCode.NotInRound });
  });

  it('refuses a gommette after the closing time even before the round is marked closed, and after a close', () => {
    const timed = round({ closesAt: NOW + 60_000 });
    expect(isRoundOpen(timed, NOW + 59_999)).toBe(true);
    expect(checkCast({ round: timed, mine: [], ideaId: 'idea-aaaaaa', ownIdea: false, now: NOW + 60_000 })).toMatchObject({ error: VoteErrorCode.RoundClosed });
    const closed: VoteRound = { ...round(), status: 'closed', closedAt: NOW + 1 };
    expect(checkCast({ round: closed, mine: [], ideaId: 'idea-aaaaaa', ownIdea: false, now: NOW + 2 })).toMatchObject({ error: VoteErrorCode.RoundClosed });
  });
});

describe('take-back', () => {
  it('gives the gommette back until the round closes', () => {
    const r = round({ closesAt: NOW + 1000 });
    const mine = [g('g1', 'idea-aaaaaa'), g('g2', 'idea-bbbbbb')];
    expect(checkTakeBack(r, NOW + 999)).toBeNull();
    const after = withoutGommette(mine, 'g1');
    expect(remainingGommettes(r, after)).toBe(2);
    expect(checkCast({ round: r, mine: after, ideaId: 'idea-aaaaaa', ownIdea: false, now: NOW })).toBeNull();
    expect(checkTakeBack(r, NOW + 1000)).toMatchObject({ error: VoteErrorCode.RoundClosed });
  });

  it('treats the same gommette twice as one', () => {
    expect(withGommette([g('g1', 'idea-aaaaaa')], g('g1', 'idea-aaaaaa'))).toHaveLength(1);
  });
});

describe('kiosk sessions', () => {
  it('hands a fresh, empty budget to each next person and counts the people served', () => {
    let session = nextKioskVoter(emptyKioskSession, 'voter-aaaaaaaa');
    expect(session).toEqual({ voterId: 'voter-aaaaaaaa', mine: [], served: 0 });
    session = { ...session, mine: [g('g1', 'idea-aaaaaa')] };
    session = nextKioskVoter(session, 'voter-bbbbbbbb');
    expect(session).toEqual({ voterId: 'voter-bbbbbbbb', mine: [], served: 1 });
  });
});
