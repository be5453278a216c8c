import type { ErrorCode } from '@gommette/shared';
import { useEffect, useState } from 'react';
import type { GommetteSocket } from './createSocket';
import { handshakeErrorCode, isFinalRefusal } from './handshake';

export type ConnectionState = 'connecting' | 'online' | 'offline' | 'refused';

export interface ConnectionStatus {
  state: ConnectionState;
  /** Why the server refused the handshake, when `state` is `refused`. */
  refusal: ErrorCode | null;
}

/** What the connection badge shows, from the socket's own events and the browser's network state. */
export function useConnectionStatus(socket: GommetteSocket | null): ConnectionStatus {
  const [status, setStatus] = useState<ConnectionStatus>({ state: 'connecting', refusal: null });

  useEffect(() => {
    if (!socket) return undefined;
    const handleConnect = () => setStatus({ state: 'online', refusal: null });
    const handleDisconnect = () => setStatus({ state: 'offline', refusal: null });
    const handleConnectError = (error: Error) => {
      const code = handshakeErrorCode(error);
      if (!socket.active && isFinalRefusal(code)) setStatus({ state: 'refused', refusal: code });
      else setStatus({ state: 'offline', refusal: null });
    };
    const handleOffline = () => setStatus((current) => (current.state === 'refused' ? current : { state: 'offline', refusal: null }));

    socket.on('connect', handleConnect);
    socket.on('disconnect', handleDisconnect);
    socket.on('connect_error', handleConnectError);
    window.addEventListener('offline', handleOffline);
    return () => {
      socket.off('connect', handleConnect);
      socket.off('disconnect', handleDisconnect);
      socket.off('connect_error', handleConnectError);
      window.removeEventListener('offline', handleOffline);
    };
  }, [socket]);

  return status;
}
