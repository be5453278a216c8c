import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { BOARD_WS_PROTOCOL } from '@gommette/shared/board';
import type { Config } from '../config';
import { isAllowedOrigin } from '../realtime/origin';

const WORKSHOP_PATH = /^\/yjs\/([A-Za-z0-9_-]{6,64})\/?$/;
const TOKEN = /^[A-Za-z0-9_-]{20,128}$/;

/** Answers an upgrade request with an HTTP status and closes it. */
export function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** The token a client offers as the second WebSocket sub-protocol (so it never sits in a URL). */
export function tokenFromProtocols(header: string | undefined): string | null {
  const offered = (header ?? '').split(',').map((value) => value.trim());
  if (!offered.includes(BOARD_WS_PROTOCOL)) return null;
  return offered.find((value) => value !== BOARD_WS_PROTOCOL && TOKEN.test(value)) ?? null;
}

/**
 * What an upgrade to `/yjs/<workshopId>` asks for, checked before anything is read from the
 * store: the path, the Origin, a well-formed token. Whether the token opens the board is the
 * next step (`boardAccess`).
 */
export function readUpgrade(req: IncomingMessage, config: Config): { path: string; workshopId: string; token: string } | { status: number; reason: string } {
  const path = (req.url ?? '').split('?')[0] ?? '';
  const match = WORKSHOP_PATH.exec(path);
  if (!match) return { status: 404, reason: 'Not Found' };
  if (!isAllowedOrigin(req.headers, config)) return { status: 403, reason: 'Forbidden' };
  const token = tokenFromProtocols(req.headers['sec-websocket-protocol']);
  if (!token) return { status: 401, reason: 'Unauthorized' };
  return { path, workshopId: match[1]!, token };
}
