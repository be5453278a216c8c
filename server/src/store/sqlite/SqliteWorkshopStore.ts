import Database from 'better-sqlite3';
import type { Idea, Site } from '@gommette/shared';
import { emptyMoodCounts, isMood } from '@gommette/shared';
import {
  UniqueViolationError,
  type InsertIdeaResult,
  type ParticipantCounts,
  type ParticipantRecord,
  type WorkshopRecord,
  type WorkshopStore,
} from '../WorkshopStore';
import { openSqliteDatabase, type SqliteOptions } from './database';

interface IdeaRow {
  id: string;
  workshop_id: string;
  site_id: string;
  participant_id: string;
  text: string;
  hidden: number;
  created_at: number;
}

interface ParticipantRow {
  id: string;
  workshop_id: string;
  site_id: string;
  card_hash: string;
  nickname: string | null;
  mood: string;
  created_at: number;
}

interface SiteRow {
  id: string;
  workshop_id: string;
  name: string;
  join_code: string;
  position: number;
}

const toIdea = (row: IdeaRow): Idea => ({
  id: row.id,
  workshopId: row.workshop_id,
  siteId: row.site_id,
  participantId: row.participant_id,
  text: row.text,
  hidden: row.hidden === 1,
  createdAt: row.created_at,
});

const toSite = (row: SiteRow): Site => ({
  id: row.id,
  workshopId: row.workshop_id,
  name: row.name,
  joinCode: row.join_code,
  position: row.position,
});

const toParticipant = (row: ParticipantRow): ParticipantRecord => ({
  id: row.id,
  workshopId: row.workshop_id,
  siteId: row.site_id,
  cardHash: row.card_hash,
  nickname: row.nickname,
  mood: isMood(row.mood) ? row.mood : 'cloudy',
  createdAt: row.created_at,
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
  private readonly statements;

  /** Opens (and migrates) its own file, or shares a database opened by `openSqliteDatabase`. */
  constructor(source: SqliteOptions | Database.Database) {
    this.db = source instanceof Database ? source : openSqliteDatabase(source.filename);
    const db = this.db;
    this.statements = {
      insertWorkshop: db.prepare(
        `INSERT INTO workshops (id, title, question, purpose, facilitator_token_hash, screen_token_hash, created_at)
         VALUES (@id, @title, @question, @purpose, @facilitatorTokenHash, @screenTokenHash, @createdAt)`,
      ),
      insertSite: db.prepare(`INSERT INTO sites (id, workshop_id, name, join_code, position) VALUES (@id, @workshopId, @name, @joinCode, @position)`),
      getWorkshop: db.prepare(`SELECT * FROM workshops WHERE id = ?`),
      listSites: db.prepare(`SELECT * FROM sites WHERE workshop_id = ? ORDER BY position`),
      siteByCode: db.prepare(`SELECT * FROM sites WHERE join_code = ?`),
      insertParticipant: db.prepare(
        `INSERT INTO participants (id, workshop_id, site_id, card_hash, nickname, mood, created_at)
         VALUES (@id, @workshopId, @siteId, @cardHash, @nickname, @mood, @createdAt)`,
      ),
      insertToken: db.prepare(`INSERT INTO participant_tokens (token_hash, participant_id, created_at) VALUES (?, ?, ?)`),
      participantByToken: db.prepare(
        `SELECT p.* FROM participant_tokens t JOIN participants p ON p.id = t.participant_id WHERE t.token_hash = ?`,
      ),
      participantByCard: db.prepare(`SELECT * FROM participants WHERE card_hash = ?`),
      countBySiteAndMood: db.prepare(`SELECT site_id, mood, COUNT(*) AS n FROM participants WHERE workshop_id = ? GROUP BY site_id, mood`),
      insertIdea: db.prepare(
        `INSERT INTO ideas (id, workshop_id, site_id, participant_id, text, hidden, created_at)
         VALUES (@id, @workshopId, @siteId, @participantId, @text, 0, @createdAt)
         ON CONFLICT(id) DO NOTHING`,
      ),
      getIdea: db.prepare(`SELECT * FROM ideas WHERE id = ?`),
      setHidden: db.prepare(`UPDATE ideas SET hidden = ? WHERE id = ? AND workshop_id = ?`),
      listIdeas: db.prepare(`SELECT * FROM ideas WHERE workshop_id = ? ORDER BY created_at, id`),
      listIdeasBy: db.prepare(`SELECT * FROM ideas WHERE participant_id = ? ORDER BY created_at, id`),
      countVisible: db.prepare(`SELECT COUNT(*) AS n FROM ideas WHERE workshop_id = ? AND hidden = 0`),
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

  async createWorkshop(workshop: WorkshopRecord, sites: ReadonlyArray<Site>): Promise<void> {
    this.uniqueWrite(() => {
      this.statements.insertWorkshop.run(workshop);
      for (const site of sites) this.statements.insertSite.run(site);
    });
  }

  async getWorkshop(workshopId: string): Promise<WorkshopRecord | null> {
    const row = this.statements.getWorkshop.get(workshopId) as
      | { id: string; title: string; question: string; purpose: string; facilitator_token_hash: string; screen_token_hash: string; created_at: number }
      | undefined;
    if (!row) return null;
    return {
      id: row.id,
      title: row.title,
      question: row.question,
      purpose: row.purpose,
      facilitatorTokenHash: row.facilitator_token_hash,
      screenTokenHash: row.screen_token_hash,
      createdAt: row.created_at,
    };
  }

  async listSites(workshopId: string): Promise<Site[]> {
    return (this.statements.listSites.all(workshopId) as SiteRow[]).map(toSite);
  }

  async getSiteByJoinCode(joinCode: string): Promise<Site | null> {
    const row = this.statements.siteByCode.get(joinCode) as SiteRow | undefined;
    return row ? toSite(row) : null;
  }

  async createParticipant(participant: ParticipantRecord, tokenHash: string): Promise<void> {
    this.uniqueWrite(() => {
      this.statements.insertParticipant.run(participant);
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
    const rows = this.statements.countBySiteAndMood.all(workshopId) as Array<{ site_id: string; mood: string; n: number }>;
    const counts: ParticipantCounts = { total: 0, bySite: {}, moods: emptyMoodCounts() };
    for (const row of rows) {
      counts.total += row.n;
      counts.bySite[row.site_id] = (counts.bySite[row.site_id] ?? 0) + row.n;
      if (isMood(row.mood)) counts.moods[row.mood] += row.n;
    }
    return counts;
  }

  async insertIdea(idea: Idea): Promise<InsertIdeaResult> {
    const result = this.statements.insertIdea.run(idea);
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
    if (this.db.open) this.db.close();
  }
}
