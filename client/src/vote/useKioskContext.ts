import type { SiteLink, Snapshot, WorkshopSummary } from '@gommette/shared';
import { useEffect, useState } from 'react';
import type { GommetteSocket } from '../socket/createSocket';

export interface KioskContext {
  workshop: WorkshopSummary;
  site: SiteLink | null;
}

/** What the kiosk's start screen tells the person in front of it: the question, what it is for, the site. */
export function useKioskContext(socket: GommetteSocket | null): KioskContext | null {
  const [context, setContext] = useState<KioskContext | null>(null);
  useEffect(() => {
    if (!socket) return undefined;
    const handleSnapshot = (snapshot: Snapshot) =>
      setContext({ workshop: snapshot.workshop, site: snapshot.workshop.sites.find((site) => site.id === snapshot.kioskSiteId) ?? null });
    socket.on('workshop:snapshot', handleSnapshot);
    return () => {
      socket.off('workshop:snapshot', handleSnapshot);
    };
  }, [socket]);
  return context;
}
