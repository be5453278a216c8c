import type { Server, Socket } from 'socket.io';
import type { CommandName, MyVotes, ParticipantSelf, Role, ServerToClientEvents, VoteResults } from '@gommette/shared';

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
  /** The projector's results the sending node just computed: the others show them on their screens if newer, then send their phones theirs. */
  'vote:results': (workshopId: string, results: VoteResults) => void;
  /** Visible ideas of these workshops changed on the sending node: the others send their phones the count. */
  'ideas:changed': (workshopIds: string[]) => void;
  /** Residents' own gommettes changed on the sending node: their devices on the other nodes get them. */
  'vote:mine': (changes: Array<[participantId: string, mine: MyVotes]>) => void;
}
export type GommetteServer = Server<ServerSideCommands, ServerToClientEvents, InterServerEvents, SocketData>;
export type GommetteSocket = Socket<ServerSideCommands, ServerToClientEvents, InterServerEvents, SocketData>;

/** Roles that see the facilitator's view of ideas and every instruction. */
export const STAFF_ROLES: ReadonlyArray<Role> = ['facilitator', 'helper', 'observer'];
