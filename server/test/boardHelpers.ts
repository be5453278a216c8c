import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { BOARD_WS_PROTOCOL } from '@gommette/shared/board';

/** A real y-websocket client (the same provider the browser uses), with `ws` as its WebSocket. */
export function boardClient(url: string, workshopId: string, token: string): { doc: Y.Doc; provider: WebsocketProvider; close(): void } {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${url.replace(/^http/, 'ws')}/yjs`, workshopId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    protocols: [BOARD_WS_PROTOCOL, token],
    disableBc: true,
    maxBackoffTime: 200,
  });
  return {
    doc,
    provider,
    close: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Polls `condition` until it holds (no fixed sleeps), or rejects after `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function synced(provider: WebsocketProvider, timeoutMs = 5_000): Promise<void> {
  return waitFor(() => provider.synced, timeoutMs, 'sync');
}

/** Opens a raw WebSocket to the gateway; resolves with the socket once open, or the HTTP status it was refused with. */
export function rawBoardSocket(
  url: string,
  path: string,
  protocols: string[],
  headers: Record<string, string> = {},
): Promise<{ ws: WebSocket } | { status: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}${path}`, protocols, { headers });
    ws.once('open', () => resolve({ ws }));
    ws.once('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0 });
      ws.terminate();
    });
    ws.once('error', (error) => reject(error));
  });
}
