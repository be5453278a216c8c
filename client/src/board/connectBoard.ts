import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { BOARD_WS_PROTOCOL } from '@gommette/shared/board';

export interface BoardConnection {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves once the local copy (IndexedDB) is loaded, or at once where there is none. */
  localReady: Promise<void>;
  destroy(): void;
}

/** `ws://host/yjs` or `wss://host/yjs`, from the page's own address. */
function boardServerUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/yjs`;
}

/**
 * Opens a workshop's board: a Yjs document synced over the gateway (`/yjs/<workshopId>`). The
 * token travels as a WebSocket sub-protocol, so it never sits in a URL or a server log.
 * With `keepLocal`, the document is also kept in IndexedDB: a phone that loses the network keeps
 * what it wrote, even across a reload, and the provider sends it once the link is back.
 */
export function connectBoard(workshopId: string, token: string, { keepLocal = false } = {}): BoardConnection {
  const doc = new Y.Doc();
  const local = keepLocal && typeof indexedDB !== 'undefined' ? new IndexeddbPersistence(`gommette-board:${workshopId}`, doc) : null;
  const provider = new WebsocketProvider(boardServerUrl(), workshopId, doc, {
    protocols: [BOARD_WS_PROTOCOL, token],
    // Other tabs of the same browser are other people's views (console + projector): no shortcut.
    disableBc: true,
    maxBackoffTime: 5_000,
  });
  // The browser knows before the socket does: reconnect at once when the network is back.
  const handleOffline = () => provider.disconnect();
  const handleOnline = () => provider.connect();
  window.addEventListener('offline', handleOffline);
  window.addEventListener('online', handleOnline);
  return {
    doc,
    provider,
    localReady: local ? local.whenSynced.then(() => undefined) : Promise.resolve(),
    destroy: () => {
      window.removeEventListener('offline', handleOffline);
      window.removeEventListener('online', handleOnline);
      provider.awareness.setLocalState(null);
      provider.destroy();
      void local?.destroy();
      doc.destroy();
    },
  };
}
