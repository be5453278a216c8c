import type { Logger } from 'pino';
import type { PresenceMirror } from '../people/PresenceTracker';
import { liveNodes, type Cluster } from './redis';

/** A workshop's presence keys outlive their last write by this much (then Redis forgets them). */
const PRESENCE_KEY_TTL_MS = 24 * 60 * 60 * 1000;
/** A node writes its participants at most this often: a room joining at once costs a few writes a second. */
export const PRESENCE_WRITE_MS = 50;

/** A node's participants of one workshop as written to Redis: site id → participant ids. */
type Written = Record<string, string[]>;

/**
 * Every node's connected participants, in Redis: per workshop, one string per node (its own
 * participants by site, JSON, rewritten whole at most every `PRESENCE_WRITE_MS` after a change)
 * and the set of nodes that wrote one. A read takes the strings of live nodes and this node's own
 * participants from memory; a node that died (and never said goodbye) stops counting within
 * `NODE_DEAD_AFTER_MS`, and its string is then deleted.
 *
 * Whole strings rather than a field per participant: 10,000 phones joining cost each node a few
 * writes a second, not a command per phone, and a read parses one string per node instead of
 * decoding a 10,000-field hash (which took the facilitator's node 50 ms, twice a second).
 */
export class RedisPresence implements PresenceMirror {
  /** This node's participants: workshop id → participant id → site id. */
  private readonly local = new Map<string, Map<string, string>>();
  private readonly unwritten = new Set<string>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly cluster: Cluster,
    private readonly logger: Pick<Logger, 'error'>,
  ) {}

  private nodeKey(workshopId: string, nodeId: string): string {
    return this.cluster.key(`presence:${workshopId}:${nodeId}`);
  }

  private nodesKey(workshopId: string): string {
    return this.cluster.key(`presence:${workshopId}:nodes`);
  }

  add(workshopId: string, participantId: string, siteId: string): void {
    let participants = this.local.get(workshopId);
    if (!participants) {
      participants = new Map();
      this.local.set(workshopId, participants);
    }
    participants.set(participantId, siteId);
    this.changed(workshopId);
  }

  remove(workshopId: string, participantId: string): void {
    const participants = this.local.get(workshopId);
    if (!participants?.delete(participantId)) return;
    if (participants.size === 0) this.local.delete(workshopId);
    this.changed(workshopId);
  }

  private changed(workshopId: string): void {
    this.unwritten.add(workshopId);
    if (this.timer) return;
    this.timer = setTimeout(() => this.write(), PRESENCE_WRITE_MS);
    this.timer.unref();
  }

  /** Writes this node's participants of every workshop that changed (commands on one connection land in order). */
  private write(): void {
    this.timer = null;
    const { nodeId, redis } = this.cluster;
    for (const workshopId of this.unwritten) {
      const participants = this.local.get(workshopId);
      const key = this.nodeKey(workshopId, nodeId);
      const nodes = this.nodesKey(workshopId);
      const multi = redis.multi();
      if (participants) {
        multi
          .set(key, JSON.stringify(bySite(participants)), { expiration: { type: 'PX', value: PRESENCE_KEY_TTL_MS } })
          .sAdd(nodes, nodeId)
          .pExpire(nodes, PRESENCE_KEY_TTL_MS);
      } else multi.del(key).sRem(nodes, nodeId);
      multi.exec().catch((error: unknown) => this.logger.error({ err: error, workshopId }, 'presence write failed'));
    }
    this.unwritten.clear();
  }

  async connected(workshopId: string): Promise<Map<string, string>> {
    const { nodeId, redis } = this.cluster;
    const nodes = this.nodesKey(workshopId);
    const others = (await redis.sMembers(nodes)).filter((id) => id !== nodeId);
    const alive = await liveNodes(this.cluster, others);
    const live = others.filter((id) => alive.has(id));
    const dead = others.filter((id) => !alive.has(id));
    const written = live.length > 0 ? await redis.mGet(live.map((id) => this.nodeKey(workshopId, id))) : [];
    const connected = new Map<string, string>();
    for (const value of written) {
      if (value === null) continue;
      for (const [siteId, participantIds] of Object.entries(JSON.parse(value) as Written)) {
        for (const participantId of participantIds) connected.set(participantId, siteId);
      }
    }
    // This node's own participants from memory: never behind its last write.
    for (const [participantId, siteId] of this.local.get(workshopId) ?? []) connected.set(participantId, siteId);
    if (dead.length > 0) {
      await redis
        .multi()
        .del(dead.map((id) => this.nodeKey(workshopId, id)))
        .sRem(nodes, dead)
        .exec();
    }
    return connected;
  }

  /** Stops the pending write (the node is stopping: its heartbeat goes, and the others stop counting it). */
  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.unwritten.clear();
    this.local.clear();
  }
}

function bySite(participants: ReadonlyMap<string, string>): Written {
  const written: Written = {};
  for (const [participantId, siteId] of participants) (written[siteId] ??= []).push(participantId);
  return written;
}
