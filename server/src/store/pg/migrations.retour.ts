import type { Migration } from '../sqlite/migration';

/** Versions 400–499: briefs (stored whole as JSON text, validated when read) and the follow-up page. */
export const PG_RETOUR_MIGRATIONS: ReadonlyArray<Migration> = [
  {
    version: 400,
    sql: `
      CREATE TABLE briefs (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        data TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL
      );
      CREATE INDEX briefs_by_workshop ON briefs(workshop_id, created_at);

      CREATE TABLE follow_ups (
        workshop_id TEXT PRIMARY KEY REFERENCES workshops(id) ON DELETE CASCADE,
        finished_at BIGINT,
        next_meeting TEXT
      );
    `,
  },
  {
    version: 401,
    sql: `
      -- The participant's phone showed a card of an earlier workshop of the same centre, or not.
      -- Only this flag: never the old card, never which participant it was.
      ALTER TABLE participants ADD COLUMN seen_before BOOLEAN NOT NULL DEFAULT FALSE;
    `,
  },
];
