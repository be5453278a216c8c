import type { DomainError, MatrixAxes, MatrixPlacement, MatrixView, MyGommette, VoteRound, VoteTally, VoterKind } from '@gommette/shared';

/**
 * Who sticks a gommette: a resident's phone or one person at a kiosk. `id` is the per-round voter
 * key (`vote/voterKey.ts`), never the participant's or kiosk turn's id: the store keeps no link back.
 */
export interface Voter {
  id: string;
  kind: VoterKind;
  siteId: string;
}

export interface CastInput {
  /** Made by the phone or kiosk: a resend carries the same id. */
  id: string;
  roundId: string;
  workshopId: string;
  voter: Voter;
  ideaId: string;
  /** The idea was written by this voter (ideas never change author, so it is read before). */
  ownIdea: boolean;
  now: number;
}

export interface TakeBackInput {
  /** Made by the phone or kiosk: a resend carries the same id. */
  id: string;
  roundId: string;
  workshopId: string;
  voterId: string;
  gommetteId: string;
  now: number;
}

/** After a write: the round (its new version) and the voter's own gommettes. */
export type VoterWrite =
  | { kind: 'stored'; round: VoteRound; mine: MyGommette[] }
  /** The same id again: nothing changed, the original stands. */
  | { kind: 'resent'; round: VoteRound; mine: MyGommette[] }
  | { kind: 'refused'; error: DomainError };

export type CreateRoundResult =
  | { kind: 'created'; round: VoteRound }
  | { kind: 'resent'; round: VoteRound }
  /** Another round of this workshop is open. */
  | { kind: 'busy'; open: VoteRound };

export interface KioskVoterRecord {
  id: string;
  workshopId: string;
  siteId: string;
  createdAt: number;
}

/**
 * Votes, paper counts, kiosks and the matrix. Budgets and caps are checked inside the same
 * transaction that stores a gommette (`cast` runs `checkCast` there), so concurrent taps can
 * never over-spend. Only aggregates leave through `tally`; who stuck what is read back only
 * for that voter (`myGommettes`), to enforce their budget and let them take one back.
 * Every method resolves after its commit.
 */
export interface VoteStore {
  /** Idempotent by round id; refuses while another round of the workshop is open. */
  createRound(round: VoteRound): Promise<CreateRoundResult>;
  getRound(roundId: string): Promise<VoteRound | null>;
  /** The open round of a workshop, else its last one; null before any. */
  currentRound(workshopId: string): Promise<VoteRound | null>;
  /** Every open round with a closing time, for the timers after a restart. */
  listTimedOpenRounds(): Promise<VoteRound[]>;
  /** Closes an open round (idempotent); null when the round does not exist. */
  closeRound(roundId: string, now: number): Promise<VoteRound | null>;
  revealRound(roundId: string, now: number): Promise<VoteRound | null>;

  cast(input: CastInput): Promise<VoterWrite>;
  takeBack(input: TakeBackInput): Promise<VoterWrite>;
  /**
   * Calls `listener` with the workshops whose gommettes a commit just changed, right after the
   * commit and before its taps are answered (the projector's results go out ahead of the acks).
   */
  afterCommit(listener: (workshopIds: ReadonlySet<string>) => void): void;
  myGommettes(roundId: string, voterId: string): Promise<MyGommette[]>;
  /** Replaces one site's paper counts; bumps the round's version. */
  setPaperCounts(roundId: string, siteId: string, counts: Readonly<Record<string, number>>): Promise<VoteRound | null>;
  tally(roundId: string): Promise<VoteTally>;

  /** Idempotent by id; false when the id belongs to another site's kiosk. */
  createKioskVoter(voter: KioskVoterRecord): Promise<boolean>;
  getKioskVoter(voterId: string): Promise<KioskVoterRecord | null>;
  /**
   * Records the hash of a site's kiosk token and its generation (derived, so saving it again is a
   * no-op; a revocation saves the next generation's).
   */
  saveKioskToken(workshopId: string, siteId: string, tokenHash: string, generation?: number): Promise<void>;
  /** The generation of each site's kiosk link recorded so far (a site without one is at 0). */
  kioskGenerations(workshopId: string): Promise<Map<string, number>>;
  kioskByTokenHash(tokenHash: string): Promise<{ workshopId: string; siteId: string } | null>;

  placeIdea(workshopId: string, placement: MatrixPlacement): Promise<void>;
  setMatrixAxes(workshopId: string, axes: MatrixAxes): Promise<void>;
  getMatrix(workshopId: string): Promise<MatrixView>;
}
