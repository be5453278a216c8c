import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JoinInfo, PhaseSpec, RoomView } from '@gommette/shared';
import { startClockedServer } from './centreHelpers';
import { connect, createWorkshop, emitWithAck, joinAs, nextEventWhere, startServer, type ClientSocket, type TestServer } from './helpers';

/** The last step lasts one second, so its countdown reaches zero during the test. */
const phases: PhaseSpec[] = [
  { id: 'idees', title: 'Idées', instruction: 'Écris une idée par message', activity: 'ideas', durationSec: 600, silentSec: 0 },
  { id: 'cloture', title: 'Clôture', instruction: 'Réponds au questionnaire', activity: 'questionnaire', durationSec: 1, silentSec: 0 },
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

type AckResult<T> = { ok: true; data: T } | { ok: false; code: string };
const control = (socket: ClientSocket, action: string, from: number, extra: Record<string, unknown> = {}) =>
  emitWithAck(socket, 'run:control', { action, from, ...extra }) as Promise<AckResult<RoomView>>;

async function joinInfo(joinCode: string): Promise<JoinInfo> {
  const response = await fetch(`${server.url}/api/join/${joinCode}`);
  expect(response.status).toBe(200);
  return (await response.json()) as JoinInfo;
}
const followUpStatus = async (joinCode: string) => (await fetch(`${server.url}/api/follow/${joinCode}`)).status;

/** A workshop on its last step, with a console and a resident's phone. */
async function onLastStep(durationSec = 1) {
  const workshop = await createWorkshop(server.url, ['Centre social'], {
    phases: phases.map((phase, index) => (index === 1 ? { ...phase, durationSec } : phase)),
  });
  const joinCode = workshop.sites[0]!.joinCode;
  const facilitator = await open({ role: 'facilitator', workshopId: workshop.id, token: workshop.facilitatorToken });
  const joined = await joinAs(server.url, joinCode);
  const phone = await open({ role: 'participant', token: joined.participantToken });
  expect(await control(facilitator.socket, 'next', 0)).toMatchObject({ ok: true });
  return { workshop, joinCode, facilitator, phone };
}

describe('the workshop ends with its last step', () => {
  it('finishes by itself when the last step’s countdown reaches zero: the join link gives the follow-up', async () => {
    const { joinCode, facilitator, phone } = await onLastStep(1);
    expect((await joinInfo(joinCode)).finished).toBe(false);
    expect(await followUpStatus(joinCode)).toBe(404);

    const phoneSeesEnd = nextEventWhere(phone.socket, 'room:changed', (room) => room.run.status === 'ended', 5_000);
    const consoleSeesEnd = nextEventWhere(facilitator.socket, 'room:changed', (room) => room.run.status === 'ended', 5_000);
    expect(await control(facilitator.socket, 'start', 1)).toMatchObject({ ok: true, data: { run: { status: 'running' } } });
    expect((await phoneSeesEnd).run).toMatchObject({ phaseIndex: 1, status: 'ended', endsAt: null });
    await consoleSeesEnd;

    expect((await joinInfo(joinCode)).finished).toBe(true);
    expect(await followUpStatus(joinCode)).toBe(200);
  });

  it('finishes when the facilitator ends the last step, and reopens when they go back a step', async () => {
    const { workshop, joinCode, facilitator } = await onLastStep(600);
    expect(await control(facilitator.socket, 'start', 1)).toMatchObject({ ok: true });
    expect((await joinInfo(joinCode)).finished).toBe(false);
    expect(await control(facilitator.socket, 'end', 1)).toMatchObject({ ok: true, data: { run: { status: 'ended' } } });
    expect((await joinInfo(joinCode)).finished).toBe(true);

    // Ended too early: one step back puts the link back to the workshop.
    expect(await control(facilitator.socket, 'previous', 1)).toMatchObject({ ok: true, data: { run: { phaseIndex: 0 } } });
    expect((await joinInfo(joinCode)).finished).toBe(false);
    expect(await followUpStatus(joinCode)).toBe(404);

    // The console's explicit end still works at any step, and the phases leave it alone.
    const put = await fetch(`${server.url}/api/workshops/${workshop.id}/follow-up`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${workshop.facilitatorToken}` },
      body: JSON.stringify({ finished: true }),
    });
    expect(put.status).toBe(200);
    expect(await control(facilitator.socket, 'start', 0)).toMatchObject({ ok: true });
    expect((await joinInfo(joinCode)).finished).toBe(true);
  });

  it('does not end a last step that was extended before zero', async () => {
    const { workshop, joinCode, facilitator } = await onLastStep(1);
    const started = await control(facilitator.socket, 'start', 1);
    expect(started).toMatchObject({ ok: true });
    const extended = await control(facilitator.socket, 'extend', 1, { minutes: 5 });
    expect(extended).toMatchObject({ ok: true, data: { run: { status: 'running' } } });
    // Past the first end time, the step still runs and the workshop is not over.
    const firstEnd = started.ok ? (started.data.run.endsAt ?? 0) : 0;
    await expect.poll(() => Date.now() > firstEnd + 200, { timeout: 3_000 }).toBe(true);
    expect((await joinInfo(joinCode)).finished).toBe(false);
    const again = await open({ role: 'facilitator', workshopId: workshop.id, token: workshop.facilitatorToken });
    expect(again.snapshot.room.run).toMatchObject({ phaseIndex: 1, status: 'running' });
  });
});

describe('a last step that ran out while no timer was armed (a restart)', () => {
  it('ends when a resident opens the join link, and a console then sees it ended', async () => {
    await server.close();
    const clocked = await startClockedServer();
    server = clocked;
    const { workshop, joinCode, facilitator } = await onLastStep(600);
    expect(await control(facilitator.socket, 'start', 1)).toMatchObject({ ok: true });
    facilitator.socket.close();
    // Ten minutes later on the server's clock; the in-process timer (armed on real time) has not fired.
    clocked.clock.now += 601_000;
    expect((await joinInfo(joinCode)).finished).toBe(true);
    const again = await open({ role: 'facilitator', workshopId: workshop.id, token: workshop.facilitatorToken });
    expect(again.snapshot.room.run).toMatchObject({ phaseIndex: 1, status: 'ended' });
  });
});
