import type { Logger } from 'pino';
import type { Cluster } from '../cluster/redis';

/** What travels between nodes about one board. */
export const RelayKind = {
  /** A Yjs update (applied with the remote origin, saved, never relayed again). */
  Update: 0,
  /** An awareness update (who looks where). */
  Awareness: 1,
  /** A node that just opened the board asks for what it lacks: the payload is its state vector. */
  SyncRequest: 2,
} as const;
export type RelayKind = (typeof RelayKind)[keyof typeof RelayKind];

export interface RelayHandlers {
  onMessage(kind: RelayKind, payload: Uint8Array): void;
}

/** Board changes between the nodes that hold a workshop's board in memory. */
export interface BoardRelay {
  /** Listens to this board's channel; resolves once subscribed. */
  join(workshopId: string, handlers: RelayHandlers): Promise<void>;
  publish(workshopId: string, kind: RelayKind, payload: Uint8Array): void;
  leave(workshopId: string): Promise<void>;
}

/** Node ids are UUIDs: 36 ASCII bytes at the head of every message, so a node skips its own. */
const NODE_ID_BYTES = 36;

/**
 * Redis PUB/SUB, one channel per workshop (`<prefix>:board:<workshopId>`), binary messages:
 * `[kind][sender node id][payload]`. PUB/SUB keeps nothing: a node that joins late asks the others
 * (`SyncRequest`) and loads the rest from the store; a message lost while Redis restarts is made
 * good by the clients' own sync on reconnection and by the store.
 */
export function redisBoardRelay(cluster: Cluster, logger: Pick<Logger, 'error'>): BoardRelay {
  const self = Buffer.from(cluster.nodeId.padEnd(NODE_ID_BYTES).slice(0, NODE_ID_BYTES), 'latin1');
  const channel = (workshopId: string): string => cluster.key(`board:${workshopId}`);
  return {
    async join(workshopId, handlers) {
      await cluster.subscriber.subscribe(
        channel(workshopId),
        (message: Buffer) => {
          if (message.length < 1 + NODE_ID_BYTES) return;
          if (self.equals(message.subarray(1, 1 + NODE_ID_BYTES))) return; // our own, back from Redis
          const kind = message[0] as RelayKind;
          const payload = new Uint8Array(message.buffer, message.byteOffset + 1 + NODE_ID_BYTES, message.length - 1 - NODE_ID_BYTES);
          try {
            handlers.onMessage(kind, payload);
          } catch (error) {
            logger.error({ err: error, workshopId }, 'board relay message refused');
          }
        },
        true,
      );
    },
    publish(workshopId, kind, payload) {
      const message = Buffer.concat([Buffer.from([kind]), self, payload]);
      cluster.redis.publish(channel(workshopId), message).catch((error: unknown) => logger.error({ err: error, workshopId }, 'board relay publish failed'));
    },
    async leave(workshopId) {
      await cluster.subscriber.unsubscribe(channel(workshopId));
    },
  };
}
