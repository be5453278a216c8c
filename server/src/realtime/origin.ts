import type { IncomingHttpHeaders } from 'node:http';
import type { Config } from '../config';

/**
 * A browser page from another site must not open a socket with a resident's cookie or token:
 * the Origin must be this server (as reached), PUBLIC_URL, or listed in ALLOWED_ORIGINS.
 * Requests without Origin (same-origin polling GETs, native clients) carry no such risk.
 */
export function isAllowedOrigin(headers: IncomingHttpHeaders, config: Pick<Config, 'publicUrl' | 'allowedOrigins'>): boolean {
  const origin = headers.origin;
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.host === headers.host) return true;
  if (config.publicUrl && new URL(config.publicUrl).origin === url.origin) return true;
  return config.allowedOrigins.includes(url.origin);
}
