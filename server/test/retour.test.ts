import { parse } from 'csv-parse/sync';
import { PDFParse } from 'pdf-parse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ErrorCode,
  briefSchema,
  followUpViewSchema,
  participationFiguresSchema,
  workshopExportSchema,
  type Brief,
  type CreateWorkshopResponse,
  type FollowUpView,
  type JoinInfo,
  type JoinResponse,
  type PhaseSpec,
  type RoundView,
} from '@gommette/shared';
import { clientId, connect, createWorkshop, emitWithAck, joinAs, startServer, type ClientSocket, type TestServer } from './helpers';
import { ok, openPayload } from './voteFixtures';

const phases: PhaseSpec[] = [
  { id: 'idees', title: 'Idées', instruction: 'Écris', activity: 'ideas', durationSec: 600, silentSec: 0 },
  { id: 'cloture', title: 'Clôture', instruction: 'Dis-nous', activity: 'questionnaire', durationSec: 300, silentSec: 0 },
];

/** Texts that break naive CSV writers: quotes, commas, line breaks, Arabic, a formula. */
const TRICKY_IDEA = 'Un sac « solide », avec "poches", كيس ظهر متين';
const TRICKY_LEARNED = 'Écouter, les autres\nسطر ثاني "مع" علامات';

let server: TestServer;
const sockets: ClientSocket[] = [];
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  await server.close();
});

interface Loop {
  workshop: CreateWorkshopResponse;
  residents: JoinResponse[];
  ideaIds: string[];
  auth: { authorization: string };
}

/** A workshop at two sites: six phones, ideas, a closed round, answers to the questionnaire. */
async function runWorkshop(): Promise<Loop> {
  const workshop = await createWorkshop(server.url, ['Centre social, "Nord"', 'Maraude'], { phases });
  const facilitator = await connect(server.url, { role: 'facilitator', workshopId: workshop.id, token: workshop.facilitatorToken });
  sockets.push(facilitator.socket);
  await emitWithAck(facilitator.socket, 'run:control', { action: 'start', from: 0 });
  const residents: JoinResponse[] = [];
  const phones: ClientSocket[] = [];
  for (let index = 0; index < 6; index += 1) {
    const joined = await joinAs(server.url, workshop.sites[index % 2]!.joinCode, `Renard${index}`);
    const phone = await connect(server.url, { role: 'participant', token: joined.participantToken });
    sockets.push(phone.socket);
    residents.push(joined);
    phones.push(phone.socket);
  }
  const ideaIds = [clientId(), clientId(), clientId()];
  ok(await emitWithAck(phones[0]!, 'idea:post', { id: ideaIds[0], text: TRICKY_IDEA }));
  ok(await emitWithAck(phones[1]!, 'idea:post', { id: ideaIds[1], text: 'Des douches ouvertes le dimanche' }));
  ok(await emitWithAck(phones[2]!, 'idea:post', { id: ideaIds[2], text: '=SOMME(A1:A9) une carte des lieux' }));

  const round = ok<RoundView>(await emitWithAck(facilitator.socket, 'vote:open', openPayload({ budget: 2 })));
  for (const phone of phones) ok(await emitWithAck(phone, 'vote:cast', { id: clientId(), roundId: round.id, ideaId: ideaIds[0] }));
  ok(await emitWithAck(phones[3]!, 'vote:cast', { id: clientId(), roundId: round.id, ideaId: ideaIds[1] }));
  ok(await emitWithAck(facilitator.socket, 'vote:close', { roundId: round.id }));

  await emitWithAck(facilitator.socket, 'run:control', { action: 'goto', from: 0, phaseIndex: 1 });
  await emitWithAck(facilitator.socket, 'run:control', { action: 'start', from: 1 });
  for (const [index, phone] of phones.entries()) {
    ok(
      await emitWithAck(phone, 'questionnaire:answer', {
        scale: { avis: 4 + (index % 2) },
        learned: index === 0 ? TRICKY_LEARNED : null,
        ageBand: index < 5 ? '12-15' : 'over-75',
        gender: 'woman',
        firstTime: index < 5 ? false : true,
      }),
    );
  }
  return { workshop, residents, ideaIds, auth: { authorization: `Bearer ${workshop.facilitatorToken}` } };
}

async function api<T>(method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

async function download(path: string, headers: Record<string, string>): Promise<{ status: number; type: string; bytes: Buffer }> {
  const response = await fetch(`${server.url}${path}`, { headers });
  return { status: response.status, type: response.headers.get('content-type') ?? '', bytes: Buffer.from(await response.arrayBuffer()) };
}

async function writeBrief(loop: Loop): Promise<Brief> {
  const base = `/api/workshops/${loop.workshop.id}/briefs`;
  const created = await api<Brief>('POST', base, loop.auth, { title: 'Le sac à dos', ideaIds: [loop.ideaIds[0], loop.ideaIds[1]] });
  expect(created.status).toBe(201);
  const edited = await api<Brief>('PUT', `${base}/${created.body.id}`, loop.auth, {
    solution: 'Un sac à dos,\nfabriqué avec les jeunes',
    builders: 'Les jeunes et le fablab',
    nextSteps: [{ text: 'Premier essai', owner: 'Animatrice jeunesse', date: '2027-03-10' }],
    unsure: 'Le budget',
  });
  expect(edited.status).toBe(200);
  expect((await api<Brief>('POST', `${base}/${created.body.id}/status`, loop.auth, { status: 'building' })).status).toBe(200);
  const news = await api<Brief>('POST', `${base}/${created.body.id}/news`, loop.auth, { text: 'Le sac à dos est en test à la maraude de mars' });
  expect(news.status).toBe(201);
  return briefSchema.parse(news.body);
}

/** Nothing that identifies a resident or their choices may appear in `text`. */
function expectNoIdentity(text: string, loop: Loop): void {
  for (const resident of loop.residents) {
    expect(text).not.toContain(resident.participant.id);
    expect(text).not.toContain(resident.participantToken);
    expect(text).not.toContain(resident.cardCode);
    if (resident.participant.nickname) expect(text).not.toContain(resident.participant.nickname);
  }
  expect(text).not.toContain(loop.workshop.facilitatorToken);
  expect(text).not.toMatch(/participantId|voterId|gommetteId/);
}

describe('briefs', () => {
  it('are pre-filled from the workshop with traces, then completed, moved on and given news', async () => {
    const loop = await runWorkshop();
    const brief = await writeBrief(loop);
    expect(brief.prefilled.question.source).toEqual({ kind: 'workshop', field: 'question' });
    const sac = brief.prefilled.ideas[0]!;
    expect(sac).toMatchObject({
      ideaId: loop.ideaIds[0],
      text: TRICKY_IDEA,
      siteName: 'Centre social, "Nord"',
      source: { kind: 'idea', ideaId: loop.ideaIds[0] },
    });
    expect(sac.votes).toMatchObject({
      total: 6,
      rank: 1,
      closed: true,
      bySite: [
        { siteName: 'Centre social, "Nord"', gommettes: 3 },
        { siteName: 'Maraude', gommettes: 3 },
      ],
    });
    expect(brief.status).toBe('building');
    expect(brief.timeline.map((entry) => entry.status)).toEqual(['idea', 'chosen', 'building']);
    expect(brief.fields.nextSteps).toEqual([{ text: 'Premier essai', owner: 'Animatrice jeunesse', date: '2027-03-10' }]);
    expectNoIdentity(JSON.stringify(brief), loop);

    const listed = await api<{ briefs: Brief[] }>('GET', `/api/workshops/${loop.workshop.id}/briefs`, loop.auth);
    expect(listed.body.briefs.map((item) => item.id)).toEqual([brief.id]);
  });

  it('refuses hidden or unknown ideas, an abandonment without reason, and anyone without the token', async () => {
    const loop = await runWorkshop();
    const base = `/api/workshops/${loop.workshop.id}/briefs`;
    expect((await api('POST', base, loop.auth, { title: 'x', ideaIds: ['unknown-idea'] })).status).toBe(404);
    const brief = await writeBrief(loop);
    expect(await api('POST', `${base}/${brief.id}/status`, loop.auth, { status: 'abandoned' })).toMatchObject({
      status: 400,
      body: { code: ErrorCode.BadRequest },
    });
    expect((await api('GET', base, {})).status).toBe(401);
    expect((await api('GET', base, { authorization: `Bearer ${loop.residents[0]!.participantToken}` })).status).toBe(401);
    const other = await createWorkshop(server.url);
    expect((await api('GET', `/api/workshops/${other.id}/briefs/${brief.id}`, { authorization: `Bearer ${other.facilitatorToken}` })).status).toBe(404);
  });
});

describe('exports', () => {
  it('JSON matches its schema and carries no identity', async () => {
    const loop = await runWorkshop();
    await writeBrief(loop);
    const file = await download(`/api/workshops/${loop.workshop.id}/export.json`, loop.auth);
    expect(file.status).toBe(200);
    const text = file.bytes.toString('utf8');
    const data = workshopExportSchema.parse(JSON.parse(text));
    expect(data.ideas).toHaveLength(3);
    expect(data.briefs).toHaveLength(1);
    expect(data.questionnaire.ageBands).toMatchObject({ '12-15': 5, 'over-75': null });
    expectNoIdentity(text, loop);
  });

  it('CSV round-trips quotes, commas, line breaks and Arabic, and defuses formulas', async () => {
    const loop = await runWorkshop();
    const ideas = await download(`/api/workshops/${loop.workshop.id}/export/ideas.csv`, loop.auth);
    expect(ideas.type).toContain('text/csv');
    // Without ?lang= nor a known Accept-Language, the header row is in French (the reader's
    // language, as for the centre's tables); the rows keep their values.
    const rows = parse(ideas.bytes, { bom: true, columns: true }) as Array<Record<string, string>>;
    const sac = rows.find((row) => row['identifiant de l’idée'] === loop.ideaIds[0]);
    expect(sac).toMatchObject({
      texte: TRICKY_IDEA,
      lieu: 'Centre social, "Nord"',
      gommettes: '6',
      rang: '1',
      'gommettes (Centre social, "Nord")': '3',
      'gommettes (Maraude)': '3',
    });
    expect(rows.find((row) => row['identifiant de l’idée'] === loop.ideaIds[2])?.texte).toBe("'=SOMME(A1:A9) une carte des lieux");
    const english = await download(`/api/workshops/${loop.workshop.id}/export/ideas.csv?lang=en`, loop.auth);
    const englishRows = parse(english.bytes, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(englishRows.find((row) => row['idea id'] === loop.ideaIds[0])).toMatchObject({
      text: TRICKY_IDEA,
      site: 'Centre social, "Nord"',
      rank: '1',
      'gommettes (Maraude)': '3',
    });
    expectNoIdentity(ideas.bytes.toString('utf8'), loop);

    const questionnaire = await download(`/api/workshops/${loop.workshop.id}/export/questionnaire.csv`, loop.auth);
    const qRows = parse(questionnaire.bytes, { bom: true }) as string[][];
    expect(qRows[0]?.slice(0, 4)).toEqual(['rubrique', 'libellé', 'réponses', 'moyenne']);
    expect(qRows).toContainEqual(['learned', TRICKY_LEARNED, '', '', '', '', '', '', '']);
    expect(qRows).toContainEqual(['age_band', 'over-75', '< 5', '', '', '', '', '', '']);
    expect(qRows.find((row) => row[1] === "J'ai pu donner mon avis")?.slice(2, 4)).toEqual(['6', '4.5']);
  });

  it('PDFs open and contain the question and the purpose', async () => {
    const loop = await runWorkshop();
    const brief = await writeBrief(loop);
    for (const path of [`/api/workshops/${loop.workshop.id}/briefs/${brief.id}/export.pdf`, `/api/workshops/${loop.workshop.id}/export.pdf`]) {
      const file = await download(path, loop.auth);
      expect(file.type).toBe('application/pdf');
      expect(file.bytes.subarray(0, 5).toString()).toBe('%PDF-');
      const parser = new PDFParse({ data: new Uint8Array(file.bytes) });
      const text = (await parser.getText()).text.replace(/\s+/g, ' ');
      await parser.destroy();
      expect(text).toContain('Comment aider les personnes sans abri dans leur quotidien ?');
      // The heading, then the purpose without the lead-in the facilitator typed: said once.
      expect(text).toContain('Votre participation servira à… choisir une invention');
      expect(text).not.toContain('servira à choisir');
      expect(text).toContain('Le sac à dos');
    }
  });

  it('Markdown of a brief and of the workshop', async () => {
    const loop = await runWorkshop();
    const brief = await writeBrief(loop);
    const md = (await download(`/api/workshops/${loop.workshop.id}/briefs/${brief.id}/export.md`, loop.auth)).bytes.toString('utf8');
    expect(md).toContain('# Le sac à dos');
    expect(md).toContain('En fabrication');
    expect(md).toContain('Le sac à dos est en test à la maraude de mars');
    const whole = (await download(`/api/workshops/${loop.workshop.id}/export.md`, loop.auth)).bytes.toString('utf8');
    expect(whole).toContain('## Fiche solution : Le sac à dos');
    expectNoIdentity(whole, loop);
    expect((await download(`/api/workshops/${loop.workshop.id}/export.md`, {})).status).toBe(401);
  });
});

describe('participation figures', () => {
  it('counts per site, gommettes and averages, suppresses small groups, with a CSV', async () => {
    const loop = await runWorkshop();
    const figures = participationFiguresSchema.parse((await api('GET', `/api/workshops/${loop.workshop.id}/figures`, loop.auth)).body);
    expect(figures.participants.total).toBe(6);
    expect(figures.participants.bySite).toEqual([
      { siteName: 'Centre social, "Nord"', count: 3 },
      { siteName: 'Maraude', count: 3 },
    ]);
    expect(figures.ideas.total).toBe(3);
    expect(figures.gommettes).toEqual({ total: 7, paper: 0, voters: 6 });
    expect(figures.questionnaire.ageBands['over-75']).toBeNull();
    expect(figures.returning).toEqual({ cards: 0, selfDeclared: 5 });
    const csv = await download(`/api/workshops/${loop.workshop.id}/figures.csv`, loop.auth);
    const rows = parse(csv.bytes, { bom: true }) as string[][];
    expect(rows).toContainEqual(['participants_by_site', 'Centre social, "Nord"', '3']);
    expect(rows).toContainEqual(['first_time', 'yes', '< 5']);
    expectNoIdentity(csv.bytes.toString('utf8'), loop);
  });
});

describe('follow-up page', () => {
  it('opens from the join code once the workshop is over, and tells a resident which ideas are theirs', async () => {
    const loop = await runWorkshop();
    const brief = await writeBrief(loop);
    const joinCode = loop.workshop.sites[0]!.joinCode;
    expect((await api<JoinInfo>('GET', `/api/join/${joinCode}`, {})).body.finished).toBe(false);
    expect((await api('GET', `/api/follow/${joinCode}`, {})).status).toBe(404);

    expect((await api('PUT', `/api/workshops/${loop.workshop.id}/follow-up`, {}, { finished: true })).status).toBe(401);
    const settings = await api<{ finishedAt: number | null; nextMeeting: string | null }>('PUT', `/api/workshops/${loop.workshop.id}/follow-up`, loop.auth, {
      finished: true,
      nextMeeting: 'Mardi 14 avril, 18 h, au centre social',
    });
    expect(settings.body.finishedAt).not.toBeNull();
    expect((await api<JoinInfo>('GET', `/api/join/${joinCode}`, {})).body.finished).toBe(true);

    const response = await fetch(`${server.url}/api/follow/${joinCode.toLowerCase()}`);
    const text = await response.text();
    const view: FollowUpView = followUpViewSchema.parse(JSON.parse(text));
    expect(view.nextMeeting).toBe('Mardi 14 avril, 18 h, au centre social');
    expect(view.briefs[0]).toMatchObject({ id: brief.id, status: 'building', news: [{ text: 'Le sac à dos est en test à la maraude de mars' }] });
    expect(text).not.toContain('Animatrice jeunesse'); // owners stay internal
    expect(text).not.toMatch(/gommettes|votes/);
    expectNoIdentity(text, loop);

    const mine = (token: string) => api<{ ideaIds: string[] }>('GET', `/api/follow/${joinCode}/mine`, { authorization: `Bearer ${token}` });
    expect((await mine(loop.residents[0]!.participantToken)).body.ideaIds).toEqual([loop.ideaIds[0]]);
    expect((await mine(loop.residents[2]!.participantToken)).body.ideaIds).toEqual([]); // their idea is not in a brief
    expect((await mine(loop.residents[4]!.participantToken)).body.ideaIds).toEqual([]);
    expect((await api('GET', `/api/follow/${joinCode}/mine`, {})).status).toBe(401);
    const stranger = await createWorkshop(server.url);
    const strangerResident = await joinAs(server.url, stranger.sites[0]!.joinCode);
    expect((await mine(strangerResident.participantToken)).status).toBe(401);
  });
});
