import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  SUPPRESSED,
  sharedBriefSchema,
  type BriefCopyView,
  type CentreBriefLine,
  type CentreFiguresResponse,
  type SharedBrief,
  type TerritoryFigures,
} from '@gommette/shared';
import { startServer, type TestServer } from './helpers';
import { Browser, invite, newCentre, runCentreWorkshop } from './centreHelpers';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

const csvRows = (text: string) => parse(text.replace(/^\uFEFF/, '')) as string[][];
const valueOf = (rows: string[][], section: string, label: string) => rows.find((row) => row[0] === section && row[1] === label)?.[2];

describe("the centre view's vote and questionnaire figures", () => {
  it('adds up gommettes, voters per site and questionnaire averages, with small groups suppressed, and as CSV', async () => {
    const a = await newCentre(server.url, 'admina', 'Centre A');
    const b = await newCentre(server.url, 'adminb', 'Centre B');
    // Centre A: 6 people at the centre, 1 on the street round (fewer than 3 voters: no per-site split).
    await runCentreWorkshop(a.admin, a.centreId, { perSite: [6, 1], avis: [5, 4, 4, 5, 3, 4, 5], ideas: ['Des bancs', 'Une fontaine'] });
    // Centre A again: 4 and 3, everyone shown apart.
    await runCentreWorkshop(a.admin, a.centreId, { perSite: [4, 3], avis: [2, 3], ideas: ['Un abri'], title: 'Atelier 2' });
    // Centre B: 2 people only.
    await runCentreWorkshop(b.admin, b.centreId, { perSite: [2], avis: [1, 2], ideas: ['Une douche'] });

    const { figures } = (await a.admin.get<CentreFiguresResponse>(`/api/centres/${a.centreId}/figures`)).body;
    expect(figures.votes).toEqual({ rounds: 2, gommettes: 14, paper: 0, voters: 14, votersBySite: { 'Centre social': 10, Maraude: 4 } });
    const [second, first] = figures.perWorkshop;
    expect(first!.votes!.bySite).toEqual([
      { siteName: 'Centre social', voters: 6, gommettes: null },
      { siteName: 'Maraude', voters: 1, gommettes: null },
    ]);
    expect(second!.votes!.bySite).toEqual([
      { siteName: 'Centre social', voters: 4, gommettes: 4 },
      { siteName: 'Maraude', voters: 3, gommettes: 3 },
    ]);
    expect(figures.questionnaire.responses).toBe(9);
    expect(figures.questionnaire.questions.find((q) => q.text === "J'ai pu donner mon avis")).toMatchObject({
      answers: 9,
      average: 3.9,
      counts: { 1: 0, 2: 1, 3: 2, 4: 3, 5: 3 },
    });
    // 5 + 2 people said 26–40, 2 said over 75: that group stays hidden.
    expect(figures.questionnaire.ageBands['26-40']).toBe(7);
    expect(figures.questionnaire.ageBands['over-75']).toBeNull();
    expect(first!.questionnaire).toMatchObject({ responses: 7 });

    const csv = await a.admin.get<string>(`/api/centres/${a.centreId}/figures.csv`);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const rows = csvRows(csv.body);
    expect(valueOf(rows, 'gommettes', 'voters')).toBe('14');
    expect(valueOf(rows, 'questionnaire_average', "J'ai pu donner mon avis")).toBe('3.9');
    expect(valueOf(rows, 'age_band', 'over-75')).toBe(SUPPRESSED);
    expect(valueOf(rows, 'workshop_gommettes_by_site', 'Atelier du mardi — Maraude')).toBe('');
    expect(valueOf(rows, 'workshop_gommettes_by_site', 'Atelier 2 — Maraude')).toBe('3');
    expect(csv.body).not.toMatch(/Habitant/);

    // The territory: B's 2 voters and 2 answers are suppressed, and so are the totals that would tell them.
    await a.admin.patch(`/api/centres/${a.centreId}/settings`, { territoryOptIn: true });
    await b.admin.patch(`/api/centres/${b.centreId}/settings`, { territoryOptIn: true });
    const territory = (await b.admin.get<TerritoryFigures>('/api/territory')).body;
    expect(territory).toMatchObject({ voters: '≥ 14', responses: '≥ 9', gommettes: '≥ 14' });
    expect(territory.perCentre.map((c) => [c.name, c.voters, c.responses])).toEqual([
      ['Centre A', 14, 9],
      ['Centre B', SUPPRESSED, SUPPRESSED],
    ]);
    expect(territory.questions).toEqual([
      { text: "J'ai pu donner mon avis", answers: 11, average: 3.5 },
      { text: "J'ai compris à quoi servira ma participation", answers: SUPPRESSED, average: null },
      { text: "L'animation m'a plu", answers: SUPPRESSED, average: null },
      { text: "J'ai envie de revenir", answers: SUPPRESSED, average: null },
    ]);
    const territoryCsv = csvRows((await b.admin.get<string>('/api/territory.csv')).body);
    expect(valueOf(territoryCsv, 'centre_voters', 'Centre B (Roubaix)')).toBe(SUPPRESSED);
    expect(valueOf(territoryCsv, 'territory', 'voters')).toBe('≥ 14');
    expect((await new Browser(server.url).get('/api/territory.csv')).status).toBe(401);
    expect((await b.admin.get(`/api/centres/${a.centreId}/figures.csv`)).status).toBe(403);
  });
});

describe('shared briefs ("essaimage")', () => {
  it('shares a published brief without personal data, lets another centre browse and copy it', async () => {
    const a = await newCentre(server.url, 'admina', 'Centre A');
    const claire = await invite(a.admin, a.centreId, 'claire');
    const b = await newCentre(server.url, 'adminb', 'Centre B');
    const { workshop, ideaIds } = await runCentreWorkshop(a.admin, a.centreId, {
      perSite: [5, 1],
      avis: [4],
      ideas: ['Un sac à dos solide, appelle-moi au 06 12 34 56 78', 'Des douches le dimanche'],
    });
    const asConsole = (method: string, route: string, body?: unknown) =>
      a.admin.request<{ id: string }>(method, `/api/workshops/${workshop.id}${route}`, body, { authorization: `Bearer ${workshop.facilitatorToken}` });
    const brief = (await asConsole('POST', '/briefs', { title: 'Le sac à dos', ideaIds })).body;
    await asConsole('PUT', `/briefs/${brief.id}`, {
      solution: 'Un sac cousu au centre',
      builders: 'Mme Fatima Benali, couturière',
      nextSteps: [{ text: 'Trouver du tissu', owner: 'Sophie Martin', date: '2026-03-01' }],
    });
    await asConsole('POST', `/briefs/${brief.id}/news`, { text: 'Sophie a cousu le premier sac' });

    const share = (who: Browser, centreId: string, shared: boolean) => who.request('PUT', `/api/centres/${centreId}/briefs/${brief.id}/shared`, { shared });
    // Not published yet: it cannot be shared.
    expect(await share(claire, a.centreId, true)).toMatchObject({ status: 409, body: { code: 'conflict' } });
    await asConsole('PUT', '/follow-up', { finished: true });
    expect((await share(b.admin, b.centreId, true)).status).toBe(404);
    expect((await share(claire, a.centreId, true)).status).toBe(200);
    expect((await claire.get<CentreBriefLine[]>(`/api/centres/${a.centreId}/briefs`)).body).toEqual([
      { briefId: brief.id, workshopId: workshop.id, workshopTitle: 'Atelier du mardi', title: 'Le sac à dos', status: 'chosen', published: true, shared: true },
    ]);

    // Centre B browses it: anonymised, small-group suppression kept (1 voter on the street round).
    expect((await a.admin.get<SharedBrief[]>(`/api/centres/${a.centreId}/shared-briefs`)).body).toEqual([]);
    const seen = (await b.admin.get<SharedBrief[]>(`/api/centres/${b.centreId}/shared-briefs`)).body;
    expect(seen).toHaveLength(1);
    const shared = sharedBriefSchema.parse(seen[0]);
    expect(shared).toMatchObject({
      title: 'Le sac à dos',
      centreName: 'Centre A',
      solution: 'Un sac cousu au centre',
      nextSteps: [{ text: 'Trouver du tissu' }],
    });
    expect(shared.ideas[0]).toMatchObject({
      text: 'Un sac à dos solide, appelle-moi au […]',
      votes: {
        total: 6,
        bySite: [
          { siteName: 'Centre social', gommettes: null },
          { siteName: 'Maraude', gommettes: null },
        ],
      },
    });
    const text = JSON.stringify(seen);
    for (const trace of ['Fatima', 'Benali', 'Sophie', 'Martin', '06 12 34 56 78', 'Habitant', workshop.id, ideaIds[0]!, 'participant']) {
      expect(text.includes(trace), `"${trace}" in a shared brief`).toBe(false);
    }

    // B copies it as a starting point; the copy stays when A stops sharing.
    const copy = await b.admin.post<BriefCopyView>(`/api/centres/${b.centreId}/shared-briefs/${brief.id}/copy`);
    expect(copy.status).toBe(201);
    expect(copy.body.brief).toEqual(shared);
    expect((await a.admin.post(`/api/centres/${a.centreId}/shared-briefs/${brief.id}/copy`)).status).toBe(404);
    expect((await share(claire, a.centreId, false)).status).toBe(200);
    expect((await b.admin.get<SharedBrief[]>(`/api/centres/${b.centreId}/shared-briefs`)).body).toEqual([]);
    expect((await b.admin.get<BriefCopyView[]>(`/api/centres/${b.centreId}/brief-copies`)).body.map((c) => c.brief.title)).toEqual(['Le sac à dos']);
    expect((await a.admin.get<BriefCopyView[]>(`/api/centres/${a.centreId}/brief-copies`)).body).toEqual([]);
    expect((await new Browser(server.url).get(`/api/centres/${b.centreId}/shared-briefs`)).status).toBe(401);
  });
});
