import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerConfig } from '../../sync-server/src/config.ts';
import { memoryLogger, type LogLine } from '../../sync-server/src/logger.ts';
import { startServer, type RunningServer } from '../../sync-server/src/server.ts';

export interface TestServer extends RunningServer {
  /** `ws://host:port/sync`, the `serverUrl` a y-websocket provider takes. */
  syncUrl: string;
  dataDir: string;
  logs: LogLine[];
  /**
   * Stops the server, keeping the data folder, and starts a new one on it: on a new port, or on the same one so
   * that a browser keeps its origin (and with it its local copies and cached app).
   */
  restart(options?: { samePort?: boolean }): Promise<TestServer>;
  /** Stops the server, keeping the data folder. */
  stop(): Promise<void>;
  /** Stops the server and removes the data folder. */
  dispose(): Promise<void>;
}

/**
 * Starts the real server on port 0 with a fresh data folder. Every test that opens one must dispose it; use
 * {@link withTestServers} in a suite to have that done after each test.
 */
export async function startTestServer(overrides: Partial<ServerConfig> = {}): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), 'concord-test-'));
  const config: ServerConfig = {
    port: 0,
    host: '127.0.0.1',
    seedDemo: false,
    logLevel: 'debug',
    maxFrameBytes: 4 * 1024 * 1024,
    webRoot: null,
    ...overrides,
    dataDir,
  };
  const logger = memoryLogger();
  const server = await startServer(config, logger);
  const self: TestServer = {
    ...server,
    syncUrl: `${server.url.replace(/^http/, 'ws')}/sync`,
    dataDir,
    logs: logger.lines,
    restart: async (options = {}) => {
      await server.close();
      return startTestServer({ ...config, port: options.samePort ? server.port : 0 });
    },
    stop: () => server.close(),
    dispose: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return self;
}

/** Collects servers started in a test and disposes of them afterwards, even when the test fails. */
export function serverPool() {
  const running = new Set<TestServer>();
  return {
    async start(overrides: Partial<ServerConfig> = {}): Promise<TestServer> {
      const server = await startTestServer(overrides);
      running.add(server);
      return server;
    },
    async restart(server: TestServer, options: { samePort?: boolean } = {}): Promise<TestServer> {
      running.delete(server);
      const next = await server.restart(options);
      running.add(next);
      return next;
    },
    async disposeAll(): Promise<void> {
      const servers = [...running];
      running.clear();
      await Promise.all(servers.map((s) => s.dispose()));
    },
  };
}
