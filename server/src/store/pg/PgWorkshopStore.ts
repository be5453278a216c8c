import type pg from 'pg';
import type { Idea, MethodTemplate, ParticipantKind, QuestionnaireAnswer, RoomState, Site } from '@gommette/shared';
import type { InsertIdeaResult, ParticipantCounts, ParticipantRecord, RosterEntry, WorkshopRecord, WorkshopStore } from '../WorkshopStore';
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
import { BINARY, IDEA_COLUMNS, ideaValues } from './rows';
import { batchedReads } from './batchedReads';
import { firstRow, query, rows, withTransaction } from './transaction';

/** Ideas in one INSERT at most (15 parameters each, under PostgreSQL's 65,535). */
const MAX_IDEAS_PER_INSERT = 500;
const IDEA_COLUMN_COUNT = IDEA_COLUMNS.split(',').length;

interface IdeaJob {
  idea: Idea;
  resolve: (result: InsertIdeaResult) => void;
  reject: (error: unknown) => void;
}

function settle(job: IdeaJob, result: InsertIdeaResult | Error): void {
  if (result instanceof Error) job.reject(result);
  else job.resolve(result);
}

const PARTICIPANT_COLUMNS = 'id, workshop_id, site_id, card_hash, nickname, mood, created_at, kind, table_id';
const participantValues = (p: ParticipantRecord): unknown[] => [p.id, p.workshopId, p.siteId, p.cardHash, p.nickname, p.mood, p.createdAt, p.kind, p.tableId];

/**
 * The multi-node store: every method is one statement or one transaction on the shared pool and
 * resolves after COMMIT. Its `close` ends the pool shared by the other stores of `openPgStores`
 * (once, however often it is called).
 */
export class PgWorkshopStore implements WorkshopStore {
  private closing: Promise<void> | null = null;

  /** Ideas waiting for the next insert (`insertIdea`), and whether one is on its way. */
  private ideaQueue: IdeaJob[] = [];
  private insertingIdeas = false;
  // Reads that many commands make at once (each idea tapped reads its id, author and room).
  private readonly ideaById = batchedReads(
    (ids) => rows<IdeaRow>(this.pool, `SELECT * FROM ideas WHERE id = ANY($1::text[])`, [ids]),
    (row) => row.id,
    toIdea,
  );
  private readonly participantById = batchedReads(
    (ids) => rows<ParticipantRow>(this.pool, `SELECT * FROM participants WHERE id = ANY($1::text[])`, [ids]),
    (row) => row.id,
    toParticipant,
  );
  private readonly roomByWorkshop = batchedReads(
    (ids) =>
      rows<{ id: string; room_json: string; room_version: number }>(this.pool, `SELECT id, room_json, room_version FROM workshops WHERE id = ANY($1::text[])`, [
        ids,
      ]),
    (row) => row.id,
    toRoom,
  );

  constructor(private readonly pool: pg.Pool) {}

  async createWorkshop(workshop: WorkshopRecord, sites: ReadonlyArray<Site>, room: RoomState): Promise<void> {
    await withTransaction(this.pool, async (client) => {
      await client.query(
        `INSERT INTO workshops (id, title, question, purpose, facilitator_token_hash, screen_token_hash, helper_token_hash, observer_token_hash, created_at, room_json, room_version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          workshop.id,
          workshop.title,
          workshop.question,
          workshop.purpose,
          workshop.facilitatorTokenHash,
          workshop.screenTokenHash,
          workshop.helperTokenHash,
          workshop.observerTokenHash,
          workshop.createdAt,
          JSON.stringify(room),
          room.version,
        ],
      );
      for (const site of sites) {
        await client.query(`INSERT INTO sites (id, workshop_id, name, join_code, position) VALUES ($1, $2, $3, $4, $5)`, [
          site.id,
          site.workshopId,
          site.name,
          site.joinCode,
          site.position,
        ]);
      }
    });
  }

  async getWorkshop(workshopId: string): Promise<WorkshopRecord | null> {
    const row = await firstRow<WorkshopRow>(this.pool, `SELECT * FROM workshops WHERE id = $1`, [workshopId]);
    return row ? toWorkshop(row) : null;
  }

  async getWorkshopByHelperTokenHash(tokenHash: string): Promise<WorkshopRecord | null> {
    const row = await firstRow<WorkshopRow>(this.pool, `SELECT * FROM workshops WHERE helper_token_hash = $1`, [tokenHash]);
    return row ? toWorkshop(row) : null;
  }

  async getRoom(workshopId: string): Promise<RoomState | null> {
    return (await this.roomByWorkshop(workshopId)) ?? null;
  }

  async saveRoom(workshopId: string, room: RoomState): Promise<boolean> {
    // One UPDATE: a concurrent save on another node waits for the row lock, then re-checks the version.
    const result = await query(this.pool, `UPDATE workshops SET room_json = $1, room_version = $2 WHERE id = $3 AND room_version = $4`, [
      JSON.stringify(room),
      room.version,
      workshopId,
      room.version - 1,
    ]);
    return result.rowCount === 1;
  }

  async listSites(workshopId: string): Promise<Site[]> {
    return (await rows<SiteRow>(this.pool, `SELECT * FROM sites WHERE workshop_id = $1 ORDER BY position`, [workshopId])).map(toSite);
  }

  async getSiteByJoinCode(joinCode: string): Promise<Site | null> {
    const row = await firstRow<SiteRow>(this.pool, `SELECT * FROM sites WHERE join_code = $1`, [joinCode]);
    return row ? toSite(row) : null;
  }

  async createParticipant(participant: ParticipantRecord, tokenHash: string, options: { returning?: boolean } = {}): Promise<void> {
    await withTransaction(this.pool, async (client) => {
      await client.query(`INSERT INTO participants (${PARTICIPANT_COLUMNS}, seen_before) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, [
        ...participantValues(participant),
        options.returning === true,
      ]);
      await client.query(`INSERT INTO participant_tokens (token_hash, participant_id, created_at) VALUES ($1, $2, $3)`, [
        tokenHash,
        participant.id,
        participant.createdAt,
      ]);
    });
  }

  async getParticipantByTokenHash(tokenHash: string): Promise<ParticipantRecord | null> {
    const row = await firstRow<ParticipantRow>(
      this.pool,
      `SELECT p.* FROM participant_tokens t JOIN participants p ON p.id = t.participant_id WHERE t.token_hash = $1`,
      [tokenHash],
    );
    return row ? toParticipant(row) : null;
  }

  async getParticipantByCardHash(cardHash: string): Promise<ParticipantRecord | null> {
    const row = await firstRow<ParticipantRow>(this.pool, `SELECT * FROM participants WHERE card_hash = $1`, [cardHash]);
    return row ? toParticipant(row) : null;
  }

  async addParticipantToken(participantId: string, tokenHash: string): Promise<void> {
    await query(this.pool, `INSERT INTO participant_tokens (token_hash, participant_id, created_at) VALUES ($1, $2, $3)`, [
      tokenHash,
      participantId,
      Date.now(),
    ]);
  }

  async countParticipants(workshopId: string): Promise<ParticipantCounts> {
    const grouped = await rows<ParticipantGroupRow>(
      this.pool,
      `SELECT site_id, mood, kind, table_id, COUNT(*) AS n, COUNT(*) FILTER (WHERE seen_before) AS seen_before FROM participants WHERE workshop_id = $1 AND kind != 'paper' GROUP BY site_id, mood, kind, table_id`,
      [workshopId],
    );
    return toParticipantCounts(grouped);
  }

  async getParticipant(participantId: string): Promise<ParticipantRecord | null> {
    return this.participantById(participantId);
  }

  async listParticipants(workshopId: string): Promise<ParticipantRecord[]> {
    const found = await rows<ParticipantRow>(
      this.pool,
      `SELECT * FROM participants WHERE workshop_id = $1 AND kind != 'paper' ORDER BY created_at, id ${BINARY}`,
      [workshopId],
    );
    return found.map(toParticipant);
  }

  async listRoster(workshopId: string): Promise<RosterEntry[]> {
    const found = await rows<{ id: string; site_id: string; table_id: number | null; kind: ParticipantKind }>(
      this.pool,
      `SELECT id, site_id, table_id, kind FROM participants WHERE workshop_id = $1 AND kind != 'paper' ORDER BY created_at, id ${BINARY}`,
      [workshopId],
    );
    return found.map((row) => ({ id: row.id, siteId: row.site_id, tableId: row.table_id, kind: row.kind }));
  }

  async setParticipantTables(workshopId: string, seats: ReadonlyArray<{ participantId: string; tableId: number | null }>): Promise<void> {
    await withTransaction(this.pool, async (client) => {
      for (const seat of seats) {
        await client.query(`UPDATE participants SET table_id = $1 WHERE id = $2 AND workshop_id = $3`, [seat.tableId, seat.participantId, workshopId]);
      }
    });
  }

  async ensurePaperAuthor(workshopId: string, siteId: string, now: number): Promise<ParticipantRecord> {
    const id = `paper-${siteId}`;
    await query(
      this.pool,
      `INSERT INTO participants (${PARTICIPANT_COLUMNS}) VALUES ($1, $2, $3, $4, NULL, 'sunny', $5, 'paper', NULL) ON CONFLICT (id) DO NOTHING`,
      [id, workshopId, siteId, `paper:${siteId}`, now],
    );
    const author = await this.getParticipant(id);
    if (!author || author.workshopId !== workshopId) throw new Error(`paper author ${id} not found`);
    return author;
  }

  /**
   * Group commit, as on SQLite: ideas that come while an insert is on its way go in the next one,
   * one statement and one commit for all of them. A burst of 150 ideas made 150 commits, each a
   * flush of PostgreSQL's log. Resolves once the idea's statement has committed.
   */
  insertIdea(idea: Idea): Promise<InsertIdeaResult> {
    return new Promise((resolve, reject) => {
      this.ideaQueue.push({ idea, resolve, reject });
      if (this.ideaQueue.length === 1 && !this.insertingIdeas) setImmediate(() => void this.flushIdeas());
    });
  }

  private async flushIdeas(): Promise<void> {
    const jobs = this.ideaQueue.splice(0, MAX_IDEAS_PER_INSERT);
    this.insertingIdeas = true;
    try {
      const results = await this.insertIdeas(jobs.map((job) => job.idea));
      jobs.forEach((job, index) => settle(job, results[index]!));
    } catch {
      // Nothing was committed: one idea the database refuses (its author erased meanwhile, say) fails alone.
      for (const job of jobs) this.insertIdeas([job.idea]).then(([result]) => settle(job, result!), job.reject);
    } finally {
      this.insertingIdeas = false;
      if (this.ideaQueue.length > 0) setImmediate(() => void this.flushIdeas());
    }
  }

  /** One statement for these ideas; an id already stored (or twice here) returns the stored idea. */
  private async insertIdeas(ideas: Idea[]): Promise<Array<InsertIdeaResult | Error>> {
    const first = new Map<string, Idea>();
    for (const idea of ideas) if (!first.has(idea.id)) first.set(idea.id, idea);
    const fresh = [...first.values()];
    const values = fresh.map(
      (_, row) => `(${Array.from({ length: IDEA_COLUMN_COUNT }, (_, column) => `$${row * IDEA_COLUMN_COUNT + column + 1}`).join(', ')})`,
    );
    // ON CONFLICT waits for a concurrent insert of the same id to commit, so the SELECT then sees it.
    const inserted = await rows<{ id: string }>(
      this.pool,
      `INSERT INTO ideas (${IDEA_COLUMNS}) VALUES ${values.join(', ')} ON CONFLICT (id) DO NOTHING RETURNING id`,
      fresh.flatMap(ideaValues),
    );
    const insertedIds = new Set(inserted.map((row) => row.id));
    const stored = new Map<string, Idea>();
    const missing = fresh.filter((idea) => !insertedIds.has(idea.id)).map((idea) => idea.id);
    if (missing.length > 0) {
      for (const row of await rows<IdeaRow>(this.pool, `SELECT * FROM ideas WHERE id = ANY($1::text[])`, [missing])) stored.set(row.id, toIdea(row));
    }
    const told = new Set<string>();
    return ideas.map((idea) => {
      if (insertedIds.has(idea.id)) {
        // The first of this id was inserted; a second copy in the same batch is a resend of it.
        if (told.has(idea.id)) return { inserted: false, idea: first.get(idea.id)! };
        told.add(idea.id);
        return { inserted: true, idea };
      }
      const existing = stored.get(idea.id);
      return existing ? { inserted: false, idea: existing } : new Error(`idea ${idea.id} neither inserted nor found`);
    });
  }

  async getIdea(ideaId: string): Promise<Idea | null> {
    return this.ideaById(ideaId);
  }

  async setIdeaHidden(workshopId: string, ideaId: string, hidden: boolean): Promise<Idea | null> {
    const row = await firstRow<IdeaRow>(this.pool, `UPDATE ideas SET hidden = $1 WHERE id = $2 AND workshop_id = $3 RETURNING *`, [hidden, ideaId, workshopId]);
    return row ? toIdea(row) : null;
  }

  async updateIdeaModeration(idea: Idea): Promise<Idea | null> {
    const row = await firstRow<IdeaRow>(
      this.pool,
      `UPDATE ideas SET text = $1, original_text = $2, hidden = $3, pending = $4, parked = $5, merged_into = $6, theme = $7
       WHERE id = $8 AND workshop_id = $9 RETURNING *`,
      [idea.text, idea.originalText, idea.hidden, idea.pending, idea.parked, idea.mergedInto, idea.theme, idea.id, idea.workshopId],
    );
    return row ? toIdea(row) : null;
  }

  async approvePendingIdeas(workshopId: string): Promise<Idea[]> {
    const approved = await rows<IdeaRow>(
      this.pool,
      `WITH approved AS (UPDATE ideas SET pending = false WHERE workshop_id = $1 AND pending RETURNING *)
       SELECT * FROM approved ORDER BY created_at, id ${BINARY}`,
      [workshopId],
    );
    return approved.map(toIdea);
  }

  async saveQuestionnaireAnswer(workshopId: string, participantId: string, answerId: string, answer: QuestionnaireAnswer): Promise<'saved' | 'already'> {
    return withTransaction(this.pool, async (client) => {
      const respondent = await client.query(`INSERT INTO questionnaire_respondents (participant_id, workshop_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
        participantId,
        workshopId,
      ]);
      if (respondent.rowCount === 0) return 'already' as const;
      await client.query(`INSERT INTO questionnaire_answers (id, workshop_id, answer_json) VALUES ($1, $2, $3)`, [
        answerId,
        workshopId,
        JSON.stringify(answer),
      ]);
      return 'saved' as const;
    });
  }

  async hasAnsweredQuestionnaire(participantId: string): Promise<boolean> {
    return (await firstRow(this.pool, `SELECT 1 FROM questionnaire_respondents WHERE participant_id = $1`, [participantId])) !== null;
  }

  async listQuestionnaireAnswers(workshopId: string): Promise<QuestionnaireAnswer[]> {
    // By random id, never in arrival order (which would line up with the respondents').
    const found = await rows<{ answer_json: string }>(this.pool, `SELECT answer_json FROM questionnaire_answers WHERE workshop_id = $1 ORDER BY id ${BINARY}`, [
      workshopId,
    ]);
    return found.map((row) => JSON.parse(row.answer_json) as QuestionnaireAnswer);
  }

  async listTemplates(): Promise<MethodTemplate[]> {
    const found = await rows<{ id: string; name: string; description: string; phases_json: string }>(
      this.pool,
      `SELECT * FROM method_templates ORDER BY created_at, id ${BINARY}`,
    );
    return found.map((row) => ({
      id: row.id,
      name: row.name,
      description: row.description,
      phases: JSON.parse(row.phases_json) as MethodTemplate['phases'],
      builtIn: false,
    }));
  }

  async saveTemplate(template: MethodTemplate, now: number): Promise<void> {
    await query(
      this.pool,
      `INSERT INTO method_templates (id, name, description, phases_json, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, description = excluded.description, phases_json = excluded.phases_json`,
      [template.id, template.name, template.description, JSON.stringify(template.phases), now],
    );
  }

  async listIdeas(workshopId: string): Promise<Idea[]> {
    return (await rows<IdeaRow>(this.pool, `SELECT * FROM ideas WHERE workshop_id = $1 ORDER BY created_at, id ${BINARY}`, [workshopId])).map(toIdea);
  }

  async listIdeasBy(participantId: string): Promise<Idea[]> {
    return (await rows<IdeaRow>(this.pool, `SELECT * FROM ideas WHERE participant_id = $1 ORDER BY created_at, id ${BINARY}`, [participantId])).map(toIdea);
  }

  async countVisibleIdeas(workshopId: string): Promise<number> {
    const row = await firstRow<{ n: number }>(
      this.pool,
      `SELECT COUNT(*) AS n FROM ideas WHERE workshop_id = $1 AND NOT hidden AND NOT pending AND merged_into IS NULL`,
      [workshopId],
    );
    return row?.n ?? 0;
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    this.closing ??= this.pool.end();
    await this.closing;
  }
}
