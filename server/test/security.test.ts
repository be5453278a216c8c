import net from 'node:net';
import { io as connectClient } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createWorkshop, joinAs, startServer, type TestServer } from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ env: { ALLOWED_ORIGINS: 'http://localhost:5173' } });
});
afterAll(async () => {
  await server.close();
});

function refusal(promise: Promise<unknown>): Promise<{ message: string; data?: { code?: string } }> {
  return promise.then(
    () => {
      throw new Error('connection was accepted');
    },
    (error: { message: string; data?: { code?: string } }) => error,
  );
}

describe('handshake and transport security', () => {
  it('refuses a socket from a foreign Origin, over websocket and polling', async () => {
    const workshop = await createWorkshop(server.url);
    const auth = { role: 'screen', workshopId: workshop.id, token: workshop.screenToken } as const;
    await expect(refusal(connect(server.url, auth, { extraHeaders: { origin: 'http://evil.example' } }))).resolves.toBeDefined();

    const polling = connectClient(server.url, {
      transports: ['polling'],
      reconnection: false,
      forceNew: true,
      extraHeaders: { origin: 'https://evil.example' },
    });
    const error = await new Promise<Error>((resolve) => polling.once('connect_error', resolve));
    polling.close();
    expect(error.message).toMatch(/xhr poll error|origin/i);

    // Same origin, and an origin listed in ALLOWED_ORIGINS, are accepted.
    const same = await connect(server.url, auth, { extraHeaders: { origin: server.url } });
    const listed = await connect(server.url, auth, { extraHeaders: { origin: 'http://localhost:5173' } });
    same.socket.close();
    listed.socket.close();
  });

  it('refuses wrong, foreign or malformed credentials with a code', async () => {
    const workshop = await createWorkshop(server.url);
    const other = await createWorkshop(server.url);
    const cases = [
      { role: 'facilitator', workshopId: workshop.id, token: other.facilitatorToken },
      { role: 'facilitator', workshopId: workshop.id, token: workshop.screenToken },
      { role: 'screen', workshopId: workshop.id, token: other.screenToken },
      { role: 'participant', token: 'x'.repeat(43) },
      { role: 'participant', token: 'short' },
      { role: 'admin', token: workshop.facilitatorToken },
    ] as const;
    for (const auth of cases) {
      const error = await refusal(connect(server.url, auth as never));
      expect(error.data?.code).toBe('unauthorized');
    }
  });

  it('refuses another protocol version', async () => {
    const workshop = await createWorkshop(server.url);
    const joined = await joinAs(server.url, workshop.sites[0]!.joinCode);
    const socket = connectClient(server.url, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      auth: { role: 'participant', protocol: 999, token: joined.participantToken },
    });
    const error = await new Promise<{ data?: { code?: string } }>((resolve) => socket.once('connect_error', resolve));
    socket.close();
    expect(error.data?.code).toBe('protocol_mismatch');
  });

  it('refuses WebSocket upgrades on any other path', async () => {
    const port = new URL(server.url).port;
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(port), '127.0.0.1', () => {
        socket.write(
          'GET /somewhere HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
            'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
        );
      });
      let received = '';
      socket.on('data', (chunk) => (received += chunk.toString()));
      socket.on('close', () => resolve(received));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 404/);
  });
});
