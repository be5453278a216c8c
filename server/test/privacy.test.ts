import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkshopState } from '@gommette/shared';
import { clientId, connect, createWorkshop, emitWithAck, joinAs, postJson, startServer, type TestServer } from './helpers';

const lines: string[] = [];
let server: TestServer;

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  // The real logger at its most talkative, as an operator might run it.
  server = await startServer({ logger: pino({ level: 'trace' }, sink) });
});
afterAll(async () => {
  await server.close();
});

describe('privacy', () => {
  it('logs no idea text, nickname, token or card code, and no endpoint pairs a participant with an idea', async () => {
    const workshop = await createWorkshop(server.url);
    const joined = await joinAs(server.url, workshop.sites[0]!.joinCode, 'Renard discret');
    await postJson(`${server.url}/api/participants/resume`, { cardCode: joined.cardCode });
    const phone = await connect(server.url, { role: 'participant', token: joined.participantToken });
    const facilitator = await connect(server.url, { role: 'facilitator', workshopId: workshop.id, token: workshop.facilitatorToken });
    const ideaId = clientId();
    await emitWithAck(phone.socket, 'idea:post', { id: ideaId, text: 'Un secret bien gardé' });
    await emitWithAck(facilitator.socket, 'idea:hide', { ideaId, hidden: true });
    const stateResponse = await fetch(`${server.url}/api/workshops/${workshop.id}`, { headers: { authorization: `Bearer ${workshop.facilitatorToken}` } });
    const state = (await stateResponse.json()) as WorkshopState;
    const lateScreen = await connect(server.url, { role: 'screen', workshopId: workshop.id, token: workshop.screenToken });
    phone.socket.close();
    facilitator.socket.close();
    lateScreen.socket.close();

    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(5);
    for (const secret of [
      'Un secret bien gardé',
      'Renard discret',
      joined.participantToken,
      joined.cardCode,
      workshop.facilitatorToken,
      workshop.screenToken,
    ]) {
      expect(log).not.toContain(secret);
    }
    // What the facilitator and a late screen receive never names the author.
    for (const seen of [JSON.stringify(state), JSON.stringify(facilitator.snapshot), JSON.stringify(lateScreen.snapshot)]) {
      expect(seen).not.toContain(joined.participant.id);
      expect(seen).not.toContain('Renard discret');
    }
  });
});
