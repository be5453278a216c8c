/**
 * The one typed protocol between phones, consoles, screens and the server.
 * Every command payload has a zod schema; the server parses every payload with it, since
 * TypeScript types protect nothing at run time. Events read `entity:verb`.
 */
import { z } from 'zod';
import type { ErrorCode, PROTOCOL_VERSION } from './constants';
import {
  MAX_EARLIER_CARDS,
  MAX_IDEA_CHARS,
  MAX_UNITS_PER_CHAR,
  MAX_NICKNAME_CHARS,
  MAX_PURPOSE_CHARS,
  MAX_QUESTION_CHARS,
  MAX_SITE_NAME_CHARS,
  MAX_SITES_PER_WORKSHOP,
  MAX_TITLE_CHARS,
} from './constants';
import type { IdeaView } from './domain/idea';
import { animationCommandSchemas, phasesSchema, type PersonView } from './animation/protocol';
import { questionnaireCommandSchemas } from './questionnaire/protocol';
import type { RoomView } from './animation/room';
import type { Translations } from './animation/translations';
import { MAX_TABLES } from './animation/tables';
import { MOODS, type Mood, type MoodCounts } from './domain/participant';
import { kioskAuthSchema, voteCommandSchemas, type VoteCommandResults, type VoteServerEvents, type VoteSnapshot } from './vote/protocol';

/** Raw strings may carry extra spaces; the domain normalises, the schema bounds the size. */
const boundedText = (max: number) => z.string().max(max * 4);
/** An idea's wire bound: the same as `measureIdeaText`'s (`MAX_IDEA_CHARS × MAX_UNITS_PER_CHAR` units). */
const ideaText = z.string().max(MAX_IDEA_CHARS * MAX_UNITS_PER_CHAR);

/** Ids a client generates (ideas now, votes later): URL-safe, long enough to be unique. */
export const clientIdSchema = z.string().regex(/^[A-Za-z0-9_-]{10,64}$/, 'invalid id');
export const serverIdSchema = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'invalid id');
const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,128}$/, 'invalid token');

// ---------- REST bodies ----------

export const createWorkshopBody = z.object({
  title: boundedText(MAX_TITLE_CHARS),
  question: boundedText(MAX_QUESTION_CHARS),
  purpose: boundedText(MAX_PURPOSE_CHARS),
  sites: z
    .array(z.object({ name: boundedText(MAX_SITE_NAME_CHARS) }))
    .min(1)
    .max(MAX_SITES_PER_WORKSHOP),
  /** The method, from a template and adjusted; absent or empty: a free idea wall without phases. */
  phases: phasesSchema.optional(),
  tableCount: z.number().int().min(0).max(MAX_TABLES).optional(),
  safeMode: z.boolean().optional(),
});
export type CreateWorkshopBody = z.infer<typeof createWorkshopBody>;

export const joinBody = z.object({
  mood: z.enum(MOODS),
  nickname: boundedText(MAX_NICKNAME_CHARS).optional(),
  /** Participant cards this phone kept from earlier workshops: only "returning or not" is stored. */
  earlierCards: z.array(z.string().max(32)).max(MAX_EARLIER_CARDS).optional(),
});
export type JoinBody = z.infer<typeof joinBody>;

export const resumeBody = z.object({ cardCode: z.string().max(32) });
export type ResumeBody = z.infer<typeof resumeBody>;

export interface SiteLink {
  id: string;
  name: string;
  joinCode: string;
  joinUrl: string;
}

export interface CreateWorkshopResponse {
  id: string;
  facilitatorUrl: string;
  facilitatorToken: string;
  screenUrl: string;
  screenToken: string;
  /** Table helpers post for residents without a phone. */
  helperUrl: string;
  /** Read-only: sees everything, changes nothing. */
  observerUrl: string;
  sites: SiteLink[];
}

/** What anyone holding a join code may read before joining. */
export interface JoinInfo {
  workshop: { id: string; title: string; question: string; purpose: string };
  site: { id: string; name: string; joinCode: string };
  /** The facilitator's English and Arabic versions of the title, question and purpose. */
  translations?: Translations;
  /** The workshop is over: the join link leads to its follow-up page (`GET /api/follow/:joinCode`). */
  finished?: boolean;
}

export interface ParticipantSelf {
  id: string;
  siteId: string;
  mood: Mood;
  nickname: string | null;
  tableId: number | null;
}

export interface JoinResponse {
  participantToken: string;
  /** Shown once; stored hashed. Lets the resident continue on another device. */
  cardCode: string;
  participant: ParticipantSelf;
  joinCode: string;
}

export interface Presence {
  /** Distinct participants with at least one open connection. */
  total: number;
  bySite: Record<string, number>;
}

export interface ParticipantFigures {
  total: number;
  bySite: Record<string, number>;
  byTable: Record<string, number>;
  /** People without a phone, whose ideas a table helper typed. */
  assisted: number;
  moods: MoodCounts;
}

export interface WorkshopSummary {
  id: string;
  title: string;
  question: string;
  purpose: string;
  createdAt: number;
  sites: SiteLink[];
}

/** `GET /api/workshops/:id` for the facilitator. */
export interface WorkshopState {
  workshop: WorkshopSummary;
  /**
   * The projector, helper and observer links, rebuilt from the facilitator's token. For a centre's
   * workshop, the newest working helper and observer links (null when none works: a member issues
   * a new one from the centre's space).
   */
  screenUrl: string;
  helperUrl: string | null;
  observerUrl: string | null;
  ideas: IdeaView[];
  participants: ParticipantFigures;
  presence: Presence;
}

// ---------- socket.io ----------

export const Role = {
  Participant: 'participant',
  Facilitator: 'facilitator',
  Screen: 'screen',
  Kiosk: 'kiosk',
  Helper: 'helper',
  Observer: 'observer',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

/** The socket.io handshake `auth`: who is connecting, checked before the connection opens. */
export const socketAuthSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal(Role.Participant), protocol: z.number().int(), token: tokenSchema }),
  z.object({ role: z.literal(Role.Facilitator), protocol: z.number().int(), workshopId: serverIdSchema, token: tokenSchema }),
  z.object({ role: z.literal(Role.Screen), protocol: z.number().int(), workshopId: serverIdSchema, token: tokenSchema }),
  z.object({ role: z.literal(Role.Helper), protocol: z.number().int(), workshopId: serverIdSchema, token: tokenSchema }),
  z.object({ role: z.literal(Role.Observer), protocol: z.number().int(), workshopId: serverIdSchema, token: tokenSchema }),
  kioskAuthSchema,
]);
export type SocketAuth = z.infer<typeof socketAuthSchema>;

export const ideaPostPayload = z.object({ id: clientIdSchema, text: ideaText });
export type IdeaPostPayload = z.infer<typeof ideaPostPayload>;

export const ideaHidePayload = z.object({ ideaId: clientIdSchema, hidden: z.boolean() });
export type IdeaHidePayload = z.infer<typeof ideaHidePayload>;

/** Payload schema of every command, by event name: the server's single source of truth. */
export const commandSchemas = {
  'idea:post': ideaPostPayload,
  'idea:hide': ideaHidePayload,
  ...animationCommandSchemas,
  ...questionnaireCommandSchemas,
  ...voteCommandSchemas,
} as const;
export type CommandName = keyof typeof commandSchemas;

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.hasOwn(commandSchemas, name);
}

export type AckOk<T> = { ok: true; data: T };
export type AckError = { ok: false; code: ErrorCode; message: string; retryAfterMs?: number };
export type Ack<T> = AckOk<T> | AckError;

export function ackOk<T>(data: T): AckOk<T> {
  return { ok: true, data };
}

export function ackError(code: ErrorCode, message: string, retryAfterMs?: number): AckError {
  return retryAfterMs === undefined ? { ok: false, code, message } : { ok: false, code, message, retryAfterMs };
}

/** What each command answers with. */
export interface CommandResults extends VoteCommandResults {
  'idea:post': IdeaView;
  'idea:hide': IdeaView;
  'run:control': RoomView;
  'run:hand': RoomView;
  'room:update': RoomView;
  'room:translate': RoomView;
  'tables:pick': ParticipantSelf;
  'tables:assign': { seated: number };
  'tables:mix': { seated: number };
  'idea:moderate': IdeaView;
  'ideas:approveAll': { approved: number };
  'idea:assist': IdeaView;
  'idea:paper': IdeaView;
  'participants:list': PersonView[];
  'questionnaire:answer': { answered: true };
}

/** Client → server, as the client types them. */
export type ClientToServerEvents = {
  [K in CommandName]: (payload: z.input<(typeof commandSchemas)[K]>, ack: (result: Ack<CommandResults[K]>) => void) => void;
};

/** Sent on every (re)connection: the whole state the connecting role may see. */
export interface Snapshot {
  protocol: typeof PROTOCOL_VERSION;
  role: Role;
  workshop: WorkshopSummary;
  /**
   * Screens: every visible idea. Facilitators: every idea, hidden ones marked.
   * Participants: only their own (a phone shows the count of the others, the projector shows them).
   */
  ideas: IdeaView[];
  /** Visible ideas in the workshop. */
  ideaCount: number;
  /** Who is here, for the projector and the staff; null for a phone, which does not show it. */
  presence: Presence | null;
  /** Phases, timer, main levée, tables: instructions only once revealed, except for staff. */
  room: RoomView;
  /** Participants only. */
  me?: ParticipantSelf;
  /** Kiosks only: the site the kiosk stands at (its start screen names it). */
  kioskSiteId?: string;
  /** Participants: whether they already answered the closing questionnaire. */
  questionnaireAnswered?: boolean;
  /** Staff only: people with their tables, and the counts. */
  people?: PersonView[];
  figures?: ParticipantFigures;
  vote?: VoteSnapshot;
}

export interface ServerToClientEvents extends VoteServerEvents {
  'workshop:snapshot': (snapshot: Snapshot) => void;
  /**
   * New or restored ideas, without their authors, oldest first (coalesced: see
   * IDEA_BROADCAST_INTERVAL_MS). Screens and facilitators get all; a phone only its own restored ones.
   */
  'ideas:added': (ideas: IdeaView[]) => void;
  /** Phones: how many ideas are visible now (coalesced like `ideas:added`). */
  'ideas:counted': (event: { ideaCount: number }) => void;
  /** An idea hidden by the facilitator: remove it from the screens and from its author's phone. */
  'idea:removed': (event: { ideaId: string }) => void;
  /** Facilitators only: an idea's moderation state changed. */
  'idea:moderated': (idea: IdeaView) => void;
  'presence:changed': (presence: Presence) => void;
  /** Phases, timer, main levée, tables, safe mode: the whole room view, each time it changes. */
  'room:changed': (room: RoomView) => void;
  /** A resident's own profile changed (their table). */
  'me:changed': (me: ParticipantSelf) => void;
  /** Staff: people, tables and counts changed (coalesced). */
  'participants:changed': (event: { people: PersonView[]; figures: ParticipantFigures }) => void;
  /** Staff: how many answered the closing questionnaire (fetch the aggregate by REST). */
  'questionnaire:changed': (event: { responses: number }) => void;
  /**
   * This node is stopping (SIGTERM, a rolling restart): the connection closes right after, and
   * socket.io reconnects by itself with its randomised back-off (behind a balancer, to another
   * node). Clients need do nothing; commands not yet acked are resent by their outbox.
   */
  'server:restarting': (event: { reconnectAfterMs: number }) => void;
}

/** What a refused handshake carries in `connect_error`'s `data`. */
export interface ConnectErrorData {
  code: ErrorCode;
}
