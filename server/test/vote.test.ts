import { describe, expect, it } from 'vitest';
import { VoteErrorCode, type Ack, type MatrixView, type MyVotes, type VoteResults } from '@gommette/shared';
import { clientId, connect, emitWithAck, joinAs, postJson, startServer, tempDataDir, removeDataDir, useServer, type ClientSocket } from './helpers';
import { cast, kioskLinks, kioskToken, ok, openPayload, openRound, phoneAt, resultsWhere, roundWhere, totalOf, voteRoom } from './voteFixtures';

const live = useServer();
const { sockets } = live;

describe('vote rounds', () => {
  it('sends the round and its ideas (never their authors) to phones, live and in the snapshot', async () => {
    const room = await voteRoom(live.url, sockets);
    const other = await phoneAt(live.url, room.workshop.sites[1]!.joinCode, sockets);
    const announced = roundWhere(other.socket, (round) => round.status === 'open');
    const round = await openRound(room);
    const seen = await announced;
    expect(seen.ideas.map((idea) => idea.id)).toEqual(room.ideaIds);
    expect(JSON.stringify(seen)).not.toContain(room.author.participantId);
    const late = await phoneAt(live.url, room.workshop.sites[2]!.joinCode, sockets);
    expect(late.snapshot.vote?.round?.id).toBe(round.id);
    expect(late.snapshot.vote?.round?.ideas).toHaveLength(3);
    expect(late.snapshot.vote?.mine).toEqual({ roundId: round.id, gommettes: [], version: 0 });
    // One round at a time.
    const second = (await emitWithAck(room.facilitator.socket, 'vote:open', openPayload())) as Ack<unknown>;
    expect(second).toMatchObject({ ok: false, code: VoteErrorCode.RoundOpen });
    // Only the facilitator opens rounds.
    expect(await emitWithAck(other.socket, 'vote:open', openPayload())).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('refuses a gommette on an idea hidden after the round opened, though the server already knows that idea from a tap', async () => {
    const room = await voteRoom(live.url, sockets);
    const first = await phoneAt(live.url, room.workshop.sites[1]!.joinCode, sockets);
    const second = await phoneAt(live.url, room.workshop.sites[2]!.joinCode, sockets);
    const round = await openRound(room);
    ok(await cast(first.socket, round.id, room.ideaIds[0]!));
    ok(await emitWithAck(room.facilitator.socket, 'idea:hide', { ideaId: room.ideaIds[0]!, hidden: true }));
    const refused = (await cast(second.socket, round.id, room.ideaIds[0]!)) as Ack<MyVotes>;
    expect(refused.ok ? null : refused.code).toBe(VoteErrorCode.NotInRound);
    ok(await cast(second.socket, round.id, room.ideaIds[1]!));
  });

  it('never over-spends under concurrent taps from one resident on several devices, and at the budget edge for many', async () => {
    const room = await voteRoom(live.url, sockets);
    const round = await openRound(room, { budget: 3, stacking: true });
    const joined = await joinAs(live.url, room.workshop.sites[0]!.joinCode);
    const resumed = await postJson<{ participantToken: string }>(`${live.url}/api/participants/resume`, { cardCode: joined.cardCode });
    const devices = await Promise.all(
      [joined.participantToken, resumed.body.participantToken].map((token) => connect(live.url, { role: 'participant', token })),
    );
    sockets.push(...devices.map((device) => device.socket));
    const taps = await Promise.all(Array.from({ length: 12 }, (_, index) => cast(devices[index % 2]!.socket, round.id, room.ideaIds[index % 3]!)));
    expect(taps.filter((ack) => (ack as Ack<unknown>).ok)).toHaveLength(3);
    expect(taps.filter((ack) => !(ack as Ack<unknown>).ok).every((ack) => (ack as { code: string }).code === VoteErrorCode.BudgetSpent)).toBe(true);

    const phones = await Promise.all(Array.from({ length: 15 }, (_, index) => phoneAt(live.url, room.workshop.sites[index % 3]!.joinCode, sockets)));
    const final = resultsWhere(room.screen.socket, (results) => results.voters === 16);
    const storm = await Promise.all(phones.flatMap((phone) => Array.from({ length: 5 }, (_, index) => cast(phone.socket, round.id, room.ideaIds[index % 3]!))));
    expect(storm.filter((ack) => (ack as Ack<unknown>).ok)).toHaveLength(15 * 3);
    expect((await final).ranking?.reduce((sum, row) => sum + row.total, 0)).toBe(16 * 3);
  });

  it('counts a gommette once however often it is resent, from any device, and acks the resend', async () => {
    const room = await voteRoom(live.url, sockets);
    const round = await openRound(room);
    const phone = await phoneAt(live.url, room.workshop.sites[1]!.joinCode, sockets);
    const id = clientId();
    const seenOnce = resultsWhere(room.screen.socket, (seen) => seen.voters === 1 && seen.version >= 1);
    const acks = await Promise.all(Array.from({ length: 20 }, () => cast(phone.socket, round.id, room.ideaIds[0]!, id)));
    expect(acks.every((ack) => (ack as Ack<MyVotes>).ok)).toBe(true);
    expect(ok<MyVotes>(acks[0]).gommettes).toEqual([{ id, ideaId: room.ideaIds[0] }]);
    const results = await seenOnce;
    expect(results.version).toBe(1);
    // Someone else reusing that id is refused; nothing is counted.
    const thief = await phoneAt(live.url, room.workshop.sites[1]!.joinCode, sockets);
    expect(await cast(thief.socket, round.id, room.ideaIds[0]!, id)).toMatchObject({ ok: false, code: 'conflict' });
    // Take-back: once, whatever the resends, and the budget comes back.
    const takeBackId = clientId();
    const seenAfter = resultsWhere(room.screen.socket, (seen) => seen.voters === 0 && seen.version >= 2);
    const back = await Promise.all(
      Array.from({ length: 5 }, () => emitWithAck(phone.socket, 'vote:takeBack', { id: takeBackId, roundId: round.id, gommetteId: id })),
    );
    expect(back.every((ack) => (ack as Ack<MyVotes>).ok && (ack as { data: MyVotes }).data.gommettes.length === 0)).toBe(true);
    const after = await seenAfter;
    expect(after.version).toBe(2);
  });

  it('refuses gommettes and take-backs with a clear code once the round is closed, and closes at its time', async () => {
    const room = await voteRoom(live.url, sockets);
    const round = await openRound(room);
    const phone = await phoneAt(live.url, room.workshop.sites[0]!.joinCode, sockets);
    const kept = clientId();
    ok(await cast(phone.socket, round.id, room.ideaIds[1]!, kept));
    const closing = roundWhere(phone.socket, (seen) => seen.status === 'closed');
    ok(await emitWithAck(room.facilitator.socket, 'vote:close', { roundId: round.id }));
    expect((await closing).closedAt).not.toBeNull();
    expect(await cast(phone.socket, round.id, room.ideaIds[0]!)).toMatchObject({ ok: false, code: VoteErrorCode.RoundClosed });
    expect(await emitWithAck(phone.socket, 'vote:takeBack', { id: clientId(), roundId: round.id, gommetteId: kept })).toMatchObject({
      ok: false,
      code: VoteErrorCode.RoundClosed,
    });
    // A resend of a gommette acked before the close is still acked (never lost, never doubled).
    expect(ok<MyVotes>(await cast(phone.socket, round.id, room.ideaIds[1]!, kept)).gommettes).toHaveLength(1);

    const timed = await openRound(room, { closesAt: Date.now() + 700 });
    const closedRound = roundWhere(room.screen.socket, (seen) => seen.id === timed.id && seen.status === 'closed', 3000);
    const finalResults = resultsWhere(room.screen.socket, (seen) => seen.roundId === timed.id && seen.closed, 3000);
    ok(await cast(phone.socket, timed.id, room.ideaIds[0]!));
    const closed = await closedRound;
    expect(closed.closedAt).toBeGreaterThanOrEqual(timed.closesAt!);
    expect(totalOf(await finalResults, room.ideaIds[0]!)).toBe(1);
    expect(await cast(phone.socket, timed.id, room.ideaIds[1]!)).toMatchObject({ ok: false, code: VoteErrorCode.RoundClosed });
  });

  it('re-arms a round’s closing timer after a restart', async () => {
    const dataDir = tempDataDir();
    const first = await startServer({ dataDir });
    const track: ClientSocket[] = [];
    const room = await voteRoom(first.url, track);
    // Time enough for a stop and a start on a busy machine: the round must still be open after them.
    const round = await openRound(room, { closesAt: Date.now() + 4000 });
    for (const socket of track) socket.close();
    await first.close();
    const second = await startServer({ dataDir });
    try {
      const screen = await connect(second.url, { role: 'screen', workshopId: room.workshop.id, token: room.workshop.screenToken });
      sockets.push(screen.socket);
      expect(screen.snapshot.vote?.round).toMatchObject({ id: round.id, status: 'open' });
      const closed = await roundWhere(screen.socket, (seen) => seen.id === round.id && seen.status === 'closed', 8000);
      expect(closed.closedAt).toBeGreaterThanOrEqual(round.closesAt!);
    } finally {
      await second.close();
      removeDataDir(dataDir);
    }
  });

  it('applies the self-vote rule and the cap per idea', async () => {
    const room = await voteRoom(live.url, sockets);
    const round = await openRound(room, { selfVote: false, stacking: true, capPerIdea: 2, budget: 4 });
    expect(await cast(room.author.socket, round.id, room.ideaIds[0]!)).toMatchObject({ ok: false, code: VoteErrorCode.OwnIdea });
    const phone = await phoneAt(live.url, room.workshop.sites[0]!.joinCode, sockets);
    ok(await cast(phone.socket, round.id, room.ideaIds[0]!));
    ok(await cast(phone.socket, round.id, room.ideaIds[0]!));
    expect(await cast(phone.socket, round.id, room.ideaIds[0]!)).toMatchObject({ ok: false, code: VoteErrorCode.CapReached });
  });

  it('keeps results hidden from the public until the round is closed and revealed', async () => {
    const room = await voteRoom(live.url, sockets);
    const round = await openRound(room, { results: 'hidden' });
    const phones = await Promise.all([0, 0, 0].map((site) => phoneAt(live.url, room.workshop.sites[site]!.joinCode, sockets)));
    const publicResults = resultsWhere(room.screen.socket, (seen) => seen.voters === 3);
    const consoleResults = resultsWhere(room.facilitator.socket, (seen) => seen.voters === 3);
    for (const phone of phones) ok(await cast(phone.socket, round.id, room.ideaIds[2]!));
    expect((await publicResults).ranking).toBeNull();
    // Issue 20, item 3: hidden means hidden for the console too (it followed each tap before).
    expect((await consoleResults).ranking).toBeNull();
    expect(await emitWithAck(room.facilitator.socket, 'vote:reveal', { roundId: round.id })).toMatchObject({ ok: false, code: VoteErrorCode.RoundOpen });
    ok(await emitWithAck(room.facilitator.socket, 'vote:close', { roundId: round.id }));
    const revealed = resultsWhere(room.screen.socket, (seen) => seen.ranking !== null);
    const revealedOnConsole = resultsWhere(room.facilitator.socket, (seen) => seen.ranking !== null);
    const revealedRound = roundWhere(room.screen.socket, (seen) => seen.revealedAt !== null);
    ok(await emitWithAck(room.facilitator.socket, 'vote:reveal', { roundId: round.id }));
    expect(totalOf(await revealed, room.ideaIds[2]!)).toBe(3);
    expect((await revealedOnConsole).ranking?.[0]).toMatchObject({ ideaId: room.ideaIds[2], rank: 1 });
    expect((await revealedRound).status).toBe('closed');
  });
});

describe('kiosks, paper and several sites', () => {
  it('gives each person at a kiosk a fresh budget, counts kiosk voters per site, and adds paper counts', async () => {
    const room = await voteRoom(live.url, sockets);
    const round = await openRound(room, { budget: 2 });
    const links = await kioskLinks(live.url, room.workshop);
    expect(links.map((link) => link.siteId)).toEqual(room.workshop.sites.map((site) => site.id));
    const link = links[1]!;
    const kiosk = await connect(live.url, { role: 'kiosk', workshopId: room.workshop.id, token: kioskToken(link) });
    sockets.push(kiosk.socket);
    expect(kiosk.snapshot.vote?.round?.id).toBe(round.id);
    for (const person of [0, 1, 2]) {
      const voterId = clientId();
      expect(ok<MyVotes>(await emitWithAck(kiosk.socket, 'kiosk:next', { voterId }))).toMatchObject({ voterId, gommettes: [] });
      ok(await cast(kiosk.socket, round.id, room.ideaIds[person]!, clientId(), voterId));
      const second = ok<MyVotes>(await cast(kiosk.socket, round.id, room.ideaIds[person === 0 ? 1 : 0]!, clientId(), voterId));
      expect(second.gommettes).toHaveLength(2);
      expect(await cast(kiosk.socket, round.id, room.ideaIds[2]!, clientId(), voterId)).toMatchObject({ ok: false, code: VoteErrorCode.BudgetSpent });
    }
    // A kiosk without a voter, or with another site's voter, cannot vote.
    expect(await cast(kiosk.socket, round.id, room.ideaIds[0]!)).toMatchObject({ ok: false, code: 'forbidden' });
    const otherKiosk = await connect(live.url, { role: 'kiosk', workshopId: room.workshop.id, token: kioskToken(links[2]!) });
    sockets.push(otherKiosk.socket);
    const stranger = clientId();
    ok(await emitWithAck(kiosk.socket, 'kiosk:next', { voterId: stranger }));
    expect(await cast(otherKiosk.socket, round.id, room.ideaIds[0]!, clientId(), stranger)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await emitWithAck(otherKiosk.socket, 'kiosk:next', { voterId: stranger })).toMatchObject({ ok: false, code: 'conflict' });
    // A phone cannot borrow a kiosk voter: its gommette counts as its own.
    const phone = await phoneAt(live.url, room.workshop.sites[0]!.joinCode, sockets);
    ok(await cast(phone.socket, round.id, room.ideaIds[1]!, clientId(), stranger));

    const screenResults = resultsWhere(room.screen.socket, (seen) => seen.voters === 4 && totalOf(seen, room.ideaIds[2]!) === 8);
    const paper = ok<VoteResults>(
      await emitWithAck(room.facilitator.socket, 'vote:paper', { roundId: round.id, siteId: room.workshop.sites[2]!.id, counts: { [room.ideaIds[2]!]: 7 } }),
    );
    expect(paper.sites[2]?.paper).toEqual({ [room.ideaIds[2]!]: 7 });
    const results = await screenResults;
    expect(results.sites[1]).toMatchObject({ siteId: room.workshop.sites[1]!.id, kioskVoters: 3, phoneVoters: 0, voters: 3 });
    expect(results.ranking?.find((row) => row.ideaId === room.ideaIds[2])).toMatchObject({ paper: 7, digital: 1, total: 8 });
    // Kiosk links need the facilitator's token; a wrong kiosk token opens nothing.
    expect((await fetch(`${live.url}/api/workshops/${room.workshop.id}/kiosks`)).status).toBe(401);
    await expect(connect(live.url, { role: 'kiosk', workshopId: room.workshop.id, token: 'x'.repeat(43) })).rejects.toThrow();
  });

  it('coalesces results: a burst of gommettes makes a handful of broadcasts, not one per gommette', async () => {
    const room = await voteRoom(live.url, sockets);
    const round = await openRound(room);
    const phones = await Promise.all(Array.from({ length: 30 }, (_, index) => phoneAt(live.url, room.workshop.sites[index % 3]!.joinCode, sockets)));
    let screenResults = 0;
    let phoneResults = 0;
    room.screen.socket.on('vote:results', () => screenResults++);
    phones[0]!.socket.on('vote:results', () => phoneResults++);
    const started = Date.now();
    const onScreen = resultsWhere(room.screen.socket, (seen) => seen.voters === 30);
    await Promise.all(phones.flatMap((phone) => room.ideaIds.map((ideaId) => cast(phone.socket, round.id, ideaId))));
    await onScreen;
    const elapsedS = (Date.now() - started) / 1000;
    expect(screenResults).toBeLessThan(90);
    expect(screenResults).toBeLessThanOrEqual(Math.ceil(elapsedS * 10) + 2);
    // The phones show results once the round is closed: one message then, none during the burst.
    const onPhone = resultsWhere(phones[0]!.socket, (seen) => seen.closed && seen.voters === 30);
    ok(await emitWithAck(room.facilitator.socket, 'vote:close', { roundId: round.id }));
    await onPhone;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(phoneResults).toBe(1);
  });
});

describe('matrix', () => {
  it('stores placements and axes, shows them to screens, and sends the easy-and-priority quadrant to a round', async () => {
    const room = await voteRoom(live.url, sockets, 4);
    expect(room.screen.snapshot.vote?.matrix).toEqual({ axes: { easy: '', priority: '' }, placements: [] });
    const changed = new Promise<MatrixView>((resolve) =>
      room.screen.socket.on('matrix:changed', (matrix) => matrix.placements.length === 4 && resolve(matrix)),
    );
    const spots = [
      [80, 90],
      [20, 90],
      [60, 55],
      [90, 10],
    ];
    for (const [index, [easy, priority]] of spots.entries()) {
      ok(await emitWithAck(room.facilitator.socket, 'matrix:place', { ideaId: room.ideaIds[index]!, easy, priority }));
    }
    expect((await changed).placements).toHaveLength(4);
    const axes = ok<MatrixView>(await emitWithAck(room.facilitator.socket, 'matrix:axes', { easy: '  Facile à faire ', priority: 'Urgent' }));
    expect(axes.axes).toEqual({ easy: 'Facile à faire', priority: 'Urgent' });
    // Residents place only during a matrix step (server/test/matrix.test.ts); this workshop has no steps.
    expect(await emitWithAck(room.author.socket, 'matrix:place', { ideaId: room.ideaIds[0]!, easy: 1, priority: 1 })).toMatchObject({
      ok: false,
      code: 'phase_closed',
    });
    const round = await openRound(room, { ideas: { from: 'quadrant' } });
    expect(round.ideaIds).toEqual([room.ideaIds[0], room.ideaIds[2]]);
    ok(await emitWithAck(room.facilitator.socket, 'vote:close', { roundId: round.id }));
    const listed = await openRound(room, { ideas: { from: 'list', ideaIds: [room.ideaIds[3]!, room.ideaIds[1]!] } });
    expect(listed.ideaIds).toEqual([room.ideaIds[3], room.ideaIds[1]]);
  });
});
