import { COMMAND_ACK_TIMEOUT_MS, type Ack, type ClientToServerEvents, type CommandName, type CommandResults } from '@gommette/shared';
import { useCallback, useState } from 'react';
import type { ClientErrorCode } from '../api/errors';
import type { GommetteSocket } from './createSocket';

type PayloadOf<K extends CommandName> = Parameters<ClientToServerEvents[K]>[0];

export interface CommandApi {
  busy: boolean;
  error: ClientErrorCode | null;
  /** Sends a command; `onDone` runs with the server's answer once it is durable. */
  send: <K extends CommandName>(name: K, payload: PayloadOf<K>, onDone?: (result: CommandResults[K]) => void) => void;
  clearError: () => void;
}

/** One staff action at a time with its busy state and its translated error (no silent failure). */
export function useCommand(socket: GommetteSocket | null): CommandApi {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ClientErrorCode | null>(null);

  const send = useCallback(
    <K extends CommandName>(name: K, payload: PayloadOf<K>, onDone?: (result: CommandResults[K]) => void) => {
      if (!socket?.connected) {
        setError('network');
        return;
      }
      setBusy(true);
      setError(null);
      const timed = socket.timeout(COMMAND_ACK_TIMEOUT_MS) as unknown as {
        emit(event: K, payload: PayloadOf<K>, ack: (failure: Error | null, result: Ack<CommandResults[K]>) => void): void;
      };
      timed.emit(name, payload, (failure, result) => {
        setBusy(false);
        if (failure) setError('timeout');
        else if (!result.ok) setError(result.code);
        else onDone?.(result.data);
      });
    },
    [socket],
  );

  return { busy, error, send, clearError: useCallback(() => setError(null), []) };
}
