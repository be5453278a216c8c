import { isCentreRole, questionnaireSchema, type CentreRole } from '@gommette/shared';
import type { AccountRecord, CentreRecord, CentreWorkshopRecord, QuestionnaireTemplateRecord, SeriesRecord, StaffLinkRecord } from './CentreStore';
import { isSet, type Flag } from './coreRows';

/** Rows of the centre's tables that both adapters read back alike, and the records they make. */
export interface AccountRow {
  id: string;
  login: string;
  password_hash: string;
  created_at: number;
}

export interface CentreWorkshopRow {
  workshop_id: string;
  centre_id: string;
  series_id: string | null;
  position: number;
  created_by: string | null;
  facilitator_token: string;
  personal_data_erased_at: number | null;
  screen_generation: number;
}

export interface SeriesRow {
  id: string;
  centre_id: string;
  title: string;
  question: string;
  created_at: number;
}

export interface StaffLinkRow {
  token_hash: string;
  workshop_id: string;
  role: string;
  link_id: string;
  issued_by: string | null;
  created_at: number;
  revoked_at: number | null;
}

export const toAccount = (row: AccountRow): AccountRecord => ({ id: row.id, login: row.login, passwordHash: row.password_hash, createdAt: row.created_at });
export const toSeries = (row: SeriesRow): SeriesRecord => ({
  id: row.id,
  centreId: row.centre_id,
  title: row.title,
  question: row.question,
  createdAt: row.created_at,
});
export const toCentreWorkshop = (row: CentreWorkshopRow): CentreWorkshopRecord => ({
  workshopId: row.workshop_id,
  centreId: row.centre_id,
  seriesId: row.series_id,
  position: row.position,
  createdBy: row.created_by,
  facilitatorToken: row.facilitator_token,
  personalDataErasedAt: row.personal_data_erased_at,
  screenGeneration: Number(row.screen_generation),
});
export const toStaffLink = (row: StaffLinkRow): StaffLinkRecord => ({
  tokenHash: row.token_hash,
  workshopId: row.workshop_id,
  role: row.role === 'observer' ? 'observer' : 'helper',
  linkId: row.link_id,
  issuedBy: row.issued_by,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
});

export interface CentreRow {
  id: string;
  name: string;
  town: string;
  retention_days: number | null;
  territory_opt_in: Flag;
  created_at: number;
}

export interface QuestionnaireTemplateRow {
  id: string;
  centre_id: string;
  name: string;
  questionnaire_json: string;
  shared: Flag;
  created_at: number;
}

export const toCentre = (row: CentreRow): CentreRecord => ({
  id: row.id,
  name: row.name,
  town: row.town,
  retentionDays: row.retention_days,
  territoryOptIn: isSet(row.territory_opt_in),
  createdAt: row.created_at,
});

export const toRole = (value: string): CentreRole => (isCentreRole(value) ? value : 'facilitator');

export const toQuestionnaireTemplate = (row: QuestionnaireTemplateRow): QuestionnaireTemplateRecord => ({
  id: row.id,
  centreId: row.centre_id,
  name: row.name,
  questionnaire: questionnaireSchema.parse(JSON.parse(row.questionnaire_json)),
  shared: isSet(row.shared),
  createdAt: row.created_at,
});
