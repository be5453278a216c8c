/**
 * A phone shows the results once the round is closed, never while it is open (issue 17, "quiet
 * phones"): it is sent none before, however many taps the projector shows live, and the final
 * ones as soon as the round closes, then any later change (paper gommettes typed in).
 */
import { describe, expect, it } from 'vitest';
import { emitWithAck, useServer } from './helpers';
import { cast, ok, openRound, phoneAt, resultsWhere, totalOf, voteRoom } from './voteFixtures';

const live = useServer();
const { sockets } = live;

describe("a phone's results", () => {
  it('none while the round is open, the final ones when it closes, then paper counts', async () => {
    const room = await voteRoom(live.url, sockets);
    const phone = await phoneAt(live.url, room.workshop.sites[1]!.joinCode, sockets);
    const phoneResults: number[] = [];
    phone.socket.on('vote:results', (results) => phoneResults.push(totalOf(results, room.ideaIds[0]!) ?? -1));
    const round = await openRound(room);

    const onProjector = resultsWhere(room.screen.socket, (results) => totalOf(results, room.ideaIds[0]!) === 2, 1_500);
    ok(await cast(phone.socket, round.id, room.ideaIds[0]!));
    ok(await cast(room.author.socket, round.id, room.ideaIds[0]!));
    await onProjector;
    // Past the phones' interval (2 s): still nothing on the phone, and a phone joining now has none in its snapshot.
    await new Promise((resolve) => setTimeout(resolve, 2_300));
    expect(phoneResults).toEqual([]);
    const late = await phoneAt(live.url, room.workshop.sites[0]!.joinCode, sockets);
    expect(late.snapshot.vote?.round?.id).toBe(round.id);
    expect(late.snapshot.vote?.results).toBeNull();

    const final = resultsWhere(phone.socket, (results) => results.closed && totalOf(results, room.ideaIds[0]!) === 2, 1_500);
    ok(await emitWithAck(room.facilitator.socket, 'vote:close', { roundId: round.id }));
    await final;
    const paper = resultsWhere(phone.socket, (results) => totalOf(results, room.ideaIds[0]!) === 5, 4_000);
    ok(await emitWithAck(room.facilitator.socket, 'vote:paper', { roundId: round.id, siteId: room.workshop.sites[0]!.id, counts: { [room.ideaIds[0]!]: 3 } }));
    await paper;
    const after = await phoneAt(live.url, room.workshop.sites[0]!.joinCode, sockets);
    expect(after.snapshot.vote?.results?.closed).toBe(true);
  });
});
