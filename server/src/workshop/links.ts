import type { IncomingHttpHeaders } from 'node:http';
import type { Site, SiteLink } from '@gommette/shared';

/** A Host header we are willing to put into a link (name or address, optional port). */
const HOST_PATTERN = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * The base of every link we hand out (QR codes, facilitator and screen links): PUBLIC_URL when
 * set, so phones on the venue's Wi-Fi reach the laptop; otherwise the host the request came to.
 */
export function publicBaseUrl(publicUrl: string | null, headers: IncomingHttpHeaders, secure: boolean): string {
  if (publicUrl) return publicUrl;
  const host = headers.host;
  if (!host || !HOST_PATTERN.test(host)) return 'http://localhost';
  return `${secure ? 'https' : 'http'}://${host}`;
}

export function joinUrl(base: string, joinCode: string): string {
  return `${base}/j/${joinCode}`;
}

export function facilitatorUrl(base: string, workshopId: string, token: string): string {
  return `${base}/console/${workshopId}#k=${token}`;
}

export function screenUrl(base: string, workshopId: string, token: string): string {
  return `${base}/screen/${workshopId}#k=${token}`;
}

export function helperUrl(base: string, workshopId: string, token: string): string {
  return `${base}/helper/${workshopId}#k=${token}`;
}

export function observerUrl(base: string, workshopId: string, token: string): string {
  return `${base}/observer/${workshopId}#k=${token}`;
}

export function siteLinks(sites: ReadonlyArray<Site>, base: string): SiteLink[] {
  return sites.map((site) => ({ id: site.id, name: site.name, joinCode: site.joinCode, joinUrl: joinUrl(base, site.joinCode) }));
}
