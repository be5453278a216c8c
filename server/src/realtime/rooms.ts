/**
 * Every socket.io room name, in one place: who hears what. A broadcast names its audience with
 * these, never with a string of its own.
 */

/** Projector screens: every visible idea, live. */
export const screensRoom = (workshopId: string): string => `w:${workshopId}:screens`;
/** Every phone of a workshop: counts and phases, not the others' ideas (the projector shows those). */
export const participantsRoom = (workshopId: string): string => `w:${workshopId}:participants`;
/**
 * A workshop's phones again, split in `PHONE_SHARDS` parts by connection (500 each at 10,000 phones): a counter or results
 * sent to thousands of phones is written a part at a time (`PhoneFanout`), so that acks and the
 * projector's updates get through between the parts.
 */
export const PHONE_SHARDS = 20;
export const phoneShardRoom = (workshopId: string, shard: number): string => `w:${workshopId}:participants:${shard}`;
/** The part a connection belongs to, from its (random) socket id. */
export function phoneShardOf(socketId: string): number {
  let sum = 0;
  for (let index = 0; index < socketId.length; index++) sum = (sum + socketId.charCodeAt(index)) | 0;
  return sum % PHONE_SHARDS;
}
/** One resident's devices: their own ideas. */
export const participantRoom = (participantId: string): string => `p:${participantId}`;
/** The facilitator's consoles only. */
export const facilitatorRoom = (workshopId: string): string => `w:${workshopId}:facilitators`;
/** Table helpers and observers: their own room, never the facilitator's (issue 20, item 3). */
export const assistantsRoom = (workshopId: string): string => `w:${workshopId}:assistants`;
/** A workshop's kiosks ("bornes"): one shared tablet per site, several people in turn. */
export const kiosksRoom = (workshopId: string): string => `w:${workshopId}:kiosks`;
/** Staff: facilitators, table helpers and observers (every idea, moderation included). */
export const staffRooms = (workshopId: string): string[] => [facilitatorRoom(workshopId), assistantsRoom(workshopId)];
/** Everyone in a workshop. */
export const workshopRooms = (workshopId: string): string[] => [screensRoom(workshopId), participantsRoom(workshopId), ...staffRooms(workshopId)];

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
/** Every screen that gets the projector's results as they change: consoles, projectors, kiosks (phones have their own interval). */
export const resultsScreenRooms = (workshopId: string): string[] => [...staffResultsRooms(workshopId), ...publicStaffRooms(workshopId)];
