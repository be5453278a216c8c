import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';

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
  db.pragma('busy_timeout = 5000');
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
