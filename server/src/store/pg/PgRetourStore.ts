import type pg from 'pg';
import { briefSchema, isDomainError, type Brief, type DomainError, type FollowUpSettings } from '@gommette/shared';
import type { RetourStore } from '../RetourStore';
import { BINARY } from './rows';
import { batchedReads } from './batchedReads';
import { firstRow, query, rows, withTransaction, type Queryable } from './transaction';

const NO_FOLLOW_UP: FollowUpSettings = { finishedAt: null, nextMeeting: null };

function parse(data: string): Brief {
  return briefSchema.parse(JSON.parse(data));
}

async function readFollowUp(db: Queryable, workshopId: string, lock = false): Promise<FollowUpSettings> {
  const row = await firstRow<FollowUpSettings>(
    db,
    `SELECT finished_at AS "finishedAt", next_meeting AS "nextMeeting" FROM follow_ups WHERE workshop_id = $1${lock ? ' FOR UPDATE' : ''}`,
    [workshopId],
  );
  return row ?? NO_FOLLOW_UP;
}

/**
 * Briefs and follow-up settings on PostgreSQL. Read-change-write updates lock the row first
 * (`SELECT … FOR UPDATE`), so two consoles on two nodes never lose each other's change.
 */
export class PgRetourStore implements RetourStore {
  private readonly followUpByWorkshop = batchedReads(
    (ids) =>
      rows<FollowUpSettings & { workshopId: string }>(
        this.pool,
        `SELECT workshop_id AS "workshopId", finished_at AS "finishedAt", next_meeting AS "nextMeeting" FROM follow_ups WHERE workshop_id = ANY($1::text[])`,
        [ids],
      ),
    (row) => row.workshopId,
    ({ finishedAt, nextMeeting }): FollowUpSettings => ({ finishedAt, nextMeeting }),
  );

  constructor(private readonly pool: pg.Pool) {}

  async insertBrief(brief: Brief): Promise<Brief> {
    await query(this.pool, `INSERT INTO briefs (id, workshop_id, data, created_at, updated_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING`, [
      brief.id,
      brief.workshopId,
      JSON.stringify(brief),
      brief.createdAt,
      brief.updatedAt,
    ]);
    const row = await firstRow<{ data: string }>(this.pool, `SELECT data FROM briefs WHERE id = $1`, [brief.id]);
    if (!row) throw new Error(`brief ${brief.id} neither inserted nor found`);
    return parse(row.data);
  }

  async getBrief(workshopId: string, briefId: string): Promise<Brief | null> {
    const row = await firstRow<{ data: string }>(this.pool, `SELECT data FROM briefs WHERE id = $1 AND workshop_id = $2`, [briefId, workshopId]);
    return row ? parse(row.data) : null;
  }

  async listBriefs(workshopId: string): Promise<Brief[]> {
    return (await rows<{ data: string }>(this.pool, `SELECT data FROM briefs WHERE workshop_id = $1 ORDER BY created_at, id ${BINARY}`, [workshopId])).map(
      (row) => parse(row.data),
    );
  }

  async countBriefs(workshopId: string): Promise<number> {
    return (await firstRow<{ n: number }>(this.pool, `SELECT COUNT(*) AS n FROM briefs WHERE workshop_id = $1`, [workshopId]))?.n ?? 0;
  }

  async updateBrief(workshopId: string, briefId: string, change: (brief: Brief) => Brief | DomainError): Promise<Brief | DomainError | null> {
    return withTransaction(this.pool, async (client) => {
      const row = await firstRow<{ data: string }>(client, `SELECT data FROM briefs WHERE id = $1 AND workshop_id = $2 FOR UPDATE`, [briefId, workshopId]);
      if (!row) return null;
      const next = change(parse(row.data));
      if (isDomainError(next)) return next;
      await client.query(`UPDATE briefs SET data = $1, updated_at = $2 WHERE id = $3 AND workshop_id = $4`, [
        JSON.stringify(next),
        next.updatedAt,
        briefId,
        workshopId,
      ]);
      return next;
    });
  }

  async getFollowUp(workshopId: string): Promise<FollowUpSettings> {
    return (await this.followUpByWorkshop(workshopId)) ?? NO_FOLLOW_UP;
  }

  async updateFollowUp(workshopId: string, change: (settings: FollowUpSettings) => FollowUpSettings): Promise<FollowUpSettings> {
    return withTransaction(this.pool, async (client) => {
      // A row to lock, even the first time.
      await client.query(`INSERT INTO follow_ups (workshop_id) VALUES ($1) ON CONFLICT (workshop_id) DO NOTHING`, [workshopId]);
      const next = change(await readFollowUp(client, workshopId, true));
      await client.query(`UPDATE follow_ups SET finished_at = $1, next_meeting = $2 WHERE workshop_id = $3`, [next.finishedAt, next.nextMeeting, workshopId]);
      return next;
    });
  }
}
