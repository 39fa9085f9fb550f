import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.ts';

describe('readConfig', () => {
  it('uses the documented defaults for an empty environment', () => {
    expect(readConfig({}, '/srv/web')).toMatchObject({
      port: 8787,
      host: '127.0.0.1',
      dataDir: resolve('./data'),
      seedDemo: true,
      logLevel: 'info',
      maxFrameBytes: 4 * 1024 * 1024,
      webRoot: '/srv/web',
      snapshotRetentionDays: 365,
      maxAttachmentBytes: 20 * 1024 * 1024,
    });
    expect(readConfig({}, null).webRoot).toBeNull();
  });

  it('reads every variable of a valid environment', () => {
    const config = readConfig(
      {
        PORT: '9000',
        HOST: '0.0.0.0',
        DATA_DIR: 'var/concord',
        SEED_DEMO: '0',
        LOG_LEVEL: 'debug',
        MAX_FRAME_BYTES: '1048576',
        WEB_ROOT: 'dist/web',
        SNAPSHOT_RETENTION_DAYS: '30',
        MAX_ATTACHMENT_BYTES: '5242880',
      },
      '/srv/web',
    );
    expect(config).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      dataDir: resolve('var/concord'),
      seedDemo: false,
      logLevel: 'debug',
      maxFrameBytes: 1048576,
      webRoot: resolve('dist/web'),
      snapshotRetentionDays: 30,
      maxAttachmentBytes: 5242880,
    });
  });

  it('accepts PORT=0 (any free port) and the smallest frame limit', () => {
    expect(readConfig({ PORT: '0', MAX_FRAME_BYTES: '1024' }, null)).toMatchObject({
      port: 0,
      maxFrameBytes: 1024,
    });
  });

  const refused: [variable: string, value: string][] = [
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['PORT', '80.5'],
    ['PORT', ''],
    ['PORT', ' '],
    ['MAX_FRAME_BYTES', 'lots'],
    ['MAX_FRAME_BYTES', '100'],
    ['MAX_FRAME_BYTES', '2048.5'],
    ['MAX_FRAME_BYTES', ''],
    ['LOG_LEVEL', 'verbose'],
    ['SEED_DEMO', 'yes'],
    ['SNAPSHOT_RETENTION_DAYS', '0'],
    ['SNAPSHOT_RETENTION_DAYS', 'forever'],
    ['MAX_ATTACHMENT_BYTES', '20 MiB'],
  ];
  it.each(refused)('refuses %s=%j with a ConfigError that names the variable', (variable, value) => {
    const read = () => readConfig({ [variable]: value }, null);
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(new RegExp(`\\b${variable}\\b`));
  });

  it('names every bad variable at once', () => {
    expect(() => readConfig({ PORT: 'x', MAX_FRAME_BYTES: 'y' }, null)).toThrow(
      /PORT.*MAX_FRAME_BYTES|MAX_FRAME_BYTES.*PORT/,
    );
  });
});
