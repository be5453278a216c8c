import type { Migration } from './migration';

/** Versions 400–499: briefs and the follow-up page. */
export const RETOUR_MIGRATIONS: ReadonlyArray<Migration> = [
  {
    version: 400,
    sql: `
      -- One brief ("fiche solution") per chosen solution, stored whole as JSON (validated by
      -- briefSchema when read): its pre-filled, traced elements, fields, timeline and news.
      -- No participant id: ideas are referenced by id only.
      CREATE TABLE briefs (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        data TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX briefs_by_workshop ON briefs(workshop_id, created_at);

      -- The workshop is over (the join link leads to the follow-up page) and the next meeting.
      CREATE TABLE follow_ups (
        workshop_id TEXT PRIMARY KEY REFERENCES workshops(id) ON DELETE CASCADE,
        finished_at INTEGER,
        next_meeting TEXT
      ) STRICT;
    `,
  },
  {
    version: 401,
    sql: `
      -- The participant's phone showed a card of an earlier workshop of the same centre (1) or not (0).
      -- Only this flag: never the old card, never which participant it was.
      ALTER TABLE participants ADD COLUMN seen_before INTEGER NOT NULL DEFAULT 0 CHECK (seen_before IN (0, 1));
    `,
  },
];
