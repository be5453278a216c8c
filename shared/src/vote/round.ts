import { ErrorCode } from '../constants';
import { domainError, type DomainError } from '../domain/errors';
import { MAX_ROUND_IDEAS, MAX_ROUND_WINDOW_MS, MAX_VOTE_BUDGET, VoteErrorCode } from './constants';

export type ResultsVisibility = 'live' | 'hidden';

/** What the facilitator chooses when opening a round. */
export interface RoundSettings {
  /** Gommettes per voter. */
  budget: number;
  /** Whether one voter may put several gommettes on one idea. */
  stacking: boolean;
  /** With stacking: at most this many of one voter's gommettes on one idea (null: the budget is the cap). */
  capPerIdea: number | null;
  /** Whether a resident may vote for an idea they wrote. */
  selfVote: boolean;
  /** Live results on every screen, or hidden until the round is closed and revealed. */
  results: ResultsVisibility;
  /** "at" mode: the round closes by itself at this time (ms since epoch); null: the facilitator closes it. */
  closesAt: number | null;
}

export interface VoteRound extends RoundSettings {
  id: string;
  workshopId: string;
  /** The ideas on the ballot, in the order they are shown. */
  ideaIds: string[];
  status: 'open' | 'closed';
  openedAt: number;
  closedAt: number | null;
  /** When the facilitator revealed the results on the projector (the reveal animation). */
  revealedAt: number | null;
  /** Bumped by every accepted gommette, take-back and paper count: results carry it. */
  version: number;
}

/** Who holds a budget: a resident's phone, or one person at a site's kiosk. */
export type VoterKind = 'phone' | 'kiosk';

/** A voter's own gommette, as only that voter sees it. */
export interface MyGommette {
  id: string;
  ideaId: string;
}

/** The facilitator's request, once the idea set is resolved to ids. */
export interface PlanRoundInput extends RoundSettings {
  id: string;
  workshopId: string;
  ideaIds: ReadonlyArray<string>;
}

/** Checks the settings and builds the round to store. */
export function planRound(input: PlanRoundInput, now: number): VoteRound | DomainError {
  const ideaIds = [...new Set(input.ideaIds)];
  if (ideaIds.length === 0) return domainError(ErrorCode.BadRequest, 'a round needs at least one idea');
  if (ideaIds.length > MAX_ROUND_IDEAS) return domainError(ErrorCode.TooLarge, `a round holds at most ${MAX_ROUND_IDEAS} ideas`);
  if (!Number.isInteger(input.budget) || input.budget < 1 || input.budget > MAX_VOTE_BUDGET) {
    return domainError(ErrorCode.BadRequest, `the budget is 1 to ${MAX_VOTE_BUDGET} gommettes`);
  }
  let capPerIdea: number | null = null;
  if (input.stacking && input.capPerIdea !== null) {
    if (!Number.isInteger(input.capPerIdea) || input.capPerIdea < 1) return domainError(ErrorCode.BadRequest, 'the cap per idea is at least 1');
    capPerIdea = input.capPerIdea >= input.budget ? null : input.capPerIdea;
  }
  if (input.closesAt !== null) {
    if (input.closesAt <= now) return domainError(ErrorCode.BadRequest, 'the closing time is in the past');
    if (input.closesAt > now + MAX_ROUND_WINDOW_MS) return domainError(ErrorCode.BadRequest, 'the closing time is too far away');
  }
  return {
    id: input.id,
    workshopId: input.workshopId,
    ideaIds,
    budget: input.budget,
    stacking: input.stacking,
    capPerIdea,
    selfVote: input.selfVote,
    results: input.results,
    closesAt: input.closesAt,
    status: 'open',
    openedAt: now,
    closedAt: null,
    revealedAt: null,
    version: 0,
  };
}

/** Open means: not closed by the facilitator, and its closing time (if any) not reached. */
export function isRoundOpen(round: Pick<VoteRound, 'status' | 'closesAt'>, now: number): boolean {
  return round.status === 'open' && (round.closesAt === null || now < round.closesAt);
}

/** The most gommettes one voter may put on one idea. */
export function capFor(round: Pick<RoundSettings, 'budget' | 'stacking' | 'capPerIdea'>): number {
  if (!round.stacking) return 1;
  return round.capPerIdea ?? round.budget;
}

export function remainingGommettes(round: Pick<RoundSettings, 'budget'>, mine: ReadonlyArray<MyGommette>): number {
  return Math.max(0, round.budget - mine.length);
}

export function countOn(mine: ReadonlyArray<MyGommette>, ideaId: string): number {
  return mine.reduce((count, gommette) => (gommette.ideaId === ideaId ? count + 1 : count), 0);
}

export interface CastCheck {
  round: VoteRound;
  /** The voter's gommettes in this round, not taken back. */
  mine: ReadonlyArray<MyGommette>;
  ideaId: string;
  /** The idea was written by this voter (never true at a kiosk). */
  ownIdea: boolean;
  now: number;
}

/**
 * Whether one more gommette may go on this idea: the round is open, the idea is on the ballot,
 * the voter has budget left, the cap per idea holds, the self-vote rule holds. The server runs
 * this inside the transaction that stores the gommette; the phone runs it to grey out buttons.
 */
export function checkCast({ round, mine, ideaId, ownIdea, now }: CastCheck): DomainError | null {
  if (!isRoundOpen(round, now)) return domainError(VoteErrorCode.RoundClosed, 'this vote round is closed');
  if (!round.ideaIds.includes(ideaId)) return domainError(VoteErrorCode.NotInRound, 'this idea is not in the vote round');
  if (ownIdea && !round.selfVote) return domainError(VoteErrorCode.OwnIdea, 'in this round you may not vote for your own idea');
  if (mine.length >= round.budget) return domainError(VoteErrorCode.BudgetSpent, 'no gommette left');
  if (countOn(mine, ideaId) >= capFor(round)) return domainError(VoteErrorCode.CapReached, 'no more gommettes on this idea');
  return null;
}

/** A take-back is allowed while the round is open, for a gommette of one's own. */
export function checkTakeBack(round: VoteRound, now: number): DomainError | null {
  if (!isRoundOpen(round, now)) return domainError(VoteErrorCode.RoundClosed, 'this vote round is closed');
  return null;
}

/** The gommettes a voter sees, after sticking one (optimistic display on the phone). */
export function withGommette(mine: ReadonlyArray<MyGommette>, gommette: MyGommette): MyGommette[] {
  return mine.some((item) => item.id === gommette.id) ? [...mine] : [...mine, gommette];
}

export function withoutGommette(mine: ReadonlyArray<MyGommette>, gommetteId: string): MyGommette[] {
  return mine.filter((item) => item.id !== gommetteId);
}

/**
 * A kiosk's session: one person at a time holds the budget. "Au suivant" starts a fresh voter
 * with an empty hand; nothing of the previous person stays on the tablet.
 */
export interface KioskSession {
  voterId: string | null;
  mine: MyGommette[];
  /** How many people voted on this tablet since it was opened. */
  served: number;
}

export const emptyKioskSession: KioskSession = { voterId: null, mine: [], served: 0 };

export function nextKioskVoter(session: KioskSession, voterId: string): KioskSession {
  return { voterId, mine: [], served: session.voterId === null ? session.served : session.served + 1 };
}
