import Database from 'better-sqlite3';
import type { BoardStore, StoredBoard } from '../BoardStore';
import { openSqliteDatabase, type SqliteOptions } from './database';

/** Board updates in the shared SQLite file (WAL, `synchronous=FULL`: resolved means on disk). */
export class SqliteBoardStore implements BoardStore {
  private readonly db: Database.Database;
  private readonly statements;
  private readonly compactTransaction;

  constructor(source: SqliteOptions | Database.Database) {
    this.db = source instanceof Database ? source : openSqliteDatabase(source.filename);
    const db = this.db;
    this.statements = {
      load: db.prepare(`SELECT seq, data FROM board_updates WHERE workshop_id = ? ORDER BY seq`),
      append: db.prepare(`INSERT INTO board_updates (workshop_id, data, created_at) VALUES (?, ?, ?)`),
      deleteThrough: db.prepare(`DELETE FROM board_updates WHERE workshop_id = ? AND seq <= ?`),
      stats: db.prepare(`SELECT COUNT(*) AS rows, COALESCE(SUM(length(data)), 0) AS bytes FROM board_updates WHERE workshop_id = ?`),
    };
    this.compactTransaction = db.transaction((workshopId: string, state: Uint8Array, throughSeq: number) => {
      this.statements.deleteThrough.run(workshopId, throughSeq);
      this.statements.append.run(workshopId, Buffer.from(state.buffer, state.byteOffset, state.byteLength), Date.now());
    });
  }

  async load(workshopId: string): Promise<StoredBoard> {
    const rows = this.statements.load.all(workshopId) as Array<{ seq: number; data: Buffer }>;
    let bytes = 0;
    const updates = rows.map((row) => {
      bytes += row.data.byteLength;
      return new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength);
    });
    return { updates, lastSeq: rows.at(-1)?.seq ?? 0, bytes };
  }

  async append(workshopId: string, update: Uint8Array): Promise<number> {
    const result = this.statements.append.run(workshopId, Buffer.from(update.buffer, update.byteOffset, update.byteLength), Date.now());
    return Number(result.lastInsertRowid);
  }

  async compact(workshopId: string, state: Uint8Array, throughSeq: number): Promise<void> {
    this.compactTransaction(workshopId, state, throughSeq);
  }

  async stats(workshopId: string): Promise<{ rows: number; bytes: number }> {
    return this.statements.stats.get(workshopId) as { rows: number; bytes: number };
  }
}
