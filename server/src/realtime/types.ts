import type { Server, Socket } from 'socket.io';
import type { CommandName, ParticipantSelf, Role, ServerToClientEvents } from '@gommette/shared';

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
  /** Key for per-person rate limits: the participant, not the network address. */
  rateKey: string;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
type InterServerEvents = {};
export type GommetteServer = Server<ServerSideCommands, ServerToClientEvents, InterServerEvents, SocketData>;
export type GommetteSocket = Socket<ServerSideCommands, ServerToClientEvents, InterServerEvents, SocketData>;

export const publicRoom = (workshopId: string): string => `w:${workshopId}:public`;
export const facilitatorRoom = (workshopId: string): string => `w:${workshopId}:facilitators`;
