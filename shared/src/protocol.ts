/**
 * The one typed protocol between phones, consoles, screens and the server.
 * Every command payload has a zod schema; the server parses every payload with it, since
 * TypeScript types protect nothing at run time. Events read `entity:verb`.
 */
import { z } from 'zod';
import type { ErrorCode, PROTOCOL_VERSION } from './constants';
import {
  MAX_IDEA_CHARS,
  MAX_NICKNAME_CHARS,
  MAX_PURPOSE_CHARS,
  MAX_QUESTION_CHARS,
  MAX_SITE_NAME_CHARS,
  MAX_SITES_PER_WORKSHOP,
  MAX_TITLE_CHARS,
} from './constants';
import type { IdeaView } from './domain/idea';
import { MOODS, type Mood, type MoodCounts } from './domain/participant';
import { kioskAuthSchema, voteCommandSchemas, type VoteCommandResults, type VoteServerEvents, type VoteSnapshot } from './vote/protocol';

/** Raw strings may carry extra spaces; the domain normalises, the schema bounds the size. */
const boundedText = (max: number) => z.string().max(max * 4);

/** Ids a client generates (ideas now, votes later): URL-safe, long enough to be unique. */
export const clientIdSchema = z.string().regex(/^[A-Za-z0-9_-]{10,64}$/, 'invalid id');
export const serverIdSchema = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'invalid id');
const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,128}$/, 'invalid token');

// ---------- REST bodies ----------

export const createWorkshopBody = z.object({
  title: boundedText(MAX_TITLE_CHARS),
  question: boundedText(MAX_QUESTION_CHARS),
  purpose: boundedText(MAX_PURPOSE_CHARS),
  sites: z.array(z.object({ name: boundedText(MAX_SITE_NAME_CHARS) })).min(1).max(MAX_SITES_PER_WORKSHOP),
});
export type CreateWorkshopBody = z.infer<typeof createWorkshopBody>;

export const joinBody = z.object({
  mood: z.enum(MOODS),
  nickname: boundedText(MAX_NICKNAME_CHARS).optional(),
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
  sites: SiteLink[];
}

/** What anyone holding a join code may read before joining. */
export interface JoinInfo {
  workshop: { id: string; title: string; question: string; purpose: string };
  site: { id: string; name: string; joinCode: string };
}

export interface ParticipantSelf {
  id: string;
  siteId: string;
  mood: Mood;
  nickname: string | null;
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
  /** The projector link, rebuilt from the facilitator's token. */
  screenUrl: string;
  ideas: IdeaView[];
  participants: ParticipantFigures;
  presence: Presence;
}

// ---------- socket.io ----------

export const Role = { Participant: 'participant', Facilitator: 'facilitator', Screen: 'screen', Kiosk: 'kiosk' } as const;
export type Role = (typeof Role)[keyof typeof Role];

/** The socket.io handshake `auth`: who is connecting, checked before the connection opens. */
export const socketAuthSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal(Role.Participant), protocol: z.number().int(), token: tokenSchema }),
  z.object({ role: z.literal(Role.Facilitator), protocol: z.number().int(), workshopId: serverIdSchema, token: tokenSchema }),
  z.object({ role: z.literal(Role.Screen), protocol: z.number().int(), workshopId: serverIdSchema, token: tokenSchema }),
  kioskAuthSchema,
]);
export type SocketAuth = z.infer<typeof socketAuthSchema>;

export const ideaPostPayload = z.object({ id: clientIdSchema, text: boundedText(MAX_IDEA_CHARS) });
export type IdeaPostPayload = z.infer<typeof ideaPostPayload>;

export const ideaHidePayload = z.object({ ideaId: clientIdSchema, hidden: z.boolean() });
export type IdeaHidePayload = z.infer<typeof ideaHidePayload>;

/** Payload schema of every command, by event name: the server's single source of truth. */
export const commandSchemas = {
  'idea:post': ideaPostPayload,
  'idea:hide': ideaHidePayload,
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
  presence: Presence;
  /** Participants only. */
  me?: ParticipantSelf;
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
}

/** What a refused handshake carries in `connect_error`'s `data`. */
export interface ConnectErrorData {
  code: ErrorCode;
}
