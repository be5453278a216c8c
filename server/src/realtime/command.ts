import type { z } from 'zod';
import { ErrorCode, ackError, commandSchemas, type Ack, type CommandName, type CommandResults } from '@gommette/shared';
import { zodErrorCode, zodMessage } from '../http/errors';
import type { AppContext } from '../context';
import type { GommetteSocket } from './types';

export interface CommandOutcome<T> {
  ack: Ack<T>;
  /** Runs after the ack is sent: the write is durable, now tell the others. */
  broadcast?: () => void;
}

type Payload<K extends CommandName> = z.output<(typeof commandSchemas)[K]>;

export const refuse = (code: ErrorCode, message: string): CommandOutcome<never> => ({ ack: ackError(code, message) });

/**
 * Registers one command with the shape every handler shares:
 * parse (zod) → handle (authorize, domain, persist) → ack → broadcast.
 * A missing ack callback, a bad payload or a thrown error never crashes the server.
 */
export function onCommand<K extends CommandName>(
  socket: GommetteSocket,
  ctx: AppContext,
  name: K,
  handle: (payload: Payload<K>) => Promise<CommandOutcome<CommandResults[K]>>,
): void {
  const listener = async (payload: unknown, ack: unknown): Promise<void> => {
    const started = process.hrtime.bigint();
    const done = ctx.backlog.begin();
    const send = typeof ack === 'function' ? (ack as (result: Ack<CommandResults[K]>) => void) : () => {};
    const reply = (result: Ack<CommandResults[K]>): void => {
      done();
      send(result);
      ctx.metrics.recordAck(name, result.ok ? 'ok' : result.code, started);
    };
    const parsed = commandSchemas[name].safeParse(payload);
    if (!parsed.success) {
      reply(ackError(zodErrorCode(parsed.error), zodMessage(parsed.error)));
      return;
    }
    let outcome: CommandOutcome<CommandResults[K]>;
    try {
      outcome = await handle(parsed.data as Payload<K>);
    } catch (error) {
      ctx.logger.error({ err: error, event: name, workshopId: socket.data.workshopId }, 'command failed');
      reply(ackError(ErrorCode.Internal, 'internal error'));
      return;
    }
    reply(outcome.ack);
    outcome.broadcast?.();
  };
  (socket.on as (event: string, listener: (payload: unknown, ack: unknown) => Promise<void>) => void)(name, listener);
}
