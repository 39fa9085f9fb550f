import { resolve } from 'node:path';
import { z } from 'zod';
import { logLevels } from './logger.ts';

// decimal digits only: z.coerce.number would read an empty or blank value as 0 (for PORT, "any free port")
const wholeNumber = z
  .string()
  .regex(/^[0-9]+$/, 'expected a whole number')
  .transform(Number);
const portSchema = wholeNumber.pipe(z.number().int().min(0).max(65535));

const envSchema = z.object({
  PORT: portSchema.default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  SEED_DEMO: z.enum(['0', '1']).default('1'),
  DEMO_PASSWORD: z.string().min(1).default('demo'),
  LOG_LEVEL: z.enum(logLevels).default('info'),
  MAX_FRAME_BYTES: wholeNumber.pipe(z.number().int().min(1024)).default(4 * 1024 * 1024),
  MAX_LOADED_DOCS: z.coerce.number().int().min(1).default(10_000),
  MAX_MESSAGES_PER_SECOND: z.coerce.number().int().min(1).default(200),
  MAX_CHANNELS: wholeNumber.pipe(z.number().int().min(1)).default(5000),
  BEAT_INTERVAL_MS: wholeNumber.pipe(z.number().int().min(0)).default(2000),
  WEB_ROOT: z.string().min(1).optional(),
  DATABASE_URL: z.string().min(1).optional(),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/)
    .default('public'),
  REDIS_URL: z.string().min(1).optional(),
  SNAPSHOT_RETENTION_DAYS: wholeNumber.pipe(z.number().int().min(1)).default(365),
  MAX_ATTACHMENT_BYTES: wholeNumber.pipe(z.number().int().min(1024)).default(20 * 1024 * 1024),
});

export interface ServerConfig {
  port: number;
  host: string;
  /** Absolute path of the folder that holds the SQLite database. */
  dataDir: string;
  seedDemo: boolean;
  /** The password of every demo account, when demo data is seeded. */
  demoPassword: string;
  logLevel: (typeof logLevels)[number];
  /** Frames larger than this close the socket with 1009. */
  maxFrameBytes: number;
  /** Past this many documents in memory the least recently used one is let go. */
  maxLoadedDocs: number;
  /** Sustained messages per second one socket may send (bursts of twice as many pass). */
  maxMessagesPerSecond: number;
  /** Channels one multiplexed socket may have open at once (SPEC S-MUX-5). */
  maxChannels?: number;
  /**
   * Frames of one event-loop turn for one multiplexed socket go out as one WebSocket message. Not read from the
   * environment: the benchmark turns it off to show what it saves.
   */
  muxPackFrames?: boolean;
  /** Absolute path of the built web app, or null to serve none. */
  webRoot: string | null;
  /** Milliseconds between heartbeats to sockets that asked for acks; 0 sends none (SPEC S-BEAT-1). */
  beatIntervalMs?: number;
  /**
   * Compact a document on unload once it has more stored rows than this (SPEC S-STORE-6). Not read from the
   * environment: tests set it to see compaction happen; unset, the hub's default applies.
   */
  compactAfterUpdates?: number;
  /** PostgreSQL for the documents instead of SQLite, past one machine (SPEC S-STORE-7). */
  databaseUrl?: string;
  databaseSchema?: string;
  /** Redis for fan-out between server instances sharing one PostgreSQL (SPEC S-SCALE-1). */
  redisUrl?: string;
  /** The largest attachment accepted, in bytes (SPEC C-ATTACH-4); 20 MiB unless set. */
  maxAttachmentBytes?: number;
  /** Days what compaction merges stays readable, to see or restore a case as it was (SPEC S-SNAP-1). */
  snapshotRetentionDays?: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the configuration from the environment once, at start, and says plainly what is wrong. */
export function readConfig(env: NodeJS.ProcessEnv, defaultWebRoot: string | null): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid environment: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    seedDemo: e.SEED_DEMO === '1',
    demoPassword: e.DEMO_PASSWORD,
    logLevel: e.LOG_LEVEL,
    maxFrameBytes: e.MAX_FRAME_BYTES,
    maxLoadedDocs: e.MAX_LOADED_DOCS,
    maxMessagesPerSecond: e.MAX_MESSAGES_PER_SECOND,
    maxChannels: e.MAX_CHANNELS,
    beatIntervalMs: e.BEAT_INTERVAL_MS,
    snapshotRetentionDays: e.SNAPSHOT_RETENTION_DAYS,
    maxAttachmentBytes: e.MAX_ATTACHMENT_BYTES,
    webRoot: e.WEB_ROOT ? resolve(e.WEB_ROOT) : defaultWebRoot,
    ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL, databaseSchema: e.DATABASE_SCHEMA } : {}),
    ...(e.REDIS_URL ? { redisUrl: e.REDIS_URL } : {}),
  };
}
