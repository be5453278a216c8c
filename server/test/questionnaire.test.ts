import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode, type PhaseSpec, type QuestionnaireResults } from '@gommette/shared';
import { connect, createWorkshop, emitWithAck, joinAs, nextEvent, startServer, type ClientSocket, type TestServer } from './helpers';

const phases: PhaseSpec[] = [
  { id: 'idees', title: 'Idées', instruction: 'Écris', activity: 'ideas', durationSec: 600, silentSec: 0 },
  { id: 'cloture', title: 'Clôture', instruction: 'Dis-nous', activity: 'questionnaire', durationSec: 300, silentSec: 0 },
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

describe('closing questionnaire over socket.io', () => {
  it('takes one answer per resident during the questionnaire step, stored without them, aggregated for the facilitator', async () => {
    const workshop = await createWorkshop(server.url, ['Centre social'], { phases });
    const facilitator = await connect(server.url, { role: 'facilitator', workshopId: workshop.id, token: workshop.facilitatorToken });
    sockets.push(facilitator.socket);
    const phones: ClientSocket[] = [];
    for (let i = 0; i < 6; i += 1) {
      const joined = await joinAs(server.url, workshop.sites[0]!.joinCode);
      const phone = await connect(server.url, { role: 'participant', token: joined.participantToken });
      sockets.push(phone.socket);
      phones.push(phone.socket);
    }
    const answer = (index: number) => ({
      scale: { avis: 5 - (index % 2), revenir: 4 },
      learned: index === 0 ? 'Écouter, les autres' : null,
      ageBand: index < 5 ? '12-15' : '61-75',
      gender: 'woman',
      firstTime: true,
    });
    expect(await emitWithAck(phones[0]!, 'questionnaire:answer', answer(0))).toMatchObject({ ok: false, code: ErrorCode.PhaseClosed });

    await emitWithAck(facilitator.socket, 'run:control', { action: 'goto', from: 0, phaseIndex: 1 });
    await emitWithAck(facilitator.socket, 'run:control', { action: 'start', from: 1 });
    const counted = nextEvent(facilitator.socket, 'questionnaire:changed');
    for (const [index, phone] of phones.entries())
      expect(await emitWithAck(phone, 'questionnaire:answer', answer(index))).toEqual({ ok: true, data: { answered: true } });
    expect((await counted).responses).toBeGreaterThan(0);
    // A resend (or a second try) is acknowledged and stores nothing more.
    expect(await emitWithAck(phones[0]!, 'questionnaire:answer', { ...answer(0), learned: 'Autre chose' })).toEqual({ ok: true, data: { answered: true } });
    expect(await emitWithAck(phones[1]!, 'questionnaire:answer', { scale: {}, learned: null, ageBand: null, gender: null, firstTime: null })).toMatchObject({
      ok: true,
    });
    expect(
      await emitWithAck(phones[2]!, 'questionnaire:answer', { scale: { avis: 9 }, learned: null, ageBand: null, gender: null, firstTime: null }),
    ).toMatchObject({ ok: false, code: ErrorCode.BadRequest });
    expect(await emitWithAck(facilitator.socket, 'questionnaire:answer', answer(0))).toMatchObject({ ok: false, code: ErrorCode.Forbidden });

    const response = await fetch(`${server.url}/api/workshops/${workshop.id}/questionnaire`, {
      headers: { authorization: `Bearer ${workshop.facilitatorToken}` },
    });
    const results = (await response.json()) as QuestionnaireResults;
    expect(results.responses).toBe(6);
    expect(results.questions.find((q) => q.id === 'avis')).toMatchObject({ answers: 6, average: 4.5 });
    expect(results.learned).toEqual(['Écouter, les autres']);
    expect(results.ageBands).toMatchObject({ '12-15': 5, '61-75': null });
    expect((await fetch(`${server.url}/api/workshops/${workshop.id}/questionnaire`)).status).toBe(401);

    // The store keeps who answered and the answers apart: no column links them.
    const db = new Database(path.join(server.dataDir, 'gommette.sqlite'), { readonly: true });
    const columns = (db.prepare(`PRAGMA table_info(questionnaire_answers)`).all() as Array<{ name: string }>).map((c) => c.name);
    db.close();
    expect(columns).toEqual(['id', 'workshop_id', 'answer_json']);
  });

  it('lets the facilitator edit the questions, and a reconnecting phone knows it answered', async () => {
    const workshop = await createWorkshop(server.url, ['Centre social'], { phases: [phases[1]!] });
    const facilitator = await connect(server.url, { role: 'facilitator', workshopId: workshop.id, token: workshop.facilitatorToken });
    sockets.push(facilitator.socket);
    const questionnaire = { questions: [{ id: 'plu', text: 'Ça m’a plu' }], askLearned: false, askFigures: false };
    expect(await emitWithAck(facilitator.socket, 'room:update', { questionnaire })).toMatchObject({ ok: true, data: { questionnaire } });
    await emitWithAck(facilitator.socket, 'run:control', { action: 'start', from: 0 });
    const joined = await joinAs(server.url, workshop.sites[0]!.joinCode);
    const phone = await connect(server.url, { role: 'participant', token: joined.participantToken });
    sockets.push(phone.socket);
    expect(phone.snapshot.room.questionnaire).toEqual(questionnaire);
    expect(phone.snapshot.questionnaireAnswered).toBe(false);
    await emitWithAck(phone.socket, 'questionnaire:answer', { scale: { plu: 4 }, learned: 'ignoré', ageBand: '18-25', gender: null, firstTime: null });
    phone.socket.close();
    const again = await connect(server.url, { role: 'participant', token: joined.participantToken });
    sockets.push(again.socket);
    expect(again.snapshot.questionnaireAnswered).toBe(true);
    const results = (await (
      await fetch(`${server.url}/api/workshops/${workshop.id}/questionnaire`, { headers: { authorization: `Bearer ${workshop.facilitatorToken}` } })
    ).json()) as QuestionnaireResults;
    expect(results).toMatchObject({ responses: 1, learned: [], questions: [{ id: 'plu', average: 4 }] });
    expect(results.ageBands['18-25']).toBe(0);
  });
});
