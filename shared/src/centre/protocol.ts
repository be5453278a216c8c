import type { BriefStatus } from '../retour/brief';
/**
 * REST bodies and answers of the centre's space (accounts, members, invitations, workshops and
 * series, templates, figures, data rights). Every body has a zod schema parsed at the edge.
 */
import { z } from 'zod';
import { MAX_QUESTION_CHARS, MAX_TITLE_CHARS } from '../constants';
import { phasesSchema } from '../animation/protocol';
import type { MethodTemplate } from '../animation/method';
import type { CreateWorkshopResponse } from '../protocol';
import { CENTRE_ROLES, type CentreRole } from './roles';
import type { CentreFigures, ShownCount, TerritoryFigures } from './figures';
import type { CentreWorkshopStatus } from './status';

export const MAX_CENTRE_NAME_CHARS = 100;
export const MAX_TOWN_CHARS = 80;
export const MIN_PASSWORD_CHARS = 10;
export const MAX_PASSWORD_CHARS = 200;
/** The least zxcvbn score (0–4) a new account's password needs: 3 is "safely unguessable" online. */
export const MIN_PASSWORD_SCORE = 3;
/** A login: letters, digits and . _ - @ (an e-mail address works, but none is required). */
export const LOGIN_PATTERN = /^[A-Za-z0-9._@-]{3,64}$/;
export const SESSION_TTL_MS = 30 * 24 * 60 * 60_000;
export const INVITATION_TTL_MS = 14 * 24 * 60 * 60_000;
/**
 * Wrong passwords before sign-in is slowed down, per login from one network address and per
 * address: past them each attempt waits SIGN_IN_DELAY_MS, doubling per further failure up to
 * SIGN_IN_MAX_DELAY_MS, then is judged as usual (the right password still gets in: never a lockout).
 */
export const MAX_SIGN_IN_FAILURES_PER_LOGIN = 5;
export const MAX_SIGN_IN_FAILURES_PER_ADDRESS = 30;
export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const SIGN_IN_DELAY_MS = 1_000;
export const SIGN_IN_MAX_DELAY_MS = 10_000;
export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 3650;
/** The session cookie: HttpOnly, SameSite=Lax; holds a random token whose hash is stored. */
export const SESSION_COOKIE = 'gommette_session';

const bounded = (max: number) => z.string().max(max * 4);
const loginSchema = z.string().regex(LOGIN_PATTERN, 'login: 3–64 letters, digits or . _ - @');
const passwordSchema = z.string().min(MIN_PASSWORD_CHARS).max(MAX_PASSWORD_CHARS);
const secretSchema = z.string().regex(/^[A-Za-z0-9_-]{20,128}$/, 'invalid token');

export const credentialsBody = z.object({ login: loginSchema, password: z.string().min(1).max(MAX_PASSWORD_CHARS) });
export type CredentialsBody = z.infer<typeof credentialsBody>;

/** A new space; without a signed-in account, the admin's login and password come with it. */
export const createCentreBody = z.object({
  name: bounded(MAX_CENTRE_NAME_CHARS),
  town: bounded(MAX_TOWN_CHARS),
  admin: z.object({ login: loginSchema, password: passwordSchema }).optional(),
});
export type CreateCentreBody = z.infer<typeof createCentreBody>;

export const createInvitationBody = z.object({ role: z.enum(CENTRE_ROLES).default('facilitator') });

/** Accepting an invitation: a new account (login + password), or the signed-in one when absent. */
export const acceptInvitationBody = z.object({
  token: secretSchema,
  account: z.object({ login: loginSchema, password: passwordSchema }).optional(),
});
export type AcceptInvitationBody = z.infer<typeof acceptInvitationBody>;

/** Reading an invitation before accepting it: only the centre's name comes back. */
export const invitationLookupBody = z.object({ token: secretSchema });
export interface InvitationLookup {
  centreName: string;
}

export const createSeriesBody = z.object({ title: bounded(MAX_TITLE_CHARS), question: bounded(MAX_QUESTION_CHARS) });
export type CreateSeriesBody = z.infer<typeof createSeriesBody>;

export const centreTemplateBody = z.object({
  name: bounded(80),
  description: bounded(500).optional(),
  phases: phasesSchema,
  shared: z.boolean().default(false),
});
export const shareTemplateBody = z.object({ shared: z.boolean() });

export const centreSettingsBody = z.object({
  /** null: keep participant data until the admin deletes the workshop. */
  retentionDays: z.number().int().min(MIN_RETENTION_DAYS).max(MAX_RETENTION_DAYS).nullable().optional(),
  territoryOptIn: z.boolean().optional(),
});
export type CentreSettingsBody = z.infer<typeof centreSettingsBody>;

export const CENTRE_CSV_TABLES = ['workshops', 'sites', 'participants', 'ideas', 'series', 'members', 'templates'] as const;
export type CentreCsvTable = (typeof CENTRE_CSV_TABLES)[number];

// ---------- answers ----------

export interface AccountView {
  id: string;
  login: string;
  centres: Array<{ id: string; name: string; town: string; role: CentreRole }>;
}

export interface CentreView {
  id: string;
  name: string;
  town: string;
  retentionDays: number | null;
  territoryOptIn: boolean;
}

export interface MemberView {
  accountId: string;
  login: string;
  role: CentreRole;
  since: number;
}

export interface CentreWorkshopView {
  id: string;
  title: string;
  question: string;
  createdAt: number;
  status: CentreWorkshopStatus;
  seriesId: string | null;
  position: number;
  participants: number;
  ideas: number;
  /**
   * The console link (its secret after `#`); it opens only for a signed-in member of the centre.
   * Null, with the projector's link, for a member who neither holds it nor is an admin.
   */
  consoleUrl: string | null;
  screenUrl: string | null;
  /** The participants' personal data was erased by the retention setting (aggregates stay). */
  personalDataErased: boolean;
}

export interface SeriesView {
  id: string;
  title: string;
  question: string;
  createdAt: number;
}

export interface CentreSpace {
  centre: CentreView;
  role: CentreRole;
  workshops: CentreWorkshopView[];
  series: SeriesView[];
  /** Admins only; empty for facilitators. */
  members: MemberView[];
}

/** What a session of a series starts from: what came out of the one before. */
export interface SessionOutcome {
  kind: 'idea' | 'decision';
  text: string;
  /** Ideas: the theme the facilitator grouped it under. */
  detail: string | null;
}

export interface SeriesSession {
  workshopId: string;
  title: string;
  position: number;
  createdAt: number;
  status: CentreWorkshopStatus;
  participants: number;
  ideas: number;
  /** The outcomes of this session (ideas shown to the room; decisions once votes land). */
  outcomes: SessionOutcome[];
}

export interface SeriesDetail {
  series: SeriesView;
  sessions: SeriesSession[];
}

/**
 * The series' public follow-up page (`/suivi/:seriesId`): what residents may see of it, counts only.
 * Issue 6 (briefs, follow-up) will add what was decided and what happened next.
 */
export interface SeriesFollowUp {
  title: string;
  question: string;
  centreName: string;
  town: string;
  /** People are counted with the small-group suppression ("< 5"): the page is public. */
  sessions: Array<{
    title: string;
    position: number;
    date: number;
    status: CentreWorkshopStatus;
    participants: ShownCount;
    ideas: number;
    /** What was decided: the published briefs (workshop marked finished), title and status; empty before. */
    decisions: Array<{ title: string; status: BriefStatus }>;
  }>;
}

export interface CentreTemplateView extends MethodTemplate {
  /** Where it comes from: built in, this centre, or another centre that shared it. */
  scope: 'builtIn' | 'centre' | 'shared';
  shared: boolean;
  centreName: string | null;
}

export interface InvitationResponse {
  inviteUrl: string;
  expiresAt: number;
}

export interface CentreFiguresResponse {
  figures: CentreFigures;
  /**
   * Participations by someone whose phone showed a card of an earlier workshop of this centre
   * (someone at three workshops counts twice); nobody is linked across workshops.
   */
  returning: number;
}

export type TerritoryResponse = TerritoryFigures;

export type CentreWorkshopCreated = CreateWorkshopResponse;

export interface EraseResponse {
  erasedIdeas: number;
  erasedProfile: boolean;
}
