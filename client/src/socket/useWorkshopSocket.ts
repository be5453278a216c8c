import { PROTOCOL_VERSION, type SocketAuth } from '@gommette/shared';
import { useEffect, useMemo } from 'react';
import { createSocket, type GommetteSocket } from './createSocket';
import { handshakeErrorCode, isFinalRefusal } from './handshake';

/** After a refusal the server may lift (an internal error), try the handshake again. */
const HANDSHAKE_RETRY_MS = 3_000;

export type SocketCredentials =
  { role: 'participant'; token: string } | { role: 'facilitator' | 'screen' | 'kiosk' | 'helper' | 'observer'; token: string; workshopId: string };

function toAuth(credentials: SocketCredentials): SocketAuth {
  return credentials.role === 'participant'
    ? { role: credentials.role, protocol: PROTOCOL_VERSION, token: credentials.token }
    : { role: credentials.role, protocol: PROTOCOL_VERSION, workshopId: credentials.workshopId, token: credentials.token };
}

/**
 * Owns the socket.io connection of a view: opens it on mount, closes it on unmount, reconnects
 * when the browser comes back online or after a temporary handshake refusal, and gives up on a
 * final refusal (bad token, old protocol). socket.io reconnects by itself after a network drop;
 * the server then sends a fresh `workshop:snapshot`.
 */
export function useWorkshopSocket(credentials: SocketCredentials | null): GommetteSocket | null {
  const role = credentials?.role ?? null;
  const token = credentials?.token ?? null;
  const workshopId = credentials && 'workshopId' in credentials ? credentials.workshopId : null;

  const socket = useMemo(() => {
    if (role === null || token === null) return null;
    if (role === 'participant') return createSocket(toAuth({ role, token }));
    if (workshopId === null) return null;
    return createSocket(toAuth({ role, token, workshopId }));
  }, [role, token, workshopId]);

  useEffect(() => {
    if (!socket) return undefined;
    let refused = false;
    let retryTimer: ReturnType<typeof setTimeout> | null = null;

    const handleConnectError = (error: Error) => {
      // `active` stays true while socket.io is retrying by itself (network errors).
      if (socket.active) return;
      const code = handshakeErrorCode(error);
      if (isFinalRefusal(code)) {
        refused = true;
        return;
      }
      retryTimer = setTimeout(() => {
        retryTimer = null;
        if (!refused && navigator.onLine !== false) socket.connect();
      }, HANDSHAKE_RETRY_MS);
    };
    // The network interface went away: close now instead of waiting for the ping timeout, so
    // the view says "offline" at once and everything is resent on the way back.
    const handleOffline = () => socket.disconnect();
    const handleOnline = () => {
      if (!refused && !socket.connected) socket.connect();
    };
    // The server closed this connection on purpose (access withdrawn, workshop deleted): ask again
    // after a pause, so that a refusal is shown instead of a silent "offline".
    const handleDisconnect = (reason: string) => {
      if (reason !== 'io server disconnect' || refused) return;
      retryTimer = setTimeout(() => {
        retryTimer = null;
        if (!refused && !socket.connected) socket.connect();
      }, HANDSHAKE_RETRY_MS / 3);
    };

    socket.on('connect_error', handleConnectError);
    socket.on('disconnect', handleDisconnect);
    window.addEventListener('offline', handleOffline);
    window.addEventListener('online', handleOnline);
    socket.connect();

    return () => {
      if (retryTimer !== null) clearTimeout(retryTimer);
      socket.off('connect_error', handleConnectError);
      socket.off('disconnect', handleDisconnect);
      window.removeEventListener('offline', handleOffline);
      window.removeEventListener('online', handleOnline);
      socket.disconnect();
    };
  }, [socket]);

  return socket;
}
