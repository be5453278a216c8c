import type { Migration } from './migration';

/**
 * Versions 300–399: the centre's space. Linked to workshops by tables of their own (the
 * `workshops` table is not altered); deleting a workshop cascades into them.
 */
export const CENTRE_MIGRATIONS: ReadonlyArray<Migration> = [
  {
    version: 300,
    sql: `
      CREATE TABLE centres (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        town TEXT NOT NULL,
        -- Days after a workshop's creation when its participants' tokens, cards and nicknames are erased.
        retention_days INTEGER,
        territory_opt_in INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        login TEXT NOT NULL UNIQUE,
        password_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE centre_members (
        centre_id TEXT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (centre_id, account_id)
      ) STRICT;
      CREATE INDEX centre_members_by_account ON centre_members(account_id);

      CREATE TABLE account_sessions (
        token_hash TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX account_sessions_by_account ON account_sessions(account_id);

      CREATE TABLE centre_invitations (
        token_hash TEXT PRIMARY KEY,
        centre_id TEXT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        used_at INTEGER
      ) STRICT;

      CREATE TABLE centre_series (
        id TEXT PRIMARY KEY,
        centre_id TEXT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        question TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX centre_series_by_centre ON centre_series(centre_id, created_at);

      -- The facilitator token is kept so that members can open the console from the space; for a
      -- centre workshop the token alone opens nothing (a signed-in member is also required).
      CREATE TABLE centre_workshops (
        workshop_id TEXT PRIMARY KEY REFERENCES workshops(id) ON DELETE CASCADE,
        centre_id TEXT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
        series_id TEXT REFERENCES centre_series(id) ON DELETE SET NULL,
        position INTEGER NOT NULL,
        created_by TEXT REFERENCES accounts(id) ON DELETE SET NULL,
        facilitator_token TEXT NOT NULL,
        personal_data_erased_at INTEGER
      ) STRICT;
      CREATE INDEX centre_workshops_by_centre ON centre_workshops(centre_id);
      CREATE INDEX centre_workshops_by_series ON centre_workshops(series_id, position);

      CREATE TABLE template_centres (
        template_id TEXT PRIMARY KEY REFERENCES method_templates(id) ON DELETE CASCADE,
        centre_id TEXT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
        shared INTEGER NOT NULL DEFAULT 0,
        copied_from TEXT
      ) STRICT;
      CREATE INDEX template_centres_by_centre ON template_centres(centre_id);
    `,
  },
  {
    version: 301,
    sql: `
      -- Table helpers' and observers' links of a centre's workshop: each one can be revoked by a
      -- member, and stops working when the member who issued it leaves the centre. The link
      -- itself stays the credential (a volunteer needs no account); only its hash is stored.
      -- link_id 'initial' is the link made with the workshop (derived as before); others are
      -- derived from the facilitator token and their own link_id, so members can show them again.
      CREATE TABLE centre_staff_links (
        token_hash TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('helper', 'observer')),
        link_id TEXT NOT NULL,
        issued_by TEXT REFERENCES accounts(id) ON DELETE SET NULL,
        created_at INTEGER NOT NULL,
        revoked_at INTEGER,
        UNIQUE (workshop_id, role, link_id)
      ) STRICT;
      INSERT INTO centre_staff_links (token_hash, workshop_id, role, link_id, issued_by, created_at)
        SELECT w.helper_token_hash, w.id, 'helper', 'initial', cw.created_by, w.created_at
        FROM workshops w JOIN centre_workshops cw ON cw.workshop_id = w.id WHERE w.helper_token_hash IS NOT NULL;
      INSERT INTO centre_staff_links (token_hash, workshop_id, role, link_id, issued_by, created_at)
        SELECT w.observer_token_hash, w.id, 'observer', 'initial', cw.created_by, w.created_at
        FROM workshops w JOIN centre_workshops cw ON cw.workshop_id = w.id WHERE w.observer_token_hash IS NOT NULL;

      -- Closing questionnaires saved in a centre (JSON validated by questionnaireSchema when read).
      CREATE TABLE questionnaire_templates (
        id TEXT PRIMARY KEY,
        centre_id TEXT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        questionnaire_json TEXT NOT NULL,
        shared INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX questionnaire_templates_by_centre ON questionnaire_templates(centre_id, created_at);

      -- Briefs a centre shares with the other centres of the instance (read live, anonymised on the
      -- way out). No foreign key to briefs (created by a later migration); briefs are only ever
      -- deleted with their workshop, which this cascades from.
      CREATE TABLE shared_briefs (
        brief_id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        centre_id TEXT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
        shared_at INTEGER NOT NULL
      ) STRICT;

      -- A shared brief another centre copied as a starting point: the anonymised snapshot (JSON).
      CREATE TABLE brief_copies (
        id TEXT PRIMARY KEY,
        centre_id TEXT NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
        content_json TEXT NOT NULL,
        copied_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX brief_copies_by_centre ON brief_copies(centre_id, copied_at);
    `,
  },
  {
    // Issue 20: the projector's link can be revoked alone; its token derives from the console link
    // and this generation (0: as before), raised by each revocation.
    version: 302,
    sql: `ALTER TABLE centre_workshops ADD COLUMN screen_generation INTEGER NOT NULL DEFAULT 0;`,
  },
];
