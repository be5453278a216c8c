/**
 * Rate limits follow the person, not the network address (a whole room shares the venue's):
 * REST requests with a token are counted per token, those without one per address; a staff
 * link's socket commands are counted per token, across all its connections.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ANONYMOUS_REQUESTS_PER_ADDRESS_PER_MINUTE, MAX_COMMANDS_PER_WINDOW, MAX_REQUESTS_PER_TOKEN_PER_MINUTE, type Ack } from '@gommette/shared';
import { connect, createWorkshop, emitWithAck, startServer, type ClientSocket, type TestServer } from './helpers';

let server: TestServer;
const sockets: ClientSocket[] = [];
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await server.close();
});

async function statuses(count: number, route: string, headers: Record<string, string> = {}): Promise<number[]> {
  const out: number[] = [];
  // Small parallel waves: fast, and every request is counted.
  for (let done = 0; done < count; done += 25) {
    const wave = await Promise.all(
      Array.from({ length: Math.min(25, count - done) }, () =>
        fetch(`${server.url}${route}`, { headers }).then(async (response) => (await response.arrayBuffer(), response.status)),
      ),
    );
    out.push(...wave);
  }
  return out;
}

describe('rate limits per token, not per address', () => {
  it('limits one facilitator token on the REST API without touching another one from the same address', async () => {
    const first = await createWorkshop(server.url);
    const second = await createWorkshop(server.url);
    const route = `/api/workshops/${first.id}/questionnaire`;
    const auth = { authorization: `Bearer ${first.facilitatorToken}` };
    const answered = await statuses(MAX_REQUESTS_PER_TOKEN_PER_MINUTE, route, auth);
    expect(answered.every((status) => status === 200)).toBe(true);

    const limited = await fetch(`${server.url}${route}`, { headers: auth });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await limited.json()) as { ok: boolean; code: string; retryAfterMs: number };
    expect(body).toMatchObject({ ok: false, code: 'rate_limited' });
    expect(body.retryAfterMs).toBeGreaterThan(0);

    // Same address, another facilitator: still served.
    const other = await fetch(`${server.url}/api/workshops/${second.id}/questionnaire`, { headers: { authorization: `Bearer ${second.facilitatorToken}` } });
    expect(other.status).toBe(200);
  });

  it('limits requests without a token per address, generously, and not those with one', async () => {
    const fresh = await startServer();
    try {
      const workshop = await createWorkshop(fresh.url); // one anonymous request
      const answered: number[] = [];
      for (let done = 1; done < MAX_ANONYMOUS_REQUESTS_PER_ADDRESS_PER_MINUTE; done += 25) {
        const wave = Math.min(25, MAX_ANONYMOUS_REQUESTS_PER_ADDRESS_PER_MINUTE - done);
        answered.push(
          ...(await Promise.all(
            Array.from({ length: wave }, () => fetch(`${fresh.url}/api/templates`).then(async (response) => (await response.arrayBuffer(), response.status))),
          )),
        );
      }
      expect(answered.filter((status) => status !== 200)).toEqual([]);
      const limited = await fetch(`${fresh.url}/api/templates`);
      expect(limited.status).toBe(429);
      expect(((await limited.json()) as { code: string }).code).toBe('rate_limited');
      // The facilitator, at the same address, is counted on their own token.
      const withToken = await fetch(`${fresh.url}/api/workshops/${workshop.id}`, { headers: { authorization: `Bearer ${workshop.facilitatorToken}` } });
      expect(withToken.status).toBe(200);
    } finally {
      await fresh.close();
    }
  });

  it("counts a staff link's socket commands across all its connections", async () => {
    // This address is limited on the first server by now: a second one.
    const fresh = await startServer();
    try {
      const created = await createWorkshop(fresh.url);
      const auth = { role: 'facilitator' as const, workshopId: created.id, token: created.facilitatorToken };
      const one = await connect(fresh.url, auth);
      const two = await connect(fresh.url, auth);
      sockets.push(one.socket, two.socket);
      const codes: string[] = [];
      for (let index = 0; index < MAX_COMMANDS_PER_WINDOW; index++) {
        const ack = (await emitWithAck(index % 2 === 0 ? one.socket : two.socket, 'participants:list', {})) as Ack<unknown>;
        codes.push(ack.ok ? 'ok' : ack.code);
      }
      expect(codes.every((code) => code === 'ok')).toBe(true);
      // A third connection of the same link starts with nothing left.
      const three = await connect(fresh.url, auth);
      sockets.push(three.socket);
      const ack = (await emitWithAck(three.socket, 'participants:list', {})) as Ack<unknown>;
      expect(ack.ok ? 'ok' : ack.code).toBe('rate_limited');
    } finally {
      for (const socket of sockets.splice(0)) socket.close();
      await fresh.close();
    }
  });
});
