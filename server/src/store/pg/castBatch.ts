import type pg from 'pg';
import type { VoteRound } from '@gommette/shared';
import { castConflict, decideCasts, MAX_CASTS_PER_TRANSACTION, mineByVoterOf, tellCommitted, type KnownGommette } from '../castSequence';
import type { CastInput, VoterWrite } from '../VoteStore';
import { UniqueViolationError } from '../WorkshopStore';
import { rows, withTransaction } from './transaction';

export { castConflict, MAX_CASTS_PER_TRANSACTION, noRound } from '../castSequence';

interface Job {
  input: CastInput;
  resolve: (write: VoterWrite) => void;
  reject: (error: unknown) => void;
}

/**
 * Writes a batch of casts on one round in one transaction, as if one after the other: locks the
 * round's row, reads the gommettes the batch may clash with and its voters' own ones, decides
 * each cast in order (`decideCasts`, shared with SQLite), then inserts the accepted ones in one
 * statement and bumps the version once.
 */
async function writeCasts(
  pool: pg.Pool,
  roundId: string,
  inputs: CastInput[],
  lockRound: (client: pg.PoolClient, roundId: string) => Promise<VoteRound | null>,
): Promise<VoterWrite[]> {
  return withTransaction(pool, async (client) => {
    const round = await lockRound(client, roundId);
    if (!round) return decideCasts(roundId, { round, known: new Map(), mineByVoter: new Map(), hiddenIdeas: new Set() }, inputs).writes;
    const known = new Map<string, KnownGommette>();
    const found = await rows<{ id: string; round_id: string; voter_id: string; idea_id: string }>(
      client,
      `SELECT id, round_id, voter_id, idea_id FROM vote_gommettes WHERE id = ANY($1::text[])`,
      [inputs.map((input) => input.id)],
    );
    for (const row of found) known.set(row.id, { roundId: row.round_id, voterId: row.voter_id, ideaId: row.idea_id });
    const theirs = await rows<{ voter_id: string; id: string; idea_id: string }>(
      client,
      `SELECT voter_id, id, idea_id FROM vote_gommettes WHERE round_id = $1 AND voter_id = ANY($2::text[]) AND NOT taken_back ORDER BY seq`,
      [roundId, [...new Set(inputs.map((input) => input.voter.id))]],
    );
    const hidden = await rows<{ id: string }>(client, `SELECT id FROM ideas WHERE hidden AND id = ANY($1::text[])`, [
      [...new Set(inputs.map((input) => input.ideaId))],
    ]);
    const hiddenIdeas = new Set(hidden.map((row) => row.id));
    const { writes, accepted } = decideCasts(roundId, { round, known, mineByVoter: mineByVoterOf(theirs), hiddenIdeas }, inputs);
    if (accepted.length > 0) {
      // Inserted in batch order, so `seq` keeps each voter's gommettes in the order they were stuck.
      await client.query(
        `INSERT INTO vote_gommettes (id, round_id, voter_id, voter_kind, site_id, idea_id)
         SELECT g.id, $1, g.voter_id, g.voter_kind, g.site_id, g.idea_id
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS g(id, voter_id, voter_kind, site_id, idea_id, n)
         ORDER BY g.n`,
        [
          roundId,
          accepted.map((input) => input.id),
          accepted.map((input) => input.voter.id),
          accepted.map((input) => input.voter.kind),
          accepted.map((input) => input.voter.siteId),
          accepted.map((input) => input.ideaId),
        ],
      );
      await client.query(`UPDATE vote_rounds SET version = version + $2 WHERE id = $1`, [roundId, accepted.length]);
    }
    return writes;
  });
}

/**
 * Group commit for gommettes, per round and per process: the casts that arrive while the round's
 * previous batch is being written go together in the next transaction. A commit costs a disk
 * flush (~10 ms here) during which the round's row stays locked; one per tap would cap a round at
 * about fifty gommettes a second across every node. Every promise resolves after its batch's COMMIT.
 */
export class CastBatcher {
  private readonly queues = new Map<string, Job[]>();
  private readonly draining = new Set<string>();
  /** Told which workshops a commit changed, before its casts are answered (`VoteStore.afterCommit`). */
  committed: ((workshopIds: ReadonlySet<string>) => void) | null = null;

  constructor(
    private readonly pool: pg.Pool,
    private readonly lockRound: (client: pg.PoolClient, roundId: string) => Promise<VoteRound | null>,
  ) {}

  cast(input: CastInput): Promise<VoterWrite> {
    return new Promise((resolve, reject) => {
      const queue = this.queues.get(input.roundId) ?? [];
      queue.push({ input, resolve, reject });
      this.queues.set(input.roundId, queue);
      if (this.draining.has(input.roundId)) return;
      this.draining.add(input.roundId);
      setImmediate(() => void this.drain(input.roundId));
    });
  }

  private async drain(roundId: string): Promise<void> {
    try {
      for (let queue = this.queues.get(roundId); queue && queue.length > 0; queue = this.queues.get(roundId)) {
        await this.settle(roundId, queue.splice(0, MAX_CASTS_PER_TRANSACTION));
      }
    } finally {
      this.queues.delete(roundId);
      this.draining.delete(roundId);
    }
  }

  private async settle(roundId: string, jobs: Job[]): Promise<void> {
    try {
      const writes = await writeCasts(
        this.pool,
        roundId,
        jobs.map((job) => job.input),
        this.lockRound,
      );
      tellCommitted(this.committed, writes);
      jobs.forEach((job, index) => job.resolve(writes[index]!));
    } catch (error) {
      if (!(error instanceof UniqueViolationError)) {
        for (const job of jobs) job.reject(error);
        return;
      }
      // An id was taken meanwhile by a gommette of another round (whose lock the batch did not
      // hold): one by one, so that only the cast that reused it is refused.
      if (jobs.length === 1) jobs[0]!.resolve(castConflict());
      else for (const job of jobs) await this.settle(roundId, [job]);
    }
  }
}
