import type { Migration } from '../sqlite/migration';

/** Versions 100–199 (see sqlite/migrations.votes.ts: a gommette has no time column). */
export const PG_VOTE_MIGRATIONS: ReadonlyArray<Migration> = [
  {
    version: 100,
    sql: `
      CREATE TABLE vote_rounds (
        id TEXT PRIMARY KEY,
        seq BIGINT GENERATED ALWAYS AS IDENTITY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        idea_ids TEXT NOT NULL,
        budget INTEGER NOT NULL CHECK (budget > 0),
        stacking BOOLEAN NOT NULL,
        cap_per_idea INTEGER,
        self_vote BOOLEAN NOT NULL,
        results TEXT NOT NULL CHECK (results IN ('live', 'hidden')),
        closes_at BIGINT,
        status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
        opened_at BIGINT NOT NULL,
        closed_at BIGINT,
        revealed_at BIGINT,
        version INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX vote_rounds_by_workshop ON vote_rounds(workshop_id, opened_at);
      CREATE UNIQUE INDEX vote_rounds_one_open ON vote_rounds(workshop_id) WHERE status = 'open';

      CREATE TABLE vote_gommettes (
        id TEXT PRIMARY KEY,
        seq BIGINT GENERATED ALWAYS AS IDENTITY,
        round_id TEXT NOT NULL REFERENCES vote_rounds(id) ON DELETE CASCADE,
        voter_id TEXT NOT NULL,
        voter_kind TEXT NOT NULL CHECK (voter_kind IN ('phone', 'kiosk')),
        site_id TEXT NOT NULL,
        idea_id TEXT NOT NULL,
        taken_back BOOLEAN NOT NULL DEFAULT false,
        take_back_id TEXT UNIQUE
      );
      CREATE INDEX vote_gommettes_by_voter ON vote_gommettes(round_id, voter_id);
      CREATE INDEX vote_gommettes_by_idea ON vote_gommettes(round_id, site_id, idea_id);

      CREATE TABLE vote_paper (
        round_id TEXT NOT NULL REFERENCES vote_rounds(id) ON DELETE CASCADE,
        site_id TEXT NOT NULL,
        idea_id TEXT NOT NULL,
        count INTEGER NOT NULL CHECK (count >= 0),
        PRIMARY KEY (round_id, site_id, idea_id)
      );

      CREATE TABLE vote_kiosk_voters (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        site_id TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
        created_at BIGINT NOT NULL
      );

      CREATE TABLE vote_kiosks (
        site_id TEXT PRIMARY KEY REFERENCES sites(id) ON DELETE CASCADE,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        token_hash TEXT NOT NULL UNIQUE
      );

      CREATE TABLE matrix_axes (
        workshop_id TEXT PRIMARY KEY REFERENCES workshops(id) ON DELETE CASCADE,
        easy TEXT NOT NULL,
        priority TEXT NOT NULL
      );

      CREATE TABLE matrix_placements (
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        idea_id TEXT NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
        seq BIGINT GENERATED ALWAYS AS IDENTITY,
        easy INTEGER NOT NULL,
        priority INTEGER NOT NULL,
        PRIMARY KEY (workshop_id, idea_id)
      );
    `,
  },
  {
    // Issue 20, see sqlite/migrations.votes.ts version 101.
    version: 101,
    sql: `
      WITH rekey AS (
        SELECT round_id, voter_id, encode(sha256((gen_random_uuid()::text || gen_random_uuid()::text)::bytea), 'hex') AS voter_key
        FROM (SELECT DISTINCT round_id, voter_id FROM vote_gommettes) AS voters
      )
      UPDATE vote_gommettes AS g SET voter_id = rekey.voter_key
      FROM rekey WHERE g.round_id = rekey.round_id AND g.voter_id = rekey.voter_id;
      UPDATE vote_kiosk_voters SET created_at = created_at - created_at % 3600000;
    `,
  },
  {
    // Issue 20: a site's kiosk link can be revoked alone; its token derives from the console link,
    // the site and this generation (0: as before), raised by each revocation.
    version: 102,
    sql: `ALTER TABLE vote_kiosks ADD COLUMN generation INTEGER NOT NULL DEFAULT 0;`,
  },
  {
    // Issue 20, see sqlite/migrations.votes.ts version 103.
    version: 103,
    sql: `
      UPDATE vote_rounds SET status = 'closed', closed_at = (SELECT applied_at FROM schema_migrations WHERE version = 101)
      WHERE status = 'open' AND opened_at < (SELECT applied_at FROM schema_migrations WHERE version = 101);
    `,
  },
  {
    // Issue 17, see sqlite/migrations.votes.ts version 104 (partial indexes: only what counts).
    version: 104,
    sql: `
      DROP INDEX vote_gommettes_by_idea;
      CREATE INDEX vote_gommettes_by_idea ON vote_gommettes(round_id, site_id, idea_id) WHERE NOT taken_back;
      CREATE INDEX vote_gommettes_voters ON vote_gommettes(round_id, site_id, voter_kind, voter_id) WHERE NOT taken_back;
    `,
  },
];
