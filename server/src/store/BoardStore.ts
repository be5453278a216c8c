/**
 * Persistence of board documents (Yjs updates), one log per workshop. Yjs updates commute, so
 * the order rows come back in does not matter; `compact` replaces the rows it has merged with
 * one state. Adapters: SQLite and PostgreSQL; `boardContract.ts` runs against each.
 */
export interface StoredBoard {
  updates: Uint8Array[];
  /** Highest row sequence returned (pass it to `compact`); 0 for an empty board. */
  lastSeq: number;
  /** Total bytes of the rows returned. */
  bytes: number;
}

export interface BoardStore {
  load(workshopId: string): Promise<StoredBoard>;
  /** Appends one update; resolves once committed, with its sequence. */
  append(workshopId: string, update: Uint8Array): Promise<number>;
  /** Atomically replaces every row up to `throughSeq` by `state` (the merge of them and more). */
  compact(workshopId: string, state: Uint8Array, throughSeq: number): Promise<void>;
  /** Number of rows and bytes stored for a board. */
  stats(workshopId: string): Promise<{ rows: number; bytes: number }>;
}
