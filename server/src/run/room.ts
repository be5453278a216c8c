import { ErrorCode, domainError, initialRoom, isDomainError, viewRoom, type DomainError, type RoomState } from '@gommette/shared';
import type { AppContext } from '../context';
import { participantsRoom, screensRoom, staffRooms } from '../realtime/rooms';
import type { GommetteServer } from '../realtime/types';

/** Two consoles racing on the same change: retry on the fresh room this many times. */
const MAX_ROOM_ATTEMPTS = 5;

export async function loadRoom(ctx: AppContext, workshopId: string): Promise<RoomState> {
  // Rooms saved before a field existed get its default.
  const stored = await ctx.store.getRoom(workshopId);
  return stored ? { ...initialRoom([]), ...stored } : initialRoom([]);
}

/**
 * Read → change → save with optimistic concurrency: a facilitator's change applies to the room as it
 * is now, never to a copy another console already replaced. Resolves once the new room is durable.
 */
export async function updateRoom(ctx: AppContext, workshopId: string, change: (room: RoomState) => RoomState | DomainError): Promise<RoomState | DomainError> {
  for (let attempt = 0; attempt < MAX_ROOM_ATTEMPTS; attempt += 1) {
    const room = await loadRoom(ctx, workshopId);
    const changed = change(room);
    if (isDomainError(changed)) return changed;
    const next = { ...changed, version: room.version + 1 };
    if (await ctx.store.saveRoom(workshopId, next)) return next;
  }
  return domainError(ErrorCode.Conflict, 'the room changed too often, try again');
}

/** Staff see every instruction; phones and projectors only the revealed ones. */
export function broadcastRoom(io: GommetteServer, ctx: AppContext, workshopId: string, room: RoomState): void {
  const now = ctx.now();
  io.to(staffRooms(workshopId)).emit('room:changed', viewRoom(room, true, now));
  io.to([screensRoom(workshopId), participantsRoom(workshopId)]).emit('room:changed', viewRoom(room, false, now));
}
