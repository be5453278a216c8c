import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VoteResults } from '@gommette/shared';
import { clientId, connect, emitWithAck, joinAs, postJson, startServer, type ClientSocket, type TestServer } from './helpers';
import { cast, kioskLinks, kioskToken, ok, openPayload, resultsWhere, voteRoom } from './voteFixtures';

const lines: string[] = [];
let server: TestServer;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  server = await startServer({ logger: pino({ level: 'trace' }, sink) });
});
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await server.close();
});

/** Everything a socket receives, as text: events (snapshots included) and acks. */
function record(socket: ClientSocket, into: string[]): void {
  socket.onAny((event: string, ...args: unknown[]) => into.push(`${event} ${JSON.stringify(args)}`));
}

async function fetchText(url: string, init: RequestInit = {}): Promise<string> {
  const response = await fetch(url, init);
  return `${response.status} ${await response.text()}`;
}

describe('vote privacy', () => {
  it('no REST route, socket event, ack or log line a facilitator, a screen, a kiosk or a resident can reach pairs a participant with a choice', async () => {
    const room = await voteRoom(server.url, sockets, 3);
    const { workshop } = room;
    const seenByStaff: string[] = [];
    const seenByKiosk: string[] = [];
    const seenByResident: string[] = [];
    record(room.facilitator.socket, seenByStaff);
    record(room.screen.socket, seenByStaff);
    seenByStaff.push(JSON.stringify(room.facilitator.snapshot), JSON.stringify(room.screen.snapshot));

    const links = await kioskLinks(server.url, workshop);
    const kiosk = await connect(server.url, { role: 'kiosk', workshopId: workshop.id, token: kioskToken(links[1]!) });
    sockets.push(kiosk.socket);
    record(kiosk.socket, seenByKiosk);

    // The observer: a resident who votes too, and looks at everything they receive.
    const observerJoin = await joinAs(server.url, workshop.sites[2]!.joinCode, 'Hibou curieux');
    const observer = await connect(server.url, { role: 'participant', token: observerJoin.participantToken });
    sockets.push(observer.socket);
    record(observer.socket, seenByResident);

    const acks: string[] = [];
    const facilitatorSays = async (event: string, payload: unknown) => {
      const ack = await emitWithAck(room.facilitator.socket, event, payload);
      acks.push(JSON.stringify(ack));
      return ack;
    };
    await facilitatorSays('matrix:place', { ideaId: room.ideaIds[0], easy: 80, priority: 80 });
    await facilitatorSays('matrix:axes', { easy: 'Facile', priority: 'Prioritaire' });
    const round = ok<{ id: string }>(await facilitatorSays('vote:open', openPayload({ budget: 2 })));

    // Voters: the author (site 0), two more residents at site 0, one lone resident at site 1, two people at the kiosk (site 1).
    const voterIds: string[] = [room.author.participantId];
    const gommetteIds: string[] = [];
    const phones: ClientSocket[] = [room.author.socket];
    for (const site of [0, 0, 1]) {
      const joined = await joinAs(server.url, workshop.sites[site]!.joinCode, 'Renard discret');
      const phone = await connect(server.url, { role: 'participant', token: joined.participantToken });
      sockets.push(phone.socket);
      phones.push(phone.socket);
      voterIds.push(joined.participant.id);
    }
    const loneResults = resultsWhere(room.screen.socket, (seen) => seen.sites[1]!.phoneVoters === 1);
    for (const [index, phone] of phones.entries()) {
      const id = clientId();
      gommetteIds.push(id);
      ok(await cast(phone, round.id, room.ideaIds[index % 3]!, id));
    }
    // The lone resident of site 1 is not exposed while the round is open: their gommette is in the
    // totals at once (nothing is added at the close), so no site is shown apart, not even site 0.
    const whileOpen: VoteResults = await loneResults;
    expect(whileOpen.sites.map((site) => site.ideas)).toEqual([null, null, null]);
    expect((whileOpen.ranking ?? []).reduce((sum, row) => sum + row.digital, 0)).toBe(4);

    const kioskVoterIds = [clientId(), clientId()];
    for (const voterId of kioskVoterIds) {
      ok(await emitWithAck(kiosk.socket, 'kiosk:next', { voterId }));
      const id = clientId();
      gommetteIds.push(id);
      ok(await cast(kiosk.socket, round.id, room.ideaIds[1]!, id, voterId));
    }
    const takeBackId = clientId();
    ok(await emitWithAck(phones[1]!, 'vote:takeBack', { id: takeBackId, roundId: round.id, gommetteId: gommetteIds[1] }));
    ok(await cast(observer.socket, round.id, room.ideaIds[2]!));
    await facilitatorSays('vote:paper', { roundId: round.id, siteId: workshop.sites[2]!.id, counts: { [room.ideaIds[0]!]: 4 } });
    await facilitatorSays('vote:close', { roundId: round.id });
    await facilitatorSays('vote:reveal', { roundId: round.id });

    // Late connections see the closed round in their snapshots.
    const lateStaff = await Promise.all([
      connect(server.url, { role: 'facilitator', workshopId: workshop.id, token: workshop.facilitatorToken }),
      connect(server.url, { role: 'screen', workshopId: workshop.id, token: workshop.screenToken }),
    ]);
    const lateResident = await connect(server.url, { role: 'participant', token: observerJoin.participantToken });
    sockets.push(...lateStaff.map((late) => late.socket), lateResident.socket);
    seenByStaff.push(...lateStaff.map((late) => JSON.stringify(late.snapshot)));
    seenByResident.push(JSON.stringify(lateResident.snapshot));

    // Every REST route a facilitator or a resident can reach.
    const rest = await Promise.all([
      fetchText(`${server.url}/api/workshops/${workshop.id}`, { headers: { authorization: `Bearer ${workshop.facilitatorToken}` } }),
      fetchText(`${server.url}/api/workshops/${workshop.id}/kiosks`, { headers: { authorization: `Bearer ${workshop.facilitatorToken}` } }),
      fetchText(`${server.url}/api/join/${workshop.sites[1]!.joinCode}`),
      fetchText(`${server.url}/api/sites/${workshop.sites[1]!.joinCode}/qr.svg`),
      fetchText(`${server.url}/healthz`),
    ]);
    // The resident's own routes: their card gives back their own seat, nobody else's.
    seenByResident.push(JSON.stringify(await postJson(`${server.url}/api/participants/resume`, { cardCode: observerJoin.cardCode })));
    await new Promise((resolve) => setTimeout(resolve, 700));

    const staffText = [...seenByStaff, ...acks, ...rest].join('\n');
    const kioskText = seenByKiosk.join('\n');
    const residentText = seenByResident.join('\n');
    const log = lines.join('');
    expect(seenByStaff.some((line) => line.startsWith('vote:results'))).toBe(true);
    expect(seenByResident.some((line) => line.startsWith('vote:results'))).toBe(true);
    expect(seenByKiosk.some((line) => line.startsWith('vote:results'))).toBe(true);
    // Other voters' ids, their gommettes and take-backs reach nobody else, and never the logs.
    for (const secret of [...voterIds, ...kioskVoterIds, ...gommetteIds, takeBackId]) {
      expect(staffText).not.toContain(secret);
      expect(residentText).not.toContain(secret);
      expect(log).not.toContain(secret);
    }
    for (const secret of [...voterIds, ...gommetteIds.slice(0, 4), takeBackId]) expect(kioskText).not.toContain(secret);
    for (const secret of ['Renard discret', 'Hibou curieux']) {
      expect(staffText).not.toContain(secret);
      expect(log).not.toContain(secret);
    }
    // Aggregates do arrive after the close; the lone site is still never shown apart.
    const finalResults = seenByStaff.filter((line) => line.startsWith('vote:results')).at(-1)!;
    expect(finalResults).toContain('"closed":true');
    expect(finalResults).not.toContain('heldBack');
  });
});
