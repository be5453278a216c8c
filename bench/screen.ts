/**
 * The projector screen: one socket.io client with the screen token, recording when each
 * idea arrives in an `ideas:added` batch (bench clock) and how many times, to check exactly-once delivery.
 */
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, Role, type ClientToServerEvents, type ConnectErrorData, type ServerToClientEvents } from '@gommette/shared';
import { benchClock } from './ipc';

export interface Screen {
  /** First receipt time of each idea id. */
  readonly firstSeen: ReadonlyMap<string, number>;
  /** Receipts per idea id (1 when delivered exactly once). */
  readonly receipts: ReadonlyMap<string, number>;
  /** How many `ideas:added` messages carried them. */
  batches(): number;
  /** Resolves once every id in `ids` was received, or after `timeoutMs` (check `firstSeen`). */
  waitFor(ids: ReadonlyArray<string>, timeoutMs: number): Promise<void>;
  close(): void;
}

export function openScreen(url: string, workshopId: string, token: string, timeoutMs: number): Promise<Screen> {
  const firstSeen = new Map<string, number>();
  const receipts = new Map<string, number>();
  let onFirstReceipt: ((id: string) => void) | null = null;
  let batches = 0;

  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, {
    transports: ['websocket'],
    auth: { role: Role.Screen, protocol: PROTOCOL_VERSION, workshopId, token },
    reconnection: false,
    forceNew: true,
  });
  socket.on('ideas:added', (ideas) => {
    const now = benchClock();
    batches += 1;
    for (const idea of ideas) {
      const count = (receipts.get(idea.id) ?? 0) + 1;
      receipts.set(idea.id, count);
      if (count > 1) continue;
      firstSeen.set(idea.id, now);
      onFirstReceipt?.(idea.id);
    }
  });

  const screen: Screen = {
    firstSeen,
    receipts,
    batches: () => batches,
    waitFor: (ids, waitMs) =>
      new Promise((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          onFirstReceipt = null;
          resolve();
        };
        const timer = setTimeout(done, waitMs);
        const missing = new Set(ids.filter((id) => !firstSeen.has(id)));
        if (missing.size === 0) return done();
        onFirstReceipt = (id) => {
          if (missing.delete(id) && missing.size === 0) done();
        };
      }),
    close: () => socket.close(),
  };

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error(`screen: no snapshot within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('workshop:snapshot', () => {
      clearTimeout(timer);
      resolve(screen);
    });
    socket.once('connect_error', (error: Error & { data?: Partial<ConnectErrorData> }) => {
      clearTimeout(timer);
      socket.close();
      reject(new Error(`screen could not connect: ${error.data?.code ?? error.message}`));
    });
  });
}
