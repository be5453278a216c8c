import { ANIMATION_MIGRATIONS } from './migrations.animation';
import { BOARD_MIGRATIONS } from './migrations.board';
import { CENTRE_MIGRATIONS } from './migrations.centre';
import { RETOUR_MIGRATIONS } from './migrations.retour';
import { VOTE_MIGRATIONS } from './migrations.votes';
import type { Migration } from './migration';

/**
 * Versioned schema migrations, applied at start-up inside one transaction each.
 * Never edit a released migration: append a new one. Each area owns a range of versions
 * (core and animation 1–99, votes 100–199, boards 200–299, centres 300–399) so they never collide.
 */
const CORE_MIGRATIONS: ReadonlyArray<Migration> = [
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
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE sites (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        join_code TEXT NOT NULL UNIQUE,
        position INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX sites_by_workshop ON sites(workshop_id, position);

      CREATE TABLE participants (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        site_id TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
        card_hash TEXT NOT NULL UNIQUE,
        nickname TEXT,
        mood TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX participants_by_workshop ON participants(workshop_id);

      -- One row per device: a participant card lets a resident add a phone without
      -- logging the first one out.
      CREATE TABLE participant_tokens (
        token_hash TEXT PRIMARY KEY,
        participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX participant_tokens_by_participant ON participant_tokens(participant_id);

      CREATE TABLE ideas (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        site_id TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
        participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        hidden INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX ideas_by_workshop ON ideas(workshop_id, created_at);
      CREATE INDEX ideas_by_participant ON ideas(participant_id, created_at);
    `,
  },
];

export const MIGRATIONS: ReadonlyArray<Migration> = [
  ...CORE_MIGRATIONS,
  ...ANIMATION_MIGRATIONS,
  ...VOTE_MIGRATIONS,
  ...BOARD_MIGRATIONS,
  ...CENTRE_MIGRATIONS,
  ...RETOUR_MIGRATIONS,
];
