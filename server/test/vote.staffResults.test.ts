import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VoteResults } from '@gommette/shared';
import { connect, emitWithAck, type ClientSocket, type TestServer, startServer } from './helpers';
import { facilitatorRoom } from '../src/realtime/rooms';
import { cast, ok, openRound, phoneAt, resultsWhere, voteRoom } from './voteFixtures';

let server: TestServer;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await server.close();
});

const tokenOf = (url: string): string => new URL(url).hash.slice(3);

/** Issue 20, item 3: staff live results follow the projector's privacy rule. */
describe('staff live results', () => {
  it('facilitator, helper and observer get what the projector gets: hidden means hidden, no split of a lone voter, same numbers', async () => {
    const room = await voteRoom(server.url, sockets, 3);
    const { workshop } = room;
    const helper = await connect(server.url, { role: 'helper', workshopId: workshop.id, token: tokenOf(workshop.helperUrl) });
    const observer = await connect(server.url, { role: 'observer', workshopId: workshop.id, token: tokenOf(workshop.observerUrl) });
    sockets.push(helper.socket, observer.socket);
    const staff = [room.facilitator.socket, helper.socket, observer.socket];
    // Helpers and observers do not share the facilitator's room.
    const inFacilitatorRoom = (await server.app.io.in(facilitatorRoom(workshop.id)).fetchSockets()).map((socket) => socket.id);
    expect(inFacilitatorRoom).toContain(room.facilitator.socket.id);
    expect(inFacilitatorRoom).not.toContain(helper.socket.id);
    expect(inFacilitatorRoom).not.toContain(observer.socket.id);

    // Hidden results: a tap at site B tells staff nothing about which idea was chosen.
    const hidden = await openRound(room, { results: 'hidden', budget: 1 });
    const lone = await phoneAt(server.url, workshop.sites[1]!.joinCode, sockets);
    const afterTap = (socket: ClientSocket) => resultsWhere(socket, (results) => results.roundId === hidden.id && results.voters === 1);
    const seenHidden = Promise.all(staff.map(afterTap));
    ok(await cast(lone.socket, hidden.id, room.ideaIds[0]!));
    for (const results of await seenHidden) {
      expect(results.ranking).toBeNull();
      expect(results.sites.every((site) => site.ideas === null)).toBe(true);
    }
    const late = await connect(server.url, { role: 'observer', workshopId: workshop.id, token: tokenOf(workshop.observerUrl) });
    sockets.push(late.socket);
    expect(late.snapshot.vote?.results?.ranking ?? null).toBeNull();
    ok(await emitWithAck(room.facilitator.socket, 'vote:close', { roundId: hidden.id }));

    // Live results: staff get the projector's results, the lone voter's site merged.
    const live = await openRound(room, { results: 'live', budget: 1 });
    const voted = (socket: ClientSocket) => resultsWhere(socket, (results) => results.roundId === live.id && results.voters === 1);
    const seen = Promise.all([room.screen.socket, ...staff].map(voted));
    ok(await cast(lone.socket, live.id, room.ideaIds[1]!));
    const [projector, ...staffResults] = (await seen) as [VoteResults, ...VoteResults[]];
    expect(projector.sites[1]!.ideas).toBeNull();
    for (const results of staffResults) expect(results).toEqual(projector);
  });
});
