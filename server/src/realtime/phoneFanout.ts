import type { ServerToClientEvents } from '@gommette/shared';
import { PHONE_SHARDS, phoneShardRoom } from './rooms';
import type { GommetteServer } from './types';

/** What goes to every phone a part at a time: aggregates, each one a newer state than the last. */
export type PhoneAggregate = 'vote:results' | 'ideas:counted';

/**
 * Sends an aggregate (results, a counter) to this node's phones of a workshop, one shard of them
 * per turn of the event loop: thousands of socket writes in one go would hold back every ack and
 * the projector's updates behind them. Local only: in a cluster each node tells its own phones
 * (its peers tell it when something changed), so the message never crosses Redis and a phone gets
 * it once whatever node the change came from. Parts of two sends never cross: each goes through
 * the shards in the same order, one per turn.
 */
export function sendToPhones<E extends PhoneAggregate>(
  io: GommetteServer,
  workshopId: string,
  event: E,
  payload: Parameters<ServerToClientEvents[E]>[0],
): void {
  const rooms = io.of('/').adapter.rooms;
  let shard = 0;
  const next = (): void => {
    while (shard < PHONE_SHARDS && (rooms.get(phoneShardRoom(workshopId, shard))?.size ?? 0) === 0) shard++;
    if (shard >= PHONE_SHARDS) return;
    (io.local.to(phoneShardRoom(workshopId, shard)).emit as (event: E, payload: unknown) => boolean)(event, payload);
    shard++;
    if (shard < PHONE_SHARDS) setImmediate(next);
  };
  next();
}
