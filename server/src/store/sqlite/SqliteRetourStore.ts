import type Database from 'better-sqlite3';
import { briefSchema, isDomainError, type Brief, type DomainError, type FollowUpSettings } from '@gommette/shared';
import type { RetourStore } from '../RetourStore';

const NO_FOLLOW_UP: FollowUpSettings = { finishedAt: null, nextMeeting: null };

/** Briefs and follow-up settings in the shared SQLite file. */
export class SqliteRetourStore implements RetourStore {
  private readonly statements;
  private readonly updateTransaction;
  private readonly followUpTransaction;

  constructor(db: Database.Database) {
    this.statements = {
      insert: db.prepare(`INSERT INTO briefs (id, workshop_id, data, created_at, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING`),
      get: db.prepare(`SELECT data FROM briefs WHERE id = ? AND workshop_id = ?`),
      getById: db.prepare(`SELECT data FROM briefs WHERE id = ?`),
      list: db.prepare(`SELECT data FROM briefs WHERE workshop_id = ? ORDER BY created_at, id`),
      count: db.prepare(`SELECT COUNT(*) AS n FROM briefs WHERE workshop_id = ?`),
      save: db.prepare(`UPDATE briefs SET data = ?, updated_at = ? WHERE id = ? AND workshop_id = ?`),
      getFollowUp: db.prepare(`SELECT finished_at AS finishedAt, next_meeting AS nextMeeting FROM follow_ups WHERE workshop_id = ?`),
      saveFollowUp: db.prepare(
        `INSERT INTO follow_ups (workshop_id, finished_at, next_meeting) VALUES (?, ?, ?)
         ON CONFLICT(workshop_id) DO UPDATE SET finished_at = excluded.finished_at, next_meeting = excluded.next_meeting`,
      ),
    };
    this.updateTransaction = db.transaction((workshopId: string, briefId: string, change: (brief: Brief) => Brief | DomainError) => {
      const row = this.statements.get.get(briefId, workshopId) as { data: string } | undefined;
      if (!row) return null;
      const next = change(parse(row.data));
      if (isDomainError(next)) return next;
      this.statements.save.run(JSON.stringify(next), next.updatedAt, briefId, workshopId);
      return next;
    });
    this.followUpTransaction = db.transaction((workshopId: string, change: (settings: FollowUpSettings) => FollowUpSettings) => {
      const next = change(this.readFollowUp(workshopId));
      this.statements.saveFollowUp.run(workshopId, next.finishedAt, next.nextMeeting);
      return next;
    });
  }

  private readFollowUp(workshopId: string): FollowUpSettings {
    return (this.statements.getFollowUp.get(workshopId) as FollowUpSettings | undefined) ?? NO_FOLLOW_UP;
  }

  async insertBrief(brief: Brief): Promise<Brief> {
    this.statements.insert.run(brief.id, brief.workshopId, JSON.stringify(brief), brief.createdAt, brief.updatedAt);
    const row = this.statements.getById.get(brief.id) as { data: string };
    return parse(row.data);
  }

  async getBrief(workshopId: string, briefId: string): Promise<Brief | null> {
    const row = this.statements.get.get(briefId, workshopId) as { data: string } | undefined;
    return row ? parse(row.data) : null;
  }

  async listBriefs(workshopId: string): Promise<Brief[]> {
    return (this.statements.list.all(workshopId) as Array<{ data: string }>).map((row) => parse(row.data));
  }

  async countBriefs(workshopId: string): Promise<number> {
    return (this.statements.count.get(workshopId) as { n: number }).n;
  }

  async updateBrief(workshopId: string, briefId: string, change: (brief: Brief) => Brief | DomainError): Promise<Brief | DomainError | null> {
    return this.updateTransaction(workshopId, briefId, change);
  }

  async getFollowUp(workshopId: string): Promise<FollowUpSettings> {
    return this.readFollowUp(workshopId);
  }

  async updateFollowUp(workshopId: string, change: (settings: FollowUpSettings) => FollowUpSettings): Promise<FollowUpSettings> {
    return this.followUpTransaction(workshopId, change);
  }
}

function parse(data: string): Brief {
  return briefSchema.parse(JSON.parse(data));
}
