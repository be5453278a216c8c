import { participantsRoom, screensRoom, staffRooms } from './types';

/** A workshop's kiosks ("bornes"): one shared tablet per site, several people in turn. */
export const kiosksRoom = (workshopId: string): string => `w:${workshopId}:kiosks`;

/** Who sees the public results: projectors, kiosks and phones (never per-person data). */
export const publicStaffRooms = (workshopId: string): string[] => [screensRoom(workshopId), kiosksRoom(workshopId)];
export const everyVoteRoom = (workshopId: string): string[] => [
  screensRoom(workshopId),
  kiosksRoom(workshopId),
  participantsRoom(workshopId),
  ...staffRooms(workshopId),
];

/** Where staff (facilitator, helpers, observers) receive live vote results: the projector's, never finer. */
export const staffResultsRooms = (workshopId: string): string[] => staffRooms(workshopId);
