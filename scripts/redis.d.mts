export function pingRedis(url: string): Promise<boolean>;
export function freePort(): Promise<number>;
export function ensureRedis(options?: {
  url?: string;
  preferDefault?: boolean;
  log?: (line: string) => void;
}): Promise<{ url: string; started: boolean; stop: () => Promise<void> }>;
