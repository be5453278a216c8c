import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The project's root: the nearest folder above this file whose package.json declares the
 * workspaces. Found by searching upward, so it is right both from server/src (tsx) and from the
 * bundle in dist/server (`npm start`).
 */
export function projectRoot(from: string = import.meta.dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      const parsed = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { workspaces?: unknown };
      if (parsed.workspaces) return dir;
    }
    if (path.dirname(dir) === dir) return path.resolve(from, '../..');
  }
}

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** 0.0.0.0 by default so phones on the venue's Wi-Fi reach the facilitator's laptop. */
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  /** PostgreSQL for several nodes (postgres://user:password@host:5432/db); unset: SQLite in DATA_DIR. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Base of the links in QR codes, e.g. http://192.168.1.20:3000; default: the request's host. */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Extra origins allowed to open a socket (comma-separated), e.g. a dev server. */
  ALLOWED_ORIGINS: z.string().default(''),
  /** Number of proxies in front (for the client address used by rate limits). */
  TRUST_PROXY: z.coerce.number().int().min(0).default(0),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** json: one JSON object a line (for journald, log shippers); pretty: readable lines; auto: pretty on a terminal. */
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
  /** Several nodes: their Redis, e.g. redis://127.0.0.1:6379 (socket.io fan-out, presence, boards). */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** Prefix of every Redis key and channel, so several clusters may share one Redis. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,40}$/)
    .default('gommette'),
  /** Where the built client is; `npm start` builds it there. */
  CLIENT_DIR: z.string().default(() => path.join(projectRoot(), 'dist/client')),
  /** Bearer token for GET /metrics; unset: loopback clients only (and refused behind a proxy). */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** Where `npm run backup` writes its dated copies of the SQLite database. */
  BACKUP_DIR: z.string().default('./backups'),
  /** Key that seals stored secrets (32 bytes, base64url); default: DATA_DIR/sealing.key, made on first start. */
  SEALING_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, '32 bytes in base64url')
    .optional(),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  publicUrl: string | null;
  allowedOrigins: string[];
  trustProxy: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  logFormat: z.infer<typeof envSchema>['LOG_FORMAT'];
  clientDir: string | null;
  sealingKey: string | null;
  redisUrl: string | null;
  redisPrefix: string;
  metricsToken: string | null;
  backupDir: string;
}

/** Reads the environment once, at start-up; a bad value stops the process with a clear message. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL ?? null,
    publicUrl: e.PUBLIC_URL ? e.PUBLIC_URL.replace(/\/+$/, '') : null,
    allowedOrigins: e.ALLOWED_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    clientDir: e.CLIENT_DIR,
    sealingKey: e.SEALING_KEY ?? null,
    redisUrl: e.REDIS_URL ?? null,
    redisPrefix: e.REDIS_PREFIX,
    metricsToken: e.METRICS_TOKEN ?? null,
    backupDir: path.resolve(e.BACKUP_DIR),
  };
}
