import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';

/** How long a write waits for another process's write lock, blocking its event loop (SQLite's busy handler). */
const BUSY_TIMEOUT_MS = 5_000;
/** A group commit finding the write lock taken tries again this much later, its event loop free meanwhile… */
const LOCK_RETRY_MS = 1;
/** …for this long at most; then it waits in SQLite's busy handler like any other write. */
const LOCK_WAIT_FREE_MS = 2_000;

export interface SqliteOptions {
  /** A file path, or ':memory:' for tests. */
  filename: string;
}

/**
 * Opens the embedded database: WAL with `synchronous=FULL`, so a commit has reached the disk
 * before a store's promise resolves (an ack after it survives a power cut, not only a process kill).
 * Applies every migration not yet recorded, each in its own transaction. Versions are a set, not a
 * high-water mark, so areas that add tables may use their own ranges (see `migrations.ts`).
 */
export function openSqliteDatabase(filename: string): Database.Database {
  if (filename !== ':memory:') {
    fs.mkdirSync(path.dirname(filename), { recursive: true });
    // Owner-only (issue 20): SQLite gives the -wal and -shm files the main file's mode.
    fs.closeSync(fs.openSync(filename, 'a', 0o600));
    fs.chmodSync(filename, 0o600);
  }
  const db = new Database(filename);
  db.pragma('journal_mode = WAL');
  if (filename !== ':memory:') for (const suffix of ['-wal', '-shm']) if (fs.existsSync(filename + suffix)) fs.chmodSync(filename + suffix, 0o600);
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // Deleted or rewritten rows are zeroed, not left in freed space for whoever copies the file
  // (issue 20: migration 101 rewrites every gommette's voter column).
  db.pragma('secure_delete = ON');
  beginImmediately(db);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL) STRICT`);
  const applied = new Set((db.prepare(`SELECT version FROM schema_migrations`).all() as Array<{ version: number }>).map((row) => row.version));
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare(`INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`).run(migration.version, Date.now());
    })();
  }
  return db;
}

/**
 * Makes `db.transaction(fn)` begin IMMEDIATE. Several processes may share the file (the local
 * cluster's nodes): a deferred transaction that reads and then writes fails at once with
 * SQLITE_BUSY_SNAPSHOT when another process committed in between (busy_timeout does not apply),
 * whereas an immediate one takes the write lock first and waits up to busy_timeout for it.
 */
function beginImmediately(db: Database.Database): void {
  const deferred = db.transaction.bind(db);
  // Each variant better-sqlite3 returns carries the others (.deferred, .immediate, .exclusive).
  db.transaction = ((fn: Parameters<typeof db.transaction>[0]) => deferred(fn).immediate) as typeof db.transaction;
}

/**
 * The group commits' way to the write lock when several processes share the file (the local
 * cluster's nodes). SQLite's busy handler waits for a lock held by another process by sleeping,
 * and the sleep blocks the event loop: the node could neither answer, nor relay, nor read the next
 * taps while another node commits. `run` takes the lock only if it is free now, else says so, and
 * the caller tries again `LOCK_RETRY_MS` later with its event loop free (and with whatever else
 * came meanwhile in the same commit). After `LOCK_WAIT_FREE_MS` of trying, it waits in the busy
 * handler, so a node that keeps losing the race still gets the lock.
 */
export class WriteLockTurn {
  private busySince: number | null = null;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(private readonly db: Database.Database) {}

  /** A commit found the lock taken and tries again soon: writes that come meanwhile join it. */
  get retrying(): boolean {
    return this.retryTimer !== null;
  }

  /** After `busy`: calls `flush` again `LOCK_RETRY_MS` from now. */
  retry(flush: () => void): void {
    this.retryTimer ??= setTimeout(() => {
      this.retryTimer = null;
      flush();
    }, LOCK_RETRY_MS);
  }

  /**
   * `body` in an IMMEDIATE transaction (`db.transaction`), or `busy` when another process holds
   * the lock; `wait`: in SQLite's busy handler (the store is closing: no later turn).
   */
  run<T>(body: () => T, wait = false): { kind: 'done'; value: T } | { kind: 'busy' } {
    if (wait || (this.busySince !== null && Date.now() - this.busySince >= LOCK_WAIT_FREE_MS)) {
      this.busySince = null;
      return { kind: 'done', value: this.db.transaction(body)() };
    }
    this.db.pragma('busy_timeout = 0');
    let waiting = true;
    const restore = (): void => {
      if (!waiting) return;
      waiting = false;
      this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    };
    try {
      const value = this.db.transaction(() => {
        restore();
        return body();
      })();
      this.busySince = null;
      return { kind: 'done', value };
    } catch (error) {
      if (waiting && error instanceof Database.SqliteError && error.code === 'SQLITE_BUSY') {
        this.busySince ??= Date.now();
        return { kind: 'busy' };
      }
      throw error;
    } finally {
      restore();
    }
  }
}
