import type { Site } from '@gommette/shared';
import { isMood, isParticipantKind } from '@gommette/shared';
import type { ParticipantRecord, WorkshopRecord } from './WorkshopStore';

/**
 * Rows of the core tables (workshops, sites, participants) as both adapters read them back
 * (PostgreSQL's BIGINT already parsed to numbers), and the records they make.
 */
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
