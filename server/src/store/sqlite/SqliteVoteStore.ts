import type Database from 'better-sqlite3';
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
import { decideCasts, MAX_CASTS_PER_TRANSACTION, mineByVoterOf, tellCommitted, type KnownGommette } from '../castSequence';
import type { CastInput, CreateRoundResult, KioskVoterRecord, TakeBackInput, VoteStore, VoterWrite } from '../VoteStore';
import { toRound, votersBySite, type RoundRow, type VoterCountRow } from '../voteRows';
import { WriteLockTurn } from './database';

interface GommetteRow {
  id: string;
  round_id: string;
  voter_id: string;
  idea_id: string;
  taken_back: number;
  take_back_id: string | null;
}

const conflict = (message: string): VoterWrite => ({ kind: 'refused', error: domainError(ErrorCode.Conflict, message) });

/** A gommette (decided in batch with the casts around it), or any other write (a take-back). */
type QueuedWrite = ({ kind: 'cast'; input: CastInput } | { kind: 'write'; run: () => VoterWrite }) & {
  resolve: (write: VoterWrite) => void;
  reject: (error: unknown) => void;
};

type Outcome = { ok: true; write: VoterWrite } | { ok: false; error: unknown };

/** Writes waiting at which a group commit goes at once, without waiting for the end of the turn. */
const GROUP_COMMIT_AT = 512;
/** While another process holds the write lock, it is tried again each time this many more writes wait. */
const LOCK_TRY_EVERY = 64;

/**
 * Votes on the shared SQLite database. better-sqlite3 runs each transaction synchronously, so
 * the budget check and the insert of a gommette can never interleave with another tap's.
 *
 * Group commit: the gommettes and take-backs that arrive while the process is busy (in the same
 * turn of the event loop, which includes the time the previous commit took) are written in one
 * transaction with one fsync, and every promise resolves after that commit. Consecutive
 * gommettes are written per round as one batch, as on PostgreSQL (`castSequence.ts`): the round
 * and the voters' own gommettes read once, each cast decided in order against the casts before
 * it, then the inserts and one version bump. A take-back runs between them, in arrival order.
 * With `synchronous=FULL` a commit costs a disk flush that blocks the process; one per tap would
 * let a crowd of phones starve the timers that broadcast the results.
 */
export class SqliteVoteStore implements VoteStore {
  private readonly s;
  private queue: QueuedWrite[] = [];
  private flushScheduled = false;
  /** The group commit's way to the write lock when other processes share the file. */
  private readonly lock: WriteLockTurn;
  private committed: ((workshopIds: ReadonlySet<string>) => void) | null = null;

  constructor(private readonly db: Database.Database) {
    this.lock = new WriteLockTurn(db);
    this.s = {
      insertRound: db.prepare(
        `INSERT INTO vote_rounds (id, workshop_id, idea_ids, budget, stacking, cap_per_idea, self_vote, results, closes_at, status, opened_at, closed_at, revealed_at, version)
         VALUES (@id, @workshopId, @ideaIds, @budget, @stacking, @capPerIdea, @selfVote, @results, @closesAt, @status, @openedAt, @closedAt, @revealedAt, @version)`,
      ),
      getRound: db.prepare(`SELECT * FROM vote_rounds WHERE id = ?`),
      openRound: db.prepare(`SELECT * FROM vote_rounds WHERE workshop_id = ? AND status = 'open'`),
      lastRound: db.prepare(`SELECT * FROM vote_rounds WHERE workshop_id = ? ORDER BY opened_at DESC, rowid DESC LIMIT 1`),
      timedOpen: db.prepare(`SELECT * FROM vote_rounds WHERE status = 'open' AND closes_at IS NOT NULL`),
      close: db.prepare(`UPDATE vote_rounds SET status = 'closed', closed_at = ? WHERE id = ? AND status = 'open'`),
      reveal: db.prepare(`UPDATE vote_rounds SET revealed_at = ? WHERE id = ?`),
      bump: db.prepare(`UPDATE vote_rounds SET version = version + 1 WHERE id = ?`),
      bumpBy: db.prepare(`UPDATE vote_rounds SET version = version + ? WHERE id = ?`),
      hiddenIdeas: db.prepare(`SELECT id FROM ideas WHERE hidden = 1 AND id IN (SELECT value FROM json_each(?))`),
      knownIds: db.prepare(`SELECT id, round_id, voter_id, idea_id FROM vote_gommettes WHERE id IN (SELECT value FROM json_each(?))`),
      mineOfVoters: db.prepare(
        `SELECT voter_id, id, idea_id FROM vote_gommettes WHERE round_id = ? AND voter_id IN (SELECT value FROM json_each(?)) AND taken_back = 0 ORDER BY rowid`,
      ),
      getGommette: db.prepare(`SELECT * FROM vote_gommettes WHERE id = ?`),
      gommetteByTakeBack: db.prepare(`SELECT * FROM vote_gommettes WHERE take_back_id = ?`),
      mine: db.prepare(`SELECT id, idea_id FROM vote_gommettes WHERE round_id = ? AND voter_id = ? AND taken_back = 0 ORDER BY rowid`),
      insertGommette: db.prepare(`INSERT INTO vote_gommettes (id, round_id, voter_id, voter_kind, site_id, idea_id) VALUES (?, ?, ?, ?, ?, ?)`),
      takeBack: db.prepare(`UPDATE vote_gommettes SET taken_back = 1, take_back_id = ? WHERE id = ? AND taken_back = 0`),
      deletePaper: db.prepare(`DELETE FROM vote_paper WHERE round_id = ? AND site_id = ?`),
      insertPaper: db.prepare(`INSERT INTO vote_paper (round_id, site_id, idea_id, count) VALUES (?, ?, ?, ?)`),
      tallyDigital: db.prepare(
        `SELECT site_id AS siteId, idea_id AS ideaId, COUNT(*) AS count FROM vote_gommettes WHERE round_id = ? AND taken_back = 0 GROUP BY site_id, idea_id`,
      ),
      // Both read a covering index in its order (migration 104): no table rows, no temporary B-tree.
      tallyVoters: db.prepare(
        `SELECT site_id AS siteId, voter_kind AS kind, COUNT(DISTINCT voter_id) AS voters FROM vote_gommettes
         WHERE round_id = ? AND taken_back = 0 GROUP BY site_id, voter_kind`,
      ),
      tallyPaper: db.prepare(`SELECT site_id AS siteId, idea_id AS ideaId, count FROM vote_paper WHERE round_id = ? AND count > 0`),
      insertKioskVoter: db.prepare(
        `INSERT INTO vote_kiosk_voters (id, workshop_id, site_id, created_at) VALUES (@id, @workshopId, @siteId, @createdAt) ON CONFLICT(id) DO NOTHING`,
      ),
      getKioskVoter: db.prepare(`SELECT id, workshop_id AS workshopId, site_id AS siteId, created_at AS createdAt FROM vote_kiosk_voters WHERE id = ?`),
      saveKiosk: db.prepare(
        `INSERT INTO vote_kiosks (site_id, workshop_id, token_hash, generation) VALUES (?, ?, ?, ?)
         ON CONFLICT(site_id) DO UPDATE SET token_hash = excluded.token_hash, generation = excluded.generation`,
      ),
      kioskGenerations: db.prepare(`SELECT site_id, generation FROM vote_kiosks WHERE workshop_id = ?`),
      kioskByHash: db.prepare(`SELECT workshop_id AS workshopId, site_id AS siteId FROM vote_kiosks WHERE token_hash = ?`),
      place: db.prepare(
        `INSERT INTO matrix_placements (workshop_id, idea_id, easy, priority) VALUES (?, ?, ?, ?)
         ON CONFLICT(workshop_id, idea_id) DO UPDATE SET easy = excluded.easy, priority = excluded.priority`,
      ),
      setAxes: db.prepare(
        `INSERT INTO matrix_axes (workshop_id, easy, priority) VALUES (?, ?, ?) ON CONFLICT(workshop_id) DO UPDATE SET easy = excluded.easy, priority = excluded.priority`,
      ),
      getAxes: db.prepare(`SELECT easy, priority FROM matrix_axes WHERE workshop_id = ?`),
      listPlacements: db.prepare(`SELECT idea_id AS ideaId, easy, priority FROM matrix_placements WHERE workshop_id = ? ORDER BY rowid`),
    };
  }

  afterCommit(listener: (workshopIds: ReadonlySet<string>) => void): void {
    this.committed = listener;
  }

  /**
   * Queues a write for the next group commit; resolves once it is durable. The commit comes at
   * the end of this turn of the event loop, or as soon as `GROUP_COMMIT_AT` writes wait: 10,000
   * taps read in one turn are committed (and shown) a part at a time while the rest is read.
   */
  private grouped(job: { kind: 'cast'; input: CastInput } | { kind: 'write'; run: () => VoterWrite }): Promise<VoterWrite> {
    return new Promise((resolve, reject) => {
      this.queue.push({ ...job, resolve, reject });
      if (this.lock.retrying) {
        // The retry's timer fires after this turn, which may read thousands of taps: meanwhile the
        // lock is tried again every few of them (a failed try costs a fraction of a millisecond).
        if (this.queue.length >= GROUP_COMMIT_AT && this.queue.length % LOCK_TRY_EVERY === 0) this.flush();
        return;
      }
      if (this.queue.length >= GROUP_COMMIT_AT) return this.flush();
      if (this.flushScheduled) return;
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    const jobs = this.queue;
    this.queue = [];
    if (jobs.length === 0) return;
    const outcomes: Outcome[] = new Array<Outcome>(jobs.length);
    try {
      const turn = this.lock.run(() => {
        // Consecutive casts, by round (first seen first); written before the next take-back.
        let casts = new Map<string, number[]>();
        const writeCasts = (): void => {
          for (const [roundId, indices] of casts) {
            for (let from = 0; from < indices.length; from += MAX_CASTS_PER_TRANSACTION) {
              this.castBatch(roundId, indices.slice(from, from + MAX_CASTS_PER_TRANSACTION), jobs, outcomes);
            }
          }
          casts = new Map();
        };
        jobs.forEach((job, index) => {
          if (job.kind === 'cast') {
            const indices = casts.get(job.input.roundId);
            if (indices) indices.push(index);
            else casts.set(job.input.roundId, [index]);
            return;
          }
          writeCasts();
          outcomes[index] = this.savepoint(job.run);
        });
        writeCasts();
      });
      if (turn.kind === 'busy') {
        this.queue = jobs.concat(this.queue);
        return this.lock.retry(() => this.flush());
      }
    } catch (error) {
      for (const job of jobs) job.reject(error);
      return;
    }
    tellCommitted(
      this.committed,
      outcomes.flatMap((outcome) => (outcome.ok ? [outcome.write] : [])),
    );
    // Answered after this turn, a part per turn of the event loop: taps still waiting to be read,
    // and the projector's results, come before 10,000 acks are written.
    let from = 0;
    const answer = (): void => {
      for (const to = Math.min(jobs.length, from + MAX_CASTS_PER_TRANSACTION); from < to; from++) {
        const outcome = outcomes[from]!;
        if (outcome.ok) jobs[from]!.resolve(outcome.write);
        else jobs[from]!.reject(outcome.error);
      }
      if (from < jobs.length) setImmediate(answer);
    };
    setImmediate(answer);
  }

  /** A nested transaction is a savepoint: a failing write leaves the others intact. */
  private savepoint(run: () => VoterWrite): Outcome {
    try {
      return { ok: true, write: this.db.transaction(run)() };
    } catch (error) {
      return { ok: false, error };
    }
  }

  /** One round's casts in one savepoint; if it fails, one by one, so that only the failing cast fails. */
  private castBatch(roundId: string, indices: number[], jobs: QueuedWrite[], outcomes: Outcome[]): void {
    const inputs = indices.map((index) => (jobs[index] as { input: CastInput }).input);
    try {
      const writes = this.db.transaction(() => this.writeCasts(roundId, inputs))();
      indices.forEach((index, k) => (outcomes[index] = { ok: true, write: writes[k]! }));
    } catch (error) {
      if (indices.length === 1) outcomes[indices[0]!] = { ok: false, error };
      else for (const index of indices) this.castBatch(roundId, [index], jobs, outcomes);
    }
  }

  /** The shared cast sequence (`decideCasts`) on what this transaction reads. */
  private writeCasts(roundId: string, inputs: CastInput[]): VoterWrite[] {
    const round = this.round(roundId);
    const known = new Map<string, KnownGommette>();
    let theirs: Array<{ voter_id: string; id: string; idea_id: string }> = [];
    let hiddenIdeas = new Set<string>();
    if (round) {
      const hidden = this.s.hiddenIdeas.all(JSON.stringify([...new Set(inputs.map((input) => input.ideaId))])) as Array<{ id: string }>;
      hiddenIdeas = new Set(hidden.map((row) => row.id));
      const found = this.s.knownIds.all(JSON.stringify(inputs.map((input) => input.id))) as Array<{
        id: string;
        round_id: string;
        voter_id: string;
        idea_id: string;
      }>;
      for (const row of found) known.set(row.id, { roundId: row.round_id, voterId: row.voter_id, ideaId: row.idea_id });
      theirs = this.s.mineOfVoters.all(roundId, JSON.stringify([...new Set(inputs.map((input) => input.voter.id))])) as typeof theirs;
    }
    const { writes, accepted } = decideCasts(roundId, { round, known, mineByVoter: mineByVoterOf(theirs), hiddenIdeas }, inputs);
    for (const input of accepted) this.s.insertGommette.run(input.id, roundId, input.voter.id, input.voter.kind, input.voter.siteId, input.ideaId);
    if (accepted.length > 0) this.s.bumpBy.run(accepted.length, roundId);
    return writes;
  }

  private round(roundId: string): VoteRound | null {
    const row = this.s.getRound.get(roundId) as RoundRow | undefined;
    return row ? toRound(row) : null;
  }

  private mineNow(roundId: string, voterId: string): MyGommette[] {
    return (this.s.mine.all(roundId, voterId) as Array<{ id: string; idea_id: string }>).map((row) => ({ id: row.id, ideaId: row.idea_id }));
  }

  async createRound(round: VoteRound): Promise<CreateRoundResult> {
    return this.db.transaction((): CreateRoundResult => {
      const existing = this.round(round.id);
      if (existing) return existing.workshopId === round.workshopId ? { kind: 'resent', round: existing } : { kind: 'busy', open: existing };
      const open = this.s.openRound.get(round.workshopId) as RoundRow | undefined;
      if (open) return { kind: 'busy', open: toRound(open) };
      this.s.insertRound.run({
        ...round,
        ideaIds: JSON.stringify(round.ideaIds),
        stacking: round.stacking ? 1 : 0,
        selfVote: round.selfVote ? 1 : 0,
      });
      return { kind: 'created', round };
    })();
  }

  async getRound(roundId: string): Promise<VoteRound | null> {
    return this.round(roundId);
  }

  async currentRound(workshopId: string): Promise<VoteRound | null> {
    const row = (this.s.openRound.get(workshopId) ?? this.s.lastRound.get(workshopId)) as RoundRow | undefined;
    return row ? toRound(row) : null;
  }

  async listTimedOpenRounds(): Promise<VoteRound[]> {
    return (this.s.timedOpen.all() as RoundRow[]).map(toRound);
  }

  async closeRound(roundId: string, now: number): Promise<VoteRound | null> {
    this.s.close.run(now, roundId);
    return this.round(roundId);
  }

  async revealRound(roundId: string, now: number): Promise<VoteRound | null> {
    this.s.reveal.run(now, roundId);
    return this.round(roundId);
  }

  async cast(input: CastInput): Promise<VoterWrite> {
    return this.grouped({ kind: 'cast', input });
  }

  async takeBack(input: TakeBackInput): Promise<VoterWrite> {
    const run = (): VoterWrite => {
      const round = this.round(input.roundId);
      if (!round || round.workshopId !== input.workshopId) return { kind: 'refused', error: domainError(ErrorCode.NotFound, 'no such vote round') };
      const done = this.s.gommetteByTakeBack.get(input.id) as GommetteRow | undefined;
      if (done) {
        if (done.voter_id !== input.voterId || done.id !== input.gommetteId) return conflict('this take-back id is already used');
        return { kind: 'resent', round, mine: this.mineNow(round.id, input.voterId) };
      }
      const gommette = this.s.getGommette.get(input.gommetteId) as GommetteRow | undefined;
      if (!gommette || gommette.voter_id !== input.voterId || gommette.round_id !== round.id) {
        return { kind: 'refused', error: domainError(ErrorCode.NotFound, 'no such gommette of yours') };
      }
      // Already taken back by another take-back (another device): nothing left to do.
      if (gommette.taken_back === 1) return { kind: 'resent', round, mine: this.mineNow(round.id, input.voterId) };
      const refusal = checkTakeBack(round, input.now);
      if (refusal) return { kind: 'refused', error: refusal };
      this.s.takeBack.run(input.id, gommette.id);
      this.s.bump.run(round.id);
      return { kind: 'stored', round: { ...round, version: round.version + 1 }, mine: this.mineNow(round.id, input.voterId) };
    };
    return this.grouped({ kind: 'write', run });
  }

  async myGommettes(roundId: string, voterId: string): Promise<MyGommette[]> {
    return this.mineNow(roundId, voterId);
  }

  async setPaperCounts(roundId: string, siteId: string, counts: Readonly<Record<string, number>>): Promise<VoteRound | null> {
    return this.db.transaction((): VoteRound | null => {
      const round = this.round(roundId);
      if (!round) return null;
      this.s.deletePaper.run(roundId, siteId);
      for (const [ideaId, count] of Object.entries(counts)) if (count > 0) this.s.insertPaper.run(roundId, siteId, ideaId, count);
      this.s.bump.run(roundId);
      return { ...round, version: round.version + 1 };
    })();
  }

  async tally(roundId: string): Promise<VoteTally> {
    return {
      digital: this.s.tallyDigital.all(roundId) as VoteTally['digital'],
      voters: votersBySite(this.s.tallyVoters.all(roundId) as VoterCountRow[]),
      paper: this.s.tallyPaper.all(roundId) as VoteTally['paper'],
    };
  }

  async createKioskVoter(voter: KioskVoterRecord): Promise<boolean> {
    this.s.insertKioskVoter.run(voter);
    const stored = this.s.getKioskVoter.get(voter.id) as KioskVoterRecord | undefined;
    return stored !== undefined && stored.siteId === voter.siteId && stored.workshopId === voter.workshopId;
  }

  async getKioskVoter(voterId: string): Promise<KioskVoterRecord | null> {
    return (this.s.getKioskVoter.get(voterId) as KioskVoterRecord | undefined) ?? null;
  }

  async saveKioskToken(workshopId: string, siteId: string, tokenHash: string, generation = 0): Promise<void> {
    this.s.saveKiosk.run(siteId, workshopId, tokenHash, generation);
  }

  async kioskGenerations(workshopId: string): Promise<Map<string, number>> {
    const found = this.s.kioskGenerations.all(workshopId) as Array<{ site_id: string; generation: number }>;
    return new Map(found.map((row) => [row.site_id, row.generation]));
  }

  async kioskByTokenHash(tokenHash: string): Promise<{ workshopId: string; siteId: string } | null> {
    return (this.s.kioskByHash.get(tokenHash) as { workshopId: string; siteId: string } | undefined) ?? null;
  }

  async placeIdea(workshopId: string, placement: MatrixPlacement): Promise<void> {
    this.s.place.run(workshopId, placement.ideaId, placement.easy, placement.priority);
  }

  async setMatrixAxes(workshopId: string, axes: MatrixAxes): Promise<void> {
    this.s.setAxes.run(workshopId, axes.easy, axes.priority);
  }

  async getMatrix(workshopId: string): Promise<MatrixView> {
    const axes = (this.s.getAxes.get(workshopId) as MatrixAxes | undefined) ?? { easy: '', priority: '' };
    return { axes: { easy: axes.easy, priority: axes.priority }, placements: this.s.listPlacements.all(workshopId) as MatrixPlacement[] };
  }
}
