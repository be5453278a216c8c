import { clockOffset, type SiteLink, type Snapshot, type WorkshopSummary } from '@gommette/shared';
import { useEffect, useState } from 'react';
import type { GommetteSocket } from '../socket/createSocket';

export interface KioskContext {
  workshop: WorkshopSummary;
  site: SiteLink | null;
  /** Add to `Date.now()` to read the server's clock (measured from the snapshot; the tablet's clock may be wrong). */
  clockOffsetMs: number;
}

/** What the kiosk's start screen tells the person in front of it: the question, what it is for, the site. */
export function useKioskContext(socket: GommetteSocket | null): KioskContext | null {
  const [context, setContext] = useState<KioskContext | null>(null);
  useEffect(() => {
    if (!socket) return undefined;
    const handleSnapshot = (snapshot: Snapshot) =>
      setContext({
        workshop: snapshot.workshop,
        site: snapshot.workshop.sites.find((site) => site.id === snapshot.kioskSiteId) ?? null,
        clockOffsetMs: clockOffset(snapshot.room.serverNow, Date.now()),
      });
    socket.on('workshop:snapshot', handleSnapshot);
    return () => {
      socket.off('workshop:snapshot', handleSnapshot);
    };
  }, [socket]);
  return context;
}
