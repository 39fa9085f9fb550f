import type { AccountId } from '@concord/shared/auth/user.ts';
import { afterEach } from 'vitest';
import type { AuthenticatedUser } from '../auth/auth-service.ts';
import { memoryLogger } from '../logger.ts';
import { SpyStore } from '../storage/spy-store.ts';
import { SqliteDocStore } from '../storage/sqlite-store.ts';
import { Persister } from './persister.ts';
import { RoomRegistry } from './room-registry.ts';
import type { RoomMember } from './room.ts';

/** A signed-in person for unit tests that need one and do not care who. */
export function testUser(overrides: Partial<AuthenticatedUser> = {}): AuthenticatedUser {
  return {
    id: 'acct-test' as AccountId,
    username: 'tester',
    displayName: '测试',
    role: 'admin',
    village: null,
    agency: null,
    grid: null,
    sessionId: 'session-test',
    sessionExpiresAt: Number.MAX_SAFE_INTEGER,
    ...overrides,
  };
}

/** A socket as a room sees it, keeping what it was sent. */
export class FakeMember implements RoomMember {
  readonly frames: Uint8Array[] = [];
  send(frame: Uint8Array): void {
    this.frames.push(frame);
  }
  release(): void {
    // these tests never fill the registry
  }
}

/**
 * Rooms over a spying store in memory, for the unit tests of rooms, the persister and sessions. Call once at the
 * top of a test file: what each test opens is closed after it.
 */
export function roomsInMemory() {
  const opened: { persister: Persister; store: SpyStore }[] = [];
  afterEach(async () => {
    for (const { persister, store } of opened.splice(0)) {
      persister.stop();
      await store.close();
    }
  });
  return (options: { retryDelayMs?: number } = {}) => {
    const store = new SpyStore(SqliteDocStore.open(':memory:'));
    const logger = memoryLogger();
    const persister = new Persister({ store, logger, retryDelayMs: options.retryDelayMs ?? 0 });
    const registry = new RoomRegistry({ store, persister, logger });
    opened.push({ persister, store });
    return { store, logger, persister, registry };
  };
}
