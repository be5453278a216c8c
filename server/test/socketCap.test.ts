import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SOCKETS_PER_RESIDENT_TOKEN } from '@gommette/shared';
import { connect, createWorkshop, joinAs, startServer, type ClientSocket, type TestServer } from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

describe('sockets per resident token', () => {
  it('refuses one more than the cap with too_many_connections; a closed socket frees its slot', async () => {
    const workshop = await createWorkshop(server.url);
    const joined = await joinAs(server.url, workshop.sites[0]!.joinCode);
    const other = await joinAs(server.url, workshop.sites[0]!.joinCode);
    const auth = { role: 'participant', token: joined.participantToken } as const;
    const open: ClientSocket[] = [];
    for (let i = 0; i < MAX_SOCKETS_PER_RESIDENT_TOKEN; i++) open.push((await connect(server.url, auth)).socket);

    const refused = await connect(server.url, auth).then(
      () => null,
      (error: { data?: { code?: string } }) => error,
    );
    expect(refused?.data?.code).toBe('too_many_connections');
    // Another resident is not affected.
    (await connect(server.url, { role: 'participant', token: other.participantToken })).socket.close();

    const closed = open.pop()!;
    const gone = new Promise<void>((resolve) => closed.once('disconnect', () => resolve()));
    closed.close();
    await gone;
    // The server sees the close a moment later: retry until the freed slot is taken (bounded).
    let again: ClientSocket | null = null;
    for (let attempt = 0; attempt < 50 && !again; attempt++) {
      again = await connect(server.url, auth).then(
        (result) => result.socket,
        () => null,
      );
    }
    expect(again).not.toBeNull();
    again!.close();
    for (const socket of open) socket.close();
  });
});
