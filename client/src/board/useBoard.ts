import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { boardAwarenessState, readBoard, type BoardAwarenessState, type BoardState } from '@gommette/shared/board';
import { connectBoard, type BoardConnection } from './connectBoard';

export type BoardStatus = 'connecting' | 'online' | 'offline';

export interface BoardHandle {
  connection: BoardConnection;
  state: BoardState;
  status: BoardStatus;
  /** The first sync with the server is done (what is shown is the room's board). */
  synced: boolean;
}

/**
 * Opens a board for as long as the component is mounted and follows it: a plain `BoardState`
 * re-read at most once per animation frame however many updates arrive (500 phones writing at
 * once do not make 500 renders). Null until the connection exists.
 */
export function useBoard(workshopId: string, token: string, options: { keepLocal?: boolean } = {}): BoardHandle | null {
  const keepLocal = options.keepLocal ?? false;
  const [handle, setHandle] = useState<BoardHandle | null>(null);

  useEffect(() => {
    const connection = connectBoard(workshopId, token, { keepLocal });
    let current: BoardHandle = { connection, state: readBoard(connection.doc), status: 'connecting', synced: false };
    const update = (changes: Partial<BoardHandle>) => {
      current = { ...current, ...changes };
      setHandle(current);
    };
    update({});
    let frame = 0;
    const refresh = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        update({ state: readBoard(connection.doc) });
      });
    };
    connection.doc.on('update', refresh);
    const handleStatus = ({ status }: { status: 'connected' | 'connecting' | 'disconnected' }) =>
      update({ status: status === 'connected' ? 'online' : status === 'connecting' ? 'connecting' : 'offline' });
    const handleSync = (isSynced: boolean) => update({ synced: isSynced });
    connection.provider.on('status', handleStatus);
    connection.provider.on('sync', handleSync);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      connection.doc.off('update', refresh);
      connection.provider.off('status', handleStatus);
      connection.provider.off('sync', handleSync);
      connection.destroy();
      setHandle(null);
    };
  }, [workshopId, token, keepLocal]);

  return handle;
}

export interface Peer extends BoardAwarenessState {
  clientId: number;
}

/** Everyone else's presence on the board (validated shape: a role, a site, a view; no names). */
export function usePeers(awareness: Awareness | null): Peer[] {
  const subscribe = useMemo(
    () => (notify: () => void) => {
      awareness?.on('change', notify);
      return () => awareness?.off('change', notify);
    },
    [awareness],
  );
  const version = useSyncExternalStore(subscribe, () => (awareness ? `${awareness.getStates().size}:${awarenessVersion(awareness)}` : ''));
  return useMemo(() => {
    void version;
    const peers: Peer[] = [];
    if (!awareness) return peers;
    awareness.getStates().forEach((value, clientId) => {
      if (clientId === awareness.clientID) return;
      const parsed = boardAwarenessState.safeParse(value);
      if (parsed.success) peers.push({ ...parsed.data, clientId });
    });
    return peers;
  }, [awareness, version]);
}

/** A cheap fingerprint of the awareness states, so `useSyncExternalStore` sees changes. */
function awarenessVersion(awareness: Awareness): number {
  let sum = 0;
  awareness.meta.forEach((meta) => {
    sum += meta.clock;
  });
  return sum;
}
