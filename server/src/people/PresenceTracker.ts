import { PRESENCE_BROADCAST_INTERVAL_MS, type Presence } from '@gommette/shared';

/** How long a read of every node's presence serves snapshots (publications always read afresh). */
const PRESENCE_READ_CACHE_MS = 250;

interface Connected {
  siteId: string;
  sockets: number;
}

/**
 * Where the connected participants of every node are gathered (Redis in a cluster). The tracker
 * tells it when a participant's first socket on this node opens and when their last one closes.
 */
export interface PresenceMirror {
  add(workshopId: string, participantId: string, siteId: string): void;
  remove(workshopId: string, participantId: string): void;
  /** Participants connected to any live node: participant id → site id. */
  connected(workshopId: string): Promise<Map<string, string>>;
  /** The node is stopping: nothing more to write. */
  close(): void;
}

/** A read of every node's presence, and its count by site once someone asked for it. */
interface MirrorRead {
  at: number;
  read: Promise<Map<string, string>>;
  counted?: Promise<Presence>;
}

/**
 * Who is connected right now, per workshop: distinct participants (a resident with two tabs
 * counts once, even on two nodes). Changes are published at most once per interval per workshop,
 * so a room scanning the QR code at once sends a handful of messages, not hundreds. Alone, a node
 * counts its own sockets; with a mirror, every node's.
 */
export class PresenceTracker {
  private readonly workshops = new Map<string, Map<string, Connected>>();
  /** This node's distinct participants per site, kept as they come and go (a snapshot reads it per connection). */
  private readonly counts = new Map<string, Presence>();
  private readonly pending = new Map<string, NodeJS.Timeout>();
  /** Recent reads of the mirror: a room of phones connecting at once reads it once per interval. */
  private readonly cached = new Map<string, MirrorRead>();

  constructor(
    private readonly publish: (workshopId: string, presence: Presence) => void,
    private readonly options: {
      intervalMs?: number;
      mirror?: PresenceMirror;
      /** In a cluster: whether this node publishes this interval (one node per interval does); else it tries again later. */
      claim?: (workshopId: string, intervalMs: number) => Promise<boolean>;
      onError?: (error: unknown) => void;
    } = {},
  ) {}

  join(workshopId: string, participantId: string, siteId: string): void {
    let participants = this.workshops.get(workshopId);
    if (!participants) {
      participants = new Map();
      this.workshops.set(workshopId, participants);
    }
    const entry = participants.get(participantId);
    if (entry) entry.sockets += 1;
    else {
      participants.set(participantId, { siteId, sockets: 1 });
      this.count(workshopId, siteId, 1);
      this.options.mirror?.add(workshopId, participantId, siteId);
      this.schedule(workshopId);
    }
  }

  leave(workshopId: string, participantId: string): void {
    const participants = this.workshops.get(workshopId);
    const entry = participants?.get(participantId);
    if (!participants || !entry) return;
    entry.sockets -= 1;
    if (entry.sockets > 0) return;
    participants.delete(participantId);
    this.count(workshopId, entry.siteId, -1);
    if (participants.size === 0) this.workshops.delete(workshopId);
    this.options.mirror?.remove(workshopId, participantId);
    this.schedule(workshopId);
  }

  /** Participants connected now (to any node when mirrored): participant id → site id. */
  async connected(workshopId: string, fresh = false): Promise<Map<string, string>> {
    const mirror = this.options.mirror;
    if (mirror) return this.mirrorRead(mirror, workshopId, fresh).read;
    const local = new Map<string, string>();
    for (const [participantId, { siteId }] of this.workshops.get(workshopId) ?? []) local.set(participantId, siteId);
    return local;
  }

  /** A read of the mirror: the one of the last `PRESENCE_READ_CACHE_MS` unless `fresh`. */
  private mirrorRead(mirror: PresenceMirror, workshopId: string, fresh: boolean): MirrorRead {
    const hit = this.cached.get(workshopId);
    if (!fresh && hit && Date.now() - hit.at < PRESENCE_READ_CACHE_MS) return hit;
    const entry: MirrorRead = { at: Date.now(), read: mirror.connected(workshopId) };
    this.cached.set(workshopId, entry);
    entry.read.catch(() => this.cached.delete(workshopId));
    return entry;
  }

  private count(workshopId: string, siteId: string, delta: 1 | -1): void {
    const presence = this.counts.get(workshopId) ?? { total: 0, bySite: {} };
    presence.total += delta;
    const site = (presence.bySite[siteId] ?? 0) + delta;
    if (site > 0) presence.bySite[siteId] = site;
    else delete presence.bySite[siteId];
    if (presence.total > 0) this.counts.set(workshopId, presence);
    else this.counts.delete(workshopId);
  }

  /**
   * `fresh`: read the mirror now, not a read of the last `PRESENCE_READ_CACHE_MS`. Alone, a node
   * answers from its running counts: reading 10,000 entries for each of 10,000 phones connecting
   * would cost the connection storm quadratic time.
   */
  async get(workshopId: string, fresh = false): Promise<Presence> {
    if (!this.options.mirror) {
      const counts = this.counts.get(workshopId);
      return counts ? { total: counts.total, bySite: { ...counts.bySite } } : { total: 0, bySite: {} };
    }
    // Counted once per read of the mirror, not once per connection that asks within its life.
    const entry = this.mirrorRead(this.options.mirror, workshopId, fresh);
    const presence = await (entry.counted ??= entry.read.then(countBySite));
    return { total: presence.total, bySite: { ...presence.bySite } };
  }

  private schedule(workshopId: string): void {
    if (this.pending.has(workshopId)) return;
    const intervalMs = this.options.intervalMs ?? PRESENCE_BROADCAST_INTERVAL_MS;
    const timer = setTimeout(() => {
      this.pending.delete(workshopId);
      const claim = this.options.claim?.(workshopId, intervalMs) ?? Promise.resolve(true);
      claim
        .then(async (mine) => {
          // Another node publishes this interval (it reads every node's presence): ours comes next time.
          if (!mine) return this.schedule(workshopId);
          this.publish(workshopId, await this.get(workshopId, true));
        })
        .catch((error: unknown) => this.options.onError?.(error));
    }, intervalMs);
    timer.unref();
    this.pending.set(workshopId, timer);
  }

  close(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    this.cached.clear();
    this.counts.clear();
    this.options.mirror?.close();
  }
}

function countBySite(connected: ReadonlyMap<string, string>): Presence {
  const presence: Presence = { total: 0, bySite: {} };
  for (const siteId of connected.values()) {
    presence.total += 1;
    presence.bySite[siteId] = (presence.bySite[siteId] ?? 0) + 1;
  }
  return presence;
}
