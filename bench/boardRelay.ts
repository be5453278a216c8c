/**
 * Board relay latency for `npm run bench:cluster`: a writer's y-websocket client on one node, a
 * reader's on another (or the same node, alone), and the time from a change to its arrival,
 * one change at a time.
 */
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { BOARD_WS_PROTOCOL } from '@gommette/shared/board';
import { benchClock } from './ipc';
import { summarize, type LatencySummary } from './stats';

const SYNC_TIMEOUT_MS = 30_000;
const CHANGE_TIMEOUT_MS = 10_000;

function open(url: string, workshopId: string, token: string): { doc: Y.Doc; provider: WebsocketProvider } {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${url.replace(/^http/, 'ws')}/yjs`, workshopId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    protocols: [BOARD_WS_PROTOCOL, token],
    disableBc: true,
  });
  return { doc, provider };
}

function synced(provider: WebsocketProvider): Promise<void> {
  return new Promise((resolve, reject) => {
    if (provider.synced) return resolve();
    const timer = setTimeout(() => reject(new Error('board did not sync')), SYNC_TIMEOUT_MS);
    provider.once('sync', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export async function measureBoardRelay(
  writerUrl: string,
  readerUrl: string,
  workshop: { id: string; facilitatorToken: string; screenToken: string },
  changes: number,
): Promise<LatencySummary> {
  const writer = open(writerUrl, workshop.id, workshop.facilitatorToken);
  const reader = open(readerUrl, workshop.id, workshop.screenToken);
  try {
    await Promise.all([synced(writer.provider), synced(reader.provider)]);
    const sent = writer.doc.getMap<number>('bench-relay');
    const seen = reader.doc.getMap<number>('bench-relay');
    const latencies: number[] = [];
    for (let i = 0; i < changes; i++) {
      const key = `change-${i}`;
      const arrived = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('board change did not arrive')), CHANGE_TIMEOUT_MS);
        const check = (): void => {
          if (!seen.has(key)) return;
          clearTimeout(timer);
          seen.unobserve(check);
          resolve(benchClock());
        };
        seen.observe(check);
      });
      const at = benchClock();
      sent.set(key, i);
      latencies.push((await arrived) - at);
    }
    return summarize(latencies);
  } finally {
    writer.provider.destroy();
    reader.provider.destroy();
  }
}
