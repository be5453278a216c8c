import type { BoardStore } from './BoardStore';
import type { RetourStore } from './RetourStore';
import type { VoteStore } from './VoteStore';
import type { CentreStore } from './CentreStore';
import type { WorkshopStore } from './WorkshopStore';

/**
 * Every persistence port the app uses, opened together on one database. Each area of the product
 * adds its own port here (votes, boards…) rather than growing `WorkshopStore`.
 */
export interface Stores {
  store: WorkshopStore;
  boards: BoardStore;
  votes: VoteStore;
  centres: CentreStore;
  retour: RetourStore;
}
