import { COMMAND_ACK_TIMEOUT_MS, type ClientToServerEvents, type CommandName, type CommandResults } from '@gommette/shared';
import { ApiError } from '../api/errors';
import type { GommetteSocket } from '../socket/createSocket';

/** Sends one facilitator command and resolves with its data; rejects with an `ApiError` code. */
export function sendCommand<K extends CommandName>(socket: GommetteSocket | null, name: K, payload: Parameters<ClientToServerEvents[K]>[0]): Promise<CommandResults[K]> {
  return new Promise((resolve, reject) => {
    if (!socket?.connected) {
      reject(new ApiError('network', 0, 'offline'));
      return;
    }
    type Reply = { ok: true; data: CommandResults[K] } | { ok: false; code: ApiError['code']; message: string };
    const timed = socket.timeout(COMMAND_ACK_TIMEOUT_MS) as unknown as { emit(event: K, payload: unknown, ack: (error: Error | null, result: Reply) => void): void };
    timed.emit(name, payload, (error, result) => {
      if (error) reject(new ApiError('timeout', 0, 'no answer'));
      else if (result.ok) resolve(result.data);
      else reject(new ApiError(result.code, 0, result.message));
    });
  });
}
