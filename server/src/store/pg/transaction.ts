import type pg from 'pg';
import { UniqueViolationError } from '../WorkshopStore';

/** SQLSTATEs: https://www.postgresql.org/docs/current/errcodes-appendix.html */
export const PG_UNIQUE_VIOLATION = '23505';
const PG_SERIALIZATION_FAILURE = '40001';
const PG_DEADLOCK_DETECTED = '40P01';
/** Attempts of a transaction that lost a serialization race or a deadlock before giving up. */
export const PG_TRANSACTION_ATTEMPTS = 5;

export type Queryable = pg.Pool | pg.PoolClient;

function sqlState(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === PG_UNIQUE_VIOLATION;
}

/** A uniqueness failure becomes the port's `UniqueViolationError`; anything else is thrown as is. */
export function mapUniqueViolation(error: unknown): never {
  if (isUniqueViolation(error)) throw new UniqueViolationError((error as Error).message);
  throw error;
}

/** One statement (its own transaction when run on the pool), with unique violations mapped. */
export async function query<Row extends pg.QueryResultRow = pg.QueryResultRow>(
  db: Queryable,
  sql: string,
  params: unknown[] = [],
): Promise<pg.QueryResult<Row>> {
  try {
    return await db.query<Row>(sql, params);
  } catch (error) {
    return mapUniqueViolation(error);
  }
}

export async function rows<Row extends pg.QueryResultRow>(db: Queryable, sql: string, params: unknown[] = []): Promise<Row[]> {
  return (await query<Row>(db, sql, params)).rows;
}

export async function firstRow<Row extends pg.QueryResultRow>(db: Queryable, sql: string, params: unknown[] = []): Promise<Row | null> {
  return (await query<Row>(db, sql, params)).rows[0] ?? null;
}

export interface TransactionOptions {
  isolation?: 'read committed' | 'repeatable read' | 'serializable';
  readOnly?: boolean;
}

/**
 * Runs `work` in one transaction on one pooled connection and resolves only after COMMIT. A
 * serialization failure or a deadlock runs it again (so `work` must only touch the database);
 * any other error rolls back and is thrown, unique violations as `UniqueViolationError`.
 */
export async function withTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  const begin = `BEGIN ISOLATION LEVEL ${(options.isolation ?? 'read committed').toUpperCase()}${options.readOnly ? ' READ ONLY' : ''}`;
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query(begin);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true; // the connection itself failed: do not give it back to the pool
      }
      const state = sqlState(error);
      if ((state === PG_SERIALIZATION_FAILURE || state === PG_DEADLOCK_DETECTED) && attempt < PG_TRANSACTION_ATTEMPTS) continue;
      return mapUniqueViolation(error);
    } finally {
      client.release(broken);
    }
  }
}
