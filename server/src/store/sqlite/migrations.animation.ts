import type { Migration } from './migration';

/** Versions 2–99 (after the core's 1). */
export const ANIMATION_MIGRATIONS: ReadonlyArray<Migration> = [
  {
    version: 2,
    sql: `
      -- The facilitator's room (phases, timer, main levée, tables, safe mode, themes) as one
      -- versioned JSON record: two consoles update it with optimistic concurrency.
      ALTER TABLE workshops ADD COLUMN room_json TEXT NOT NULL DEFAULT '';
      ALTER TABLE workshops ADD COLUMN room_version INTEGER NOT NULL DEFAULT 0;
      -- Table helpers (assisted posting) and observers (read-only) have links of their own.
      ALTER TABLE workshops ADD COLUMN helper_token_hash TEXT;
      ALTER TABLE workshops ADD COLUMN observer_token_hash TEXT;
      CREATE UNIQUE INDEX workshops_by_helper_token ON workshops(helper_token_hash);
      CREATE UNIQUE INDEX workshops_by_observer_token ON workshops(observer_token_hash);

      -- resident (own phone), assisted (a helper types for them), paper (the facilitator's paper post-its).
      ALTER TABLE participants ADD COLUMN kind TEXT NOT NULL DEFAULT 'resident';
      ALTER TABLE participants ADD COLUMN table_id INTEGER;

      ALTER TABLE ideas ADD COLUMN table_id INTEGER;
      ALTER TABLE ideas ADD COLUMN phase_id TEXT;
      ALTER TABLE ideas ADD COLUMN origin TEXT NOT NULL DEFAULT 'phone';
      ALTER TABLE ideas ADD COLUMN original_text TEXT;
      ALTER TABLE ideas ADD COLUMN pending INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE ideas ADD COLUMN parked INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE ideas ADD COLUMN merged_into TEXT;
      ALTER TABLE ideas ADD COLUMN theme TEXT;

      -- Methods saved for the next facilitator.
      CREATE TABLE method_templates (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        description TEXT NOT NULL,
        phases_json TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 3,
    sql: `
      -- The closing questionnaire: who answered (to answer once) and the answers, kept apart with
      -- no link between them. WITHOUT ROWID keeps rows in key order (random ids), not arrival
      -- order, so the two tables cannot be matched by position either.
      CREATE TABLE questionnaire_respondents (
        participant_id TEXT PRIMARY KEY REFERENCES participants(id) ON DELETE CASCADE,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE questionnaire_answers (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        answer_json TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX questionnaire_answers_by_workshop ON questionnaire_answers(workshop_id);
    `,
  },
  {
    version: 4,
    sql: `
      -- The staff's list of people (listRoster), rebuilt twice a second while thousands join:
      -- read in join order from this index alone, with no sort and no visit of the table.
      CREATE INDEX participants_roster ON participants(workshop_id, created_at, id, site_id, table_id, kind);
    `,
  },
];
