import { COMMAND_ACK_TIMEOUT_MS, type Ack, type ClientToServerEvents, type CommandName, type CommandResults } from '@gommette/shared';
import { useCallback, useState } from 'react';
import { ApiError, type ClientErrorCode } from '../api/errors';
import type { GommetteSocket } from './createSocket';

/*
 * The client's one way to send a socket command: `emitCommand` sends with the ack timeout and
 * reads the ack; `sendCommand` is its promise, `useCommand` its busy state and error for a view.
 * An error is a `ClientErrorCode`: `errorMessage(t, code)` says it in the person's language.
 */

export type CommandPayload<K extends CommandName> = Parameters<ClientToServerEvents[K]>[0];

/** No answer: offline when sent, or no ack within `COMMAND_ACK_TIMEOUT_MS`. */
export interface NoAnswer {
  ok: false;
  code: 'network' | 'timeout';
  message: string;
}

/** The server's ack (its data, or its refusal with a code), or no answer. */
export type CommandReply<K extends CommandName> = Ack<CommandResults[K]> | NoAnswer;

export function isNoAnswer<K extends CommandName>(reply: CommandReply<K>): reply is NoAnswer {
  return !reply.ok && (reply.code === 'network' || reply.code === 'timeout');
}

/**
 * Sends one command; `onReply` runs once, with the ack or with "no answer". `timeoutMs: null`
 * waits for the ack however late it comes (the outboxes: they send again on their own schedule,
 * `SendLoop`, and take the first answer to any of their sends).
 */
export function emitCommand<K extends CommandName>(
  socket: GommetteSocket | null,
  name: K,
  payload: CommandPayload<K>,
  onReply: (reply: CommandReply<K>) => void,
  options: { timeoutMs: number | null } = { timeoutMs: COMMAND_ACK_TIMEOUT_MS },
): void {
  if (!socket?.connected) {
    onReply({ ok: false, code: 'network', message: 'offline' });
    return;
  }
  if (options.timeoutMs === null) {
    const untimed = socket as unknown as { emit(event: K, payload: CommandPayload<K>, ack: (result: Ack<CommandResults[K]>) => void): void };
    untimed.emit(name, payload, (result) => onReply(result));
    return;
  }
  // socket.io types the ack of a generic event name loosely: name the shape it has for `K`.
  const timed = socket.timeout(options.timeoutMs) as unknown as {
    emit(event: K, payload: CommandPayload<K>, ack: (failure: Error | null, result: Ack<CommandResults[K]>) => void): void;
  };
  timed.emit(name, payload, (failure, result) => onReply(failure ? { ok: false, code: 'timeout', message: 'no answer' } : result));
}

/** Sends one command and resolves with its data; rejects with an `ApiError` carrying the code. */
export function sendCommand<K extends CommandName>(socket: GommetteSocket | null, name: K, payload: CommandPayload<K>): Promise<CommandResults[K]> {
  return new Promise((resolve, reject) => {
    emitCommand(socket, name, payload, (reply) => {
      if (reply.ok) resolve(reply.data);
      else reject(new ApiError(reply.code, 0, reply.message));
    });
  });
}

export interface CommandApi {
  busy: boolean;
  error: ClientErrorCode | null;
  /** Sends a command; `onDone` runs with the server's answer once it is durable. */
  send: <K extends CommandName>(name: K, payload: CommandPayload<K>, onDone?: (result: CommandResults[K]) => void) => void;
  clearError: () => void;
}

/** One action at a time with its busy state and its error code (no silent failure). */
export function useCommand(socket: GommetteSocket | null): CommandApi {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ClientErrorCode | null>(null);

  const send = useCallback(
    <K extends CommandName>(name: K, payload: CommandPayload<K>, onDone?: (result: CommandResults[K]) => void) => {
      if (!socket?.connected) {
        setError('network');
        return;
      }
      setBusy(true);
      setError(null);
      emitCommand(socket, name, payload, (reply) => {
        setBusy(false);
        if (!reply.ok) setError(reply.code);
        else onDone?.(reply.data);
      });
    },
    [socket],
  );

  return { busy, error, send, clearError: useCallback(() => setError(null), []) };
}
