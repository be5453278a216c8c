import type { Browser, BrowserContext } from '@playwright/test';
import { NODE_COOKIE, startCluster, type LocalCluster } from '../../scripts/cluster.mjs';
import { contextOptions, type DeviceKind } from './devices';

export type { LocalCluster };

/** Nodes on loopback behind the sticky balancer; starts Redis when none answers. */
export function startLocalCluster(nodes: number): Promise<LocalCluster> {
  return startCluster({ nodes, logLevel: 'warn' });
}

/**
 * A browser context that the balancer sends to node `index` (its stickiness cookie, set as if
 * an earlier visit had been given that node), until that node dies.
 */
export async function contextOnNode(
  browser: Browser,
  kind: DeviceKind,
  cluster: LocalCluster,
  index: number,
  track: BrowserContext[],
): Promise<BrowserContext> {
  const context = await browser.newContext(contextOptions(kind));
  track.push(context);
  await context.addCookies([{ name: NODE_COOKIE, value: String(index), url: cluster.urls.balancer }]);
  return context;
}

/** The node a context is pinned to now (the balancer moves the cookie when its node dies). */
export async function nodeOf(context: BrowserContext, cluster: LocalCluster): Promise<number | null> {
  const cookie = (await context.cookies(cluster.urls.balancer)).find((entry) => entry.name === NODE_COOKIE);
  return cookie ? Number(cookie.value) : null;
}
