import type { Migration } from '../sqlite/migration';
import { PG_BOARD_MIGRATIONS } from './migrations.board';
import { PG_CENTRE_MIGRATIONS } from './migrations.centre';
import { PG_RETOUR_MIGRATIONS } from './migrations.retour';
import { PG_VOTE_MIGRATIONS } from './migrations.votes';

/**
 * The PostgreSQL schema, versioned like SQLite's (same version numbers and ranges per area, so a
 * change to one adapter's schema is easy to mirror in the other). Never edit a released migration:
 * append one. Differences from SQLite: BOOLEAN for flags, BIGINT for times in ms, BYTEA for Yjs
 * updates, and an identity column `seq` where SQLite ordered by its implicit rowid.
 */
const PG_CORE_MIGRATIONS: ReadonlyArray<Migration> = [
  {
    version: 1,
    sql: `
      CREATE TABLE workshops (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        question TEXT NOT NULL,
        purpose TEXT NOT NULL CHECK (length(purpose) > 0),
        facilitator_token_hash TEXT NOT NULL UNIQUE,
        screen_token_hash TEXT NOT NULL UNIQUE,
        created_at BIGINT NOT NULL
      );

      CREATE TABLE sites (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        join_code TEXT NOT NULL UNIQUE,
        position INTEGER NOT NULL
      );
      CREATE INDEX sites_by_workshop ON sites(workshop_id, position);

      CREATE TABLE participants (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        site_id TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
        card_hash TEXT NOT NULL UNIQUE,
        nickname TEXT,
        mood TEXT NOT NULL,
        created_at BIGINT NOT NULL
      );
      CREATE INDEX participants_by_workshop ON participants(workshop_id);

      CREATE TABLE participant_tokens (
        token_hash TEXT PRIMARY KEY,
        participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        created_at BIGINT NOT NULL
      );
      CREATE INDEX participant_tokens_by_participant ON participant_tokens(participant_id);

      CREATE TABLE ideas (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        site_id TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
        participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        hidden BOOLEAN NOT NULL DEFAULT false,
        created_at BIGINT NOT NULL
      );
      CREATE INDEX ideas_by_workshop ON ideas(workshop_id, created_at);
      CREATE INDEX ideas_by_participant ON ideas(participant_id, created_at);
    `,
  },
  {
    version: 2,
    sql: `
      ALTER TABLE workshops ADD COLUMN room_json TEXT NOT NULL DEFAULT '';
      ALTER TABLE workshops ADD COLUMN room_version INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE workshops ADD COLUMN helper_token_hash TEXT;
      ALTER TABLE workshops ADD COLUMN observer_token_hash TEXT;
      CREATE UNIQUE INDEX workshops_by_helper_token ON workshops(helper_token_hash);
      CREATE UNIQUE INDEX workshops_by_observer_token ON workshops(observer_token_hash);

      ALTER TABLE participants ADD COLUMN kind TEXT NOT NULL DEFAULT 'resident';
      ALTER TABLE participants ADD COLUMN table_id INTEGER;

      ALTER TABLE ideas ADD COLUMN table_id INTEGER;
      ALTER TABLE ideas ADD COLUMN phase_id TEXT;
      ALTER TABLE ideas ADD COLUMN origin TEXT NOT NULL DEFAULT 'phone';
      ALTER TABLE ideas ADD COLUMN original_text TEXT;
      ALTER TABLE ideas ADD COLUMN pending BOOLEAN NOT NULL DEFAULT false;
      ALTER TABLE ideas ADD COLUMN parked BOOLEAN NOT NULL DEFAULT false;
      ALTER TABLE ideas ADD COLUMN merged_into TEXT;
      ALTER TABLE ideas ADD COLUMN theme TEXT;

      CREATE TABLE method_templates (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        description TEXT NOT NULL,
        phases_json TEXT NOT NULL,
        created_at BIGINT NOT NULL
      );
    `,
  },
  {
    version: 3,
    sql: `
      -- Who answered and the answers, kept apart with no link between them (answers are listed
      -- in the order of their random ids, never in arrival order).
      CREATE TABLE questionnaire_respondents (
        participant_id TEXT PRIMARY KEY REFERENCES participants(id) ON DELETE CASCADE,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE
      );
      CREATE TABLE questionnaire_answers (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        answer_json TEXT NOT NULL
      );
      CREATE INDEX questionnaire_answers_by_workshop ON questionnaire_answers(workshop_id);
    `,
  },
  {
    version: 4,
    sql: `
      -- The staff's list of people (listRoster), rebuilt twice a second while thousands join:
      -- read in join order from this index alone.
      CREATE INDEX participants_roster ON participants(workshop_id, created_at, id COLLATE "C") INCLUDE (site_id, table_id, kind);
    `,
  },
];

export const PG_MIGRATIONS: ReadonlyArray<Migration> = [
  ...PG_CORE_MIGRATIONS,
  ...PG_VOTE_MIGRATIONS,
  ...PG_BOARD_MIGRATIONS,
  ...PG_CENTRE_MIGRATIONS,
  ...PG_RETOUR_MIGRATIONS,
];
