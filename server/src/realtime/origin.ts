import net from 'node:net';
import os from 'node:os';
import type { IncomingHttpHeaders } from 'node:http';
import type { Config } from '../config';

type OriginConfig = Pick<Config, 'publicUrl' | 'allowedOrigins'>;

/** The host name of a Host header value ("[::1]:3000" → "::1", "Example.org:80" → "example.org"), or null. */
function hostName(host: string | undefined): string | null {
  if (!host) return null;
  try {
    const name = new URL(`http://${host}`).hostname.toLowerCase();
    return name.startsWith('[') && name.endsWith(']') ? name.slice(1, -1) : name;
  } catch {
    return null;
  }
}

/**
 * Host names a DNS-rebinding page cannot stand behind: IP literals (v4/v6) and localhost (a
 * browser names the page's own domain in Host, so an attacker's name never looks like these).
 */
function isLiteralHost(name: string): boolean {
  return net.isIP(name) !== 0 || name === 'localhost' || name.endsWith('.localhost');
}

/** The names this machine answers to on a LAN without PUBLIC_URL: its hostname and `<hostname>.local`. */
function machineNames(): string[] {
  const name = os.hostname().toLowerCase();
  return name.endsWith('.local') ? [name, name.slice(0, -'.local'.length)] : [name, `${name}.local`];
}

/**
 * Whether the Host header names this server. With PUBLIC_URL: its host, the hosts of
 * ALLOWED_ORIGINS, or an IP literal/localhost (a reverse proxy forwarding to a loopback port).
 * Without it (a laptop on the venue's Wi-Fi): IP literals, localhost and the machine's own name.
 * Any other name is refused, so a page on a rebinding domain (evil.example resolving to this
 * machine) cannot speak to it even though its Origin equals its Host.
 */
export function isAllowedHost(headers: IncomingHttpHeaders, config: OriginConfig): boolean {
  const name = hostName(headers.host);
  if (name === null) return false;
  if (isLiteralHost(name)) return true;
  const listed = config.allowedOrigins.map((origin) => hostName(safeHost(origin)));
  if (listed.includes(name)) return true;
  if (config.publicUrl) return hostName(safeHost(config.publicUrl)) === name;
  return machineNames().includes(name);
}

function safeHost(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

/**
 * A browser page from another site must not open a socket or post with a resident's cookie or
 * token. The Host must name this server (isAllowedHost: a rebinding domain does not), and the
 * Origin, when sent, must be this server as reached, PUBLIC_URL, or listed in ALLOWED_ORIGINS.
 * Requests without Origin (same-origin polling GETs, native clients) are judged on Host alone.
 */
export function isAllowedOrigin(headers: IncomingHttpHeaders, config: OriginConfig): boolean {
  if (!isAllowedHost(headers, config)) return false;
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
