import type { Migration } from '../sqlite/migration';

/** Versions 200–299. */
export const PG_BOARD_MIGRATIONS: ReadonlyArray<Migration> = [
  {
    version: 200,
    sql: `
      CREATE TABLE board_updates (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        data BYTEA NOT NULL,
        created_at BIGINT NOT NULL
      );
      CREATE INDEX board_updates_by_workshop ON board_updates(workshop_id, seq);
    `,
  },
];
