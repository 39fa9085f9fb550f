import { resolve } from 'node:path';
import { z } from 'zod';
import { logLevels } from './logger.ts';

const portSchema = z.coerce.number().int().min(0).max(65535);

const envSchema = z.object({
  PORT: portSchema.default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  SEED_DEMO: z.enum(['0', '1']).default('1'),
  LOG_LEVEL: z.enum(logLevels).default('info'),
  MAX_FRAME_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(4 * 1024 * 1024),
  WEB_ROOT: z.string().min(1).optional(),
});

export interface ServerConfig {
  port: number;
  host: string;
  /** Absolute path of the folder that holds the SQLite database. */
  dataDir: string;
  seedDemo: boolean;
  logLevel: (typeof logLevels)[number];
  /** Frames larger than this close the socket with 1009. */
  maxFrameBytes: number;
  /** Absolute path of the built web app, or null to serve none. */
  webRoot: string | null;
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
    logLevel: e.LOG_LEVEL,
    maxFrameBytes: e.MAX_FRAME_BYTES,
    webRoot: e.WEB_ROOT ? resolve(e.WEB_ROOT) : defaultWebRoot,
  };
}
