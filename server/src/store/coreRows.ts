import type { Idea, RoomState, Site } from '@gommette/shared';
import { IDEA_ORIGINS, emptyMoodCounts, isMood, isParticipantKind } from '@gommette/shared';
import type { ParticipantCounts, ParticipantRecord, WorkshopRecord } from './WorkshopStore';

/**
 * Rows of the core tables (workshops, sites, participants, ideas) as both adapters read them
 * back (PostgreSQL's BIGINT already parsed to numbers), and the records they make. The one
 * difference between the drivers is a boolean column: SQLite has no boolean type and stores 0
 * or 1, PostgreSQL's BOOLEAN comes back as true or false (`Flag`).
 */

/** A boolean column: 0/1 from SQLite, false/true from PostgreSQL. */
export type Flag = number | boolean;
export const isSet = (flag: Flag): boolean => flag === true || flag === 1;

export interface ParticipantRow {
  id: string;
  workshop_id: string;
  site_id: string;
  card_hash: string;
  nickname: string | null;
  mood: string;
  created_at: number;
  kind: string;
  table_id: number | null;
}

export interface WorkshopRow {
  id: string;
  title: string;
  question: string;
  purpose: string;
  facilitator_token_hash: string;
  screen_token_hash: string;
  helper_token_hash: string | null;
  observer_token_hash: string | null;
  created_at: number;
}

export interface SiteRow {
  id: string;
  workshop_id: string;
  name: string;
  join_code: string;
  position: number;
}

export const toWorkshop = (row: WorkshopRow): WorkshopRecord => ({
  id: row.id,
  title: row.title,
  question: row.question,
  purpose: row.purpose,
  facilitatorTokenHash: row.facilitator_token_hash,
  screenTokenHash: row.screen_token_hash,
  helperTokenHash: row.helper_token_hash,
  observerTokenHash: row.observer_token_hash,
  createdAt: row.created_at,
});

export const toSite = (row: SiteRow): Site => ({
  id: row.id,
  workshopId: row.workshop_id,
  name: row.name,
  joinCode: row.join_code,
  position: row.position,
});

export const toParticipant = (row: ParticipantRow): ParticipantRecord => ({
  id: row.id,
  workshopId: row.workshop_id,
  siteId: row.site_id,
  cardHash: row.card_hash,
  nickname: row.nickname,
  mood: isMood(row.mood) ? row.mood : 'cloudy',
  createdAt: row.created_at,
  kind: isParticipantKind(row.kind) ? row.kind : 'resident',
  tableId: row.table_id,
});

export interface IdeaRow {
  id: string;
  workshop_id: string;
  site_id: string;
  participant_id: string;
  text: string;
  hidden: Flag;
  created_at: number;
  table_id: number | null;
  phase_id: string | null;
  origin: string;
  original_text: string | null;
  pending: Flag;
  parked: Flag;
  merged_into: string | null;
  theme: string | null;
}

export const toIdea = (row: IdeaRow): Idea => ({
  id: row.id,
  workshopId: row.workshop_id,
  siteId: row.site_id,
  participantId: row.participant_id,
  text: row.text,
  hidden: isSet(row.hidden),
  createdAt: row.created_at,
  tableId: row.table_id,
  phaseId: row.phase_id,
  origin: IDEA_ORIGINS.find((origin) => origin === row.origin) ?? 'phone',
  originalText: row.original_text,
  pending: isSet(row.pending),
  parked: isSet(row.parked),
  mergedInto: row.merged_into,
  theme: row.theme,
});

/** A workshop's room as stored (JSON and its version column); null before its first save. */
export function toRoom(row: { room_json: string; room_version: number } | null | undefined): RoomState | null {
  if (!row || row.room_json === '') return null;
  return { ...(JSON.parse(row.room_json) as RoomState), version: row.room_version };
}

/** Participants grouped by site, mood, kind and table (paper authors left out by the query): the counts staff see. */
export interface ParticipantGroupRow {
  site_id: string;
  mood: string;
  kind: string;
  table_id: number | null;
  n: number;
  seen_before: number;
}

export function toParticipantCounts(groups: ReadonlyArray<ParticipantGroupRow>): ParticipantCounts {
  const counts: ParticipantCounts = { total: 0, bySite: {}, byTable: {}, assisted: 0, returning: 0, moods: emptyMoodCounts() };
  for (const row of groups) {
    counts.total += row.n;
    counts.returning += row.seen_before;
    counts.bySite[row.site_id] = (counts.bySite[row.site_id] ?? 0) + row.n;
    if (row.table_id !== null) counts.byTable[row.table_id] = (counts.byTable[row.table_id] ?? 0) + row.n;
    if (row.kind === 'assisted') counts.assisted += row.n;
    if (isMood(row.mood)) counts.moods[row.mood] += row.n;
  }
  return counts;
}
