import type { Logger } from 'pino';
import type { Config } from './config';
import type { PresenceTracker } from './realtime/PresenceTracker';
import type { WorkshopStore } from './store/WorkshopStore';

/** What routes and handlers share, built once by `createApp`. */
export interface AppContext {
  config: Config;
  store: WorkshopStore;
  logger: Logger;
  presence: PresenceTracker;
  now: () => number;
}
