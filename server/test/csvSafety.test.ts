import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { CENTRE_CSV_TABLES } from '@gommette/shared';
import { clientId, connect, emitWithAck, joinAs, type TestServer } from './helpers';
import { centreWorkshop, newCentre, startClockedServer } from './centreHelpers';

const servers: TestServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

/** What a spreadsheet would run as a formula, once it has stripped a leading tab or carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;
const TRAPS = ['=HYPERLINK("http://x","clic")', '+33 6 12 34 56 78', '-2+3', '@SUM(1+1)', '\t=1+1', '\r=1+1'];

describe('every CSV the product makes', () => {
  it('neutralises cells that start with = + - @ tab or carriage return, in the workshop, centre and territory exports', async () => {
    const server = await startClockedServer();
    servers.push(server);
    const { admin, centreId } = await newCentre(server.url, 'admin');
    expect((await admin.request('PATCH', `/api/centres/${centreId}/settings`, { territoryOptIn: true })).status).toBe(200);
    const workshop = await centreWorkshop(admin, centreId, {
      title: '=cmd|"/C calc"!A0',
      question: '@SUM(1+1)',
      sites: [{ name: '+Site' }, { name: '-Site' }],
    });
    const joined = await joinAs(server.url, workshop.sites[0]!.joinCode, 'Renard');
    const { socket } = await connect(server.url, { role: 'participant', token: joined.participantToken });
    for (const text of TRAPS) expect(await emitWithAck(socket, 'idea:post', { id: clientId(), text })).toMatchObject({ ok: true });
    socket.close();

    const bearer = { authorization: `Bearer ${workshop.facilitatorToken}` };
    const routes = [
      ...CENTRE_CSV_TABLES.map((table) => `/api/centres/${centreId}/export/${table}.csv`),
      `/api/centres/${centreId}/figures.csv`,
      '/api/territory.csv',
      `/api/workshops/${workshop.id}/export/ideas.csv`,
      `/api/workshops/${workshop.id}/export/questionnaire.csv`,
      `/api/workshops/${workshop.id}/figures.csv`,
    ];
    const seen = new Set<string>();
    for (const route of routes) {
      const reply = await admin.request<string>('GET', route, undefined, bearer);
      expect(reply.status, route).toBe(200);
      expect(reply.headers.get('content-type'), route).toMatch(/^text\/csv/);
      const rows = parse(reply.body, { bom: true, relax_column_count: true }) as string[][];
      for (const cell of rows.flat()) {
        expect(FORMULA_START.test(cell), `${route}: ${JSON.stringify(cell)}`).toBe(false);
        seen.add(cell);
      }
    }
    // The traps came out, neutralised, not dropped.
    for (const trap of TRAPS) expect(seen.has(`'${trap.trim()}`), trap).toBe(true); // ideas are stored trimmed
    expect(seen.has(`'${'=cmd|"/C calc"!A0'}`)).toBe(true);
    expect(seen.has("'-Site")).toBe(true);
  });
});
