/** What the outbox tests share: a browser storage in memory and a wait on an outbox's state. */

/** The browser's localStorage, for an outbox to survive a "reload" (a new outbox on the same storage). */
export class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

/** A store read through `getSnapshot` and `subscribe` (the outboxes, as `useSyncExternalStore` reads them). */
interface Observed<State> {
  getSnapshot(): State;
  subscribe(listener: () => void): () => void;
}

/** Resolves with the outbox's state once `done` holds, or fails after `timeoutMs` naming the state it was left in. */
export function untilState<State>(outbox: Observed<State>, done: (state: State) => boolean, timeoutMs = 5000): Promise<State> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`outbox still ${JSON.stringify(outbox.getSnapshot())}`));
    }, timeoutMs);
    const check = () => {
      if (!done(outbox.getSnapshot())) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(outbox.getSnapshot());
    };
    const unsubscribe = outbox.subscribe(check);
    check();
  });
}
