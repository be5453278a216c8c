import type { Idea } from '@gommette/shared';
import { IDEA_ORIGINS } from '@gommette/shared';

/** Rows of the core tables as PostgreSQL returns them (BIGINT already parsed to numbers); see also ../coreRows. */
export interface IdeaRow {
  id: string;
  workshop_id: string;
  site_id: string;
  participant_id: string;
  text: string;
  hidden: boolean;
  created_at: number;
  table_id: number | null;
  phase_id: string | null;
  origin: string;
  original_text: string | null;
  pending: boolean;
  parked: boolean;
  merged_into: string | null;
  theme: string | null;
}

export const toIdea = (row: IdeaRow): Idea => ({
  id: row.id,
  workshopId: row.workshop_id,
  siteId: row.site_id,
  participantId: row.participant_id,
  text: row.text,
  hidden: row.hidden,
  createdAt: row.created_at,
  tableId: row.table_id,
  phaseId: row.phase_id,
  origin: IDEA_ORIGINS.find((origin) => origin === row.origin) ?? 'phone',
  originalText: row.original_text,
  pending: row.pending,
  parked: row.parked,
  mergedInto: row.merged_into,
  theme: row.theme,
});

/** Columns of `ideas` in the order of `ideaValues`. */
export const IDEA_COLUMNS = 'id, workshop_id, site_id, participant_id, text, hidden, created_at, table_id, phase_id, origin, original_text, pending, parked, merged_into, theme';

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

export { toParticipant, toSite, toWorkshop, type ParticipantRow, type SiteRow, type WorkshopRow } from '../coreRows';
