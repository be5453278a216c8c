import type { Migration } from './migration';

/**
 * Versions 100–199. A gommette row keeps its voter so the server can enforce budgets, caps and
 * take-backs; it has no time column (no ordering to correlate with who was at the kiosk when),
 * and nothing but aggregates is ever read out of it for anyone else.
 */
export const VOTE_MIGRATIONS: ReadonlyArray<Migration> = [
  {
    version: 100,
    sql: `
      CREATE TABLE vote_rounds (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        idea_ids TEXT NOT NULL,
        budget INTEGER NOT NULL CHECK (budget > 0),
        stacking INTEGER NOT NULL,
        cap_per_idea INTEGER,
        self_vote INTEGER NOT NULL,
        results TEXT NOT NULL CHECK (results IN ('live', 'hidden')),
        closes_at INTEGER,
        status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
        opened_at INTEGER NOT NULL,
        closed_at INTEGER,
        revealed_at INTEGER,
        version INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX vote_rounds_by_workshop ON vote_rounds(workshop_id, opened_at);
      CREATE UNIQUE INDEX vote_rounds_one_open ON vote_rounds(workshop_id) WHERE status = 'open';

      CREATE TABLE vote_gommettes (
        id TEXT PRIMARY KEY,
        round_id TEXT NOT NULL REFERENCES vote_rounds(id) ON DELETE CASCADE,
        voter_id TEXT NOT NULL,
        voter_kind TEXT NOT NULL CHECK (voter_kind IN ('phone', 'kiosk')),
        site_id TEXT NOT NULL,
        idea_id TEXT NOT NULL,
        taken_back INTEGER NOT NULL DEFAULT 0,
        take_back_id TEXT UNIQUE
      ) STRICT;
      CREATE INDEX vote_gommettes_by_voter ON vote_gommettes(round_id, voter_id);
      CREATE INDEX vote_gommettes_by_idea ON vote_gommettes(round_id, site_id, idea_id);

      CREATE TABLE vote_paper (
        round_id TEXT NOT NULL REFERENCES vote_rounds(id) ON DELETE CASCADE,
        site_id TEXT NOT NULL,
        idea_id TEXT NOT NULL,
        count INTEGER NOT NULL CHECK (count >= 0),
        PRIMARY KEY (round_id, site_id, idea_id)
      ) STRICT;

      CREATE TABLE vote_kiosk_voters (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        site_id TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE vote_kiosks (
        site_id TEXT PRIMARY KEY REFERENCES sites(id) ON DELETE CASCADE,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        token_hash TEXT NOT NULL UNIQUE
      ) STRICT;

      CREATE TABLE matrix_axes (
        workshop_id TEXT PRIMARY KEY REFERENCES workshops(id) ON DELETE CASCADE,
        easy TEXT NOT NULL,
        priority TEXT NOT NULL
      ) STRICT;

      CREATE TABLE matrix_placements (
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        idea_id TEXT NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
        easy INTEGER NOT NULL,
        priority INTEGER NOT NULL,
        PRIMARY KEY (workshop_id, idea_id)
      ) STRICT;
    `,
  },
  {
    // Issue 20: gommettes were stored under the participant's (or kiosk turn's) own id. They are now
    // stored under a per-round HMAC key (vote/voterKey.ts) the SQL cannot compute, so each earlier
    // (round, voter) pair gets a random key instead: the per-voter counts stay, the link is gone.
    // A voter of a round open during the upgrade starts that round's budget afresh. Kiosk turns
    // keep the hour only.
    version: 101,
    sql: `
      CREATE TEMP TABLE vote_rekey AS
        SELECT round_id, voter_id, lower(hex(randomblob(32))) AS voter_key
        FROM (SELECT DISTINCT round_id, voter_id FROM vote_gommettes);
      UPDATE vote_gommettes SET voter_id = (
        SELECT voter_key FROM vote_rekey WHERE vote_rekey.round_id = vote_gommettes.round_id AND vote_rekey.voter_id = vote_gommettes.voter_id
      );
      DROP TABLE vote_rekey;
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
    // Issue 20: a round still open when migration 101 re-keyed its gommettes would let each of its
    // voters spend the budget again (their earlier gommettes no longer count as theirs), and count
    // them twice among voters. Such a round is closed, at the time 101 ran; its results stay.
    version: 103,
    sql: `
      UPDATE vote_rounds SET status = 'closed', closed_at = (SELECT applied_at FROM schema_migrations WHERE version = 101)
      WHERE status = 'open' AND opened_at < (SELECT applied_at FROM schema_migrations WHERE version = 101);
    `,
  },
  {
    // Issue 17: the live results' tally reads only indexes, in their order: the gommettes per site
    // and idea, and the distinct voters per site and kind (about 20 ms at 10,000 gommettes before,
    // read up to ten times a second by every node during a vote).
    version: 104,
    sql: `
      DROP INDEX vote_gommettes_by_idea;
      CREATE INDEX vote_gommettes_by_idea ON vote_gommettes(round_id, site_id, idea_id, taken_back);
      CREATE INDEX vote_gommettes_voters ON vote_gommettes(round_id, site_id, voter_kind, voter_id, taken_back);
    `,
  },
];
