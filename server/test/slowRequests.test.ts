import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HTTP_HEADERS_TIMEOUT_MS, HTTP_REQUEST_TIMEOUT_MS } from '@gommette/shared';
import { startServer, type TestServer } from './helpers';

let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** Sends `head` and a little of the body on a raw socket, never the rest; resolves with what came back when the server closes. */
function announce(url: string, head: string): Promise<{ reply: string; closedAfterMs: number }> {
  const { port } = new URL(url);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(head + '{"title":"'));
    let reply = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (reply += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve({ reply, closedAfterMs: Date.now() - started }));
    setTimeout(() => {
      socket.destroy();
      reject(new Error(`still open after 10 s; got: ${reply.slice(0, 200)}`));
    }, 10_000).unref();
  });
}

describe('requests that would hold a connection', () => {
  it('a body announced at 100 MB is refused at once with 413 and the connection closed', async () => {
    server = await startServer();
    const { reply, closedAfterMs } = await announce(
      server.url,
      `POST /api/workshops HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${100 * 1024 * 1024}\r\n\r\n`,
    );
    expect(reply).toMatch(/^HTTP\/1\.1 413/);
    expect(reply).toContain('"code":"too_large"');
    expect(closedAfterMs).toBeLessThan(5_000);
  });

  it('headers and whole requests have bounded times on the HTTP server', async () => {
    server = await startServer();
    const httpServer = server.app.httpServer;
    expect(httpServer.headersTimeout).toBe(HTTP_HEADERS_TIMEOUT_MS);
    expect(httpServer.requestTimeout).toBe(HTTP_REQUEST_TIMEOUT_MS);
    expect(HTTP_REQUEST_TIMEOUT_MS).toBeLessThanOrEqual(60_000);
  });
});
