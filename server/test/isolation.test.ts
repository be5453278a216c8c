/**
 * Isolation between workshops: with every kind of valid credential of workshop A (facilitator,
 * projector, helper, observer, residents, a kiosk, a signed-in member of A's centre), 1,000
 * attempts to read or write workshop B (another centre's) through every door — REST routes,
 * socket.io commands naming B's ids, the /yjs board gateway — must all fail with the expected
 * code, and the SQLite file must hold exactly the same rows afterwards. Then, within one centre:
 * every door derived from a console link (projector, kiosks, helper, observer, board) after the
 * removal of its creator, of another member, of an admin, and after a new console link.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Ack,
  Brief,
  CentreSpace,
  CentreWorkshopView,
  CreateWorkshopResponse,
  JoinResponse,
  KioskLink,
  PersonView,
  PhaseSpec,
  RoundView,
  StaffLinkView,
  WorkshopDevicesView,
  WorkshopState,
} from '@gommette/shared';
import { BOARD_WS_PROTOCOL } from '@gommette/shared/board';
import { clientId, connect, createWorkshop, emitWithAck, joinAs, startServer, type ClientSocket, type TestServer } from './helpers';
import { rawBoardSocket } from './boardHelpers';
import { centreWorkshop, invite, newCentre, type Browser } from './centreHelpers';
import { helperTokenFor, observerTokenFor, screenTokenFor } from '../src/security/tokens';
import { kioskTokenFor } from '../src/vote/kioskAccess';
import { kioskLinks, kioskToken, ok, openPayload } from './voteFixtures';

const ATTEMPTS = 1_000;
const TEST_BUDGET_MS = 60_000;
/** Socket commands per connection stay under MAX_COMMANDS_PER_WINDOW (60 per 10 s): spread over tokens. */
const COMMANDS_PER_TOKEN = 45;

const phases: PhaseSpec[] = [
  { id: 'idees', title: 'Idées', instruction: 'Écris', activity: 'ideas', durationSec: 600, silentSec: 0 },
  { id: 'selection', title: 'Sélection', instruction: 'Placez vos idées', activity: 'matrix', durationSec: 600, silentSec: 0 },
];

let server: TestServer;
const sockets: ClientSocket[] = [];
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  await server.close();
});

/**
 * Every row of every table of the SQLite file, as JSON: all attempts fail, so nothing at all may
 * change (B's rows, and A's too).
 */
function dumpDatabase(dataDir: string): Record<string, unknown[]> {
  const db = new Database(path.join(dataDir, 'gommette.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const dump: Record<string, unknown[]> = {};
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[];
    for (const { name } of tables) {
      const columns = (db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string }[]).map((_column, index) => index + 1);
      dump[name] = db.prepare(`SELECT * FROM "${name}" ORDER BY ${columns.join(', ')}`).all();
    }
    return JSON.parse(JSON.stringify(dump, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('base64') : value))) as Record<string, unknown[]>;
  } finally {
    db.close();
  }
}

interface Outcome {
  door: string;
  expected: string[];
  got: string;
}

/** A refused or accepted REST call, as a code: the error's `code`, or `ok:<status>` when it was accepted. */
async function restCode(method: string, route: string, headers: Record<string, string>, body?: unknown): Promise<string> {
  const response = await fetch(`${server.url}${route}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (response.ok) return `ok:${response.status}`;
  try {
    return String((JSON.parse(text) as { code?: string }).code ?? response.status);
  } catch {
    return String(response.status);
  }
}

async function commandCode(socket: ClientSocket, event: string, payload: unknown): Promise<string> {
  const ack = (await emitWithAck(socket, event, payload)) as Ack<unknown>;
  return ack.ok ? 'ok' : ack.code;
}

async function boardCode(workshopId: string, token: string): Promise<string> {
  const result = await rawBoardSocket(server.url, `/yjs/${workshopId}`, [BOARD_WS_PROTOCOL, token], { origin: server.url });
  if ('ws' in result) {
    result.ws.close();
    return 'open';
  }
  return String(result.status);
}

/** A workshop on two steps (ideas, then the matrix), started, with a phone that posted `ideas` ideas. */
async function runningWorkshop(created: CreateWorkshopResponse, cookie: string | null, ideas: number) {
  const facilitator = await connect(
    server.url,
    { role: 'facilitator', workshopId: created.id, token: created.facilitatorToken },
    cookie ? { extraHeaders: { cookie } } : {},
  );
  sockets.push(facilitator.socket);
  ok(await emitWithAck(facilitator.socket, 'run:control', { action: 'start', from: 0 }));
  const joined: JoinResponse = await joinAs(server.url, created.sites[0]!.joinCode);
  const phone = await connect(server.url, { role: 'participant', token: joined.participantToken });
  sockets.push(phone.socket);
  ok(await emitWithAck(phone.socket, 'tables:pick', { tableId: 1 }));
  const ideaIds: string[] = [];
  for (let index = 0; index < ideas; index++) {
    const id = clientId();
    ok(await emitWithAck(phone.socket, 'idea:post', { id, text: `Idée ${index} de l'atelier ${created.id}` }));
    ideaIds.push(id);
  }
  return { facilitator: facilitator.socket, phone: phone.socket, joined, ideaIds };
}

describe('isolation between workshops', () => {
  it(
    `refuses ${ATTEMPTS} attempts on workshop B with workshop A's credentials, and B is unchanged`,
    async () => {
      const started = Date.now();
      // ---------- workshop B: another centre's, with ideas, a round with gommettes, a brief, finished ----------
      const centreB = await newCentre(server.url, 'admin-b', 'Centre B');
      const createdB = await centreWorkshop(centreB.admin, centreB.centreId, { phases, tableCount: 2 });
      const b = await runningWorkshop(createdB, centreB.admin.cookie, 3);
      const bAuth = { authorization: `Bearer ${createdB.facilitatorToken}`, cookie: centreB.admin.cookie! };
      const roundB = ok<RoundView>(await emitWithAck(b.facilitator, 'vote:open', openPayload({ budget: 2 })));
      const gommetteB = clientId();
      ok(await emitWithAck(b.phone, 'vote:cast', { id: gommetteB, roundId: roundB.id, ideaId: b.ideaIds[0] }));
      const seatsB = ok<PersonView[]>(await emitWithAck(b.facilitator, 'participants:list', {}));
      const briefB = await fetch(`${server.url}/api/workshops/${createdB.id}/briefs`, {
        method: 'POST',
        headers: { ...bAuth, 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'La bagagerie', ideaIds: [b.ideaIds[0]] }),
      }).then((response) => response.json() as Promise<Brief>);
      expect(briefB.id).toBeTruthy();
      expect((await restCode('PUT', `/api/workshops/${createdB.id}/follow-up`, bAuth, { finished: true })).startsWith('ok')).toBe(true);
      const siteB = createdB.sites[0]!;
      const templateB = await centreB.admin.post<{ id: string }>(`/api/centres/${centreB.centreId}/templates`, { name: 'Méthode B', phases, shared: false });
      expect(templateB.status).toBe(201);
      const adminB = await centreB.admin.get<{ id: string }>('/api/account');

      // ---------- workshop A (three of them, so that socket limits per token are not what refuses) ----------
      const centreA = await newCentre(server.url, 'admin-a', 'Centre A');
      const memberA: Browser = centreA.admin;
      const createdA = [
        await centreWorkshop(memberA, centreA.centreId, { phases, tableCount: 2 }),
        await createWorkshop(server.url, ['Salle A'], { phases, tableCount: 2 }),
        await createWorkshop(server.url, ['Salle A2'], { phases, tableCount: 2 }),
      ];
      const a: Awaited<ReturnType<typeof runningWorkshop>>[] = [];
      for (const [index, created] of createdA.entries()) a.push(await runningWorkshop(created, index === 0 ? memberA.cookie : null, 1));
      const staff: { role: string; workshop: number; socket: ClientSocket }[] = [];
      for (const [index, created] of createdA.entries()) {
        const extra = index === 0 ? { extraHeaders: { cookie: memberA.cookie! } } : {};
        staff.push({ role: 'facilitator', workshop: index, socket: a[index]!.facilitator });
        for (const role of ['screen', 'helper', 'observer'] as const) {
          const token = {
            screen: created.screenToken,
            helper: new URL(created.helperUrl).hash.replace(/^#.*?=/, ''),
            observer: new URL(created.observerUrl).hash.replace(/^#.*?=/, ''),
          }[role];
          const connected = await connect(server.url, { role, workshopId: created.id, token }, extra);
          sockets.push(connected.socket);
          staff.push({ role, workshop: index, socket: connected.socket });
        }
      }
      const kioskA = kioskToken((await kioskLinks(server.url, createdA[1]!))[0]!);
      const kiosk = await connect(server.url, { role: 'kiosk', workshopId: createdA[1]!.id, token: kioskA });
      sockets.push(kiosk.socket);
      const kioskVoter = clientId();
      ok(await emitWithAck(kiosk.socket, 'kiosk:next', { voterId: kioskVoter }));
      const phonesA: { socket: ClientSocket; token: string }[] = a.map((item) => ({ socket: item.phone, token: item.joined.participantToken }));
      for (let index = 0; index < 12; index++) {
        const joined = await joinAs(server.url, createdA[index % 3]!.sites[0]!.joinCode);
        const phone = await connect(server.url, { role: 'participant', token: joined.participantToken });
        sockets.push(phone.socket);
        phonesA.push({ socket: phone.socket, token: joined.participantToken });
      }
      const roundA = ok<RoundView>(await emitWithAck(a[1]!.facilitator, 'vote:open', openPayload({ budget: 2 })));
      // The doors are open to A on A's own things (so a refusal below is about B, not a closed door).
      ok(await emitWithAck(a[1]!.phone, 'vote:cast', { id: clientId(), roundId: roundA.id, ideaId: a[1]!.ideaIds[0] }));
      ok(await emitWithAck(a[1]!.facilitator, 'idea:hide', { ideaId: a[1]!.ideaIds[0], hidden: false }));
      for (const [index, item] of a.entries()) {
        ok(await emitWithAck(item.facilitator, 'idea:paper', { id: clientId(), text: 'Sur papier', siteId: createdA[index]!.sites[0]!.id, tableId: null }));
      }
      expect(await restCode('GET', `/api/workshops/${createdA[1]!.id}/export.json`, { authorization: `Bearer ${createdA[1]!.facilitatorToken}` })).toBe(
        'ok:200',
      );

      const before = dumpDatabase(server.dataDir);
      expect(JSON.stringify(before.ideas)).toContain(b.ideaIds[0]);
      const outcomes: Outcome[] = [];
      const record = (door: string, expected: string[], got: string) => outcomes.push({ door, expected, got });

      // ---------- REST: every route of B with every A token, and A's routes naming B's ids ----------
      const bearers: { who: string; headers: Record<string, string> }[] = [
        ...createdA.map((created, index) => ({
          who: `facilitator A${index}`,
          headers: { authorization: `Bearer ${created.facilitatorToken}`, ...(index === 0 ? { cookie: memberA.cookie! } : {}) },
        })),
        ...createdA.map((created, index) => ({ who: `screen A${index}`, headers: { authorization: `Bearer ${created.screenToken}` } })),
        ...phonesA.slice(0, 6).map((phone, index) => ({ who: `participant A${index}`, headers: { authorization: `Bearer ${phone.token}` } })),
        { who: 'kiosk A', headers: { authorization: `Bearer ${kioskA}` } },
        { who: 'member of centre A', headers: { cookie: memberA.cookie! } },
      ];
      const B = `/api/workshops/${createdB.id}`;
      const workshopRoutes: [string, string, unknown?][] = [
        ['GET', B],
        ['GET', `${B}/questionnaire`],
        ['GET', `${B}/kiosks`],
        ['GET', `${B}/briefs`],
        ['POST', `${B}/briefs`, { title: 'Intrus', ideaIds: [b.ideaIds[1]] }],
        ['GET', `${B}/briefs/${briefB.id}`],
        ['PUT', `${B}/briefs/${briefB.id}`, { solution: 'remplacée' }],
        ['POST', `${B}/briefs/${briefB.id}/status`, { status: 'abandoned' }],
        ['POST', `${B}/briefs/${briefB.id}/news`, { text: 'Fausse nouvelle' }],
        ['GET', `${B}/briefs/${briefB.id}/export.md`],
        ['GET', `${B}/briefs/${briefB.id}/export.pdf`],
        ['PUT', `${B}/follow-up`, { finished: false }],
        ['GET', `${B}/export.json`],
        ['GET', `${B}/export.md`],
        ['GET', `${B}/export.pdf`],
        ['GET', `${B}/export/ideas.csv`],
        ['GET', `${B}/export/questionnaire.csv`],
        ['GET', `${B}/figures`],
        ['GET', `${B}/figures.csv`],
        ['POST', `${B}/templates`, { name: 'Volée', phases }],
      ];
      for (const { who, headers } of bearers) {
        for (const [method, route, body] of workshopRoutes) {
          record(`REST ${who} ${method} ${route.replace(createdB.id, 'B')}`, ['unauthorized'], await restCode(method, route, headers, body));
        }
      }
      // A's own workshop, naming B's brief or B's ideas: not found there.
      const A1 = `/api/workshops/${createdA[1]!.id}`;
      const a1Auth = { authorization: `Bearer ${createdA[1]!.facilitatorToken}` };
      for (let round = 0; round < 4; round++) {
        record('REST A1 GET B brief', ['not_found'], await restCode('GET', `${A1}/briefs/${briefB.id}`, a1Auth));
        record('REST A1 PUT B brief', ['not_found'], await restCode('PUT', `${A1}/briefs/${briefB.id}`, a1Auth, { solution: 'x' }));
        record('REST A1 status B brief', ['not_found'], await restCode('POST', `${A1}/briefs/${briefB.id}/status`, a1Auth, { status: 'abandoned' }));
        record('REST A1 news B brief', ['not_found'], await restCode('POST', `${A1}/briefs/${briefB.id}/news`, a1Auth, { text: 'x' }));
        record('REST A1 export B brief', ['not_found'], await restCode('GET', `${A1}/briefs/${briefB.id}/export.md`, a1Auth));
        record(
          'REST A1 brief with B ideas',
          ['not_found', 'bad_request'],
          await restCode('POST', `${A1}/briefs`, a1Auth, { title: 'Intrus', ideaIds: [b.ideaIds[0]] }),
        );
      }
      // The follow-up page's "my ideas" for B's join code, with A's residents' tokens.
      for (const phone of phonesA)
        record(
          'REST follow-up mine of B',
          ['unauthorized'],
          await restCode('GET', `/api/follow/${siteB.joinCode}/mine`, { authorization: `Bearer ${phone.token}` }),
        );
      // The centre's space of B with A's member session (and A's own centre naming B's things).
      const CB = `/api/centres/${centreB.centreId}`;
      const CA = `/api/centres/${centreA.centreId}`;
      const sameOrigin = { origin: server.url };
      const centreRoutes: [string, string, string[], unknown?][] = [
        ['GET', CB, ['forbidden', 'not_found']],
        ['PATCH', `${CB}/settings`, ['forbidden', 'not_found'], { retentionDays: 1 }],
        ['POST', `${CB}/invitations`, ['forbidden', 'not_found'], { role: 'admin' }],
        ['POST', `${CB}/series`, ['forbidden', 'not_found'], { title: 'Intrus', question: 'Q ?' }],
        ['POST', `${CB}/workshops`, ['forbidden', 'not_found'], { title: 'Intrus', question: 'Q ?', purpose: 'Servira à rien.', sites: [{ name: 'x' }] }],
        ['GET', `${CB}/templates`, ['forbidden', 'not_found']],
        ['POST', `${CB}/templates`, ['forbidden', 'not_found'], { name: 'Intrus', phases }],
        ['PATCH', `${CB}/templates/${templateB.body.id}`, ['forbidden', 'not_found'], { shared: true }],
        ['POST', `${CB}/templates/${templateB.body.id}/copy`, ['forbidden', 'not_found']],
        ['GET', `${CB}/figures`, ['forbidden', 'not_found']],
        ['GET', `${CB}/export/everything.json`, ['forbidden', 'not_found']],
        ['GET', `${CB}/export/ideas.csv`, ['forbidden', 'not_found']],
        ['DELETE', `${CB}/workshops/${createdB.id}`, ['forbidden', 'not_found']],
        ['DELETE', `${CB}/members/${adminB.body.id}`, ['forbidden', 'not_found']],
        ['DELETE', `${CA}/workshops/${createdB.id}`, ['not_found']],
        ['PATCH', `${CA}/templates/${templateB.body.id}`, ['not_found', 'forbidden'], { shared: true }],
      ];
      for (let round = 0; round < 5; round++) {
        for (const [method, route, expected, body] of centreRoutes) {
          record(
            `REST centre A member ${method} ${route.replace(centreB.centreId, 'B').replace(centreA.centreId, 'A')}`,
            expected,
            await restCode(method, route, { cookie: memberA.cookie!, ...sameOrigin }, body),
          );
        }
      }

      // ---------- socket.io: A's connections naming B's ids ----------
      const otherIdea = b.ideaIds[1]!;
      const facilitatorCommands = (index: number): [string, unknown, string[]][] => [
        ['idea:hide', { ideaId: b.ideaIds[index % 3], hidden: true }, ['not_found']],
        ['idea:moderate', { ideaId: otherIdea, moderation: { type: 'edit', text: 'réécrite' } }, ['not_found']],
        ['idea:moderate', { ideaId: otherIdea, moderation: { type: 'park', parked: true } }, ['not_found']],
        ['idea:moderate', { ideaId: otherIdea, moderation: { type: 'approve' } }, ['not_found']],
        ['idea:moderate', { ideaId: a[index % 3]!.ideaIds[0], moderation: { type: 'merge', into: otherIdea } }, ['not_found']],
        ['vote:close', { roundId: roundB.id }, ['not_found']],
        ['vote:reveal', { roundId: roundB.id }, ['not_found']],
        ['vote:paper', { roundId: roundB.id, siteId: siteB.id, counts: { [otherIdea]: 9 } }, ['not_found']],
        ['vote:paper', { roundId: roundA.id, siteId: siteB.id, counts: { [otherIdea]: 9 } }, ['not_found']],
        ['vote:open', openPayload({ id: roundB.id }), ['conflict']],
        ['vote:open', openPayload({ ideas: { from: 'list', ideaIds: [otherIdea] } }), ['bad_request']],
        ['idea:paper', { id: clientId(), text: 'Sur papier', siteId: siteB.id, tableId: null }, ['not_found']],
        ['idea:paper', { id: b.ideaIds[2], text: 'Même id que B', siteId: createdA[index % 3]!.sites[0]!.id, tableId: null }, ['conflict']],
        ['tables:assign', { seats: [{ seatId: seatsB[0]!.seatId, tableId: 2 }] }, ['not_found']],
        ['matrix:place', { ideaId: otherIdea, easy: 1, priority: 1 }, ['not_found', 'forbidden']],
      ];
      const socketJobs: Promise<void>[] = [];
      for (const item of staff) {
        socketJobs.push(
          (async () => {
            const commands = facilitatorCommands(item.workshop);
            const budget = item.role === 'facilitator' ? COMMANDS_PER_TOKEN : 20;
            for (let count = 0; count < budget; count++) {
              const [event, payload, expected] = commands[count % commands.length]!;
              // Projector and observer links are read-only; a helper only posts assisted ideas.
              const roleExpected =
                item.role === 'screen' || item.role === 'observer' ? ['forbidden'] : item.role === 'helper' ? ['forbidden', ...expected] : expected;
              record(
                `socket ${item.role} A${item.workshop} ${event} ${JSON.stringify(payload).slice(0, 40)}`,
                roleExpected,
                await commandCode(item.socket, event, payload),
              );
            }
            if (item.role === 'helper') {
              for (let count = 0; count < 10; count++) {
                const payload = { id: clientId(), text: 'Aidée', personId: clientId(), siteId: siteB.id, tableId: null, mood: 'sunny' };
                record('socket helper idea:assist at B site', ['not_found'], await commandCode(item.socket, 'idea:assist', payload));
              }
            }
          })(),
        );
      }
      for (const [index, phone] of phonesA.entries()) {
        socketJobs.push(
          (async () => {
            const commands: [string, unknown, string[]][] = [
              ['vote:cast', { id: clientId(), roundId: roundB.id, ideaId: b.ideaIds[0] }, ['vote_not_in_round']],
              ['vote:cast', { id: clientId(), roundId: roundA.id, ideaId: otherIdea }, ['vote_not_in_round']],
              ['vote:cast', { id: gommetteB, roundId: roundB.id, ideaId: b.ideaIds[0] }, ['vote_not_in_round']],
              ['vote:takeBack', { id: clientId(), roundId: roundB.id, gommetteId: gommetteB }, ['not_found']],
              ['idea:post', { id: b.ideaIds[index % 3], text: 'Même id que B' }, ['conflict']],
              ['matrix:place', { ideaId: otherIdea, easy: 2, priority: 2 }, ['not_found', 'phase_closed']],
            ];
            for (let count = 0; count < 30; count++) {
              const [event, payload, expected] = commands[count % commands.length]!;
              record(`socket participant ${event} ${JSON.stringify(payload).slice(0, 30)}`, expected, await commandCode(phone.socket, event, payload));
            }
          })(),
        );
      }
      socketJobs.push(
        (async () => {
          for (let count = 0; count < 20; count++) {
            const [event, payload] =
              count % 2 === 0
                ? ['vote:cast', { id: clientId(), roundId: roundB.id, ideaId: otherIdea, voterId: kioskVoter }]
                : ['vote:takeBack', { id: clientId(), roundId: roundB.id, gommetteId: gommetteB, voterId: kioskVoter }];
            record(`socket kiosk ${event}`, [event === 'vote:cast' ? 'vote_not_in_round' : 'not_found'], await commandCode(kiosk.socket, event, payload));
          }
        })(),
      );
      await Promise.all(socketJobs);

      // ---------- the board gateway: /yjs/<B> with A's tokens ----------
      const boardTokens = [
        ...createdA.flatMap((created) => [
          created.facilitatorToken,
          created.screenToken,
          new URL(created.helperUrl).hash.replace(/^#.*?=/, ''),
          new URL(created.observerUrl).hash.replace(/^#.*?=/, ''),
        ]),
        ...phonesA.map((phone) => phone.token),
        kioskA,
      ];
      for (const token of [...boardTokens, ...boardTokens]) record('board /yjs/B', ['401', '403'], await boardCode(createdB.id, token));

      // ---------- every attempt failed with its expected code; B is unchanged ----------
      const wrong = outcomes.filter((outcome) => !outcome.expected.includes(outcome.got));
      const byDoor = new Map<string, Set<string>>();
      for (const outcome of wrong) byDoor.set(outcome.door, (byDoor.get(outcome.door) ?? new Set()).add(outcome.got));
      expect(Object.fromEntries([...byDoor].map(([door, codes]) => [door, [...codes]]))).toEqual({});
      expect(outcomes.length).toBeGreaterThanOrEqual(ATTEMPTS);
      const count = (prefix: string) => outcomes.filter((outcome) => outcome.door.startsWith(prefix)).length;
      expect({ rest: count('REST') > 300, socket: count('socket') > 500, board: count('board') > 50 }).toEqual({ rest: true, socket: true, board: true });
      expect(outcomes.filter((outcome) => outcome.got.startsWith('ok') || outcome.got === 'open')).toEqual([]);
      const after = dumpDatabase(server.dataDir);
      const changed = Object.keys(before).filter((table) => JSON.stringify(before[table]) !== JSON.stringify(after[table]));
      expect(
        changed.map((table) => ({
          table,
          before: before[table]?.filter((row) => !after[table]?.some((other) => JSON.stringify(other) === JSON.stringify(row))),
          after: after[table]?.filter((row) => !before[table]?.some((other) => JSON.stringify(other) === JSON.stringify(row))),
        })),
      ).toEqual([]);
      expect(Date.now() - started).toBeLessThan(TEST_BUDGET_MS);
    },
    TEST_BUDGET_MS + 30_000,
  );
});

/** A door of a centre workshop: a socket.io role with its token, or the board with a token. */
type Door =
  | { kind: 'socket'; role: 'screen' | 'kiosk' | 'helper' | 'observer' | 'facilitator'; token: string; cookie?: string }
  | { kind: 'board'; token: string; cookie?: string };

/** Whether a door opens now: 'open', or the refusal's code (socket.io) or HTTP status (board). */
async function tryDoor(workshopId: string, door: Door): Promise<string> {
  if (door.kind === 'board') {
    const result = await rawBoardSocket(server.url, `/yjs/${workshopId}`, [BOARD_WS_PROTOCOL, door.token], {
      origin: server.url,
      ...(door.cookie ? { cookie: door.cookie } : {}),
    });
    if (!('ws' in result)) return String(result.status);
    result.ws.close();
    return 'open';
  }
  try {
    const { socket } = await connect(
      server.url,
      { role: door.role, workshopId, token: door.token },
      door.cookie ? { extraHeaders: { cookie: door.cookie } } : {},
    );
    socket.close();
    return 'open';
  } catch (error) {
    return String((error as { data?: { code?: string } }).data?.code ?? error);
  }
}

/** Opens a door and keeps it open; resolves `closed` with how it ended. */
async function openDoor(workshopId: string, door: Door): Promise<{ closed: Promise<string> }> {
  if (door.kind === 'board') {
    const result = await rawBoardSocket(server.url, `/yjs/${workshopId}`, [BOARD_WS_PROTOCOL, door.token], {
      origin: server.url,
      ...(door.cookie ? { cookie: door.cookie } : {}),
    });
    if (!('ws' in result)) throw new Error(`board refused: ${result.status}`);
    return { closed: new Promise((resolve) => result.ws.once('close', (code) => resolve(`board closed ${code}`))) };
  }
  const { socket } = await connect(
    server.url,
    { role: door.role, workshopId, token: door.token },
    door.cookie ? { extraHeaders: { cookie: door.cookie } } : {},
  );
  sockets.push(socket);
  return { closed: new Promise((resolve) => socket.once('disconnect', (reason) => resolve(reason))) };
}

const secretOf = (url: string | null | undefined): string => (url ? new URL(url).hash.replace(/^#.*?=/, '') : '');

/**
 * Every door derived from a console token, as someone holding that token can rebuild them offline
 * (projector, each site's kiosk, the first helper and observer links, the board through both).
 */
function derivedDoors(consoleToken: string, siteIds: string[]): Record<string, Door> {
  const doors: Record<string, Door> = {
    projector: { kind: 'socket', role: 'screen', token: screenTokenFor(consoleToken) },
    helper: { kind: 'socket', role: 'helper', token: helperTokenFor(consoleToken) },
    observer: { kind: 'socket', role: 'observer', token: observerTokenFor(consoleToken) },
    'board (projector)': { kind: 'board', token: screenTokenFor(consoleToken) },
    'board (observer)': { kind: 'board', token: observerTokenFor(consoleToken) },
  };
  for (const [index, siteId] of siteIds.entries()) doors[`kiosk ${index}`] = { kind: 'socket', role: 'kiosk', token: kioskTokenFor(consoleToken, siteId) };
  return doors;
}

/**
 * The doors of a console link given by a rotation: the projector, kiosks and board derive from it;
 * the helper's and observer's links are new ones, read from the console.
 */
async function rotatedDoors(member: Browser, workshopId: string, token: string, siteIds: string[]): Promise<Record<string, Door>> {
  const state = await member.request<WorkshopState>('GET', `/api/workshops/${workshopId}`, undefined, { authorization: `Bearer ${token}` });
  expect(state.status).toBe(200);
  const { helper: _helper, observer: _observer, 'board (observer)': _board, ...derived } = derivedDoors(token, siteIds);
  return {
    console: { kind: 'socket', role: 'facilitator', token, cookie: member.cookie! },
    ...derived,
    'new helper link': { kind: 'socket', role: 'helper', token: secretOf(state.body.helperUrl) },
    'new observer link': { kind: 'socket', role: 'observer', token: secretOf(state.body.observerUrl) },
    'board (new observer link)': { kind: 'board', token: secretOf(state.body.observerUrl) },
  };
}

async function doorStates(workshopId: string, doors: Record<string, Door>): Promise<Record<string, string>> {
  const states: Record<string, string> = {};
  for (const [name, door] of Object.entries(doors)) states[name] = await tryDoor(workshopId, door);
  return states;
}

const all = (doors: Record<string, Door>, value: string | ((door: Door) => string)) =>
  Object.fromEntries(Object.entries(doors).map(([name, door]) => [name, typeof value === 'string' ? value : value(door)]));
const refused = (door: Door) => (door.kind === 'board' ? '401' : 'unauthorized');

/** A centre with an admin, Claire (who makes the workshop) and Bob, both facilitators. */
async function centreWithTwoFacilitators(prefix: string) {
  const { admin, centreId } = await newCentre(server.url, `${prefix}-admin`, `Centre ${prefix}`);
  const claire = await invite(admin, centreId, `${prefix}-claire`);
  const bob = await invite(admin, centreId, `${prefix}-bob`);
  const workshop = await centreWorkshop(claire, centreId);
  const members = (await admin.get<CentreSpace>(`/api/centres/${centreId}`)).body.members;
  const idOf = (login: string) => members.find((member) => member.login === `${prefix}-${login}`)!.accountId;
  // The kiosks exist once the console listed them.
  const kiosks = await claire.request<KioskLink[]>('GET', `/api/workshops/${workshop.id}/kiosks`, undefined, {
    authorization: `Bearer ${workshop.facilitatorToken}`,
  });
  expect(kiosks.status).toBe(200);
  const links = `/api/centres/${centreId}/workshops/${workshop.id}/staff-links`;
  return { admin, centreId, claire, bob, workshop, idOf, links, siteIds: workshop.sites.map((site) => site.id) };
}

/** Everything a member can collect about a workshop while a member: console link, staff links, and all derived from them. */
async function whatMemberHolds(member: Browser, centreId: string, workshopId: string, siteIds: string[]): Promise<Record<string, Door>> {
  const space = await member.get<CentreSpace>(`/api/centres/${centreId}`);
  const view = space.body.workshops.find((workshop) => workshop.id === workshopId)!;
  const doors: Record<string, Door> = {};
  const consoleToken = secretOf(view.consoleUrl);
  if (consoleToken) Object.assign(doors, derivedDoors(consoleToken, siteIds));
  const staff = await member.get<StaffLinkView[]>(`/api/centres/${centreId}/workshops/${workshopId}/staff-links`);
  for (const link of staff.body) if (link.url) doors[`${link.role} link ${link.linkId}`] = { kind: 'socket', role: link.role, token: secretOf(link.url) };
  return doors;
}

describe('doors of a centre workshop after a removal or a new console link', () => {
  it('closes every door derived from the console link once its creator is removed, live, with the links other members issued', async () => {
    const c = await centreWithTwoFacilitators('creator');
    const bobHelper = await c.bob.post<StaffLinkView>(c.links, { role: 'helper' });
    const bobObserver = await c.bob.post<StaffLinkView>(c.links, { role: 'observer' });
    const doors: Record<string, Door> = {
      ...derivedDoors(c.workshop.facilitatorToken, c.siteIds),
      "Bob's helper link": { kind: 'socket', role: 'helper', token: secretOf(bobHelper.body.url) },
      "Bob's observer link": { kind: 'socket', role: 'observer', token: secretOf(bobObserver.body.url) },
      "board (Bob's observer link)": { kind: 'board', token: secretOf(bobObserver.body.url) },
    };
    expect(await doorStates(c.workshop.id, doors)).toEqual(all(doors, 'open'));
    const opened = await Promise.all(Object.values(doors).map((door) => openDoor(c.workshop.id, door)));

    expect((await c.admin.delete(`/api/centres/${c.centreId}/members/${c.idOf('claire')}`)).status).toBe(204);
    expect(await Promise.all(opened.map((door) => door.closed))).toEqual(
      Object.values(doors).map((door) => (door.kind === 'board' ? 'board closed 1008' : 'io server disconnect')),
    );
    expect(await doorStates(c.workshop.id, doors)).toEqual(all(doors, refused));
    // The list says so: no link of this workshop shows as working.
    const listed = await c.admin.get<StaffLinkView[]>(c.links);
    expect(listed.body.map((link) => [link.issuedBy, link.state, link.url])).toEqual([
      [`creator-claire`, 'issuer_removed', null],
      [`creator-claire`, 'issuer_removed', null],
      ['creator-bob', 'holder_removed', null],
      ['creator-bob', 'holder_removed', null],
    ]);
  });

  it('leaves a removed non-creator member no door: they never saw the console link, and the links they issued die live', async () => {
    const c = await centreWithTwoFacilitators('other');
    await c.bob.post<StaffLinkView>(c.links, { role: 'helper' });
    await c.bob.post<StaffLinkView>(c.links, { role: 'observer' });
    // Everything Bob can collect while a member, and what he could rebuild from it.
    const held = await whatMemberHolds(c.bob, c.centreId, c.workshop.id, c.siteIds);
    expect(
      Object.values(held)
        .map((door) => (door.kind === 'socket' ? door.role : 'board'))
        .sort(),
    ).toEqual(['helper', 'observer']);
    const doors: Record<string, Door> = {
      ...held,
      'board (his observer link)': {
        kind: 'board',
        token: (Object.values(held).find((door) => door.kind === 'socket' && door.role === 'observer') as Door).token,
      },
    };
    expect(await doorStates(c.workshop.id, doors)).toEqual(all(doors, 'open'));
    const opened = await Promise.all(Object.values(doors).map((door) => openDoor(c.workshop.id, door)));
    const creatorDoors = derivedDoors(c.workshop.facilitatorToken, c.siteIds);

    expect((await c.admin.delete(`/api/centres/${c.centreId}/members/${c.idOf('bob')}`)).status).toBe(204);
    expect(await Promise.all(opened.map((door) => door.closed))).toEqual(
      Object.values(doors).map((door) => (door.kind === 'board' ? 'board closed 1008' : 'io server disconnect')),
    );
    expect(await doorStates(c.workshop.id, doors)).toEqual(all(doors, refused));
    // Claire's doors, derived from the console link she holds, keep working.
    expect(await doorStates(c.workshop.id, creatorDoors)).toEqual(all(creatorDoors, 'open'));
    expect((await c.admin.get<StaffLinkView[]>(c.links)).body.map((link) => [link.issuedBy, link.state])).toEqual([
      ['other-claire', 'active'],
      ['other-claire', 'active'],
      ['other-bob', 'issuer_removed'],
      ['other-bob', 'issuer_removed'],
    ]);
  });

  it("closes every door derived from the console links a removed admin could read, live; the holder's new links work", async () => {
    const c = await centreWithTwoFacilitators('admins');
    const second = await invite(c.admin, c.centreId, 'admins-second');
    const promote = await c.admin.post<{ inviteUrl: string }>(`/api/centres/${c.centreId}/invitations`, { role: 'admin' });
    expect((await second.post('/api/invitations/accept', { token: new URL(promote.body.inviteUrl).hash.replace('#t=', '') })).status).toBe(200);
    const secondId = (await c.admin.get<CentreSpace>(`/api/centres/${c.centreId}`)).body.members.find((member) => member.login === 'admins-second')!.accountId;
    // The second admin reads Claire's console link and everything that derives from it.
    const held = await whatMemberHolds(second, c.centreId, c.workshop.id, c.siteIds);
    expect(Object.keys(held).length).toBeGreaterThanOrEqual(Object.keys(derivedDoors('x', c.siteIds)).length + 2);
    expect(await doorStates(c.workshop.id, held)).toEqual(all(held, 'open'));
    const opened = await Promise.all(Object.values(held).map((door) => openDoor(c.workshop.id, door)));

    expect((await c.admin.delete(`/api/centres/${c.centreId}/members/${secondId}`)).status).toBe(204);
    expect(await Promise.all(opened.map((door) => door.closed))).toEqual(
      Object.values(held).map((door) => (door.kind === 'board' ? 'board closed 1008' : 'io server disconnect')),
    );
    expect(await doorStates(c.workshop.id, held)).toEqual(all(held, refused));
    // Claire still holds the workshop: her new console link and what derives from it work.
    const view = (await c.claire.get<CentreSpace>(`/api/centres/${c.centreId}`)).body.workshops[0]!;
    const fresh = await rotatedDoors(c.claire, c.workshop.id, secretOf(view.consoleUrl), c.siteIds);
    expect(await doorStates(c.workshop.id, fresh)).toEqual(all(fresh, 'open'));
  });

  it('refuses the old console link and every door derived from it after a rotation, live; the new ones work', async () => {
    const c = await centreWithTwoFacilitators('rotation');
    const bobHelper = await c.bob.post<StaffLinkView>(c.links, { role: 'helper' });
    const doors: Record<string, Door> = {
      console: { kind: 'socket', role: 'facilitator', token: c.workshop.facilitatorToken, cookie: c.claire.cookie! },
      ...derivedDoors(c.workshop.facilitatorToken, c.siteIds),
      "Bob's helper link": { kind: 'socket', role: 'helper', token: secretOf(bobHelper.body.url) },
      'board (console)': { kind: 'board', token: c.workshop.facilitatorToken, cookie: c.claire.cookie! },
    };
    expect(await doorStates(c.workshop.id, doors)).toEqual(all(doors, 'open'));
    const opened = await Promise.all(Object.values(doors).map((door) => openDoor(c.workshop.id, door)));
    const rotateRoute = `/api/centres/${c.centreId}/workshops/${c.workshop.id}/console-link`;
    // Only the holder and the admins may change it; nor from another site.
    expect((await c.bob.post(rotateRoute)).status).toBe(403);
    expect((await c.claire.request('POST', rotateRoute, {}, { origin: 'https://ailleurs.example' })).status).toBe(403);
    expect(await doorStates(c.workshop.id, { console: doors.console! })).toEqual({ console: 'open' });

    const rotated = await c.claire.post<CentreWorkshopView>(rotateRoute);
    expect(rotated.status).toBe(200);
    expect(await Promise.all(opened.map((door) => door.closed))).toEqual(
      Object.values(doors).map((door) => (door.kind === 'board' ? 'board closed 1008' : 'io server disconnect')),
    );
    expect(await doorStates(c.workshop.id, doors)).toEqual(all(doors, refused));
    // The new console link works, and so does everything derived from it, all new.
    const token = secretOf(rotated.body.consoleUrl);
    expect(token).not.toBe(c.workshop.facilitatorToken);
    expect(secretOf(rotated.body.screenUrl)).toBe(screenTokenFor(token));
    const fresh = await rotatedDoors(c.claire, c.workshop.id, token, c.siteIds);
    expect(await doorStates(c.workshop.id, fresh)).toEqual(all(fresh, 'open'));
    const kiosks = await c.claire.request<KioskLink[]>('GET', `/api/workshops/${c.workshop.id}/kiosks`, undefined, { authorization: `Bearer ${token}` });
    expect(kiosks.body.map((kiosk) => secretOf(kiosk.kioskUrl))).toEqual(c.siteIds.map((siteId) => kioskTokenFor(token, siteId)));
    // The list: the old links revoked, a new helper and observer link for Claire.
    expect((await c.admin.get<StaffLinkView[]>(c.links)).body.map((link) => [link.issuedBy, link.state])).toEqual([
      ['rotation-claire', 'revoked'],
      ['rotation-claire', 'revoked'],
      ['rotation-bob', 'revoked'],
      ['rotation-claire', 'active'],
      ['rotation-claire', 'active'],
    ]);
  });

  it('lets an admin give a new console link to a workshop whose creator left: the admin holds it, its doors open again', async () => {
    const c = await centreWithTwoFacilitators('takeover');
    expect((await c.admin.delete(`/api/centres/${c.centreId}/members/${c.idOf('claire')}`)).status).toBe(204);
    const dead = derivedDoors(c.workshop.facilitatorToken, c.siteIds);
    expect(await doorStates(c.workshop.id, dead)).toEqual(all(dead, refused));
    const rotated = await c.admin.post<CentreWorkshopView>(`/api/centres/${c.centreId}/workshops/${c.workshop.id}/console-link`);
    expect(rotated.status).toBe(200);
    const fresh = await rotatedDoors(c.admin, c.workshop.id, secretOf(rotated.body.consoleUrl), c.siteIds);
    expect(await doorStates(c.workshop.id, fresh)).toEqual(all(fresh, 'open'));
    // Bob, a facilitator, now sees the workshop without its secret.
    const bobView = (await c.bob.get<CentreSpace>(`/api/centres/${c.centreId}`)).body.workshops[0]!;
    expect([bobView.consoleUrl, bobView.screenUrl]).toEqual([null, null]);
    // The old tokens stay dead.
    expect(await doorStates(c.workshop.id, dead)).toEqual(all(dead, refused));
  });
  it("revokes the projector's link alone and one site's kiosk link alone, live; their new links work, the other doors stay open", async () => {
    const c = await centreWithTwoFacilitators('devices');
    const devicesRoute = `/api/centres/${c.centreId}/workshops/${c.workshop.id}/devices`;
    const devices = await c.claire.get<WorkshopDevicesView>(devicesRoute);
    expect(devices.body).toEqual({
      screenUrl: c.workshop.screenUrl,
      kiosks: c.siteIds.map((siteId, index) =>
        expect.objectContaining({
          siteId,
          name: c.workshop.sites[index]!.name,
          kioskUrl: expect.stringContaining(kioskTokenFor(c.workshop.facilitatorToken, siteId)),
        }),
      ),
    });
    // Only the holder and the admins see or revoke them.
    expect((await c.bob.get(devicesRoute)).status).toBe(403);
    expect((await c.bob.delete(`/api/centres/${c.centreId}/workshops/${c.workshop.id}/screen-link`)).status).toBe(403);
    const doors = derivedDoors(c.workshop.facilitatorToken, c.siteIds);
    const opened = Object.fromEntries(
      await Promise.all(Object.entries(doors).map(async ([name, door]) => [name, await openDoor(c.workshop.id, door)] as const)),
    );

    expect((await c.claire.delete(`/api/centres/${c.centreId}/workshops/${c.workshop.id}/screen-link`)).status).toBe(204);
    expect(await Promise.all([opened.projector!.closed, opened['board (projector)']!.closed])).toEqual(['io server disconnect', 'board closed 1008']);
    expect((await c.claire.delete(`/api/centres/${c.centreId}/workshops/${c.workshop.id}/kiosks/${c.siteIds[0]}`)).status).toBe(204);
    expect(await opened['kiosk 0']!.closed).toBe('io server disconnect');
    expect((await c.claire.delete(`/api/centres/${c.centreId}/workshops/${c.workshop.id}/kiosks/not-a-site`)).status).toBe(404);
    const gone = { projector: doors.projector!, 'board (projector)': doors['board (projector)']!, 'kiosk 0': doors['kiosk 0']! };
    expect(await doorStates(c.workshop.id, gone)).toEqual(all(gone, refused));
    // The other doors never closed.
    const { projector: _p, 'board (projector)': _b, 'kiosk 0': _k, ...others } = doors;
    expect(await doorStates(c.workshop.id, others)).toEqual(all(others, 'open'));
    // The new links work, and the console and the space show them.
    const after = await c.claire.get<WorkshopDevicesView>(devicesRoute);
    const fresh: Record<string, Door> = {
      projector: { kind: 'socket', role: 'screen', token: secretOf(after.body.screenUrl) },
      'kiosk 0': { kind: 'socket', role: 'kiosk', token: secretOf(after.body.kiosks[0]!.kioskUrl) },
    };
    expect(secretOf(after.body.screenUrl)).not.toBe(c.workshop.screenToken);
    expect(after.body.kiosks[1]!.kioskUrl).toBe(devices.body.kiosks[1]!.kioskUrl);
    expect(await doorStates(c.workshop.id, fresh)).toEqual(all(fresh, 'open'));
    const state = await c.claire.request<WorkshopState>('GET', `/api/workshops/${c.workshop.id}`, undefined, {
      authorization: `Bearer ${c.workshop.facilitatorToken}`,
    });
    expect(state.body.screenUrl).toBe(after.body.screenUrl);
    expect((await c.claire.get<CentreSpace>(`/api/centres/${c.centreId}`)).body.workshops[0]!.screenUrl).toBe(after.body.screenUrl);
    // A new console link afterwards keeps each link's count of revocations: the old ones stay dead.
    const rotated = await c.claire.post<CentreWorkshopView>(`/api/centres/${c.centreId}/workshops/${c.workshop.id}/console-link`);
    const rotatedDevices = await c.claire.get<WorkshopDevicesView>(devicesRoute);
    expect(rotatedDevices.body.screenUrl).toBe(rotated.body.screenUrl);
    const afterRotation: Record<string, Door> = {
      projector: { kind: 'socket', role: 'screen', token: secretOf(rotatedDevices.body.screenUrl) },
      'kiosk 0': { kind: 'socket', role: 'kiosk', token: secretOf(rotatedDevices.body.kiosks[0]!.kioskUrl) },
      'kiosk 1': { kind: 'socket', role: 'kiosk', token: secretOf(rotatedDevices.body.kiosks[1]!.kioskUrl) },
    };
    expect(await doorStates(c.workshop.id, afterRotation)).toEqual(all(afterRotation, 'open'));
    expect(await doorStates(c.workshop.id, fresh)).toEqual(all(fresh, refused));
  });
});
