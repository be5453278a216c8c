import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES, ErrorCode, type MethodTemplate, type PhaseSpec, type RoomView } from '@gommette/shared';
import {
  clientId,
  connect,
  createWorkshop,
  emitWithAck,
  joinAs,
  nextEvent,
  nextEventWhere,
  nextIdea,
  postJson,
  startServer,
  type ClientSocket,
  type TestServer,
} from './helpers';

const phases: PhaseSpec[] = [
  { id: 'accueil', title: 'Accueil', instruction: 'Choisis ta météo', activity: 'welcome', durationSec: 60, silentSec: 0 },
  { id: 'idees', title: 'Idées', instruction: 'Écris une idée par message', activity: 'ideas', durationSec: 600, silentSec: 0 },
  { id: 'vote', title: 'Vote', instruction: 'Colle tes gommettes', activity: 'vote', durationSec: 300, silentSec: 0 },
];

let server: TestServer;
const sockets: ClientSocket[] = [];

beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  await server.close();
});

async function open(auth: Parameters<typeof connect>[1]) {
  const connection = await connect(server.url, auth);
  sockets.push(connection.socket);
  return connection;
}

/** A workshop with a facilitator console, a projector and one phone. */
async function room(method: Parameters<typeof createWorkshop>[2] = { phases }) {
  const workshop = await createWorkshop(server.url, ['Centre social', 'Maison du quartier'], method);
  const facilitator = await open({ role: 'facilitator', workshopId: workshop.id, token: workshop.facilitatorToken });
  const screen = await open({ role: 'screen', workshopId: workshop.id, token: workshop.screenToken });
  const joined = await joinAs(server.url, workshop.sites[0]!.joinCode);
  const phone = await open({ role: 'participant', token: joined.participantToken });
  return { workshop, facilitator, screen, phone, joined };
}

const nextRoom = (socket: ClientSocket, match: (room: RoomView) => boolean) => nextEventWhere(socket, 'room:changed', match);

type AckResult<T> = { ok: true; data: T } | { ok: false; code: string };
const control = (socket: ClientSocket, action: string, from: number, extra: Record<string, unknown> = {}) =>
  emitWithAck(socket, 'run:control', { action, from, ...extra }) as Promise<AckResult<RoomView>>;
const post = (socket: ClientSocket, text = 'Une carte des douches') =>
  emitWithAck(socket, 'idea:post', { id: clientId(), text }) as Promise<AckResult<unknown>>;

describe('phases over socket.io', () => {
  it('keeps two facilitator consoles consistent and refuses a stale control', async () => {
    const { workshop, facilitator, screen } = await room();
    const second = await open({ role: 'facilitator', workshopId: workshop.id, token: workshop.facilitatorToken });
    expect(second.snapshot.room.phases).toHaveLength(3);

    const seenBySecond = nextEvent(second.socket, 'room:changed');
    const seenByScreen = nextEvent(screen.socket, 'room:changed');
    const started = await control(facilitator.socket, 'start', 0);
    expect(started).toMatchObject({ ok: true, data: { run: { phaseIndex: 0, status: 'running' } } });
    expect((await seenBySecond).run).toEqual(started.ok && started.data.run);
    expect((await seenByScreen).run.endsAt).toBe(started.ok && started.data.run.endsAt);

    // Both consoles press "next" while looking at phase 0: it advances once.
    const [a, b] = await Promise.all([control(facilitator.socket, 'next', 0), control(second.socket, 'next', 0)]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect([a, b].find((r) => !r.ok)).toMatchObject({ code: ErrorCode.Conflict });
    const again = await open({ role: 'facilitator', workshopId: workshop.id, token: workshop.facilitatorToken });
    expect(again.snapshot.room.run).toMatchObject({ phaseIndex: 1, status: 'waiting' });
  });

  it('refuses illegal transitions, and controls from anyone but the facilitator', async () => {
    const { workshop, facilitator, screen, phone } = await room();
    expect(await control(facilitator.socket, 'pause', 0)).toMatchObject({ ok: false, code: ErrorCode.IllegalTransition });
    expect(await control(facilitator.socket, 'previous', 0)).toMatchObject({ ok: false, code: ErrorCode.IllegalTransition });
    expect(await control(facilitator.socket, 'extend', 0)).toMatchObject({ ok: false, code: ErrorCode.BadRequest });
    expect(await control(phone.socket, 'start', 0)).toMatchObject({ ok: false, code: ErrorCode.Forbidden });
    expect(await control(screen.socket, 'start', 0)).toMatchObject({ ok: false, code: ErrorCode.Forbidden });
    const observer = await open({ role: 'observer', workshopId: workshop.id, token: new URL(workshop.observerUrl).hash.slice(3) });
    expect(observer.snapshot.room.phases[1]!.instruction).toBe('Écris une idée par message');
    expect(await control(observer.socket, 'start', 0)).toMatchObject({ ok: false, code: ErrorCode.Forbidden });
    expect(await emitWithAck(observer.socket, 'run:hand', { raised: true })).toMatchObject({ ok: false, code: ErrorCode.Forbidden });
  });

  it('gives a reconnecting phone the current phase and the same end time, with the server clock', async () => {
    const { facilitator, joined, phone } = await room();
    await control(facilitator.socket, 'start', 0);
    await control(facilitator.socket, 'extend', 0, { minutes: 5 });
    const paused = await control(facilitator.socket, 'pause', 0);
    phone.socket.close();
    const back = await open({ role: 'participant', token: joined.participantToken });
    expect(back.snapshot.room.run).toEqual(paused.ok && paused.data.run);
    expect(back.snapshot.room.run.remainingMs).toBeGreaterThan(5 * 60_000);
    const resumed = await control(facilitator.socket, 'resume', 0);
    const again = await open({ role: 'participant', token: joined.participantToken });
    expect(again.snapshot.room.run.endsAt).toBe(resumed.ok && resumed.data.run.endsAt);
    expect(Math.abs(again.snapshot.room.serverNow - Date.now())).toBeLessThan(1000);
  });

  it('ends the silent time of an ideas step early, for every screen, and only the facilitator can', async () => {
    const silentPhases = phases.map((phase) => (phase.activity === 'ideas' ? { ...phase, silentSec: 300 } : phase));
    const { facilitator, screen, phone } = await room({ phases: silentPhases });
    // Nothing to end before the ideas step runs.
    expect(await control(facilitator.socket, 'endSilence', 0)).toMatchObject({ ok: false, code: ErrorCode.IllegalTransition });
    await control(facilitator.socket, 'goto', 0, { phaseIndex: 1 });
    const started = await control(facilitator.socket, 'start', 1);
    expect(started.ok && started.data.run.silentUntil).toBeGreaterThan(Date.now() + 200_000);
    expect(await control(phone.socket, 'endSilence', 1)).toMatchObject({ ok: false, code: ErrorCode.Forbidden });
    expect(await control(facilitator.socket, 'endSilence', 0)).toMatchObject({ ok: false, code: ErrorCode.Conflict });
    const seenByScreen = nextRoom(screen.socket, (view) => view.run.silentUntil === null);
    const seenByPhone = nextRoom(phone.socket, (view) => view.run.silentUntil === null);
    const ended = await control(facilitator.socket, 'endSilence', 1);
    expect(ended).toMatchObject({ ok: true, data: { run: { phaseIndex: 1, status: 'running', silentUntil: null } } });
    // The step itself keeps its countdown.
    expect(ended.ok && ended.data.run.endsAt).toBe(started.ok && started.data.run.endsAt);
    expect((await seenByScreen).run.status).toBe('running');
    expect((await seenByPhone).run.silentUntil).toBeNull();
    expect(await control(facilitator.socket, 'endSilence', 1)).toMatchObject({ ok: false, code: ErrorCode.IllegalTransition });
  });

  it('reveals instructions to phones only when their phase starts', async () => {
    const { facilitator, phone } = await room();
    expect(phone.snapshot.room.phases.map((p) => p.instruction)).toEqual([null, null, null]);
    const changed = nextEvent(phone.socket, 'room:changed');
    await control(facilitator.socket, 'start', 0);
    expect((await changed).phases.map((p) => p.instruction)).toEqual(['Choisis ta météo', null, null]);
  });

  it('takes ideas only while an ideas phase runs, and never during "main levée"', async () => {
    const { facilitator, phone } = await room();
    expect(await post(phone.socket)).toMatchObject({ ok: false, code: ErrorCode.PhaseClosed });
    await control(facilitator.socket, 'goto', 0, { phaseIndex: 1 });
    expect(await post(phone.socket)).toMatchObject({ ok: false, code: ErrorCode.PhaseClosed });
    await control(facilitator.socket, 'start', 1);
    expect(await post(phone.socket)).toMatchObject({ ok: true, data: { phaseId: 'idees' } });

    const handUp = nextRoom(phone.socket, (r) => r.run.handRaised);
    await emitWithAck(facilitator.socket, 'run:hand', { raised: true });
    expect((await handUp).run.handRaised).toBe(true);
    expect(await post(phone.socket)).toMatchObject({ ok: false, code: ErrorCode.HandRaised });
    await emitWithAck(facilitator.socket, 'run:hand', { raised: false });
    expect(await post(phone.socket)).toMatchObject({ ok: true });

    await control(facilitator.socket, 'next', 1);
    await control(facilitator.socket, 'start', 2);
    expect(await post(phone.socket)).toMatchObject({ ok: false, code: ErrorCode.PhaseClosed });
  });

  it('lets a facilitator reshape the method during the workshop', async () => {
    const { facilitator, phone } = await room();
    await control(facilitator.socket, 'goto', 0, { phaseIndex: 1 });
    const reordered = [phases[1]!, { ...phases[0]!, title: 'Bienvenue' }];
    const changed = nextRoom(phone.socket, (r) => r.phases.length === 2);
    const ack = (await emitWithAck(facilitator.socket, 'room:update', { phases: reordered })) as AckResult<RoomView>;
    expect(ack).toMatchObject({ ok: true, data: { run: { phaseIndex: 0 } } });
    expect((await changed).phases.map((p) => p.title)).toEqual(['Idées', 'Bienvenue']);
    expect(await emitWithAck(facilitator.socket, 'room:update', { phases: [{ ...phases[0]!, title: ' ' }] })).toMatchObject({
      ok: false,
      code: ErrorCode.BadRequest,
    });
  });
});

describe('tables', () => {
  it('lets residents pick a table, mixes people, and files ideas under their table', async () => {
    const { workshop, facilitator, phone, joined } = await room({ phases: [phases[1]!], tableCount: 2 });
    await control(facilitator.socket, 'start', 0);
    expect(await emitWithAck(phone.socket, 'tables:pick', { tableId: 3 })).toMatchObject({ ok: false, code: ErrorCode.BadRequest });
    const meChanged = nextEvent(phone.socket, 'me:changed');
    expect(await emitWithAck(phone.socket, 'tables:pick', { tableId: 2 })).toMatchObject({ ok: true, data: { tableId: 2 } });
    expect(await meChanged).toMatchObject({ tableId: 2 });
    const onConsole = nextIdea(facilitator.socket);
    await post(phone.socket, 'Un sac à dos');
    expect(await onConsole).toMatchObject({ text: 'Un sac à dos', tableId: 2 });

    for (let i = 0; i < 3; i += 1) await joinAs(server.url, workshop.sites[i % 2]!.joinCode);
    const staffList = nextEvent(facilitator.socket, 'participants:changed');
    expect(await emitWithAck(facilitator.socket, 'tables:mix', {})).toMatchObject({ ok: true, data: { seated: 4 } });
    const { people, figures } = await staffList;
    expect(people.filter((p) => p.tableId === 1)).toHaveLength(2);
    expect(people.filter((p) => p.tableId === 2)).toHaveLength(2);
    expect(figures.byTable).toEqual({ 1: 2, 2: 2 });
    // Nobody's mood or participant id is listed per person: only counted, behind an opaque seat.
    expect(JSON.stringify(people)).not.toContain('sunny');
    expect(JSON.stringify(people)).not.toContain(joined.participant.id);
    // The facilitator moves person n°1 (the first phone) by its seat: that phone is told.
    const first = people.find((p) => p.number === 1)!;
    const target = first.tableId === 1 ? 2 : 1;
    const moved = nextEvent(phone.socket, 'me:changed');
    expect(await emitWithAck(facilitator.socket, 'tables:assign', { seats: [{ seatId: first.seatId, tableId: target }] })).toMatchObject({
      ok: true,
      data: { seated: 1 },
    });
    expect(await moved).toMatchObject({ tableId: target });
    expect(await emitWithAck(facilitator.socket, 'tables:assign', { seats: [{ seatId: 'unknown-seat', tableId: 2 }] })).toMatchObject({
      ok: false,
      code: ErrorCode.NotFound,
    });
  });
});

describe('moderation, helpers and paper', () => {
  it('holds ideas back from the projector in safe mode until approved', async () => {
    const { facilitator, screen, phone } = await room({ phases: [phases[1]!], safeMode: true });
    await control(facilitator.socket, 'start', 0);
    const onConsole = nextIdea(facilitator.socket);
    const ack = (await post(phone.socket, 'Ouvrir des maisons abandonnées')) as AckResult<{ id: string }>;
    expect(await onConsole).toMatchObject({ pending: true });
    await expect(nextIdea(screen.socket, () => true, 300)).rejects.toThrow();

    const onScreen = nextIdea(screen.socket);
    const id = ack.ok ? ack.data.id : '';
    expect(await emitWithAck(facilitator.socket, 'idea:moderate', { ideaId: id, moderation: { type: 'approve' } })).toMatchObject({
      ok: true,
      data: { pending: false },
    });
    expect(await onScreen).toMatchObject({ id, text: 'Ouvrir des maisons abandonnées' });
  });

  it('corrects, merges, groups and parks ideas, keeping what residents wrote', async () => {
    const { facilitator, screen, phone } = await room({ phases: [] });
    const a = (await post(phone.socket, 'Une carte des douche')) as AckResult<{ id: string }>;
    const b = (await post(phone.socket, 'Une carte des douches et des repas')) as AckResult<{ id: string }>;
    const [idA, idB] = [a.ok ? a.data.id : '', b.ok ? b.data.id : ''];
    const moderate = (ideaId: string, moderation: unknown) => emitWithAck(facilitator.socket, 'idea:moderate', { ideaId, moderation });

    const corrected = nextIdea(screen.socket, (idea) => idea.id === idA && idea.text === 'Une carte des douches');
    expect(await moderate(idA, { type: 'edit', text: 'Une carte des douches' })).toMatchObject({
      ok: true,
      data: { text: 'Une carte des douches', originalText: 'Une carte des douche' },
    });
    expect(await corrected).toMatchObject({ text: 'Une carte des douches' });
    expect(await corrected).not.toHaveProperty('originalText');

    expect(await moderate(idA, { type: 'theme', theme: 'Se laver' })).toMatchObject({ ok: false, code: ErrorCode.NotFound });
    await emitWithAck(facilitator.socket, 'room:update', { themes: ['Se laver', ' Se laver ', ''] });
    expect(await moderate(idB, { type: 'theme', theme: 'Se laver' })).toMatchObject({ ok: true, data: { theme: 'Se laver' } });
    expect(await moderate(idB, { type: 'park', parked: true })).toMatchObject({ ok: true, data: { parked: true } });

    const removed = nextEvent(screen.socket, 'idea:removed');
    expect(await moderate(idA, { type: 'merge', into: idB })).toMatchObject({ ok: true, data: { mergedInto: idB } });
    expect(await removed).toEqual({ ideaId: idA });
    expect(await moderate(idB, { type: 'merge', into: idA })).toMatchObject({ ok: false, code: ErrorCode.BadRequest });
    expect(await moderate(idA, { type: 'edit', text: 'x' })).toMatchObject({ ok: true });
    expect(await moderate('nonexistent-idea', { type: 'park', parked: true })).toMatchObject({ ok: false, code: ErrorCode.NotFound });
    expect(await emitWithAck(phone.socket, 'idea:moderate', { ideaId: idA, moderation: { type: 'park', parked: true } })).toMatchObject({
      ok: false,
      code: ErrorCode.Forbidden,
    });
  });

  it('counts assisted residents without naming them, and takes paper post-its from the facilitator', async () => {
    const { workshop, facilitator, screen } = await room({ phases: [phases[1]!], tableCount: 3 });
    await control(facilitator.socket, 'start', 0);
    const helper = await open({ role: 'helper', workshopId: workshop.id, token: new URL(workshop.helperUrl).hash.slice(3) });
    const personId = clientId();
    const assisted = { id: clientId(), text: 'Passer du temps à parler avec eux', personId, siteId: workshop.sites[1]!.id, tableId: 3, mood: 'partly' };
    const onScreen = nextIdea(screen.socket);
    expect(await emitWithAck(helper.socket, 'idea:assist', assisted)).toMatchObject({ ok: true, data: { tableId: 3 } });
    expect(await emitWithAck(helper.socket, 'idea:assist', assisted)).toMatchObject({ ok: true });
    expect(await onScreen).toMatchObject({ text: assisted.text, tableId: 3 });
    expect(await emitWithAck(helper.socket, 'idea:assist', { ...assisted, id: clientId(), text: 'Un livre d’or' })).toMatchObject({ ok: true });
    expect(await emitWithAck(helper.socket, 'run:control', { action: 'end', from: 0 })).toMatchObject({ ok: false, code: ErrorCode.Forbidden });

    const paper = { id: clientId(), text: 'Une carte avec des réductions', siteId: workshop.sites[0]!.id, tableId: null };
    expect(await emitWithAck(helper.socket, 'idea:paper', paper)).toMatchObject({ ok: false, code: ErrorCode.Forbidden });
    const onConsole = nextEvent(facilitator.socket, 'ideas:added');
    expect(await emitWithAck(facilitator.socket, 'idea:paper', paper)).toMatchObject({ ok: true });
    expect((await onConsole).find((idea) => idea.id === paper.id)).toMatchObject({ origin: 'paper' });

    const people = (await emitWithAck(facilitator.socket, 'participants:list', {})) as AckResult<Array<{ kind: string }>>;
    expect(people.ok && people.data.map((p) => p.kind).sort()).toEqual(['assisted', 'resident']);
    const state = await fetch(`${server.url}/api/workshops/${workshop.id}`, { headers: { authorization: `Bearer ${workshop.facilitatorToken}` } });
    const body = (await state.json()) as { participants: { total: number; assisted: number }; ideas: Array<{ origin: string }> };
    expect(body.participants).toMatchObject({ total: 2, assisted: 1 });
    expect(body.ideas.map((idea) => idea.origin).sort()).toEqual(['assisted', 'assisted', 'paper']);
    // Another workshop's helper link opens nothing here.
    const other = await createWorkshop(server.url);
    await expect(connect(server.url, { role: 'helper', workshopId: workshop.id, token: new URL(other.helperUrl).hash.slice(3) })).rejects.toThrow();
  });

  it('refuses paper post-its once the workshop is marked finished', async () => {
    const { workshop, facilitator } = await room({ phases: [phases[1]!] });
    await control(facilitator.socket, 'start', 0);
    const auth = { authorization: `Bearer ${workshop.facilitatorToken}`, 'content-type': 'application/json' };
    const finished = await fetch(`${server.url}/api/workshops/${workshop.id}/follow-up`, {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({ finished: true }),
    });
    expect(finished.status).toBe(200);
    const paper = { id: clientId(), text: 'Une carte avec des réductions', siteId: workshop.sites[0]!.id, tableId: null };
    expect(await emitWithAck(facilitator.socket, 'idea:paper', paper)).toMatchObject({ ok: false, code: ErrorCode.Conflict });
    const state = await fetch(`${server.url}/api/workshops/${workshop.id}`, { headers: auth });
    expect(((await state.json()) as { ideas: unknown[] }).ideas).toHaveLength(0);
  });
});

describe('method templates', () => {
  it('lists the built-in methods and keeps the ones a facilitator saves', async () => {
    const list = async () => (await (await fetch(`${server.url}/api/templates`)).json()) as MethodTemplate[];
    expect((await list()).map((t) => t.name)).toEqual(BUILT_IN_TEMPLATES.map((t) => t.name));
    const workshop = await createWorkshop(server.url);
    const template = { name: 'Notre atelier du jeudi', description: '', phases: [phases[1]!, { ...phases[2]!, durationSec: 900 }] };
    expect((await postJson(`${server.url}/api/workshops/${workshop.id}/templates`, template)).status).toBe(401);
    const saved = await postJson<MethodTemplate>(`${server.url}/api/workshops/${workshop.id}/templates`, template, {
      authorization: `Bearer ${workshop.facilitatorToken}`,
    });
    expect(saved.status).toBe(201);
    expect((await list()).at(-1)).toMatchObject({ name: 'Notre atelier du jeudi', builtIn: false, phases: template.phases });
    const bad = await postJson(
      `${server.url}/api/workshops/${workshop.id}/templates`,
      { ...template, phases: [] },
      { authorization: `Bearer ${workshop.facilitatorToken}` },
    );
    expect(bad.status).toBe(400);
  });
});

describe('phases and vote rounds', () => {
  it('closes the open round with its vote step, and keeps a dated round open for the other sites', async () => {
    const { workshop, facilitator, phone } = await room({ phases: [phases[1]!, phases[2]!, { ...phases[0]!, id: 'fin' }] });
    await control(facilitator.socket, 'start', 0);
    await post(phone.socket, 'Un sac à dos');
    await control(facilitator.socket, 'next', 0);
    await control(facilitator.socket, 'start', 1);
    const settings = { budget: 3, stacking: false, capPerIdea: null, selfVote: true, results: 'live', ideas: { from: 'all' } };
    const first = clientId();
    expect(await emitWithAck(facilitator.socket, 'vote:open', { id: first, ...settings, closesAt: null })).toMatchObject({ ok: true });
    const closed = nextEventWhere(phone.socket, 'vote:round', (round) => round.status === 'closed');
    expect(await control(facilitator.socket, 'end', 1)).toMatchObject({ ok: true });
    expect(await closed).toMatchObject({ id: first, status: 'closed' });

    // A round with a date and time outlives its step.
    await control(facilitator.socket, 'extend', 1, { minutes: 5 });
    const dated = clientId();
    expect(await emitWithAck(facilitator.socket, 'vote:open', { id: dated, ...settings, closesAt: Date.now() + 3 * 24 * 3600_000 })).toMatchObject({
      ok: true,
    });
    await control(facilitator.socket, 'next', 1);
    const later = await open({ role: 'facilitator', workshopId: workshop.id, token: workshop.facilitatorToken });
    expect(later.snapshot.vote?.round).toMatchObject({ id: dated, status: 'open' });
  });
});
