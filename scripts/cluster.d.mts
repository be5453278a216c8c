export const NODE_COOKIE: string;

export interface ClusterOptions {
  nodes?: number;
  redis?: boolean;
  redisUrl?: string;
  databaseUrl?: string;
  pg?: boolean;
  dataDir?: string;
  port?: number;
  logLevel?: string;
  env?: Record<string, string>;
  /** server/src/index.ts under tsx (default), or a bundle of it (.mjs) run with plain Node. */
  entry?: string;
  log?: (line: string) => void;
}

export interface LocalCluster {
  urls: { balancer: string; nodes: string[]; redis: string };
  prefix: string;
  dataDir: string;
  start(): Promise<LocalCluster>;
  kill(index: number, signal?: NodeJS.Signals): Promise<void>;
  restart(index: number): Promise<void>;
  status(): Array<{ index: number; url: string; pid: number | null; alive: boolean }>;
  stop(): Promise<void>;
}

export function createCluster(options?: ClusterOptions): LocalCluster;
export function startCluster(options?: ClusterOptions): Promise<LocalCluster>;
