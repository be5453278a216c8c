import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, VoteErrorCode, type MatrixChange, type MatrixView, type PhaseSpec, type RoomView, type TableMatrixView } from '@gommette/shared';
import { clientId, connect, createWorkshop, emitWithAck, joinAs, nextEventWhere, startServer, type ClientSocket, type TestServer } from './helpers';
import { ok } from './voteFixtures';

const phases: PhaseSpec[] = [
  { id: 'idees', title: 'Idées', instruction: 'Écris une idée par message', activity: 'ideas', durationSec: 600, silentSec: 0 },
  { id: 'selection', title: 'Sélection', instruction: 'Avec ta table, placez vos idées', activity: 'matrix', durationSec: 600, silentSec: 0 },
  { id: 'vote', title: 'Vote', instruction: 'Colle tes gommettes', activity: 'vote', durationSec: 300, silentSec: 0 },
];

let server: TestServer;
const sockets: ClientSocket[] = [];
beforeAll(async () => {
  server = await startServer();
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close();
});
afterAll(async () => {
  await server.close();
});

async function open(auth: Parameters<typeof connect>[1]) {
  const connection = await connect(server.url, auth);
  sockets.push(connection.socket);
  return connection;
}

const control = async (socket: ClientSocket, action: string, from: number, extra: Record<string, unknown> = {}) =>
  ok<RoomView>(await emitWithAck(socket, 'run:control', { action, from, ...extra }));

/** A workshop with two tables, a console, a projector and a resident at each table with two ideas; the Sélection step runs. */
async function matrixRoom() {
  const workshop = await createWorkshop(server.url, ['Centre social', 'Maison du quartier'], { phases, tableCount: 2 });
  const facilitator = await open({ role: 'facilitator', workshopId: workshop.id, token: workshop.facilitatorToken });
  const screen = await open({ role: 'screen', workshopId: workshop.id, token: workshop.screenToken });
  const residents = [];
  await control(facilitator.socket, 'start', 0);
  for (const tableId of [1, 2]) {
    const joined = await joinAs(server.url, workshop.sites[tableId - 1]!.joinCode);
    const phone = await open({ role: 'participant', token: joined.participantToken });
    ok(await emitWithAck(phone.socket, 'tables:pick', { tableId }));
    const ideaIds = [];
    for (const text of [`Idée A de la table ${tableId}`, `Idée B de la table ${tableId}`]) {
      const id = clientId();
      ok(await emitWithAck(phone.socket, 'idea:post', { id, text }));
      ideaIds.push(id);
    }
    residents.push({ joined, phone, ideaIds, tableId });
  }
  await control(facilitator.socket, 'next', 0);
  await control(facilitator.socket, 'start', 1);
  return { workshop, facilitator, screen, residents: residents as [(typeof residents)[0], (typeof residents)[0]] };
}

const place = (socket: ClientSocket, ideaId: string, easy: number, priority: number) => emitWithAck(socket, 'matrix:place', { ideaId, easy, priority });

describe('the matrix from the phones', () => {
  it("lets a table member place their table's ideas; projector and console get the matrix, the table's phones the change", async () => {
    const { facilitator, screen, residents, workshop } = await matrixRoom();
    const [first, second] = residents;
    // A tablemate on another phone.
    const mateJoined = await joinAs(server.url, workshop.sites[0]!.joinCode);
    const mate = await open({ role: 'participant', token: mateJoined.participantToken });
    ok(await emitWithAck(mate.socket, 'tables:pick', { tableId: 1 }));

    const table = ok<TableMatrixView>(await emitWithAck(mate.socket, 'matrix:ideas', {}));
    expect(table.tableId).toBe(1);
    expect(table.ideas.map((idea) => idea.id)).toEqual(first.ideaIds);
    expect(table.placements).toEqual([]);
    // Public views: no author, no "mine".
    expect(JSON.stringify(table)).not.toContain(first.joined.participant.id);
    expect(table.ideas.every((idea) => idea.mine === undefined)).toBe(true);

    const onScreen = nextEventWhere(screen.socket, 'matrix:changed', (matrix: MatrixView) => matrix.placements.length === 1);
    const onConsole = nextEventWhere(facilitator.socket, 'matrix:changed', (matrix: MatrixView) => matrix.placements.length === 1);
    const onMate = nextEventWhere(mate.socket, 'matrix:placed', (change: MatrixChange) => change.placement?.ideaId === first.ideaIds[0]);
    const placed = ok<MatrixView>(await place(mate.socket, first.ideaIds[0]!, 88, 63));
    // The phone's ack carries its table's placements only.
    expect(placed.placements).toEqual([{ ideaId: first.ideaIds[0], easy: 88, priority: 63 }]);
    expect((await onScreen).placements).toEqual([{ ideaId: first.ideaIds[0], easy: 88, priority: 63 }]);
    expect((await onConsole).placements).toHaveLength(1);
    expect((await onMate).placement).toEqual({ ideaId: first.ideaIds[0], easy: 88, priority: 63 });

    // The other table places its own; each phone's ack and list stay its table's.
    const secondAck = ok<MatrixView>(await place(second.phone.socket, second.ideaIds[1]!, 12, 88));
    expect(secondAck.placements.map((placement) => placement.ideaId)).toEqual([second.ideaIds[1]]);
    const again = ok<TableMatrixView>(await emitWithAck(first.phone.socket, 'matrix:ideas', {}));
    expect(again.placements).toEqual([{ ideaId: first.ideaIds[0], easy: 88, priority: 63 }]);

    // The facilitator still places anything, and names the axes; phones hear of both.
    const axesSeen = nextEventWhere(first.phone.socket, 'matrix:placed', (change: MatrixChange) => change.placement === null && change.axes.easy === 'Facile');
    ok(await place(facilitator.socket, second.ideaIds[0]!, 30, 30));
    ok(await emitWithAck(facilitator.socket, 'matrix:axes', { easy: 'Facile', priority: 'Urgent' }));
    expect((await axesSeen).axes).toEqual({ easy: 'Facile', priority: 'Urgent' });
    const matrix = await open({ role: 'screen', workshopId: workshop.id, token: workshop.screenToken });
    expect(matrix.snapshot.vote?.matrix?.placements).toHaveLength(3);
  });

  it("refuses another table's idea, a step without the matrix, a raised hand, a screen and a stranger, with coded errors", async () => {
    const { facilitator, screen, residents, workshop } = await matrixRoom();
    const [first, second] = residents;
    expect(await place(first.phone.socket, second.ideaIds[0]!, 88, 88)).toMatchObject({ ok: false, code: VoteErrorCode.MatrixOtherTable });
    expect(await place(first.phone.socket, clientId(), 88, 88)).toMatchObject({ ok: false, code: ErrorCode.NotFound });
    expect(await place(first.phone.socket, first.ideaIds[0]!, 101, 88)).toMatchObject({ ok: false, code: ErrorCode.TooLarge });
    // Someone who has not picked a table yet.
    const unseated = await open({ role: 'participant', token: (await joinAs(server.url, workshop.sites[0]!.joinCode)).participantToken });
    expect(await place(unseated.socket, first.ideaIds[0]!, 88, 88)).toMatchObject({ ok: false, code: VoteErrorCode.MatrixNoTable });
    expect(ok<TableMatrixView>(await emitWithAck(unseated.socket, 'matrix:ideas', {}))).toMatchObject({ tableId: null, ideas: [] });
    // A projector, and a stranger from another workshop.
    expect(await place(screen.socket, first.ideaIds[0]!, 88, 88)).toMatchObject({ ok: false, code: ErrorCode.Forbidden });
    expect(await emitWithAck(screen.socket, 'matrix:ideas', {})).toMatchObject({ ok: false, code: ErrorCode.Forbidden });
    const elsewhere = await createWorkshop(server.url, ['Médiathèque'], { phases, tableCount: 2 });
    const strangerConsole = await open({ role: 'facilitator', workshopId: elsewhere.id, token: elsewhere.facilitatorToken });
    expect(await place(strangerConsole.socket, first.ideaIds[0]!, 88, 88)).toMatchObject({ ok: false, code: ErrorCode.NotFound });
    const stranger = await open({ role: 'participant', token: (await joinAs(server.url, elsewhere.sites[0]!.joinCode)).participantToken });
    expect(await place(stranger.socket, first.ideaIds[0]!, 88, 88)).toMatchObject({ ok: false, code: ErrorCode.PhaseClosed });
    // Main levée.
    ok(await emitWithAck(facilitator.socket, 'run:hand', { raised: true }));
    expect(await place(first.phone.socket, first.ideaIds[0]!, 88, 88)).toMatchObject({ ok: false, code: ErrorCode.HandRaised });
    ok(await emitWithAck(facilitator.socket, 'run:hand', { raised: false }));
    ok(await place(first.phone.socket, first.ideaIds[0]!, 88, 88));
    // The next step (vote): the matrix is closed to phones, still open to the facilitator.
    await control(facilitator.socket, 'next', 1);
    await control(facilitator.socket, 'start', 2);
    expect(await place(first.phone.socket, first.ideaIds[0]!, 12, 12)).toMatchObject({ ok: false, code: ErrorCode.PhaseClosed });
    expect(await emitWithAck(first.phone.socket, 'matrix:ideas', {})).toMatchObject({ ok: false, code: ErrorCode.PhaseClosed });
    ok(await place(facilitator.socket, first.ideaIds[0]!, 12, 12));
  });

  it('leaves hidden ideas out of the table list and refuses to place them from a phone', async () => {
    const { facilitator, residents } = await matrixRoom();
    const [first] = residents;
    ok(await emitWithAck(facilitator.socket, 'idea:hide', { ideaId: first.ideaIds[1], hidden: true }));
    const table = ok<TableMatrixView>(await emitWithAck(first.phone.socket, 'matrix:ideas', {}));
    expect(table.ideas.map((idea) => idea.id)).toEqual([first.ideaIds[0]]);
    expect(await place(first.phone.socket, first.ideaIds[1]!, 88, 88)).toMatchObject({ ok: false, code: ErrorCode.NotFound });
  });
});
