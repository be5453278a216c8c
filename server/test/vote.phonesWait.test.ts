/**
 * A burst of taps comes first: while the node is answering many commands, the projector still
 * gets each commit's results at once, and the phones' totals wait until the node is less busy.
 */
import { describe, expect, it } from 'vitest';
import type { VoteResults } from '@gommette/shared';
import { CommandBacklog } from '../src/realtime/CommandBacklog';
import { useServer } from './helpers';
import { cast, ok, openRound, phoneAt, resultsWhere, totalOf, voteRoom } from './voteFixtures';

const backlog = new CommandBacklog();
const live = useServer({ backlog });
const { sockets } = live;

describe("the phones' results during a burst", () => {
  it('wait while the node answers many taps, then come; the projector does not wait', async () => {
    const room = await voteRoom(live.url, sockets);
    const phone = await phoneAt(live.url, room.workshop.sites[1]!.joinCode, sockets);
    const opening = resultsWhere(phone.socket, () => true);
    const round = await openRound(room);
    await opening;
    const seen: VoteResults[] = [];
    phone.socket.on('vote:results', (results) => seen.push(results));

    // Sixty commands in progress on this node (fewer than load shedding needs): a burst.
    const burst = Array.from({ length: 60 }, () => backlog.begin());
    const onProjector = resultsWhere(room.screen.socket, (results) => totalOf(results, room.ideaIds[0]!) === 1, 1_500);
    ok(await cast(phone.socket, round.id, room.ideaIds[0]!));
    await onProjector;
    // The phones' interval (2 s) has passed: still nothing while the burst lasts.
    await new Promise((resolve) => setTimeout(resolve, 2_800));
    expect(seen).toEqual([]);

    const onPhone = resultsWhere(phone.socket, (results) => totalOf(results, room.ideaIds[0]!) === 1, 1_500);
    for (const done of burst) done();
    await onPhone;
  });
});
