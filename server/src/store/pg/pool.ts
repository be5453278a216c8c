import pg from 'pg';

/** Connections per process; several nodes share the server's `max_connections` (100 by default). */
export const PG_POOL_MAX_CONNECTIONS = 10;
/** How long a query waits for a free connection before failing (a dead server must not hang acks). */
export const PG_CONNECT_TIMEOUT_MS = 10_000;

const INT8_OID = 20;

/** BIGINT (timestamps in ms, counts) back to numbers; refuses what a number cannot hold exactly. */
function parseBigint(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed)) throw new RangeError(`BIGINT ${value} does not fit in a JavaScript number`);
  return parsed;
}

/** Per pool, so the process-wide parsers of `pg` stay untouched. */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary' ? parseBigint : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

export interface PgPoolOptions {
  /** Errors of idle connections (the server restarted…): the next query reconnects. */
  onIdleError?: (error: Error) => void;
  max?: number;
}

export function createPool(connectionString: string, options: PgPoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? PG_POOL_MAX_CONNECTIONS,
    connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS,
    types,
  });
  // Without a listener, an idle connection dropped by the server would crash the process.
  pool.on('error', (error) => options.onIdleError?.(error));
  return pool;
}
