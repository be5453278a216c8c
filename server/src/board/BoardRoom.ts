import type { Logger } from 'pino';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { BOARD_COMPACT_AFTER_ROWS, BOARD_SAVE_DEBOUNCE_MS, BOARD_SAVE_MAX_WAIT_MS, MAX_BOARD_DOC_BYTES } from '@gommette/shared/board';
import type { BoardStore, StoredBoard } from '../store/BoardStore';

export interface BoardRoomOptions {
  saveDebounceMs?: number;
  saveMaxWaitMs?: number;
  compactAfterRows?: number;
  maxDocBytes?: number;
}

/** Thrown when an update would make the board bigger than its cap. */
export class BoardTooLargeError extends Error {}

/**
 * One workshop's board in memory: the Yjs document, the awareness of who looks where, and its
 * persistence. Every change is saved debounced (quiet for `saveDebounceMs`, but never later than
 * `saveMaxWaitMs` after the first unsaved one) as one merged row; past `compactAfterRows` rows the
 * log is replaced by one state. A failed save keeps the document and its unsaved changes in
 * memory and tries again; the room is not unloaded while anything is unsaved.
 */
export class BoardRoom {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly ready: Promise<void>;

  private pending: Uint8Array[] = [];
  private pendingSince = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Saves and compactions run one after the other. */
  private chain: Promise<void> = Promise.resolve();
  private rows = 0;
  /** Bytes stored plus bytes pending: what the board weighs on disk, at most. */
  private storedBytes = 0;
  private failures = 0;
  private readonly options: Required<BoardRoomOptions>;

  constructor(
    readonly workshopId: string,
    private readonly boards: BoardStore,
    private readonly logger: Logger,
    options: BoardRoomOptions = {},
  ) {
    this.options = {
      saveDebounceMs: options.saveDebounceMs ?? BOARD_SAVE_DEBOUNCE_MS,
      saveMaxWaitMs: options.saveMaxWaitMs ?? BOARD_SAVE_MAX_WAIT_MS,
      compactAfterRows: options.compactAfterRows ?? BOARD_COMPACT_AFTER_ROWS,
      maxDocBytes: options.maxDocBytes ?? MAX_BOARD_DOC_BYTES,
    };
    this.awareness.setLocalState(null);
    this.ready = this.load();
  }

  /** Reads the stored log and merges it into the document (as this room's own, not a client's, change). */
  private async loadStored(): Promise<StoredBoard> {
    const stored = await this.boards.load(this.workshopId);
    Y.transact(
      this.doc,
      () => {
        for (const update of stored.updates) Y.applyUpdate(this.doc, update);
      },
      this,
    );
    return stored;
  }

  private async load(): Promise<void> {
    const stored = await this.loadStored();
    this.rows = stored.updates.length;
    this.storedBytes = stored.bytes;
    // Only changes made after loading are saved.
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.enqueue(update);
    });
  }

  /**
   * Applies an update from a client (origin: its connection). Refuses one that would make the
   * board exceed its cap, after a compaction to measure what it really weighs.
   */
  applyClientUpdate(update: Uint8Array, origin: unknown): void {
    if (this.storedBytes + update.byteLength > this.options.maxDocBytes) {
      const size = Y.encodeStateAsUpdate(this.doc).byteLength;
      if (size + update.byteLength > this.options.maxDocBytes) throw new BoardTooLargeError(`board ${size} bytes`);
      this.storedBytes = size + this.pendingBytes();
      this.chain = this.chain.then(() => this.compactNow()).catch(() => undefined);
    }
    Y.applyUpdate(this.doc, update, origin);
  }

  private pendingBytes(): number {
    return this.pending.reduce((sum, update) => sum + update.byteLength, 0);
  }

  private enqueue(update: Uint8Array): void {
    if (this.pending.length === 0) this.pendingSince = Date.now();
    this.pending.push(update);
    this.storedBytes += update.byteLength;
    this.schedule();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    const waited = Date.now() - this.pendingSince;
    const delay = Math.max(0, Math.min(this.options.saveDebounceMs, this.options.saveMaxWaitMs - waited));
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush().catch(() => undefined);
    }, delay);
  }

  get unsaved(): boolean {
    return this.pending.length > 0;
  }

  /** Saves what is pending now (and compacts if the log is long). Rejects if the store fails. */
  flush(): Promise<void> {
    const run = this.chain.then(async () => {
      if (this.timer) {
        clearTimeout(this.timer);
        this.timer = null;
      }
      if (this.pending.length > 0) {
        const batch = this.pending;
        this.pending = [];
        try {
          await this.boards.append(this.workshopId, batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch));
          this.rows++;
          this.failures = 0;
        } catch (error) {
          // Keep the changes (and the document) in memory; try again later.
          this.pending = [...batch, ...this.pending];
          this.failures++;
          this.logger.error({ err: error, workshopId: this.workshopId }, 'board save failed');
          if (!this.timer) {
            this.timer = setTimeout(
              () => {
                this.timer = null;
                void this.flush().catch(() => undefined);
              },
              Math.min(this.options.saveMaxWaitMs * this.failures, 60_000),
            );
          }
          throw error;
        }
      }
      if (this.rows > this.options.compactAfterRows) await this.compactNow();
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  /**
   * Replaces the stored log by one state (call inside the chain). Other nodes append to the same
   * log, so the rows are read again and merged into the document first: the state written
   * contains every row it replaces, whichever node wrote them (rows appended meanwhile stay).
   */
  private async compactNow(): Promise<void> {
    if (this.pending.length > 0 || this.rows <= 1) return;
    const stored = await this.loadStored();
    const state = Y.encodeStateAsUpdate(this.doc);
    await this.boards.compact(this.workshopId, state, stored.lastSeq);
    this.rows = 1;
    this.storedBytes = state.byteLength;
  }

  /** Saves everything and compacts; then the room may be dropped. */
  async closeRoom(): Promise<void> {
    await this.flush();
    const compaction = this.chain.then(() => this.compactNow());
    this.chain = compaction.catch(() => undefined);
    await compaction;
    this.awareness.destroy();
    this.doc.destroy();
  }
}
