import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './helpers';
import { Browser, PASSWORD, newCentre } from './centreHelpers';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

describe('new passwords: common ones and the login are refused', () => {
  it('refuses common passwords and the login itself when a space is created, with weak_password', async () => {
    for (const [login, password] of [
      ['admin.soleil', 'password123'],
      ['admin.soleil', 'azertyuiop'],
      ['admin.soleil', 'admin.soleil'],
      ['admin.soleil', 'admin.soleil2024'],
    ] as const) {
      const browser = new Browser(server.url);
      const reply = await browser.post<{ code: string }>('/api/centres', { name: 'Centre Soleil', town: 'Roubaix', admin: { login, password } });
      expect(reply.status, password).toBe(400);
      expect(reply.body.code).toBe('weak_password');
    }
    // The fixtures' passphrase is strong enough.
    await newCentre(server.url, 'admin.soleil');
  });

  it('refuses a weak password when an invitation is accepted', async () => {
    const { admin, centreId } = await newCentre(server.url, 'admin.lune', 'Centre Lune');
    const invitation = await admin.post<{ inviteUrl: string }>(`/api/centres/${centreId}/invitations`, { role: 'facilitator' });
    const token = new URL(invitation.body.inviteUrl).hash.replace('#t=', '');
    const ana = new Browser(server.url);
    const weak = await ana.post<{ code: string }>('/api/invitations/accept', { token, account: { login: 'ana.martin', password: 'motdepasse123' } });
    expect(weak).toMatchObject({ status: 400, body: { code: 'weak_password' } });
    expect((await ana.post('/api/invitations/accept', { token, account: { login: 'ana.martin', password: PASSWORD } })).status).toBe(200);
  });
});
