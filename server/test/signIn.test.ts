import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SIGN_IN_FAILURES_PER_ADDRESS, MAX_SIGN_IN_FAILURES_PER_LOGIN, SIGN_IN_DELAY_MS } from '@gommette/shared';
import { startServer, type TestServer } from './helpers';
import { Browser, PASSWORD, newCentre } from './centreHelpers';

/** Sign-in from a given network address (the server trusts one proxy hop here). */
function signInFrom(url: string, address: string, login: string, password: string) {
  return new Browser(url).request('POST', '/api/account/sign-in', { login, password }, { 'x-forwarded-for': address });
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ env: { TRUST_PROXY: '1' } });
});
afterAll(async () => {
  await server.close();
});

describe('sign-in limits: per login × address, a delay and never a lockout', () => {
  it('failures for a login from one address do not slow the same login from another address', async () => {
    await newCentre(server.url, 'admin.cible');
    for (let i = 0; i < MAX_SIGN_IN_FAILURES_PER_LOGIN + 2; i++) {
      expect((await signInFrom(server.url, '203.0.113.7', 'admin.cible', `essai ${i}`)).status).toBe(401);
    }
    const startedAt = Date.now();
    expect((await signInFrom(server.url, '198.51.100.20', 'admin.cible', PASSWORD)).status).toBe(200);
    expect(Date.now() - startedAt).toBeLessThan(SIGN_IN_DELAY_MS);
    // From the guessing address, the right password still gets in (after a delay).
    expect((await signInFrom(server.url, '203.0.113.7', 'admin.cible', PASSWORD)).status).toBe(200);
  });

  it('a venue address with many failures still lets the admin in with the right password', async () => {
    await newCentre(server.url, 'admin.venue', 'Centre de la venue');
    const venue = '192.0.2.44';
    for (let i = 0; i < MAX_SIGN_IN_FAILURES_PER_ADDRESS; i++) {
      expect((await signInFrom(server.url, venue, `quelquun${i % 10}`, 'nimportequoi')).status).toBe(401);
    }
    const startedAt = Date.now();
    expect((await signInFrom(server.url, venue, 'admin.venue', PASSWORD)).status).toBe(200);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(SIGN_IN_DELAY_MS - 50);
  }, 60_000);
});
