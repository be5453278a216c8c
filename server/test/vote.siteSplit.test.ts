import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientId, connect, emitWithAck, type ClientSocket, type TestServer, startServer } from './helpers';
import { cast, kioskLinks, kioskToken, ok, openRound, phoneAt, resultsWhere, totalOf, voteRoom } from './voteFixtures';

let server: TestServer;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await server.close();
});

describe('per-site splits after the close (issue 19)', () => {
  it('a lone voter at site B has no "B : 1" split on the projector nor the console once the vote closes', async () => {
    const room = await voteRoom(server.url, sockets, 3);
    const { workshop } = room;
    const round = await openRound(room, { budget: 1 });
    const siteB = workshop.sites[1]!;
    const siteC = workshop.sites[2]!;

    // One phone at site B, two kiosk voters at site C.
    const lone = await phoneAt(server.url, siteB.joinCode, sockets);
    ok(await cast(lone.socket, round.id, room.ideaIds[0]!));
    const links = await kioskLinks(server.url, workshop);
    const linkC = links.find((link) => link.siteId === siteC.id)!;
    const kiosk = await connect(server.url, { role: 'kiosk', workshopId: workshop.id, token: kioskToken(linkC) });
    sockets.push(kiosk.socket);
    for (const ideaId of [room.ideaIds[1]!, room.ideaIds[2]!]) {
      const voterId = clientId();
      ok(await emitWithAck(kiosk.socket, 'kiosk:next', { voterId }));
      ok(await cast(kiosk.socket, round.id, ideaId, clientId(), voterId));
    }

    const closedOn = (socket: ClientSocket) => resultsWhere(socket, (results) => results.roundId === round.id && results.closed);
    const seen = Promise.all([closedOn(room.screen.socket), closedOn(room.facilitator.socket)]);
    ok(await emitWithAck(room.facilitator.socket, 'vote:close', { roundId: round.id }));
    for (const results of await seen) {
      const b = results.sites.find((site) => site.siteId === siteB.id)!;
      const c = results.sites.find((site) => site.siteId === siteC.id)!;
      expect(b.voters).toBe(1);
      expect(b.ideas).toBeNull();
      expect(c.ideas).toBeNull();
      // Their gommettes count in the total (the pool of B and C has 3 voters together).
      expect(room.ideaIds.map((ideaId) => totalOf(results, ideaId))).toEqual([1, 1, 1]);
    }
  });
});
