import type { PersonView } from '@gommette/shared';
import type { Logger } from 'pino';
import type { AppContext } from '../context';
import { voteKeysFor } from '../vote/voterKey';
import { staffRooms } from '../realtime/rooms';
import type { GommetteServer } from '../realtime/types';

/** People shown to staff are coalesced like presence: a room joining at once sends a few lists. */
const STAFF_NOTIFY_INTERVAL_MS = 500;

/** An opaque handle for a person in the staff's tables panel (participant ids stay on the server), keyed (`vote/voterKey.ts`). */
export function seatIdOf(ctx: Pick<AppContext, 'config'>, participantId: string): string {
  return voteKeysFor(ctx.config).seatIdOf(participantId);
}

export async function listPeople(ctx: AppContext, workshopId: string): Promise<PersonView[]> {
  const [people, connected] = await Promise.all([ctx.store.listRoster(workshopId), ctx.presence.connected(workshopId)]);
  return people.map((person, index) => ({
    seatId: seatIdOf(ctx, person.id),
    number: index + 1,
    siteId: person.siteId,
    tableId: person.tableId,
    kind: person.kind,
    connected: person.kind === 'assisted' || connected.has(person.id),
  }));
}

/**
 * Tells the facilitator's consoles who is in the room and at which table, at most twice a second.
 * The list is built on each node that holds consoles of the workshop and sent to those only: in a
 * cluster a change anywhere is announced to the other nodes (a tiny `staff:changed`), and the
 * whole list (thousands of people) never travels through Redis.
 */
export class StaffNotifier {
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly io: GommetteServer,
    private readonly ctx: AppContext,
    private readonly logger: Logger,
  ) {
    if (ctx.cluster) io.on('staff:changed', (workshopId) => this.schedule(workshopId));
  }

  /** People of this workshop changed (joined, left, sat down): its consoles hear of it. */
  changed(workshopId: string): void {
    if (this.schedule(workshopId) && this.ctx.cluster) this.io.serverSideEmit('staff:changed', workshopId);
  }

  /** Schedules a publication; false when one is already due (the other nodes were told then). */
  private schedule(workshopId: string): boolean {
    if (this.pending.has(workshopId)) return false;
    const timer = setTimeout(() => {
      this.pending.delete(workshopId);
      if (!this.hasLocalStaff(workshopId)) return;
      this.publish(workshopId).catch((error: unknown) => this.logger.error({ err: error, workshopId }, 'staff notification failed'));
    }, STAFF_NOTIFY_INTERVAL_MS);
    timer.unref();
    this.pending.set(workshopId, timer);
    return true;
  }

  private hasLocalStaff(workshopId: string): boolean {
    const rooms = this.io.of('/').adapter.rooms;
    return staffRooms(workshopId).some((room) => (rooms.get(room)?.size ?? 0) > 0);
  }

  private async publish(workshopId: string): Promise<void> {
    const [people, figures] = await Promise.all([listPeople(this.ctx, workshopId), this.ctx.store.countParticipants(workshopId)]);
    this.io.local.to(staffRooms(workshopId)).emit('participants:changed', { people, figures });
  }

  close(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }
}
