/**
 * No usable secret in the SQLite file: after every way a secret is made (workshop links, joins,
 * a participant card resumed, kiosk links, a centre with a session, an invitation, a centre's
 * workshop whose console link the server must give back), the file and its WAL hold none of them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateWorkshopResponse, JoinResponse } from '@gommette/shared';
import { createSealer, loadSealingKey } from '../src/security/sealed';
import { createWorkshop, joinAs, postJson, startServer, tempDataDir, removeDataDir, type TestServer } from './helpers';
import { centreWorkshop, invite, newCentre } from './centreHelpers';
import { kioskLinks, kioskToken } from './voteFixtures';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

const hashOf = (link: string) => new URL(link).hash.replace(/^#.*?=/, '');

function storedBytes(dataDir: string): string {
  return ['gommette.sqlite', 'gommette.sqlite-wal']
    .map((file) => path.join(dataDir, file))
    .filter((file) => fs.existsSync(file))
    .map((file) => fs.readFileSync(file).toString('latin1'))
    .join('\n');
}

describe('secrets at rest', () => {
  it('keeps no raw token, card code, session, invitation or console link in the SQLite file', async () => {
    const secrets: Record<string, string> = {};
    const workshop: CreateWorkshopResponse = await createWorkshop(server.url);
    Object.assign(secrets, {
      facilitator: workshop.facilitatorToken,
      screen: workshop.screenToken,
      helper: hashOf(workshop.helperUrl),
      observer: hashOf(workshop.observerUrl),
    });
    const joined: JoinResponse = await joinAs(server.url, workshop.sites[0]!.joinCode, 'Renard');
    secrets.participant = joined.participantToken;
    secrets.card = joined.cardCode;
    const resumed = await postJson<JoinResponse>(`${server.url}/api/participants/resume`, { cardCode: joined.cardCode });
    expect(resumed.status).toBe(200);
    secrets.resumed = resumed.body.participantToken;
    for (const [index, link] of (await kioskLinks(server.url, workshop)).entries()) secrets[`kiosk${index}`] = kioskToken(link);

    const { admin, centreId } = await newCentre(server.url, 'admin-secrets');
    secrets.session = admin.cookie!.split('=')[1]!;
    const invitation = await admin.post<{ inviteUrl: string }>(`/api/centres/${centreId}/invitations`, { role: 'facilitator' });
    secrets.invitation = hashOf(invitation.body.inviteUrl);
    const member = await invite(admin, centreId, 'membre-secrets');
    secrets.memberSession = member.cookie!.split('=')[1]!;
    const centres = await centreWorkshop(admin, centreId);
    secrets.centreFacilitator = centres.facilitatorToken;
    secrets.centreScreen = centres.screenToken;
    // The space still gives the console link back (sealed in the file, opened by the server).
    const space = await admin.get<{ workshops: { id: string; consoleUrl: string }[] }>(`/api/centres/${centreId}`);
    expect(space.body.workshops.find((item) => item.id === centres.id)?.consoleUrl).toContain(centres.facilitatorToken);

    const stored = storedBytes(server.dataDir);
    expect(stored.length).toBeGreaterThan(0);
    const found = Object.entries(secrets).filter(([, secret]) => secret.length >= 8 && stored.includes(secret));
    expect(found.map(([name]) => name)).toEqual([]);
    // A card code is short: also not as its canonical form without spaces.
    expect(stored.includes(joined.cardCode.replace(/\s/g, ''))).toBe(false);
  });

  it('seals with a key of the data folder: a value opens with it, not with another key, and is never the secret', () => {
    const dataDir = tempDataDir();
    try {
      const key = loadSealingKey(dataDir, null);
      expect(loadSealingKey(dataDir, null).equals(key)).toBe(true);
      expect(fs.statSync(path.join(dataDir, 'sealing.key')).mode & 0o077).toBe(0);
      const sealer = createSealer(key);
      const sealed = sealer.seal('un-jeton-de-console-0123456789abcdef');
      expect(sealed).not.toContain('un-jeton');
      expect(sealer.seal('un-jeton-de-console-0123456789abcdef')).not.toBe(sealed);
      expect(sealer.open(sealed)).toBe('un-jeton-de-console-0123456789abcdef');
      expect(createSealer(Buffer.alloc(32, 7)).open(sealed)).toBeNull();
      expect(sealer.open(`${sealed.slice(0, -2)}AA`)).toBeNull();
    } finally {
      removeDataDir(dataDir);
    }
  });
});
