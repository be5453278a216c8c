import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import type { CentreFiguresResponse, CentreSpace } from '@gommette/shared';
import { hashSecret } from '../src/security/tokens';
import { clientId, connect, emitWithAck, joinAs, nextEvent, removeDataDir, tempDataDir, type TestServer } from './helpers';
import { Browser, PASSWORD, centreWorkshop, invite, newCentre, startClockedServer } from './centreHelpers';

const DAY_MS = 24 * 60 * 60_000;
const servers: TestServer[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
  for (const dir of dirs.splice(0)) removeDataDir(dir);
});

async function clocked(dataDir?: string, clock?: { now: number }) {
  const server = await startClockedServer({ dataDir, clock });
  servers.push(server);
  return server;
}

/** Every byte of the database and its WAL, as Latin-1 and UTF-8 text, to search for leftovers. */
function fileText(dataDir: string): string {
  return ['gommette.sqlite', 'gommette.sqlite-wal']
    .map((name) => path.join(dataDir, name))
    .filter((file) => fs.existsSync(file))
    .map((file) => fs.readFileSync(file))
    .map((bytes) => `${bytes.toString('utf8')}\n${bytes.toString('latin1')}`)
    .join('\n');
}

async function residentWithIdeas(url: string, joinCode: string, nickname: string, texts: string[]) {
  const joined = await joinAs(url, joinCode, nickname);
  const { socket } = await connect(url, { role: 'participant', token: joined.participantToken });
  for (const text of texts) await emitWithAck(socket, 'idea:post', { id: clientId(), text });
  socket.close();
  return joined;
}

describe('deleting a workshop', () => {
  it('leaves no trace of its personal data in the SQLite file, and the other workshops unchanged', async () => {
    const server = await clocked();
    const { admin, centreId } = await newCentre(server.url, 'admin');
    const doomed = await centreWorkshop(admin, centreId, { title: 'Atelier effacé' });
    const kept = await centreWorkshop(admin, centreId, { title: 'Atelier gardé' });
    const gone = await residentWithIdeas(server.url, doomed.sites[0]!.joinCode, 'Zorglub', ['Idée-secrète-Qwx7 du parc']);
    await residentWithIdeas(server.url, kept.sites[0]!.joinCode, 'Gaspard', ['Idée gardée du marché']);
    const figuresBefore = (await admin.get<CentreFiguresResponse>(`/api/centres/${centreId}/figures`)).body.figures.perWorkshop.find(
      (w) => w.workshopId === kept.id,
    );
    const screen = await connect(server.url, { role: 'screen', workshopId: doomed.id, token: doomed.screenToken });
    const closed = new Promise((resolve) => screen.socket.once('disconnect', resolve));

    const response = await admin.delete(`/api/centres/${centreId}/workshops/${doomed.id}`);
    expect(response.status).toBe(204);
    await closed;

    const text = fileText(server.dataDir);
    for (const trace of [
      'Idée-secrète-Qwx7',
      'Zorglub',
      'Atelier effacé',
      hashSecret(gone.participantToken),
      hashSecret(gone.cardCode),
      doomed.sites[0]!.joinCode,
      doomed.id,
    ]) {
      expect(text.includes(trace), `"${trace}" still in the file`).toBe(false);
    }
    expect(text).toContain('Idée gardée du marché');
    const db = new Database(path.join(server.dataDir, 'gommette.sqlite'), { readonly: true });
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as Array<{ name: string }>).map((row) => row.name);
    for (const table of tables) {
      const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((column) => column.name);
      for (const column of columns.filter((name) => name === 'workshop_id' || name === 'id')) {
        const count = (db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${column} = ?`).get(doomed.id) as { n: number }).n;
        expect(count, `${table}.${column}`).toBe(0);
      }
    }
    expect((db.prepare(`SELECT COUNT(*) AS n FROM participant_tokens`).get() as { n: number }).n).toBe(1);
    db.close();
    const figuresAfter = (await admin.get<CentreFiguresResponse>(`/api/centres/${centreId}/figures`)).body.figures;
    expect(figuresAfter.perWorkshop).toEqual([figuresBefore]);
    expect((await admin.delete(`/api/centres/${centreId}/workshops/${doomed.id}`)).status).toBe(404);
    await expect(connect(server.url, { role: 'participant', token: gone.participantToken })).rejects.toMatchObject({ data: { code: 'unauthorized' } });
  });
});

describe('retention', () => {
  it('erases tokens, cards and nicknames after the period, keeps the aggregates and ideas, and runs at start-up', async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const clock = { now: Date.UTC(2026, 0, 10) };
    const server = await clocked(dataDir, clock);
    const { admin, centreId } = await newCentre(server.url, 'admin');
    const old = await centreWorkshop(admin, centreId, { title: 'Atelier de janvier' });
    const oldResident = await residentWithIdeas(server.url, old.sites[1]!.joinCode, 'Bérénice', ['Un jardin partagé']);
    await joinAs(server.url, old.sites[0]!.joinCode, 'Anatole');
    expect((await admin.patch(`/api/centres/${centreId}/settings`, { retentionDays: 30 })).status).toBe(200);
    clock.now += 20 * DAY_MS;
    const recent = await centreWorkshop(admin, centreId, { title: 'Atelier de février' });
    const recentResident = await residentWithIdeas(server.url, recent.sites[0]!.joinCode, 'Capucine', ['Une fête de rue']);
    const before = (await admin.get<CentreFiguresResponse>(`/api/centres/${centreId}/figures`)).body.figures;
    expect(fileText(dataDir)).toContain('Bérénice');
    const session = admin.cookie;
    await server.close();
    servers.splice(0);

    // 31 days after the first workshop: the job runs at start-up.
    clock.now += 11 * DAY_MS;
    const restarted = await clocked(dataDir, clock);
    const again = new Browser(restarted.url);
    // The old session has expired too (30 days): sign in again.
    again.cookie = session;
    expect((await again.get('/api/account')).status).toBe(401);
    expect((await again.post('/api/account/sign-in', { login: 'admin', password: PASSWORD })).status).toBe(200);
    await expect
      .poll(async () => (await again.get<CentreSpace>(`/api/centres/${centreId}`)).body.workshops.find((w) => w.id === old.id)?.personalDataErased)
      .toBe(true);
    const text = fileText(dataDir);
    for (const trace of ['Bérénice', 'Anatole', hashSecret(oldResident.participantToken), hashSecret(oldResident.cardCode)]) {
      expect(text.includes(trace), `"${trace}" still in the file`).toBe(false);
    }
    expect(text).toContain('Capucine');
    expect(text).toContain('Un jardin partagé');
    const after = (await again.get<CentreFiguresResponse>(`/api/centres/${centreId}/figures`)).body.figures;
    expect(after).toEqual(before);
    await expect(connect(restarted.url, { role: 'participant', token: oldResident.participantToken })).rejects.toMatchObject({
      data: { code: 'unauthorized' },
    });
    const resume = await fetch(`${restarted.url}/api/participants/resume`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cardCode: oldResident.cardCode }),
    });
    expect(resume.status).toBe(404);
    const { socket } = await connect(restarted.url, { role: 'participant', token: recentResident.participantToken });
    socket.close();
  });
});

describe("a resident's erasure", () => {
  it('deletes their ideas and profile from their phone, live and in the file, idempotently', async () => {
    const server = await clocked();
    const { admin, centreId } = await newCentre(server.url, 'admin');
    const workshop = await centreWorkshop(admin, centreId);
    const other = await residentWithIdeas(server.url, workshop.sites[0]!.joinCode, 'Gaspard', ['Idée de Gaspard']);
    const me = await residentWithIdeas(server.url, workshop.sites[0]!.joinCode, 'Pimprenelle', ['Mon idée-Zx91', 'Ma seconde idée-Zx92']);
    const screen = await connect(server.url, { role: 'screen', workshopId: workshop.id, token: workshop.screenToken });
    expect(screen.snapshot.ideas.map((idea) => idea.text).sort()).toEqual(['Idée de Gaspard', 'Ma seconde idée-Zx92', 'Mon idée-Zx91']);
    const removed = nextEvent(screen.socket, 'idea:removed');
    // A draft brief quotes one of my ideas and Gaspard's.
    const bearer = { authorization: `Bearer ${workshop.facilitatorToken}` };
    const state = await admin.request<{ ideas: Array<{ id: string; text: string }> }>('GET', `/api/workshops/${workshop.id}`, undefined, bearer);
    const quoted = state.body.ideas.filter((idea) => idea.text === 'Idée de Gaspard' || idea.text === 'Mon idée-Zx91').map((idea) => idea.id);
    const brief = await admin.request<{ id: string }>('POST', `/api/workshops/${workshop.id}/briefs`, { title: 'Fiche brouillon', ideaIds: quoted }, bearer);
    expect(brief.status).toBe(201);

    const erase = () => fetch(`${server.url}/api/participants/me/erase`, { method: 'POST', headers: { authorization: `Bearer ${me.participantToken}` } });
    const first = await erase();
    expect(await first.json()).toEqual({ erasedIdeas: 2, erasedProfile: true });
    await removed;
    expect(await (await erase()).json()).toEqual({ erasedIdeas: 0, erasedProfile: false });
    expect((await fetch(`${server.url}/api/participants/me/erase`, { method: 'POST' })).status).toBe(401);

    const text = fileText(server.dataDir);
    for (const trace of ['Mon idée-Zx91', 'Ma seconde idée-Zx92', 'Pimprenelle', hashSecret(me.participantToken), hashSecret(me.cardCode)]) {
      expect(text.includes(trace), `"${trace}" still in the file`).toBe(false);
    }
    expect(text).toContain('Idée de Gaspard');
    const draft = await admin.request<{ prefilled: { ideas: Array<{ text: string }> } }>(
      'GET',
      `/api/workshops/${workshop.id}/briefs/${brief.body.id}`,
      undefined,
      bearer,
    );
    expect(draft.body.prefilled.ideas.map((idea) => idea.text)).toEqual(['Idée de Gaspard']);
    const again = await connect(server.url, { role: 'screen', workshopId: workshop.id, token: workshop.screenToken });
    expect(again.snapshot.ideas.map((idea) => idea.text)).toEqual(['Idée de Gaspard']);
    const { socket } = await connect(server.url, { role: 'participant', token: other.participantToken });
    socket.close();
    screen.socket.close();
    again.socket.close();
  });
});

describe("a resident's erasure once the briefs are published", () => {
  it('is refused with erase_closed while the follow-up page shows a brief, and possible again when the workshop is reopened', async () => {
    const server = await clocked();
    const { admin, centreId } = await newCentre(server.url, 'admin');
    const workshop = await centreWorkshop(admin, centreId);
    const me = await residentWithIdeas(server.url, workshop.sites[0]!.joinCode, 'Pimprenelle', ['Un banc à l’ombre']);
    const asConsole = (method: string, route: string, body?: unknown) =>
      admin.request<{ id: string }>(method, `/api/workshops/${workshop.id}${route}`, body, { authorization: `Bearer ${workshop.facilitatorToken}` });
    const erase = async () => {
      const response = await fetch(`${server.url}/api/participants/me/erase`, { method: 'POST', headers: { authorization: `Bearer ${me.participantToken}` } });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const ideas = (await asConsole('GET', '')).body as unknown as { ideas: Array<{ id: string }> };
    // A brief that is not published yet, or a finished workshop without any brief: erasure stays open.
    expect((await asConsole('PUT', '/follow-up', { finished: true })).status).toBe(200);
    expect((await asConsole('PUT', '/follow-up', { finished: false })).status).toBe(200);
    expect((await asConsole('POST', '/briefs', { title: 'Des bancs', ideaIds: [ideas.ideas[0]!.id] })).status).toBe(201);
    // Published: the workshop is finished and its follow-up page shows the brief.
    expect((await asConsole('PUT', '/follow-up', { finished: true })).status).toBe(200);
    const refused = await erase();
    expect(refused).toMatchObject({ status: 409, body: { ok: false, code: 'erase_closed' } });
    const db = new Database(path.join(server.dataDir, 'gommette.sqlite'), { readonly: true });
    expect((db.prepare('SELECT COUNT(*) AS n FROM ideas WHERE workshop_id = ?').get(workshop.id) as { n: number }).n).toBe(1);
    db.close();
    // Reopened: the page is down, the resident may erase again.
    expect((await asConsole('PUT', '/follow-up', { finished: false })).status).toBe(200);
    expect(await erase()).toEqual({ status: 200, body: { erasedIdeas: 1, erasedProfile: true } });
  });
});

describe('export', () => {
  it('gives the admin everything as JSON and CSV that parses back, without authors, nicknames or secrets', async () => {
    const server = await clocked();
    const { admin, centreId } = await newCentre(server.url, 'admin');
    const facilitator = await invite(admin, centreId, 'claire');
    const workshop = await centreWorkshop(facilitator, centreId, { title: 'Atelier "quartier", été' });
    const tricky = ["Un banc, à l'ombre", 'Des "jeux" pour enfants', 'Première ligne\nDeuxième ligne', 'حديقة للجميع، مع مقاعد'];
    const resident = await residentWithIdeas(server.url, workshop.sites[0]!.joinCode, 'Pimprenelle', tricky);

    const json = await admin.get<Record<string, Array<Record<string, unknown>>>>(`/api/centres/${centreId}/export/everything.json`);
    expect(json.status).toBe(200);
    expect(json.body.ideas!.map((idea) => idea.text).sort()).toEqual([...tricky].sort());
    expect(json.body.workshops!.map((w) => w.title)).toEqual(['Atelier "quartier", été']);
    expect(json.body.members!.map((m) => [m.login, m.role])).toEqual([
      ['admin', 'admin'],
      ['claire', 'facilitator'],
    ]);
    expect(json.body.participants).toHaveLength(1);
    const raw = JSON.stringify(json.body);
    for (const secret of ['Pimprenelle', resident.participant.id, resident.participantToken, workshop.facilitatorToken, '$argon2id$'])
      expect(raw).not.toContain(secret);

    const csv = await admin.get<string>(`/api/centres/${centreId}/export/ideas.csv?lang=en`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = parse(csv.body, { columns: true, bom: true }) as Array<Record<string, string>>;
    expect(rows.map((row) => row.text).sort()).toEqual([...tricky].sort());
    expect(Object.keys(rows[0]!)).not.toContain('participantId');
    const workshops = parse((await admin.get<string>(`/api/centres/${centreId}/export/workshops.csv?lang=en`)).body, { columns: true, bom: true }) as Array<
      Record<string, string>
    >;
    expect(workshops.map((row) => row.title)).toEqual(['Atelier "quartier", été']);
    expect((await admin.get(`/api/centres/${centreId}/export/secrets.csv`)).status).toBe(404);
    expect((await facilitator.get(`/api/centres/${centreId}/export/ideas.csv`)).status).toBe(403);
  });

  it("writes CSV headers in the reader's language (lang, else Accept-Language, else French), JSON keeps machine names", async () => {
    const server = await clocked();
    const { admin, centreId } = await newCentre(server.url, 'admin');
    const facilitator = await invite(admin, centreId, 'claire');
    const workshop = await centreWorkshop(facilitator, centreId, { title: 'Atelier du parc' });
    await residentWithIdeas(server.url, workshop.sites[0]!.joinCode, 'Pimprenelle', ['Un banc']);
    const headerOf = async (query: string, headers: Record<string, string> = {}) => {
      const reply = await admin.request<string>('GET', `/api/centres/${centreId}/export/ideas.csv${query}`, undefined, headers);
      expect(reply.status).toBe(200);
      return (parse(reply.body, { bom: true }) as string[][])[0];
    };
    const french = await headerOf('');
    expect(french).toContain('texte');
    expect(french).toContain('atelier');
    expect(french).not.toContain('workshopId');
    expect(await headerOf('?lang=ar')).toContain('النص');
    expect(await headerOf('?lang=en', { 'accept-language': 'ar' })).toContain('workshop');
    expect(await headerOf('', { 'accept-language': 'de-DE, en;q=0.8, fr;q=0.5' })).toContain('text');
    const rows = parse((await admin.get<string>(`/api/centres/${centreId}/export/ideas.csv?lang=fr`)).body, { columns: true, bom: true }) as Array<
      Record<string, string>
    >;
    expect(rows.map((row) => row.texte)).toEqual(['Un banc']);
    const json = await admin.get<Record<string, Array<Record<string, unknown>>>>(`/api/centres/${centreId}/export/everything.json?lang=ar`);
    expect(Object.keys(json.body.ideas![0]!)).toEqual(expect.arrayContaining(['workshopId', 'text', 'createdAt']));
  });
});
