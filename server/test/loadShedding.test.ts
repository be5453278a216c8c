/**
 * Load shedding: when the node is behind (enough commands in progress, the oldest waiting too
 * long), a phone's idea or gommette is answered at once with `rate_limited` and `retryAfterMs`;
 * staff commands still go through; once the backlog clears, the same command is taken.
 */
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@gommette/shared';
import { CommandBacklog } from '../src/realtime/CommandBacklog';
import { clientId, emitWithAck, useServer } from './helpers';
import { cast, ok, openRound, voteRoom } from './voteFixtures';

let clock = 1_000_000;
const backlog = new CommandBacklog(() => clock, { shedAfterMs: 2_000, minCommands: 2 });
const live = useServer({ backlog });
const { sockets } = live;

describe('CommandBacklog', () => {
  it('sheds only when enough commands wait and the oldest has waited too long', () => {
    let now = 0;
    const own = new CommandBacklog(() => now, { shedAfterMs: 2_000, minCommands: 2 });
    const first = own.begin();
    now = 5_000;
    expect(own.retryAfterMs()).toBeNull(); // one command, however old
    const second = own.begin();
    expect(own.retryAfterMs()).toBe(5_000);
    first();
    expect(own.retryAfterMs()).toBeNull(); // the oldest left; the next one is fresh
    now = 500_000;
    own.begin();
    expect(own.retryAfterMs()).toBe(30_000); // capped
    second();
    expect(own.size).toBe(1);
    expect(own.shed).toBe(2);
  });
});

describe('load shedding', () => {
  it("answers phones' ideas and gommettes with retryAfterMs while the node is behind, not the console", async () => {
    const room = await voteRoom(live.url, sockets);
    const round = await openRound(room);
    // Two commands stuck for 3 s.
    const stuck = [backlog.begin(), backlog.begin()];
    clock += 3_000;
    const gommette = clientId();
    const refused = (await cast(room.author.socket, round.id, room.ideaIds[0]!, gommette)) as { ok: false; code: string; retryAfterMs?: number };
    expect(refused).toMatchObject({ ok: false, code: ErrorCode.RateLimited });
    expect(refused.retryAfterMs).toBe(3_000);
    expect(await emitWithAck(room.author.socket, 'idea:post', { id: clientId(), text: 'Une idée de plus' })).toMatchObject({
      ok: false,
      code: ErrorCode.RateLimited,
    });
    // The console is not shed.
    expect(await emitWithAck(room.facilitator.socket, 'vote:close', { roundId: round.id })).toMatchObject({ ok: true });
    for (const done of stuck) done();
    // Caught up: the same gommette id is taken (the round is closed now: a domain answer, not a shed).
    const again = (await cast(room.author.socket, round.id, room.ideaIds[0]!, gommette)) as { ok: boolean; code?: string };
    expect(again.code).not.toBe(ErrorCode.RateLimited);
    ok(await emitWithAck(room.author.socket, 'idea:post', { id: clientId(), text: 'Une idée enfin reçue' }));
  });
});
