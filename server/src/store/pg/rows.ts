/** PostgreSQL's own side of the rows: writing an idea's values, sorting text (reading rows back is shared: ../coreRows). */
import type { Idea } from '@gommette/shared';

/** Columns of `ideas` in the order of `ideaValues`. */
export const IDEA_COLUMNS =
  'id, workshop_id, site_id, participant_id, text, hidden, created_at, table_id, phase_id, origin, original_text, pending, parked, merged_into, theme';

export const ideaValues = (idea: Idea): unknown[] => [
  idea.id,
  idea.workshopId,
  idea.siteId,
  idea.participantId,
  idea.text,
  idea.hidden,
  idea.createdAt,
  idea.tableId,
  idea.phaseId,
  idea.origin,
  idea.originalText,
  idea.pending,
  idea.parked,
  idea.mergedInto,
  idea.theme,
];

/** Text sorts byte by byte, as SQLite's BINARY collation does, whatever the database's locale. */
export const BINARY = 'COLLATE "C"';
