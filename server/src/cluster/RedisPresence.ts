import type { Logger } from 'pino';
import type { PresenceMirror } from '../people/PresenceTracker';
import { liveNodes, type Cluster } from './redis';

/** A workshop's presence hash outlives its last change by this much (then Redis forgets it). */
const PRESENCE_KEY_TTL_MS = 24 * 60 * 60 * 1000;
const SEPARATOR = '|';

/**
 * Every node's connected participants in one Redis hash per workshop, one field per
 * (node, participant): `<nodeId>|<participantId>` → site id. Reading keeps the fields of live
 * nodes only, so a node that died (and never said goodbye) stops counting within
 * `NODE_DEAD_AFTER_MS`; its fields are then deleted. Commands on one connection run in order, so
 * a quick leave-and-join of one participant lands in that order.
 */
export class RedisPresence implements PresenceMirror {
  constructor(
    private readonly cluster: Cluster,
    private readonly logger: Pick<Logger, 'error'>,
  ) {}

  private key(workshopId: string): string {
    return this.cluster.key(`presence:${workshopId}`);
  }

  add(workshopId: string, participantId: string, siteId: string): void {
    const key = this.key(workshopId);
    this.cluster.redis
      .multi()
      .hSet(key, `${this.cluster.nodeId}${SEPARATOR}${participantId}`, siteId)
      .pExpire(key, PRESENCE_KEY_TTL_MS)
      .exec()
      .catch((error: unknown) => this.logger.error({ err: error, workshopId }, 'presence add failed'));
  }

  remove(workshopId: string, participantId: string): void {
    this.cluster.redis
      .hDel(this.key(workshopId), `${this.cluster.nodeId}${SEPARATOR}${participantId}`)
      .catch((error: unknown) => this.logger.error({ err: error, workshopId }, 'presence remove failed'));
  }

  async connected(workshopId: string): Promise<Map<string, string>> {
    const key = this.key(workshopId);
    const fields = await this.cluster.redis.hGetAll(key);
    const entries = Object.entries(fields).map(([field, siteId]) => {
      const at = field.indexOf(SEPARATOR);
      return { field, nodeId: field.slice(0, at), participantId: field.slice(at + 1), siteId };
    });
    const alive = await liveNodes(this.cluster, [...new Set(entries.map((entry) => entry.nodeId))]);
    const connected = new Map<string, string>();
    const dead: string[] = [];
    for (const entry of entries) {
      if (alive.has(entry.nodeId)) connected.set(entry.participantId, entry.siteId);
      else dead.push(entry.field);
    }
    if (dead.length > 0) await this.cluster.redis.hDel(key, dead);
    return connected;
  }
}
