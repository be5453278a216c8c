import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SEALING_KEY_FILE } from '../security/sealed';
import { MIGRATIONS } from '../store/sqlite/migrations';

/** The database file the server uses in a data folder. */
export const DATABASE_FILE = 'gommette.sqlite';

/** The tables counted by `verify` (a missing table, from an older schema, counts as absent). */
const COUNTED: ReadonlyArray<[label: string, sql: string]> = [
  ['workshops', 'SELECT COUNT(*) AS n FROM workshops'],
  ['participants', 'SELECT COUNT(*) AS n FROM participants'],
  ['ideas', 'SELECT COUNT(*) AS n FROM ideas'],
  ['vote rounds', 'SELECT COUNT(*) AS n FROM vote_rounds'],
  ['gommettes', 'SELECT COUNT(*) AS n FROM vote_gommettes WHERE taken_back = 0'],
  ['boards', 'SELECT COUNT(DISTINCT workshop_id) AS n FROM board_updates'],
  ['centres', 'SELECT COUNT(*) AS n FROM centres'],
  ['accounts', 'SELECT COUNT(*) AS n FROM accounts'],
  ['briefs', 'SELECT COUNT(*) AS n FROM briefs'],
];

/** `gommette-2026-12-05T18-50-03-123Z.sqlite`: sorts by date, no colon (fine on every file system). */
export function backupFileName(at: Date = new Date()): string {
  return `gommette-${at.toISOString().replace(/[:.]/g, '-')}.sqlite`;
}

/**
 * A consistent copy of the live database with SQLite's online backup API (better-sqlite3's
 * `backup()`), never a file copy of a WAL database: the copy is one snapshot of committed
 * transactions, taken while the server keeps writing. After the first step the rest is copied in
 * one step, so a stream of commits from the server cannot keep restarting it. Returns the file.
 */
export async function backupSqlite(databaseFile: string, backupDir: string, at: Date = new Date()): Promise<string> {
  if (!fs.existsSync(databaseFile)) throw new Error(`no database at ${databaseFile}`);
  fs.mkdirSync(backupDir, { recursive: true, mode: 0o700 });
  const target = path.join(backupDir, backupFileName(at));
  const partial = `${target}.partial`;
  // Read-write only so that a WAL file without its -shm opens; nothing is written through it.
  const source = new Database(databaseFile, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    await source.backup(partial, { progress: () => 1_000_000 });
  } finally {
    source.close();
  }
  // The copy keeps WAL mode in its header; a backup is one self-contained file.
  const copy = new Database(partial);
  copy.pragma('journal_mode = DELETE');
  copy.close();
  fs.chmodSync(partial, 0o600);
  fs.renameSync(partial, target);
  return target;
}

export interface VerifyReport {
  file: string;
  integrity: string[];
  /** Migrations recorded in the file. */
  applied: number[];
  /** Migrations of this version of Gommette the file lacks (applied at the next start). */
  missing: number[];
  /** Migrations the file has that this version does not know (made by a newer Gommette). */
  unknown: number[];
  counts: Record<string, number | null>;
  ok: boolean;
}

/** Integrity check, schema version and counts of a database file (opened read-only). */
export function verifySqlite(file: string): VerifyReport {
  if (!fs.existsSync(file)) throw new Error(`no database at ${file}`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((row) => row.integrity_check);
    const hasMigrations = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).get() !== undefined;
    const applied = hasMigrations
      ? (db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as Array<{ version: number }>).map((row) => row.version)
      : [];
    const known = new Set(MIGRATIONS.map((migration) => migration.version));
    const appliedSet = new Set(applied);
    const counts: Record<string, number | null> = {};
    for (const [label, sql] of COUNTED) {
      try {
        counts[label] = (db.prepare(sql).get() as { n: number }).n;
      } catch {
        counts[label] = null;
      }
    }
    const missing = [...known].filter((version) => !appliedSet.has(version)).sort((a, b) => a - b);
    const unknown = applied.filter((version) => !known.has(version));
    return { file, integrity, applied, missing, unknown, counts, ok: integrity.length === 1 && integrity[0] === 'ok' && hasMigrations && unknown.length === 0 };
  } finally {
    db.close();
  }
}

/**
 * Puts a backup in place as DATA_DIR/gommette.sqlite (verified first). Refuses when a database
 * is already there unless `force` (then the server must be stopped: its -wal and -shm files are
 * removed with it). `keyFile` copies a sealing key into DATA_DIR/sealing.key too.
 */
export function restoreSqlite(backupFile: string, dataDir: string, options: { force?: boolean; keyFile?: string } = {}): VerifyReport {
  const report = verifySqlite(backupFile);
  if (!report.ok) throw new Error(`the backup ${backupFile} does not verify: ${describeProblem(report)}`);
  const target = path.join(dataDir, DATABASE_FILE);
  if (fs.existsSync(target) && !options.force) {
    throw new Error(`${target} already exists: stop the server, then restore with --force to replace it`);
  }
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const partial = `${target}.restoring`;
  fs.copyFileSync(backupFile, partial);
  fs.chmodSync(partial, 0o600);
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(target + suffix, { force: true });
  fs.renameSync(partial, target);
  if (options.keyFile) {
    const keyTarget = path.join(dataDir, SEALING_KEY_FILE);
    if (fs.existsSync(keyTarget) && !options.force && fs.readFileSync(keyTarget, 'utf8').trim() !== fs.readFileSync(options.keyFile, 'utf8').trim()) {
      throw new Error(`${keyTarget} holds another key: restore with --force to replace it`);
    }
    fs.copyFileSync(options.keyFile, keyTarget);
    fs.chmodSync(keyTarget, 0o600);
  }
  return verifySqlite(target);
}

export function describeProblem(report: VerifyReport): string {
  if (report.integrity.length !== 1 || report.integrity[0] !== 'ok') return `integrity check: ${report.integrity.slice(0, 5).join('; ')}`;
  if (report.applied.length === 0) return 'no schema_migrations table: not a Gommette database';
  if (report.unknown.length > 0) return `made by a newer Gommette (migrations ${report.unknown.join(', ')} unknown here)`;
  return 'ok';
}

export function formatReport(report: VerifyReport): string {
  const lines = [`${report.file}`, `  integrity: ${report.integrity.length === 1 ? report.integrity[0] : `${report.integrity.length} problems`}`];
  const latest = report.applied.at(-1);
  lines.push(`  schema: ${report.applied.length} migrations, latest ${latest ?? 'none'}`);
  if (report.missing.length) lines.push(`  older than this version: migrations ${report.missing.join(', ')} will run at the next start`);
  if (report.unknown.length) lines.push(`  newer than this version: migrations ${report.unknown.join(', ')} unknown here (install the Gommette that made it)`);
  for (const [label, count] of Object.entries(report.counts)) lines.push(`  ${label}: ${count ?? '(no table)'}`);
  lines.push(report.ok ? '  verdict: ok' : `  verdict: NOT OK (${describeProblem(report)})`);
  return lines.join('\n');
}
