/**
 * Returning participants, privacy first. A phone keeps the participant cards of the workshops it
 * joined; joining a new one, it presents them. The server looks each card up, asks this function
 * whether one of them belongs to an EARLIER workshop of the same centre, and stores only a yes/no
 * on the new participant: never the old card, never a link between the two people.
 *
 * Scope: a workshop of a centre counts cards of the centre's earlier workshops only (another
 * centre's residents are not "back"); a workshop outside any centre counts cards of any earlier
 * workshop on this server that is outside a centre too (a small association's own install).
 */

export interface WorkshopScope {
  workshopId: string;
  createdAt: number;
  /** The centre it belongs to, or null for a workshop outside any centre. */
  centreId: string | null;
}

/** Whether `earlier` is a workshop before `current` in the same scope (so its card makes a returning participant). */
export function isEarlierInScope(current: WorkshopScope, earlier: WorkshopScope): boolean {
  return earlier.workshopId !== current.workshopId && earlier.createdAt < current.createdAt && earlier.centreId === current.centreId;
}

/** Whether any of the presented cards' workshops (null: unknown card) counts the new participant as returning. */
export function isReturning(current: WorkshopScope, cardsWorkshops: ReadonlyArray<WorkshopScope | null>): boolean {
  return cardsWorkshops.some((earlier) => earlier !== null && isEarlierInScope(current, earlier));
}
