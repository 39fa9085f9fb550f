import { z } from 'zod';
import { publicUserSchema, type PublicUser } from '@concord/shared/auth/user.ts';
import { apiFailure, callApi } from '../http/api.ts';
import {
  readStoredSession,
  requestSignIn,
  writeStoredSession,
  type SignInFailure,
  type StoredSession,
} from './sign-in.ts';

const meSchema = z.object({ user: publicUserSchema });

/**
 * Who is signed in on this device. The session is kept on the device, so the app works offline for days; when
 * the server says it has ended, the person signs in again and nothing they edited meanwhile is lost (the
 * documents and their local copies stay; only the token changes).
 */
export class AuthState {
  #session = $state<StoredSession | null>(null);
  /** The server refused the token: signed in on this device, but edits wait until the person signs in again. */
  #ended = $state(false);
  readonly #storage: Storage | null;
  readonly #fetch: typeof fetch;
  readonly #onToken: (token: string) => void;

  constructor(options: { storage: Storage | null; fetch: typeof fetch; onToken: (token: string) => void }) {
    this.#storage = options.storage;
    this.#fetch = options.fetch;
    this.#onToken = options.onToken;
    this.#session = readStoredSession(this.#storage);
  }

  get user(): PublicUser | null {
    return this.#session?.user ?? null;
  }

  get token(): string | null {
    return this.#session?.token ?? null;
  }

  /** The server said the session is over (expired, revoked, signed out elsewhere). */
  get ended(): boolean {
    return this.#ended;
  }

  /** Signs in; on success every open document reconnects with the new token. */
  async signIn(username: string, password: string): Promise<SignInFailure | null> {
    const result = await requestSignIn(this.#fetch, username, password);
    if (!result.ok) return result.reason;
    this.#session = result.session;
    this.#ended = false;
    this.#remember();
    this.#onToken(result.session.token);
    return null;
  }

  /**
   * Asks the server who the token belongs to now: an administrator may have changed the person's role, village
   * or department since they signed in (SPEC A-REVOKE-1). Offline, the device's copy stays.
   */
  async refreshUser(): Promise<void> {
    const token = this.token;
    if (!token) return;
    const result = await callApi(this.#fetch, token, '/api/auth/me', { schema: meSchema });
    if (this.token !== token) return; // signed in or out meanwhile
    if (result.ok) {
      const session = this.#session;
      if (!session || JSON.stringify(session.user) === JSON.stringify(result.value.user)) return;
      this.#session = { ...session, user: result.value.user };
      this.#remember();
    } else if (result.failure === apiFailure.signedOut) {
      this.sessionEnded();
    }
  }

  /** Called when the server refuses the token. */
  sessionEnded(): void {
    if (this.#session) this.#ended = true;
  }

  async signOut(): Promise<void> {
    const token = this.token;
    this.#session = null;
    this.#ended = false;
    this.#remember();
    if (!token) return;
    try {
      await this.#fetch('/api/auth/logout', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
    } catch (error) {
      // signed out on this device all the same; the server's session runs out by itself
      console.info('sign-out: server unreachable', error);
    }
  }

  #remember(): void {
    try {
      writeStoredSession(this.#storage, this.#session);
    } catch (error) {
      console.warn('could not keep the sign-in on this device', error);
    }
  }
}
