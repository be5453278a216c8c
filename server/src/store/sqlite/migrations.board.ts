import type { Migration } from './migration';

/** Versions 200–299. */
export const BOARD_MIGRATIONS: ReadonlyArray<Migration> = [
  {
    version: 200,
    sql: `
      -- Yjs updates of each workshop's board; compaction replaces old rows with one state.
      CREATE TABLE board_updates (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        data BLOB NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX board_updates_by_workshop ON board_updates(workshop_id, seq);
    `,
  },
];
