import Database from 'better-sqlite3';
import type { Idea, MethodTemplate, ParticipantKind, QuestionnaireAnswer, RoomState, Site } from '@gommette/shared';
import {
  UniqueViolationError,
  type InsertIdeaResult,
  type ParticipantCounts,
  type ParticipantRecord,
  type RosterEntry,
  type WorkshopRecord,
  type WorkshopStore,
} from '../WorkshopStore';
import { openSqliteDatabase, WriteLockTurn, type SqliteOptions } from './database';
import {
  toIdea,
  toParticipant,
  toParticipantCounts,
  toRoom,
  toSite,
  toWorkshop,
  type IdeaRow,
  type ParticipantGroupRow,
  type ParticipantRow,
  type SiteRow,
  type WorkshopRow,
} from '../coreRows';

/** Ideas and their moderation, as bound parameters. */
const ideaParams = (idea: Idea) => ({
  ...idea,
  hidden: idea.hidden ? 1 : 0,
  pending: idea.pending ? 1 : 0,
  parked: idea.parked ? 1 : 0,
});

function isSqliteUnique(error: unknown): boolean {
  return error instanceof Error && 'code' in error && (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY');
}

/**
 * The embedded default store: one SQLite file in WAL mode with `synchronous=FULL`, so a commit
 * has reached the disk before any promise here resolves (an ack after it survives a power cut,
 * not only a process kill). better-sqlite3 is synchronous; the async port keeps adapters swappable.
 */
export class SqliteWorkshopStore implements WorkshopStore {
  private readonly db: Database.Database;
  /** Ideas waiting for the next group commit. */
  private ideaQueue: Array<{ idea: Idea; resolve: (result: InsertIdeaResult) => void; reject: (error: unknown) => void }> = [];
  /** The ideas' group commit's way to the write lock when other processes share the file. */
  private readonly ideaLock: WriteLockTurn;
  private readonly statements;

  /** Opens (and migrates) its own file, or shares a database opened by `openSqliteDatabase`. */
  constructor(source: SqliteOptions | Database.Database) {
    this.db = source instanceof Database ? source : openSqliteDatabase(source.filename);
    const db = this.db;
    this.ideaLock = new WriteLockTurn(db);
    this.statements = {
      insertWorkshop: db.prepare(
        `INSERT INTO workshops (id, title, question, purpose, facilitator_token_hash, screen_token_hash, helper_token_hash, observer_token_hash, created_at, room_json, room_version)
         VALUES (@id, @title, @question, @purpose, @facilitatorTokenHash, @screenTokenHash, @helperTokenHash, @observerTokenHash, @createdAt, @roomJson, @roomVersion)`,
      ),
      insertSite: db.prepare(`INSERT INTO sites (id, workshop_id, name, join_code, position) VALUES (@id, @workshopId, @name, @joinCode, @position)`),
      getWorkshop: db.prepare(`SELECT * FROM workshops WHERE id = ?`),
      workshopByHelper: db.prepare(`SELECT * FROM workshops WHERE helper_token_hash = ?`),
      getRoom: db.prepare(`SELECT room_json, room_version FROM workshops WHERE id = ?`),
      saveRoom: db.prepare(`UPDATE workshops SET room_json = ?, room_version = ? WHERE id = ? AND room_version = ?`),
      listSites: db.prepare(`SELECT * FROM sites WHERE workshop_id = ? ORDER BY position`),
      siteByCode: db.prepare(`SELECT * FROM sites WHERE join_code = ?`),
      insertParticipant: db.prepare(
        `INSERT INTO participants (id, workshop_id, site_id, card_hash, nickname, mood, created_at, kind, table_id, seen_before)
         VALUES (@id, @workshopId, @siteId, @cardHash, @nickname, @mood, @createdAt, @kind, @tableId, @seenBefore)`,
      ),
      insertToken: db.prepare(`INSERT INTO participant_tokens (token_hash, participant_id, created_at) VALUES (?, ?, ?)`),
      participantByToken: db.prepare(`SELECT p.* FROM participant_tokens t JOIN participants p ON p.id = t.participant_id WHERE t.token_hash = ?`),
      participantByCard: db.prepare(`SELECT * FROM participants WHERE card_hash = ?`),
      getParticipant: db.prepare(`SELECT * FROM participants WHERE id = ?`),
      listParticipants: db.prepare(`SELECT * FROM participants WHERE workshop_id = ? AND kind != 'paper' ORDER BY created_at, id`),
      listRoster: db.prepare(`SELECT id, site_id, table_id, kind FROM participants WHERE workshop_id = ? AND kind != 'paper' ORDER BY created_at, id`).raw(),
      setTable: db.prepare(`UPDATE participants SET table_id = ? WHERE id = ? AND workshop_id = ?`),
      insertPaperAuthor: db.prepare(
        `INSERT INTO participants (id, workshop_id, site_id, card_hash, nickname, mood, created_at, kind, table_id)
         VALUES (@id, @workshopId, @siteId, @cardHash, NULL, 'sunny', @createdAt, 'paper', NULL)
         ON CONFLICT(id) DO NOTHING`,
      ),
      countPeople: db.prepare(
        `SELECT site_id, mood, kind, table_id, COUNT(*) AS n, SUM(seen_before) AS seen_before FROM participants WHERE workshop_id = ? AND kind != 'paper' GROUP BY site_id, mood, kind, table_id`,
      ),
      insertIdea: db.prepare(
        `INSERT INTO ideas (id, workshop_id, site_id, participant_id, text, hidden, created_at, table_id, phase_id, origin, original_text, pending, parked, merged_into, theme)
         VALUES (@id, @workshopId, @siteId, @participantId, @text, @hidden, @createdAt, @tableId, @phaseId, @origin, @originalText, @pending, @parked, @mergedInto, @theme)
         ON CONFLICT(id) DO NOTHING`,
      ),
      getIdea: db.prepare(`SELECT * FROM ideas WHERE id = ?`),
      setHidden: db.prepare(`UPDATE ideas SET hidden = ? WHERE id = ? AND workshop_id = ?`),
      moderate: db.prepare(
        `UPDATE ideas SET text = @text, original_text = @originalText, hidden = @hidden, pending = @pending, parked = @parked,
         merged_into = @mergedInto, theme = @theme WHERE id = @id AND workshop_id = @workshopId`,
      ),
      listPending: db.prepare(`SELECT * FROM ideas WHERE workshop_id = ? AND pending = 1 ORDER BY created_at, id`),
      approvePending: db.prepare(`UPDATE ideas SET pending = 0 WHERE workshop_id = ? AND pending = 1`),
      listIdeas: db.prepare(`SELECT * FROM ideas WHERE workshop_id = ? ORDER BY created_at, id`),
      listIdeasBy: db.prepare(`SELECT * FROM ideas WHERE participant_id = ? ORDER BY created_at, id`),
      countVisible: db.prepare(`SELECT COUNT(*) AS n FROM ideas WHERE workshop_id = ? AND hidden = 0 AND pending = 0 AND merged_into IS NULL`),
      insertRespondent: db.prepare(`INSERT INTO questionnaire_respondents (participant_id, workshop_id) VALUES (?, ?) ON CONFLICT DO NOTHING`),
      insertAnswer: db.prepare(`INSERT INTO questionnaire_answers (id, workshop_id, answer_json) VALUES (?, ?, ?)`),
      respondent: db.prepare(`SELECT 1 FROM questionnaire_respondents WHERE participant_id = ?`),
      listAnswers: db.prepare(`SELECT answer_json FROM questionnaire_answers WHERE workshop_id = ?`),
      listTemplates: db.prepare(`SELECT * FROM method_templates ORDER BY created_at, id`),
      saveTemplate: db.prepare(
        `INSERT INTO method_templates (id, name, description, phases_json, created_at) VALUES (@id, @name, @description, @phasesJson, @createdAt)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, description = excluded.description, phases_json = excluded.phases_json`,
      ),
      ping: db.prepare(`SELECT 1`),
    };
  }

  /** Runs writes in one transaction; a uniqueness failure becomes `UniqueViolationError`. */
  private uniqueWrite(write: () => void): void {
    try {
      this.db.transaction(write)();
    } catch (error) {
      if (isSqliteUnique(error)) throw new UniqueViolationError((error as Error).message);
      throw error;
    }
  }

  async createWorkshop(workshop: WorkshopRecord, sites: ReadonlyArray<Site>, room: RoomState): Promise<void> {
    this.uniqueWrite(() => {
      this.statements.insertWorkshop.run({ ...workshop, roomJson: JSON.stringify(room), roomVersion: room.version });
      for (const site of sites) this.statements.insertSite.run(site);
    });
  }

  async getWorkshop(workshopId: string): Promise<WorkshopRecord | null> {
    const row = this.statements.getWorkshop.get(workshopId) as WorkshopRow | undefined;
    return row ? toWorkshop(row) : null;
  }

  async getWorkshopByHelperTokenHash(tokenHash: string): Promise<WorkshopRecord | null> {
    const row = this.statements.workshopByHelper.get(tokenHash) as WorkshopRow | undefined;
    return row ? toWorkshop(row) : null;
  }

  async getRoom(workshopId: string): Promise<RoomState | null> {
    return toRoom(this.statements.getRoom.get(workshopId) as { room_json: string; room_version: number } | undefined);
  }

  async saveRoom(workshopId: string, room: RoomState): Promise<boolean> {
    return this.statements.saveRoom.run(JSON.stringify(room), room.version, workshopId, room.version - 1).changes === 1;
  }

  async listSites(workshopId: string): Promise<Site[]> {
    return (this.statements.listSites.all(workshopId) as SiteRow[]).map(toSite);
  }

  async getSiteByJoinCode(joinCode: string): Promise<Site | null> {
    const row = this.statements.siteByCode.get(joinCode) as SiteRow | undefined;
    return row ? toSite(row) : null;
  }

  async createParticipant(participant: ParticipantRecord, tokenHash: string, options: { returning?: boolean } = {}): Promise<void> {
    this.uniqueWrite(() => {
      this.statements.insertParticipant.run({ ...participant, seenBefore: options.returning ? 1 : 0 });
      this.statements.insertToken.run(tokenHash, participant.id, participant.createdAt);
    });
  }

  async getParticipantByTokenHash(tokenHash: string): Promise<ParticipantRecord | null> {
    const row = this.statements.participantByToken.get(tokenHash) as ParticipantRow | undefined;
    return row ? toParticipant(row) : null;
  }

  async getParticipantByCardHash(cardHash: string): Promise<ParticipantRecord | null> {
    const row = this.statements.participantByCard.get(cardHash) as ParticipantRow | undefined;
    return row ? toParticipant(row) : null;
  }

  async addParticipantToken(participantId: string, tokenHash: string): Promise<void> {
    this.uniqueWrite(() => this.statements.insertToken.run(tokenHash, participantId, Date.now()));
  }

  async countParticipants(workshopId: string): Promise<ParticipantCounts> {
    return toParticipantCounts(this.statements.countPeople.all(workshopId) as ParticipantGroupRow[]);
  }

  async getParticipant(participantId: string): Promise<ParticipantRecord | null> {
    const row = this.statements.getParticipant.get(participantId) as ParticipantRow | undefined;
    return row ? toParticipant(row) : null;
  }

  async listParticipants(workshopId: string): Promise<ParticipantRecord[]> {
    return (this.statements.listParticipants.all(workshopId) as ParticipantRow[]).map(toParticipant);
  }

  async listRoster(workshopId: string): Promise<RosterEntry[]> {
    return (this.statements.listRoster.all(workshopId) as Array<[string, string, number | null, ParticipantKind]>).map(([id, siteId, tableId, kind]) => ({
      id,
      siteId,
      tableId,
      kind,
    }));
  }

  async setParticipantTables(workshopId: string, seats: ReadonlyArray<{ participantId: string; tableId: number | null }>): Promise<void> {
    this.db.transaction(() => {
      for (const seat of seats) this.statements.setTable.run(seat.tableId, seat.participantId, workshopId);
    })();
  }

  async ensurePaperAuthor(workshopId: string, siteId: string, now: number): Promise<ParticipantRecord> {
    const id = `paper-${siteId}`;
    this.statements.insertPaperAuthor.run({ id, workshopId, siteId, cardHash: `paper:${siteId}`, createdAt: now });
    const author = await this.getParticipant(id);
    if (!author || author.workshopId !== workshopId) throw new Error(`paper author ${id} not found`);
    return author;
  }

  /**
   * Group commit, as for gommettes: the ideas that arrive while the process is busy (the same
   * turn of the event loop, which includes the last commit) go in one transaction, each in its
   * own savepoint, with one disk flush; each promise resolves after that commit. One flush per
   * idea would block the event loop for most of a busy second, and the projector's broadcasts
   * with it.
   */
  insertIdea(idea: Idea): Promise<InsertIdeaResult> {
    return new Promise((resolve, reject) => {
      this.ideaQueue.push({ idea, resolve, reject });
      if (this.ideaQueue.length === 1 && !this.ideaLock.retrying) setImmediate(() => this.flushIdeas());
    });
  }

  private flushIdeas(waitForLock = false): void {
    const jobs = this.ideaQueue;
    this.ideaQueue = [];
    const outcomes: Array<{ ok: true; result: InsertIdeaResult } | { ok: false; error: unknown }> = [];
    try {
      const turn = this.ideaLock.run(() => {
        for (const job of jobs) {
          try {
            outcomes.push({ ok: true, result: this.db.transaction(() => this.insertIdeaNow(job.idea))() });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      }, waitForLock);
      if (turn.kind === 'busy') {
        this.ideaQueue = jobs.concat(this.ideaQueue);
        return this.ideaLock.retry(() => this.flushIdeas());
      }
    } catch (error) {
      for (const job of jobs) job.reject(error);
      return;
    }
    jobs.forEach((job, index) => {
      const outcome = outcomes[index]!;
      if (outcome.ok) job.resolve(outcome.result);
      else job.reject(outcome.error);
    });
  }

  private insertIdeaNow(idea: Idea): InsertIdeaResult {
    const result = this.statements.insertIdea.run(ideaParams(idea));
    if (result.changes === 1) return { inserted: true, idea };
    const existing = this.statements.getIdea.get(idea.id) as IdeaRow | undefined;
    if (!existing) throw new Error(`idea ${idea.id} neither inserted nor found`);
    return { inserted: false, idea: toIdea(existing) };
  }

  async getIdea(ideaId: string): Promise<Idea | null> {
    const row = this.statements.getIdea.get(ideaId) as IdeaRow | undefined;
    return row ? toIdea(row) : null;
  }

  async setIdeaHidden(workshopId: string, ideaId: string, hidden: boolean): Promise<Idea | null> {
    const result = this.statements.setHidden.run(hidden ? 1 : 0, ideaId, workshopId);
    if (result.changes === 0) return null;
    return this.getIdea(ideaId);
  }

  async updateIdeaModeration(idea: Idea): Promise<Idea | null> {
    const result = this.statements.moderate.run(ideaParams(idea));
    if (result.changes === 0) return null;
    return this.getIdea(idea.id);
  }

  async approvePendingIdeas(workshopId: string): Promise<Idea[]> {
    return this.db.transaction(() => {
      const pending = (this.statements.listPending.all(workshopId) as IdeaRow[]).map(toIdea);
      this.statements.approvePending.run(workshopId);
      return pending.map((idea) => ({ ...idea, pending: false }));
    })();
  }

  async saveQuestionnaireAnswer(workshopId: string, participantId: string, answerId: string, answer: QuestionnaireAnswer): Promise<'saved' | 'already'> {
    return this.db.transaction(() => {
      if (this.statements.insertRespondent.run(participantId, workshopId).changes === 0) return 'already' as const;
      this.statements.insertAnswer.run(answerId, workshopId, JSON.stringify(answer));
      return 'saved' as const;
    })();
  }

  async hasAnsweredQuestionnaire(participantId: string): Promise<boolean> {
    return this.statements.respondent.get(participantId) !== undefined;
  }

  async listQuestionnaireAnswers(workshopId: string): Promise<QuestionnaireAnswer[]> {
    return (this.statements.listAnswers.all(workshopId) as Array<{ answer_json: string }>).map((row) => JSON.parse(row.answer_json) as QuestionnaireAnswer);
  }

  async listTemplates(): Promise<MethodTemplate[]> {
    const rows = this.statements.listTemplates.all() as Array<{ id: string; name: string; description: string; phases_json: string }>;
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      description: row.description,
      phases: JSON.parse(row.phases_json) as MethodTemplate['phases'],
      builtIn: false,
    }));
  }

  async saveTemplate(template: MethodTemplate, now: number): Promise<void> {
    this.statements.saveTemplate.run({
      id: template.id,
      name: template.name,
      description: template.description,
      phasesJson: JSON.stringify(template.phases),
      createdAt: now,
    });
  }

  async listIdeas(workshopId: string): Promise<Idea[]> {
    return (this.statements.listIdeas.all(workshopId) as IdeaRow[]).map(toIdea);
  }

  async listIdeasBy(participantId: string): Promise<Idea[]> {
    return (this.statements.listIdeasBy.all(participantId) as IdeaRow[]).map(toIdea);
  }

  async countVisibleIdeas(workshopId: string): Promise<number> {
    return (this.statements.countVisible.get(workshopId) as { n: number }).n;
  }

  async ping(): Promise<void> {
    this.statements.ping.get();
  }

  async close(): Promise<void> {
    // Ideas already queued are written (and answered) before the file closes.
    if (this.db.open && this.ideaQueue.length > 0) this.flushIdeas(true);
    if (this.db.open) this.db.close();
  }
}
