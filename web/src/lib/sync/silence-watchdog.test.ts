import { describe, expect, it } from 'vitest';
import { isSilent, SilenceWatchdog, type WatchedLink } from './silence-watchdog.ts';

type TestLink = { -readonly [K in keyof WatchedLink]: WatchedLink[K] } & { drops: number };

function link(facts: Partial<Omit<WatchedLink, 'drop'>> = {}): TestLink {
  const state: TestLink = {
    connected: true,
    heardBeat: true,
    lastHeardAt: 0,
    drops: 0,
    ...facts,
    drop() {
      state.drops++;
      state.connected = false;
    },
  };
  return state;
}

describe('silence watchdog', () => {
  it('S-BEAT-1: an open socket that heard beats and then nothing for more than 5 s is silent', () => {
    expect(isSilent(link({ lastHeardAt: 1000 }), 6000)).toBe(false);
    expect(isSilent(link({ lastHeardAt: 1000 }), 6001)).toBe(true);
    // a closed socket is the provider's business, and one that never heard a beat may talk to a server without them
    expect(isSilent(link({ lastHeardAt: 1000, connected: false }), 60_000)).toBe(false);
    expect(isSilent(link({ lastHeardAt: 1000, heardBeat: false }), 60_000)).toBe(false);
  });

  it('S-BEAT-1: the watchdog drops only the silent sockets, each once, by the injected clock', () => {
    let now = 10_000;
    const quiet = link({ lastHeardAt: 10_000 });
    const chatty = link({ lastHeardAt: 10_000 });
    const watchdog = new SilenceWatchdog({ links: () => [quiet, chatty], now: () => now });
    expect(watchdog.check()).toBe(0);
    now = 14_000;
    chatty.lastHeardAt = 14_000;
    expect(watchdog.check()).toBe(0);
    now = 15_500;
    expect(watchdog.check()).toBe(1);
    expect(quiet.drops).toBe(1);
    expect(chatty.drops).toBe(0);
    // dropped, it is no longer open: the next look leaves it to the provider's reconnect
    now = 30_000;
    chatty.lastHeardAt = 29_000;
    expect(watchdog.check()).toBe(0);
    expect(quiet.drops).toBe(1);
  });
});
