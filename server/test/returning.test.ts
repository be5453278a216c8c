import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CARD_CODE_ALPHABET, CARD_CODE_LENGTH, type CreateWorkshopResponse, type JoinResponse, type ParticipationFigures } from '@gommette/shared';
import { hashSecret } from '../src/security/tokens';
import { centreWorkshop, newCentre, startClockedServer, type Browser } from './centreHelpers';
import { createWorkshop, postJson, type TestServer } from './helpers';

let server: TestServer & { clock: { now: number } };

beforeEach(async () => {
  server = await startClockedServer();
});
afterEach(async () => {
  await server.close();
});

/** Each workshop is created a minute after the previous one, so "earlier" is unambiguous. */
function later(): void {
  server.clock.now += 60_000;
}

async function inCentre(admin: Browser, centreId: string, title: string): Promise<CreateWorkshopResponse> {
  later();
  return centreWorkshop(admin, centreId, { title });
}

async function outside(): Promise<CreateWorkshopResponse> {
  later();
  return createWorkshop(server.url);
}

/** A phone joins, presenting the cards it kept (as the join form does). */
async function join(workshop: CreateWorkshopResponse, earlierCards?: string[]): Promise<JoinResponse> {
  const { status, body } = await postJson<JoinResponse>(`${server.url}/api/sites/${workshop.sites[0]!.joinCode}/participants`, {
    mood: 'sunny',
    ...(earlierCards ? { earlierCards } : {}),
  });
  expect(status).toBe(201);
  // The answer never says whether a card was recognised: no oracle for guessing cards.
  expect(Object.keys(body).sort()).toEqual(['cardCode', 'joinCode', 'participant', 'participantToken']);
  expect(JSON.stringify(body)).not.toMatch(/returning|seen/i);
  return body;
}

/** The console's request (a centre's workshop also needs the member's session). */
async function facilitatorGet(workshop: CreateWorkshopResponse, route: string, member?: Browser): Promise<string> {
  const headers = { authorization: `Bearer ${workshop.facilitatorToken}` };
  const url = `/api/workshops/${workshop.id}/${route}`;
  const reply = member
    ? await member.request<string>('GET', url, undefined, headers)
    : await fetch(`${server.url}${url}`, { headers }).then(async (r) => ({ status: r.status, body: await r.text() }));
  expect(reply.status).toBe(200);
  return typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
}

async function figures(workshop: CreateWorkshopResponse, member?: Browser): Promise<ParticipationFigures> {
  return JSON.parse(await facilitatorGet(workshop, 'figures', member)) as ParticipationFigures;
}

const forgedCard = () => Array.from({ length: CARD_CODE_LENGTH }, (_, i) => CARD_CODE_ALPHABET[(i * 7) % CARD_CODE_ALPHABET.length]).join('');

describe('returning participants, counted from the cards a phone kept', () => {
  it('counts a resident who joined an earlier workshop of the same centre, and nobody else', async () => {
    const soleil = await newCentre(server.url, 'admin-soleil');
    const lune = await newCentre(server.url, 'admin-lune', 'Centre social Lune');
    const first = await inCentre(soleil.admin, soleil.centreId, 'Atelier 1');
    const elsewhere = await inCentre(lune.admin, lune.centreId, 'Atelier de la Lune');
    const second = await inCentre(soleil.admin, soleil.centreId, 'Atelier 2');

    const resident = await join(first);
    const lunar = await join(elsewhere);
    const back = await join(second, [resident.cardCode]);
    await join(second, [forgedCard()]); // a forged card (well formed, never issued)
    await join(second, ['pas une carte', '']); // malformed
    await join(second, [lunar.cardCode]); // a card of another centre
    await join(second, [back.cardCode]); // a card of this very workshop
    await join(second); // no card at all

    const third = await inCentre(soleil.admin, soleil.centreId, 'Atelier 3');
    const newcomer = await join(third);
    await join(second, [newcomer.cardCode]); // a card of a LATER workshop

    const seen = await figures(second, soleil.admin);
    expect(seen.participants.total).toBe(7);
    expect(seen.returning.cards).toBe(1);
    expect((await figures(first, soleil.admin)).returning.cards).toBe(0);

    // The funders' CSV and the centre's figures count it too.
    const csv = await facilitatorGet(second, 'figures.csv', soleil.admin);
    expect(csv).toContain('returning,participant_card,1');
    await join(third, [resident.cardCode, back.cardCode]);
    const centre = await soleil.admin.get<{ returning: number }>(`/api/centres/${soleil.centreId}/figures`);
    expect(centre.status).toBe(200);
    expect(centre.body.returning).toBe(2);
    const lunarCentre = await lune.admin.get<{ returning: number }>(`/api/centres/${lune.centreId}/figures`);
    expect(lunarCentre.body.returning).toBe(0);

    // The store holds a yes/no only: the new participant's row names neither the old card nor the old participant.
    const db = new Database(path.join(server.dataDir, 'gommette.sqlite'), { readonly: true });
    try {
      const row = db.prepare(`SELECT * FROM participants WHERE id = ?`).get(back.participant.id) as Record<string, unknown>;
      expect(row.seen_before).toBe(1);
      const dump = JSON.stringify(db.prepare(`SELECT * FROM participants WHERE workshop_id = ?`).all(second.id));
      for (const trace of [resident.participant.id, resident.cardCode, hashSecret(resident.cardCode), first.id]) expect(dump).not.toContain(trace);
      const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as Array<{ name: string }>;
      for (const { name } of tables) {
        // The old card itself is never written anywhere.
        expect(JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all())).not.toContain(resident.cardCode);
      }
    } finally {
      db.close();
    }
  });

  it('outside any centre, counts cards of earlier workshops outside a centre only', async () => {
    const soleil = await newCentre(server.url, 'admin-soleil');
    const centred = await inCentre(soleil.admin, soleil.centreId, 'Atelier du centre');
    const solo1 = await outside();
    const solo2 = await outside();
    const fromCentre = await join(centred);
    const fromSolo = await join(solo1);
    await join(solo2, [fromSolo.cardCode]);
    await join(solo2, [fromCentre.cardCode]);
    expect((await figures(solo2)).returning.cards).toBe(1);
  });
});
