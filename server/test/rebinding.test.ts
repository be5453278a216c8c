import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createWorkshop, startServer, type TestServer } from './helpers';

/** A raw POST with a chosen Host and Origin (fetch does not let a caller set Host). */
function post(url: string, path: string, headers: Record<string, string>): Promise<number> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port: Number(port), path, method: 'POST', headers: { 'content-type': 'application/json', ...headers } },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on('error', reject);
    request.end(JSON.stringify({ login: 'personne', password: 'pas le bon mot de passe' }));
  });
}

/** The status line of a raw WebSocket upgrade to `path` with a chosen Host and Origin. */
function upgrade(url: string, path: string, host: string, origin: string): Promise<string> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => {
      socket.write(
        `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nOrigin: ${origin}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: gommette\r\n\r\n',
      );
    });
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString();
      if (received.includes('\r\n')) socket.destroy();
    });
    socket.on('close', () => resolve(received.split('\r\n')[0] ?? ''));
    socket.on('error', reject);
  });
}

describe('DNS rebinding: Host must name this server', () => {
  describe('without PUBLIC_URL (a laptop on the venue Wi-Fi)', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startServer();
    });
    afterAll(async () => {
      await server.close();
    });

    it('refuses a socket whose Origin equals a foreign Host, accepts IP literals, localhost and the machine name', async () => {
      const workshop = await createWorkshop(server.url);
      const auth = { role: 'screen', workshopId: workshop.id, token: workshop.screenToken } as const;
      const port = new URL(server.url).port;
      const rebound = `rebind.evil.example:${port}`;
      await expect(connect(server.url, auth, { extraHeaders: { host: rebound, origin: `http://${rebound}` } })).rejects.toBeDefined();
      // Without Origin too (a same-origin GET from the rebound page sends none).
      await expect(connect(server.url, auth, { extraHeaders: { host: rebound } })).rejects.toBeDefined();

      for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `${os.hostname()}:${port}`, `${os.hostname()}.local:${port}`]) {
        const { socket } = await connect(server.url, auth, { extraHeaders: { host, origin: `http://${host}` } });
        socket.close();
      }
    });

    it('refuses a cookie-authenticated write and the /yjs/ upgrade from a rebinding Host', async () => {
      const port = new URL(server.url).port;
      const rebound = `rebind.evil.example:${port}`;
      expect(await post(server.url, '/api/account/sign-in', { host: rebound, origin: `http://${rebound}` })).toBe(403);
      expect(await post(server.url, '/api/account/sign-in', { host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}` })).toBe(401);

      const workshop = await createWorkshop(server.url);
      expect(await upgrade(server.url, `/yjs/${workshop.id}`, rebound, `http://${rebound}`)).toContain('403');
      expect(await upgrade(server.url, `/yjs/${workshop.id}`, `127.0.0.1:${port}`, `http://127.0.0.1:${port}`)).not.toContain('403');
    });
  });

  describe('with PUBLIC_URL', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startServer({ env: { PUBLIC_URL: 'https://gommette.example', ALLOWED_ORIGINS: 'http://atelier.example:5173' } });
    });
    afterAll(async () => {
      await server.close();
    });

    it('accepts its own name and the listed origins, refuses other names (even the machine name)', async () => {
      const workshop = await createWorkshop(server.url);
      const auth = { role: 'screen', workshopId: workshop.id, token: workshop.screenToken } as const;
      for (const [host, origin] of [
        ['gommette.example', 'https://gommette.example'],
        ['atelier.example:5173', 'http://atelier.example:5173'],
      ] as const) {
        const { socket } = await connect(server.url, auth, { extraHeaders: { host, origin } });
        socket.close();
      }
      for (const host of ['rebind.evil.example', `${os.hostname()}.local`]) {
        await expect(connect(server.url, auth, { extraHeaders: { host, origin: `https://${host}` } })).rejects.toBeDefined();
        expect(await post(server.url, '/api/account/sign-in', { host, origin: `https://${host}` })).toBe(403);
      }
    });
  });
});
