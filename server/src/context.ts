import type { Logger } from 'pino';
import type { Cluster } from './cluster/redis';
import type { Config } from './config';
import type { Metrics } from './metrics/metrics';
import type { PresenceTracker } from './people/PresenceTracker';
import type { CommandBacklog } from './realtime/CommandBacklog';
import type { Stores } from './store/stores';

/** What routes and handlers share, built once by `createApp`. */
export interface AppContext extends Stores {
  config: Config;
  logger: Logger;
  presence: PresenceTracker;
  now: () => number;
  /** The other nodes, through Redis; null for a lone node. */
  cluster: Cluster | null;
  /** Counters and gauges served at /metrics. */
  metrics: Metrics;
  /** Commands in progress on this node: tells phones when it sheds load. */
  backlog: CommandBacklog;
}
