import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { encodeAccess } from '@concord/shared/sync/extensions.ts';
import { AccessTracker, effectiveAccess, type ServerAccess } from './access-tracker.ts';
import { idleProvider, receive } from './test-provider.ts';

describe('effectiveAccess', () => {
  it('A-RIGHT-10: the server’s word on the socket wins over the case list', () => {
    expect(effectiveAccess('read', 'write')).toBe('read');
    expect(effectiveAccess('write', 'read')).toBe('write');
  });

  it('A-RIGHT-10: before the server has spoken, the case list decides, and a case only this device knows is writable', () => {
    expect(effectiveAccess('unknown', 'read')).toBe('read');
    expect(effectiveAccess('unknown', 'write')).toBe('write');
    expect(effectiveAccess('unknown', undefined)).toBe('write');
  });

  it('A-REVOKE-2: a refused document may not be opened, whatever the list said', () => {
    for (const listed of ['read', 'write', undefined] as const)
      expect(effectiveAccess('refused', listed)).toBe('none');
  });
});

describe('AccessTracker', () => {
  it('A-RIGHT-10: reads the access message (101) the server sends, and tells its listeners', () => {
    const provider = idleProvider();
    const tracker = new AccessTracker(provider);
    const seen: ServerAccess[] = [];
    tracker.subscribe(() => seen.push(tracker.level));
    expect(tracker.level).toBe('unknown');
    receive(provider, encodeAccess('read'));
    receive(provider, encodeAccess('read'));
    receive(provider, encodeAccess('write'));
    expect(seen).toEqual(['read', 'write']);
    provider.destroy();
  });

  it('A-REVOKE-2: a 4403 leaves it refused until a new sign-in resets it', () => {
    const provider = idleProvider();
    const tracker = new AccessTracker(provider);
    receive(provider, encodeAccess('write'));
    tracker.refuse();
    expect(tracker.refused).toBe(true);
    tracker.reset();
    expect(tracker.level).toBe('unknown');
    provider.destroy();
  });

  it('A-RIGHT-10: an access code this version does not know reads as read', () => {
    const provider = idleProvider();
    const tracker = new AccessTracker(provider);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 101);
    encoding.writeVarUint(encoder, 7);
    receive(provider, encoding.toUint8Array(encoder));
    expect(tracker.level).toBe('read');
    provider.destroy();
  });
});
