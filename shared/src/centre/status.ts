import type { RoomState } from '../animation/room';

/** Where a workshop of the space stands, for its list: not started, running, or over. */
export type CentreWorkshopStatus = 'upcoming' | 'live' | 'finished';

/**
 * A workshop marked finished (`finishedAt`, which publishes its briefs) is finished whatever its
 * steps say. Otherwise it is upcoming until its first step starts (or its first idea arrives on a free wall),
 * finished once its last step has ended, and live in between.
 */
export function workshopStatus(room: RoomState | null, ideaCount: number, finishedAt: number | null): CentreWorkshopStatus {
  if (finishedAt !== null) return 'finished';
  if (!room || room.phases.length === 0) return ideaCount > 0 ? 'live' : 'upcoming';
  const { phaseIndex, status } = room.run;
  if (phaseIndex === room.phases.length - 1 && status === 'ended') return 'finished';
  if (phaseIndex === 0 && status === 'waiting') return 'upcoming';
  return 'live';
}
