import { PRESENCE_BROADCAST_INTERVAL_MS, type Presence } from '@gommette/shared';

interface Connected {
  siteId: string;
  sockets: number;
}

/**
 * Who is connected right now, per workshop: distinct participants (a resident with two tabs
 * counts once). Changes are published at most once per interval per workshop, so a room
 * scanning the QR code at once sends a handful of messages, not hundreds.
 */
export class PresenceTracker {
  private readonly workshops = new Map<string, Map<string, Connected>>();
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly publish: (workshopId: string, presence: Presence) => void,
    private readonly intervalMs = PRESENCE_BROADCAST_INTERVAL_MS,
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
    if (participants.size === 0) this.workshops.delete(workshopId);
    this.schedule(workshopId);
  }

  isConnected(workshopId: string, participantId: string): boolean {
    return this.workshops.get(workshopId)?.has(participantId) ?? false;
  }

  get(workshopId: string): Presence {
    const presence: Presence = { total: 0, bySite: {} };
    for (const { siteId } of this.workshops.get(workshopId)?.values() ?? []) {
      presence.total += 1;
      presence.bySite[siteId] = (presence.bySite[siteId] ?? 0) + 1;
    }
    return presence;
  }

  private schedule(workshopId: string): void {
    if (this.pending.has(workshopId)) return;
    const timer = setTimeout(() => {
      this.pending.delete(workshopId);
      this.publish(workshopId, this.get(workshopId));
    }, this.intervalMs);
    timer.unref();
    this.pending.set(workshopId, timer);
  }

  close(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }
}
