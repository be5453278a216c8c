import { checkCast, domainError, ErrorCode, VoteErrorCode, type MyGommette, type VoteRound } from '@gommette/shared';
import type { CastInput, VoterWrite } from './VoteStore';

/**
 * What both vote adapters do with a batch of gommettes on one round, whatever the driver: the
 * resend / conflict / `checkCast` sequence, in order, against the round and the voters' own
 * gommettes read once for the whole batch at its start (inside the transaction that holds the
 * round: SQLite's single writer, PostgreSQL's row lock). Each accepted cast counts for the casts
 * after it. The adapters read (`CastBatchRead`), call `decideCasts`, insert `accepted` in order
 * and bump the round's version by their number, all in one transaction.
 */

/** Most gommettes written in one transaction (bounds how long the round's lock is held). */
export const MAX_CASTS_PER_TRANSACTION = 256;

export const castConflict = (): VoterWrite => ({ kind: 'refused', error: domainError(ErrorCode.Conflict, 'this gommette id is already used') });
export const noRound = (): VoterWrite => ({ kind: 'refused', error: domainError(ErrorCode.NotFound, 'no such vote round') });

/** A gommette already stored under one of the batch's ids (a resend, or an id reused). */
export interface KnownGommette {
  roundId: string;
  voterId: string;
  ideaId: string;
}

export interface CastBatchRead {
  round: VoteRound | null;
  /** Stored gommettes with the batch's ids, in any round. */
  known: Map<string, KnownGommette>;
  /** The batch's voters' gommettes in this round (not taken back), oldest first. */
  mineByVoter: Map<string, MyGommette[]>;
  /** Ideas of the batch hidden by moderation (read with the round: a gommette never lands on one). */
  hiddenIdeas: ReadonlySet<string>;
}

const hiddenIdea = (): VoterWrite => ({ kind: 'refused', error: domainError(VoteErrorCode.NotInRound, 'this idea is not in the vote round') });

/** Rows of `SELECT voter_id, id, idea_id … ORDER BY <insertion>` grouped by voter. */
export function mineByVoterOf(rows: ReadonlyArray<{ voter_id: string; id: string; idea_id: string }>): Map<string, MyGommette[]> {
  const mine = new Map<string, MyGommette[]>();
  for (const row of rows) {
    const list = mine.get(row.voter_id);
    if (list) list.push({ id: row.id, ideaId: row.idea_id });
    else mine.set(row.voter_id, [{ id: row.id, ideaId: row.idea_id }]);
  }
  return mine;
}

/**
 * Decides each cast of the batch in order. `writes[i]` answers `inputs[i]`; `accepted` are the
 * casts to insert, in order; `read` is updated as it goes (known ids, voters' gommettes).
 */
export function decideCasts(roundId: string, read: CastBatchRead, inputs: ReadonlyArray<CastInput>): { writes: VoterWrite[]; accepted: CastInput[] } {
  let round = read.round;
  if (!round) return { writes: inputs.map(noRound), accepted: [] };
  const accepted: CastInput[] = [];
  const writes = inputs.map((input): VoterWrite => {
    if (input.workshopId !== round!.workshopId) return noRound();
    const mine = read.mineByVoter.get(input.voter.id) ?? [];
    const existing = read.known.get(input.id);
    if (existing) {
      // A resend: the original stands, whatever happened since (even a close).
      if (existing.voterId !== input.voter.id || existing.roundId !== roundId || existing.ideaId !== input.ideaId) return castConflict();
      return { kind: 'resent', round: round!, mine };
    }
    if (read.hiddenIdeas.has(input.ideaId)) return hiddenIdea();
    const refusal = checkCast({ round: round!, mine, ideaId: input.ideaId, ownIdea: input.ownIdea, now: input.now });
    if (refusal) return { kind: 'refused', error: refusal };
    accepted.push(input);
    read.known.set(input.id, { roundId, voterId: input.voter.id, ideaId: input.ideaId });
    const after = [...mine, { id: input.id, ideaId: input.ideaId }];
    read.mineByVoter.set(input.voter.id, after);
    round = { ...round!, version: round!.version + 1 };
    return { kind: 'stored', round, mine: after };
  });
  return { writes, accepted };
}

/**
 * `VoteStore.afterCommit` for both adapters: tells `listener` the workshops whose gommettes a
 * commit stored, before its writes are answered. The listener's failure is its own (results are
 * also sent after the acks): the writes are stored and get answered anyway.
 */
export function tellCommitted(listener: ((workshopIds: ReadonlySet<string>) => void) | null, writes: Iterable<VoterWrite>): void {
  if (!listener) return;
  const changed = new Set<string>();
  for (const write of writes) if (write.kind === 'stored') changed.add(write.round.workshopId);
  try {
    if (changed.size > 0) listener(changed);
  } catch {
    // Not the writes' failure: they are answered anyway.
  }
}
