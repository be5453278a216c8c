import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inject } from 'vitest';
import { connectCluster, type Cluster } from './redis';
import { PRESENCE_WRITE_MS, RedisPresence } from './RedisPresence';

const logger = { error: vi.fn() };
const opened: Cluster[] = [];

async function twoNodes(): Promise<[Cluster, Cluster]> {
  const prefix = `test-presence-${randomBytes(6).toString('hex')}`;
  const nodes: [Cluster, Cluster] = [await connectCluster(inject('redisUrl'), { prefix }), await connectCluster(inject('redisUrl'), { prefix })];
  opened.push(...nodes);
  return nodes;
}

const written = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, PRESENCE_WRITE_MS * 3));

afterEach(async () => {
  for (const cluster of opened.splice(0)) {
    const keys = await cluster.redis.keys(`${cluster.prefix}:*`).catch(() => [] as string[]);
    if (keys.length > 0) await cluster.redis.del(keys).catch(() => undefined);
    await cluster.close().catch(() => undefined);
  }
});

describe('RedisPresence', () => {
  it("gathers every live node's participants, a person on two nodes once, and a node's own at once", async () => {
    const [a, b] = await twoNodes();
    const onA = new RedisPresence(a, logger);
    const onB = new RedisPresence(b, logger);
    onA.add('w1', 'p1', 's1');
    onA.add('w1', 'p2', 's2');
    onB.add('w1', 'p2', 's2'); // a second tab, on the other node
    onB.add('w1', 'p3', 's1');
    onB.add('w2', 'p9', 's9'); // another workshop
    // Before any write, a node already counts its own.
    expect([...(await onA.connected('w1')).keys()].sort()).toEqual(['p1', 'p2']);
    await written();
    const expected = new Map([
      ['p1', 's1'],
      ['p2', 's2'],
      ['p3', 's1'],
    ]);
    expect(await onA.connected('w1')).toEqual(expected);
    expect(await onB.connected('w1')).toEqual(expected);
    expect(await onA.connected('w2')).toEqual(new Map([['p9', 's9']]));

    onB.remove('w1', 'p2');
    onB.remove('w1', 'p3');
    await written();
    expect([...(await onA.connected('w1')).keys()].sort()).toEqual(['p1', 'p2']); // p2 still on node A
    onB.remove('w2', 'p9');
    await written();
    expect(await onA.connected('w2')).toEqual(new Map());
    expect(await b.redis.exists(b.key('presence:w2:' + b.nodeId))).toBe(0);
    expect(logger.error).not.toHaveBeenCalled();
  });

  it('stops counting a node that died, and deletes what it wrote', async () => {
    const [a, b] = await twoNodes();
    const onA = new RedisPresence(a, logger);
    const onB = new RedisPresence(b, logger);
    onA.add('w', 'p1', 's1');
    onB.add('w', 'p2', 's1');
    await written();
    expect((await onA.connected('w')).size).toBe(2);
    // Node B's heartbeat goes (as when it expires after a crash); it never wrote a goodbye.
    await b.close();
    expect(await onA.connected('w')).toEqual(new Map([['p1', 's1']]));
    expect(await a.redis.exists(a.key(`presence:w:${b.nodeId}`))).toBe(0);
    expect(await a.redis.sMembers(a.key('presence:w:nodes'))).toEqual([a.nodeId]);
  });

  it('writes a room joining at once in one command, not one per phone', async () => {
    const [a, b] = await twoNodes();
    const onA = new RedisPresence(a, logger);
    const multi = vi.spyOn(a.redis, 'multi');
    for (let i = 0; i < 10_000; i++) onA.add('w', `p${i}`, `s${i % 3}`);
    await written();
    expect(multi).toHaveBeenCalledTimes(1);
    const onB = new RedisPresence(b, logger);
    const seen = await onB.connected('w');
    expect(seen.size).toBe(10_000);
    expect(seen.get('p9999')).toBe('s0');
  });
});
