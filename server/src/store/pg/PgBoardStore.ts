import type pg from 'pg';
import type { BoardStore, StoredBoard } from '../BoardStore';
import { firstRow, rows, withTransaction } from './transaction';

/** First key of the advisory locks guarding a board's log (the second is the workshop id's hash). */
export const BOARD_LOCK_CLASS = 0x626f;

const toBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * Board updates as BYTEA rows. Sequence numbers are drawn when a row is inserted but become
 * visible when it commits, so a reader could see seq 7 while seq 6 is still in flight, and a
 * compaction "through 7" would delete 6 unread. Appends therefore hold a shared advisory lock on
 * the board and `load` an exclusive one: when `load` reads, no append is half done, and every
 * later append draws a higher sequence.
 */
export class PgBoardStore implements BoardStore {
  constructor(private readonly pool: pg.Pool) {}

  async load(workshopId: string): Promise<StoredBoard> {
    const found = await withTransaction(this.pool, async (client) => {
      await client.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [BOARD_LOCK_CLASS, workshopId]);
      return rows<{ seq: number; data: Buffer }>(client, `SELECT seq, data FROM board_updates WHERE workshop_id = $1 ORDER BY seq`, [workshopId]);
    });
    let bytes = 0;
    const updates = found.map((row) => {
      bytes += row.data.byteLength;
      return new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength);
    });
    return { updates, lastSeq: found.at(-1)?.seq ?? 0, bytes };
  }

  async append(workshopId: string, update: Uint8Array): Promise<number> {
    return withTransaction(this.pool, async (client) => {
      await client.query(`SELECT pg_advisory_xact_lock_shared($1, hashtext($2))`, [BOARD_LOCK_CLASS, workshopId]);
      const row = await firstRow<{ seq: number }>(client, `INSERT INTO board_updates (workshop_id, data, created_at) VALUES ($1, $2, $3) RETURNING seq`, [
        workshopId,
        toBuffer(update),
        Date.now(),
      ]);
      return row!.seq;
    });
  }

  async compact(workshopId: string, state: Uint8Array, throughSeq: number): Promise<void> {
    await withTransaction(this.pool, async (client) => {
      // Its merged state is appended too: the same shared lock as `append`.
      await client.query(`SELECT pg_advisory_xact_lock_shared($1, hashtext($2))`, [BOARD_LOCK_CLASS, workshopId]);
      await client.query(`DELETE FROM board_updates WHERE workshop_id = $1 AND seq <= $2`, [workshopId, throughSeq]);
      await client.query(`INSERT INTO board_updates (workshop_id, data, created_at) VALUES ($1, $2, $3)`, [workshopId, toBuffer(state), Date.now()]);
    });
  }

  async stats(workshopId: string): Promise<{ rows: number; bytes: number }> {
    const row = await firstRow<{ rows: number; bytes: number }>(
      this.pool,
      `SELECT COUNT(*) AS rows, COALESCE(SUM(octet_length(data)), 0)::bigint AS bytes FROM board_updates WHERE workshop_id = $1`,
      [workshopId],
    );
    return row ?? { rows: 0, bytes: 0 };
  }
}
