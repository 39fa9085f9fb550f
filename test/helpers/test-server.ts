import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerConfig } from '../../sync-server/src/config.ts';
import type { AccountId, Role } from '../../shared/src/auth/user.ts';
import { hashPassword } from '../../sync-server/src/auth/password.ts';
import { memoryLogger, type LogLine } from '../../sync-server/src/logger.ts';
import { startServer, type RunningServer } from '../../sync-server/src/server.ts';

export interface TestServer extends RunningServer {
  /** `ws://host:port/sync`, the `serverUrl` a y-websocket provider takes. */
  syncUrl: string;
  /** A signed-in admin's token, which the client helpers use unless a test passes another. */
  token: string;
  /** Signs in as a new account with `role`, and returns its token. */
  signIn(role: Role, village?: string | null, agency?: string | null): Promise<string>;
  /** Signs in as a new account with `role`, and returns its token and account id (a step's `by`). */
  signInAccount(
    role: Role,
    village?: string | null,
    agency?: string | null,
  ): Promise<{ token: string; id: string }>;
  /** Adds an account with `role`, for a test that signs in as a person would. */
  createAccount(role: Role, village?: string | null, agency?: string | null): Promise<Credentials>;
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
export async function startTestServer(
  overrides: Partial<ServerConfig> = {},
  options: { adminToken?: string } = {},
): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), 'concord-test-'));
  const config: ServerConfig = {
    port: 0,
    host: '127.0.0.1',
    seedDemo: false,
    demoPassword: 'demo',
    logLevel: 'debug',
    maxFrameBytes: 4 * 1024 * 1024,
    maxLoadedDocs: 10_000,
    maxMessagesPerSecond: 200,
    webRoot: null,
    ...overrides,
    dataDir,
  };
  const logger = memoryLogger();
  const server = await startServer(config, logger);
  const createAccount = (role: Role, village: string | null = null, agency: string | null = null) =>
    addAccount(server, role, village, agency);
  const signInAccount = async (role: Role, village: string | null = null, agency: string | null = null) => {
    const { username, password } = await createAccount(role, village, agency);
    const session = await server.auth.login(username, password);
    if (!session) throw new Error(`could not sign in as ${username}`);
    return { token: session.token, id: session.user.id as string };
  };
  const signIn = async (role: Role, village: string | null = null, agency: string | null = null) =>
    (await signInAccount(role, village, agency)).token;
  // a restart keeps the administrator signed in (sessions live in the data folder): the same person comes back
  const token = options.adminToken ?? (await signIn('admin'));
  const syncUrl = `${server.url.replace(/^http/, 'ws')}/sync`;
  serverTokens.set(syncUrl, token);
  const self: TestServer = {
    ...server,
    syncUrl,
    token,
    signIn,
    signInAccount,
    createAccount,
    dataDir,
    logs: logger.lines,
    restart: async (options = {}) => {
      serverTokens.delete(syncUrl);
      await server.close();
      return startTestServer({ ...config, port: options.samePort ? server.port : 0 }, { adminToken: token });
    },
    stop: () => {
      serverTokens.delete(syncUrl);
      return server.close();
    },
    dispose: async () => {
      serverTokens.delete(syncUrl);
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return self;
}

/** The admin token of each running test server, by its sync URL, for the client helpers. */
export const serverTokens = new Map<string, string>();

let accountSeq = 0;
const testPassword = 'correct horse battery staple';

export interface Credentials {
  username: string;
  password: string;
}

async function addAccount(
  server: RunningServer,
  role: Role,
  village: string | null,
  agency: string | null,
): Promise<Credentials> {
  const username = `test-${role}-${++accountSeq}`;
  await server.accounts.create([
    {
      id: `test-${accountSeq}` as AccountId,
      username,
      displayName: `Tester ${accountSeq}`,
      role,
      village,
      agency,
      grid: null,
      passwordHash: await hashPassword(testPassword),
      disabled: false,
      createdAt: Date.now(),
    },
  ]);
  return { username, password: testPassword };
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

/** Calls the server's JSON API with `token`, as the web app does. */
export function api(
  server: TestServer,
  token: string,
  path: string,
  init: RequestInit = {},
): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  });
}
