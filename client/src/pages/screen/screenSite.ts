import type { SiteLink } from '@gommette/shared';

const storageKey = (workshopId: string) => `gommette.screen-site.${workshopId}`;

/**
 * A site's projector can show only its own QR code (`?site=<site id or join code>`, remembered on
 * this device; `?site=all` forgets it), so residents do not scan another site's code.
 */
export function screenSiteChoice(workshopId: string, search: string): string | null {
  const asked = new URLSearchParams(search).get('site');
  try {
    if (asked === 'all') {
      localStorage.removeItem(storageKey(workshopId));
      return null;
    }
    if (asked) {
      localStorage.setItem(storageKey(workshopId), asked);
      return asked;
    }
    return localStorage.getItem(storageKey(workshopId));
  } catch {
    return asked && asked !== 'all' ? asked : null;
  }
}

/** The sites whose QR codes this projector shows: the chosen one when it exists, else all. */
export function shownSites(sites: ReadonlyArray<SiteLink>, choice: string | null): ReadonlyArray<SiteLink> {
  if (choice === null) return sites;
  const own = sites.filter((site) => site.id === choice || site.joinCode === choice.toUpperCase());
  return own.length > 0 ? own : sites;
}
