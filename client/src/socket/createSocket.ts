import type { ClientToServerEvents, ServerToClientEvents, SocketAuth } from '@gommette/shared';
import { io, type Socket } from 'socket.io-client';

export type GommetteSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * A socket to the same origin (default path `/socket.io`), not connected yet: the caller
 * registers its listeners, then connects. Each socket gets its own manager so closing one view
 * never closes another's connection.
 */
export function createSocket(auth: SocketAuth): GommetteSocket {
  return io({ auth, autoConnect: false, forceNew: true });
}
