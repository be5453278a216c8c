import type pg from 'pg';
import {
  checkTakeBack,
  domainError,
  ErrorCode,
  type MatrixAxes,
  type MatrixPlacement,
  type MatrixView,
  type MyGommette,
  type VoteRound,
  type VoteTally,
} from '@gommette/shared';
import type { CastInput, CreateRoundResult, KioskVoterRecord, TakeBackInput, VoteStore, VoterWrite } from '../VoteStore';
import { toRound, votersBySite, type RoundRow, type VoterCountRow } from '../voteRows';
import { UniqueViolationError } from '../WorkshopStore';
import { CastBatcher, noRound } from './castBatch';
import { firstRow, query, rows, withTransaction, type Queryable } from './transaction';

interface GommetteRow {
  id: string;
  round_id: string;
  voter_id: string;
  idea_id: string;
  taken_back: boolean;
  take_back_id: string | null;
}

const conflict = (message: string): VoterWrite => ({ kind: 'refused', error: domainError(ErrorCode.Conflict, message) });

/** Attempts of `createRound` when the round it collided with vanished before it could read it. */
const CREATE_ROUND_ATTEMPTS = 3;

async function readRound(db: Queryable, roundId: string, lock = false): Promise<VoteRound | null> {
  const row = await firstRow<RoundRow>(db, `SELECT * FROM vote_rounds WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [roundId]);
  return row ? toRound(row) : null;
}

async function mineOf(db: Queryable, roundId: string, voterId: string): Promise<MyGommette[]> {
  const found = await rows<{ id: string; idea_id: string }>(
    db,
    `SELECT id, idea_id FROM vote_gommettes WHERE round_id = $1 AND voter_id = $2 AND NOT taken_back ORDER BY seq`,
    [roundId, voterId],
  );
  return found.map((row) => ({ id: row.id, ideaId: row.idea_id }));
}

const bump = (client: pg.PoolClient, roundId: string) => client.query(`UPDATE vote_rounds SET version = version + 1 WHERE id = $1`, [roundId]);

/**
 * Votes on PostgreSQL. Every write to a round (gommettes, a take-back, paper counts) first locks
 * the round's row (`SELECT … FOR UPDATE`): writes to one round queue up whatever node they come
 * from, so the budget check and the insert never interleave with another tap's. They bump the
 * round's version anyway, which takes the same lock: locking first costs nothing more. Gommettes
 * are group-committed per round (`castBatch.ts`).
 */
export class PgVoteStore implements VoteStore {
  private readonly casts: CastBatcher;

  constructor(private readonly pool: pg.Pool) {
    this.casts = new CastBatcher(pool, (client, roundId) => readRound(client, roundId, true));
  }

  async createRound(round: VoteRound): Promise<CreateRoundResult> {
    for (let attempt = 1; ; attempt++) {
      const result = await withTransaction(this.pool, async (client): Promise<CreateRoundResult | null> => {
        const inserted = await client.query(
          `INSERT INTO vote_rounds (id, workshop_id, idea_ids, budget, stacking, cap_per_idea, self_vote, results, closes_at, status, opened_at, closed_at, revealed_at, version)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT DO NOTHING`,
          [
            round.id,
            round.workshopId,
            JSON.stringify(round.ideaIds),
            round.budget,
            round.stacking,
            round.capPerIdea,
            round.selfVote,
            round.results,
            round.closesAt,
            round.status,
            round.openedAt,
            round.closedAt,
            round.revealedAt,
            round.version,
          ],
        );
        if (inserted.rowCount === 1) return { kind: 'created', round };
        // Its id is taken (a resend) or another round of the workshop is open; each statement
        // sees what committed before it, including the row ON CONFLICT waited for.
        const existing = await readRound(client, round.id);
        if (existing) return existing.workshopId === round.workshopId ? { kind: 'resent', round: existing } : { kind: 'busy', open: existing };
        const open = await firstRow<RoundRow>(client, `SELECT * FROM vote_rounds WHERE workshop_id = $1 AND status = 'open'`, [round.workshopId]);
        return open ? { kind: 'busy', open: toRound(open) } : null;
      });
      if (result) return result;
      if (attempt >= CREATE_ROUND_ATTEMPTS) throw new Error(`vote round ${round.id} neither created nor in the way`);
    }
  }

  async getRound(roundId: string): Promise<VoteRound | null> {
    return readRound(this.pool, roundId);
  }

  async currentRound(workshopId: string): Promise<VoteRound | null> {
    const row = await firstRow<RoundRow>(
      this.pool,
      `SELECT * FROM vote_rounds WHERE workshop_id = $1 ORDER BY (status = 'open') DESC, opened_at DESC, seq DESC LIMIT 1`,
      [workshopId],
    );
    return row ? toRound(row) : null;
  }

  async listTimedOpenRounds(): Promise<VoteRound[]> {
    return (await rows<RoundRow>(this.pool, `SELECT * FROM vote_rounds WHERE status = 'open' AND closes_at IS NOT NULL`)).map(toRound);
  }

  async closeRound(roundId: string, now: number): Promise<VoteRound | null> {
    await query(this.pool, `UPDATE vote_rounds SET status = 'closed', closed_at = $1 WHERE id = $2 AND status = 'open'`, [now, roundId]);
    return readRound(this.pool, roundId);
  }

  async revealRound(roundId: string, now: number): Promise<VoteRound | null> {
    await query(this.pool, `UPDATE vote_rounds SET revealed_at = $1 WHERE id = $2`, [now, roundId]);
    return readRound(this.pool, roundId);
  }

  afterCommit(listener: (workshopIds: ReadonlySet<string>) => void): void {
    this.casts.committed = listener;
  }

  async cast(input: CastInput): Promise<VoterWrite> {
    return this.casts.cast(input);
  }

  async takeBack(input: TakeBackInput): Promise<VoterWrite> {
    try {
      return await withTransaction(this.pool, async (client): Promise<VoterWrite> => {
        const round = await readRound(client, input.roundId, true);
        if (!round || round.workshopId !== input.workshopId) return noRound();
        const done = await firstRow<GommetteRow>(client, `SELECT * FROM vote_gommettes WHERE take_back_id = $1`, [input.id]);
        if (done) {
          if (done.voter_id !== input.voterId || done.id !== input.gommetteId) return conflict('this take-back id is already used');
          return { kind: 'resent', round, mine: await mineOf(client, round.id, input.voterId) };
        }
        const gommette = await firstRow<GommetteRow>(client, `SELECT * FROM vote_gommettes WHERE id = $1`, [input.gommetteId]);
        if (!gommette || gommette.voter_id !== input.voterId || gommette.round_id !== round.id) {
          return { kind: 'refused', error: domainError(ErrorCode.NotFound, 'no such gommette of yours') };
        }
        // Already taken back by another take-back (another device): nothing left to do.
        if (gommette.taken_back) return { kind: 'resent', round, mine: await mineOf(client, round.id, input.voterId) };
        const refusal = checkTakeBack(round, input.now);
        if (refusal) return { kind: 'refused', error: refusal };
        await client.query(`UPDATE vote_gommettes SET taken_back = true, take_back_id = $1 WHERE id = $2 AND NOT taken_back`, [input.id, gommette.id]);
        await bump(client, round.id);
        return { kind: 'stored', round: { ...round, version: round.version + 1 }, mine: await mineOf(client, round.id, input.voterId) };
      });
    } catch (error) {
      // The take-back id was used meanwhile for a gommette of another round.
      if (error instanceof UniqueViolationError) return conflict('this take-back id is already used');
      throw error;
    }
  }

  async myGommettes(roundId: string, voterId: string): Promise<MyGommette[]> {
    return mineOf(this.pool, roundId, voterId);
  }

  async setPaperCounts(roundId: string, siteId: string, counts: Readonly<Record<string, number>>): Promise<VoteRound | null> {
    return withTransaction(this.pool, async (client): Promise<VoteRound | null> => {
      const round = await readRound(client, roundId, true);
      if (!round) return null;
      await client.query(`DELETE FROM vote_paper WHERE round_id = $1 AND site_id = $2`, [roundId, siteId]);
      for (const [ideaId, count] of Object.entries(counts)) {
        if (count > 0)
          await client.query(`INSERT INTO vote_paper (round_id, site_id, idea_id, count) VALUES ($1, $2, $3, $4)`, [roundId, siteId, ideaId, count]);
      }
      await bump(client, roundId);
      return { ...round, version: round.version + 1 };
    });
  }

  async tally(roundId: string): Promise<VoteTally> {
    // One snapshot for the three aggregates, so they add up even while people vote.
    return withTransaction(
      this.pool,
      async (client) => ({
        digital: await rows<VoteTally['digital'][number]>(
          client,
          `SELECT site_id AS "siteId", idea_id AS "ideaId", COUNT(*) AS count FROM vote_gommettes WHERE round_id = $1 AND NOT taken_back GROUP BY site_id, idea_id`,
          [roundId],
        ),
        voters: votersBySite(
          await rows<VoterCountRow>(
            client,
            `SELECT site_id AS "siteId", voter_kind AS kind, COUNT(DISTINCT voter_id) AS voters FROM vote_gommettes
             WHERE round_id = $1 AND NOT taken_back GROUP BY site_id, voter_kind`,
            [roundId],
          ),
        ),
        paper: await rows<VoteTally['paper'][number]>(
          client,
          `SELECT site_id AS "siteId", idea_id AS "ideaId", count FROM vote_paper WHERE round_id = $1 AND count > 0`,
          [roundId],
        ),
      }),
      { isolation: 'repeatable read', readOnly: true },
    );
  }

  async createKioskVoter(voter: KioskVoterRecord): Promise<boolean> {
    await query(this.pool, `INSERT INTO vote_kiosk_voters (id, workshop_id, site_id, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING`, [
      voter.id,
      voter.workshopId,
      voter.siteId,
      voter.createdAt,
    ]);
    const stored = await this.getKioskVoter(voter.id);
    return stored !== null && stored.siteId === voter.siteId && stored.workshopId === voter.workshopId;
  }

  async getKioskVoter(voterId: string): Promise<KioskVoterRecord | null> {
    return firstRow<KioskVoterRecord>(
      this.pool,
      `SELECT id, workshop_id AS "workshopId", site_id AS "siteId", created_at AS "createdAt" FROM vote_kiosk_voters WHERE id = $1`,
      [voterId],
    );
  }

  async saveKioskToken(workshopId: string, siteId: string, tokenHash: string, generation = 0): Promise<void> {
    await query(
      this.pool,
      `INSERT INTO vote_kiosks (site_id, workshop_id, token_hash, generation) VALUES ($1, $2, $3, $4)
       ON CONFLICT (site_id) DO UPDATE SET token_hash = excluded.token_hash, generation = excluded.generation`,
      [siteId, workshopId, tokenHash, generation],
    );
  }

  async kioskGenerations(workshopId: string): Promise<Map<string, number>> {
    const found = await rows<{ site_id: string; generation: number }>(this.pool, `SELECT site_id, generation FROM vote_kiosks WHERE workshop_id = $1`, [
      workshopId,
    ]);
    return new Map(found.map((row) => [row.site_id, Number(row.generation)]));
  }

  async kioskByTokenHash(tokenHash: string): Promise<{ workshopId: string; siteId: string } | null> {
    return firstRow<{ workshopId: string; siteId: string }>(
      this.pool,
      `SELECT workshop_id AS "workshopId", site_id AS "siteId" FROM vote_kiosks WHERE token_hash = $1`,
      [tokenHash],
    );
  }

  async placeIdea(workshopId: string, placement: MatrixPlacement): Promise<void> {
    await query(
      this.pool,
      `INSERT INTO matrix_placements (workshop_id, idea_id, easy, priority) VALUES ($1, $2, $3, $4)
       ON CONFLICT (workshop_id, idea_id) DO UPDATE SET easy = excluded.easy, priority = excluded.priority`,
      [workshopId, placement.ideaId, placement.easy, placement.priority],
    );
  }

  async setMatrixAxes(workshopId: string, axes: MatrixAxes): Promise<void> {
    await query(
      this.pool,
      `INSERT INTO matrix_axes (workshop_id, easy, priority) VALUES ($1, $2, $3) ON CONFLICT (workshop_id) DO UPDATE SET easy = excluded.easy, priority = excluded.priority`,
      [workshopId, axes.easy, axes.priority],
    );
  }

  async getMatrix(workshopId: string): Promise<MatrixView> {
    const axes = (await firstRow<MatrixAxes>(this.pool, `SELECT easy, priority FROM matrix_axes WHERE workshop_id = $1`, [workshopId])) ?? {
      easy: '',
      priority: '',
    };
    const placements = await rows<MatrixPlacement>(
      this.pool,
      `SELECT idea_id AS "ideaId", easy, priority FROM matrix_placements WHERE workshop_id = $1 ORDER BY seq`,
      [workshopId],
    );
    return { axes: { easy: axes.easy, priority: axes.priority }, placements };
  }
}
