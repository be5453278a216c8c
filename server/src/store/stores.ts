import type { CentreStore } from './CentreStore';
import type { WorkshopStore } from './WorkshopStore';

/**
 * Every persistence port the app uses, opened together on one database. Each area of the product
 * adds its own port here (votes, boards…) rather than growing `WorkshopStore`.
 */
export interface Stores {
  store: WorkshopStore;
  centres: CentreStore;
}
