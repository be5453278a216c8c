import { createHash } from 'node:crypto';
import type { PersonView } from '@gommette/shared';
import type { Logger } from 'pino';
import type { AppContext } from '../context';
import { facilitatorRoom, type GommetteServer } from './types';

/** People shown to staff are coalesced like presence: a room joining at once sends a few lists. */
const STAFF_NOTIFY_INTERVAL_MS = 500;

/** An opaque handle for a person in the staff's tables panel (participant ids stay on the server). */
export function seatIdOf(participantId: string): string {
  return createHash('sha256').update(`gommette:seat:${participantId}`).digest('base64url').slice(0, 22);
}

export async function listPeople(ctx: AppContext, workshopId: string): Promise<PersonView[]> {
  const [people, connected] = await Promise.all([ctx.store.listParticipants(workshopId), ctx.presence.connected(workshopId)]);
  return people.map((person, index) => ({
    seatId: seatIdOf(person.id),
    number: index + 1,
    siteId: person.siteId,
    tableId: person.tableId,
    kind: person.kind,
    connected: person.kind === 'assisted' || connected.has(person.id),
  }));
}

/** Tells the facilitator's consoles who is in the room and at which table, at most twice a second. */
export class StaffNotifier {
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly io: GommetteServer,
    private readonly ctx: AppContext,
    private readonly logger: Logger,
  ) {}

  changed(workshopId: string): void {
    if (this.pending.has(workshopId)) return;
    const timer = setTimeout(() => {
      this.pending.delete(workshopId);
      this.publish(workshopId).catch((error: unknown) => this.logger.error({ err: error, workshopId }, 'staff notification failed'));
    }, STAFF_NOTIFY_INTERVAL_MS);
    timer.unref();
    this.pending.set(workshopId, timer);
  }

  private async publish(workshopId: string): Promise<void> {
    const [people, figures] = await Promise.all([listPeople(this.ctx, workshopId), this.ctx.store.countParticipants(workshopId)]);
    this.io.to(facilitatorRoom(workshopId)).emit('participants:changed', { people, figures });
  }

  close(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }
}
