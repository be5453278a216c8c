import type { Server, Socket } from 'socket.io';
import type { CommandName, ParticipantSelf, Role, ServerToClientEvents } from '@gommette/shared';
import type { IdeaBroadcaster } from '../ideas/IdeaBroadcaster';
import type { Limiters } from './limits';
import type { StaffNotifier } from '../people/StaffNotifier';
import type { VoteRealtime } from '../vote/VoteRealtime';
import type { WorkshopEnd } from '../run/WorkshopEnd';

/**
 * The server's view of client commands: payloads and acks are `unknown` until parsed, because
 * a client may send anything (or no ack at all).
 */
export type ServerSideCommands = { [K in CommandName]: (payload: unknown, ack: unknown) => void };

export interface SocketData {
  role: Role;
  workshopId: string;
  participantId: string | null;
  siteId: string | null;
  /** The participant's own profile (participants only), shown back to them alone. */
  me: ParticipantSelf | null;
  /**
   * Key for per-person rate limits: the participant, the hash of a staff token, the kiosk's site;
   * never the network address (a whole room shares it) nor the connection (a new one would reset it).
   */
  rateKey: string;
}

/** Between the nodes of a cluster (serverSideEmit): a round's closing time is armed on every node. */
export interface InterServerEvents {
  'vote:arm': (round: { id: string; workshopId: string; closesAt: number | null }) => void;
  /** The people of a workshop changed on the sending node: nodes holding its consoles rebuild the list. */
  'staff:changed': (workshopId: string) => void;
}
export type GommetteServer = Server<ServerSideCommands, ServerToClientEvents, InterServerEvents, SocketData>;
export type GommetteSocket = Socket<ServerSideCommands, ServerToClientEvents, InterServerEvents, SocketData>;

/** Projector screens: every visible idea, live. */
export const screensRoom = (workshopId: string): string => `w:${workshopId}:screens`;
/** Every phone of a workshop: counts and phases, not the others' ideas (the projector shows those). */
export const participantsRoom = (workshopId: string): string => `w:${workshopId}:participants`;
/** One resident's devices: their own ideas. */
export const participantRoom = (participantId: string): string => `p:${participantId}`;
/** The facilitator's consoles only. */
export const facilitatorRoom = (workshopId: string): string => `w:${workshopId}:facilitators`;
/** Table helpers and observers: their own room, never the facilitator's (issue 20, item 3). */
export const assistantsRoom = (workshopId: string): string => `w:${workshopId}:assistants`;
/** Staff: facilitators, table helpers and observers (every idea, moderation included). */
export const staffRooms = (workshopId: string): string[] => [facilitatorRoom(workshopId), assistantsRoom(workshopId)];
/** Everyone in a workshop. */
export const workshopRooms = (workshopId: string): string[] => [screensRoom(workshopId), participantsRoom(workshopId), ...staffRooms(workshopId)];

/** Real-time machinery shared by every connection's handlers. */
export interface Realtime {
  limiters: Limiters;
  ideas: IdeaBroadcaster;
  staff: StaffNotifier;
  votes: VoteRealtime;
  /** The workshop ends with its last step (and reopens when the facilitator goes back). */
  end: WorkshopEnd;
}

/** Roles that see the facilitator's view of ideas and every instruction. */
export const STAFF_ROLES: ReadonlyArray<Role> = ['facilitator', 'helper', 'observer'];
