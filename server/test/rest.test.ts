import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JoinInfo, JoinResponse, WorkshopState } from '@gommette/shared';
import { createWorkshop, joinAs, postJson, startServer, type TestServer } from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

describe('REST API', () => {
  it('creates a workshop with private links and readable join codes per site', async () => {
    const created = await createWorkshop(server.url, ['Centre social', 'Maison du Chemin Rouge', 'Pôle Jeunesse']);
    expect(created.facilitatorUrl).toBe(`${server.url}/console/${created.id}#k=${created.facilitatorToken}`);
    expect(created.screenUrl).toBe(`${server.url}/screen/${created.id}#k=${created.screenToken}`);
    expect(created.sites.map((site) => site.name)).toEqual(['Centre social', 'Maison du Chemin Rouge', 'Pôle Jeunesse']);
    for (const site of created.sites) {
      expect(site.joinCode).toMatch(/^[ABCDEFGHJKMNPQRSTWXYZ2-9]{6}$/);
      expect(site.joinUrl).toBe(`${server.url}/j/${site.joinCode}`);
    }
    expect(new Set(created.sites.map((site) => site.joinCode)).size).toBe(3);
  });

  it('refuses a workshop without its purpose sentence, and one with no site', async () => {
    const base = { title: 'Atelier', question: 'Quoi ?', sites: [{ name: 'Ici' }] };
    const noPurpose = await postJson<{ ok: false; code: string }>(`${server.url}/api/workshops`, { ...base, purpose: '   ' });
    expect(noPurpose.status).toBe(400);
    expect(noPurpose.body).toMatchObject({ ok: false, code: 'bad_request' });
    const missing = await postJson<{ code: string }>(`${server.url}/api/workshops`, { title: 'Atelier', question: 'Quoi ?', sites: [{ name: 'Ici' }] });
    expect(missing.status).toBe(400);
    const noSite = await postJson<{ code: string }>(`${server.url}/api/workshops`, { ...base, purpose: 'Choisir', sites: [] });
    expect(noSite.status).toBe(400);
  });

  it('answers a too large body with too_large and bad JSON with bad_request', async () => {
    const huge = await postJson<{ code: string }>(`${server.url}/api/workshops`, {
      title: 'x'.repeat(100_000),
      question: 'q',
      purpose: 'p',
      sites: [{ name: 'a' }],
    });
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('too_large');
    const response = await fetch(`${server.url}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{oops' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, code: 'bad_request' });
  });

  it('gives the workshop state to its facilitator only', async () => {
    const created = await createWorkshop(server.url);
    const other = await createWorkshop(server.url);
    const ok = await fetch(`${server.url}/api/workshops/${created.id}`, { headers: { authorization: `Bearer ${created.facilitatorToken}` } });
    expect(ok.status).toBe(200);
    const state = (await ok.json()) as WorkshopState;
    // The console can always rebuild the projector link, and it opens the screen.
    expect(state.screenUrl).toBe(created.screenUrl);
    expect(state.workshop.purpose).toContain('Votre participation servira à');
    expect(state.participants.total).toBe(0);

    const none = await fetch(`${server.url}/api/workshops/${created.id}`);
    expect(none.status).toBe(401);
    const screenToken = await fetch(`${server.url}/api/workshops/${created.id}`, { headers: { authorization: `Bearer ${created.screenToken}` } });
    expect(screenToken.status).toBe(401);
    const otherToken = await fetch(`${server.url}/api/workshops/${created.id}`, { headers: { authorization: `Bearer ${other.facilitatorToken}` } });
    expect(otherToken.status).toBe(401);
    const badId = await fetch(`${server.url}/api/workshops/${encodeURIComponent("x' OR 1=1 --")}`, {
      headers: { authorization: `Bearer ${created.facilitatorToken}` },
    });
    // A malformed id is refused before it reaches the store (see server/test/ids.test.ts).
    expect(badId.status).toBe(400);
  });

  it('serves the QR code of a site as SVG and the join info by code, typed loosely', async () => {
    const created = await createWorkshop(server.url);
    const site = created.sites[0]!;
    const qr = await fetch(`${server.url}/api/sites/${site.joinCode}/qr.svg`);
    expect(qr.status).toBe(200);
    expect(qr.headers.get('content-type')).toContain('image/svg+xml');
    expect(await qr.text()).toMatch(/^<svg/);

    const typed = `${site.joinCode.slice(0, 3).toLowerCase()}-${site.joinCode.slice(3)}`;
    const info = await fetch(`${server.url}/api/join/${typed}`);
    expect(info.status).toBe(200);
    const body = (await info.json()) as JoinInfo;
    expect(body.site).toEqual({ id: site.id, name: site.name, joinCode: site.joinCode });
    expect(body.workshop.purpose).toContain('servira à');
    expect(JSON.stringify(body)).not.toContain(created.facilitatorToken);

    expect((await fetch(`${server.url}/api/join/ZZZZZZ`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/join/not-a-code-at-all`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/sites/ZZZZZZ/qr.svg`)).status).toBe(404);
  });

  it('joins without an account and continues on another device with the participant card', async () => {
    const created = await createWorkshop(server.url);
    const joined = await joinAs(server.url, created.sites[1]!.joinCode, '  Loutre   curieuse ');
    expect(joined.participant).toMatchObject({ siteId: created.sites[1]!.id, mood: 'sunny', nickname: 'Loutre curieuse' });
    expect(joined.cardCode).toMatch(/^[ABCDEFGHJKMNPQRSTWXYZ2-9]{8}$/);

    const typedCard = `${joined.cardCode.slice(0, 4)} ${joined.cardCode.slice(4)}`.toLowerCase();
    const resumed = await postJson<JoinResponse>(`${server.url}/api/participants/resume`, { cardCode: typedCard });
    expect(resumed.status).toBe(200);
    expect(resumed.body.participant.id).toBe(joined.participant.id);
    expect(resumed.body.participantToken).not.toBe(joined.participantToken);
    expect(resumed.body.joinCode).toBe(created.sites[1]!.joinCode);

    const wrong = await postJson<{ code: string }>(`${server.url}/api/participants/resume`, { cardCode: 'AAAAAAAA' });
    expect(wrong.status).toBe(404);
    expect(wrong.body.code).toBe('not_found');

    const badMood = await postJson<{ code: string }>(`${server.url}/api/sites/${created.sites[0]!.joinCode}/participants`, { mood: 'happy' });
    expect(badMood.status).toBe(400);
    const longName = await postJson<{ code: string }>(`${server.url}/api/sites/${created.sites[0]!.joinCode}/participants`, {
      mood: 'rainy',
      nickname: 'x'.repeat(31),
    });
    expect(longName.status).toBe(413);

    const state = (await (
      await fetch(`${server.url}/api/workshops/${created.id}`, { headers: { authorization: `Bearer ${created.facilitatorToken}` } })
    ).json()) as WorkshopState;
    expect(state.participants.total).toBe(1);
    expect(state.participants.moods.sunny).toBe(1);
    // Aggregates only: no participant list, no nickname.
    expect(JSON.stringify(state)).not.toContain('Loutre');
  });

  it('reports readiness and refuses unknown API routes with a coded error', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const unknown = await fetch(`${server.url}/api/nothing-here`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('sends security headers without forcing https on a venue network', async () => {
    const response = await fetch(`${server.url}/healthz`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(response.headers.get('strict-transport-security')).toBeNull();
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});
