import { describe, expect, it } from 'vitest';
import { overallState, readLastAcknowledged, type LinkFacts } from './app-status.ts';

const link = (facts: Partial<LinkFacts>): LinkFacts => ({
  connected: false,
  synced: false,
  failed: false,
  refused: false,
  ...facts,
});

describe('the status of the whole app', () => {
  it('W-STATUS-1: the device saying it is offline wins over an open socket', () => {
    expect(
      overallState({
        deviceOnline: false,
        links: [link({ connected: true, synced: true })],
        lastCall: 'server',
      }),
    ).toBe('offline');
  });

  it('W-STATUS-1: an open document decides: synced is online, a failed attempt offline, else connecting', () => {
    const state = (links: LinkFacts[]) => overallState({ deviceOnline: true, links, lastCall: 'device' });
    expect(state([link({ failed: true }), link({ connected: true, synced: true })])).toBe('online');
    expect(state([link({ failed: true })])).toBe('offline');
    expect(state([link({ connected: true })])).toBe('connecting');
    // a document the server refused says nothing of the network
    expect(
      overallState({
        deviceOnline: true,
        links: [link({ failed: true, refused: true })],
        lastCall: 'server',
      }),
    ).toBe('online');
  });

  it('W-STATUS-1: with no document open, the last call to the server decides', () => {
    expect(overallState({ deviceOnline: true, links: [], lastCall: 'server' })).toBe('online');
    expect(overallState({ deviceOnline: true, links: [], lastCall: 'device' })).toBe('offline');
    expect(overallState({ deviceOnline: true, links: [], lastCall: 'loading' })).toBe('connecting');
  });

  it('W-STATUS-1, S-MUX-1: the app’s socket decides when it is in use: connected is online with no document open', () => {
    const state = (socket: { connected: boolean; failures: number }, links: LinkFacts[] = []) =>
      overallState({ deviceOnline: true, socket, links, lastCall: 'loading' });
    expect(state({ connected: true, failures: 0 })).toBe('online');
    expect(state({ connected: false, failures: 2 }, [link({ connected: true, synced: true })])).toBe(
      'offline',
    );
    expect(state({ connected: true, failures: 0 }, [link({ connected: true })])).toBe('connecting');
    expect(state({ connected: true, failures: 0 }, [link({ connected: true, synced: true })])).toBe('online');
    // the first attempt is on its way: the other facts decide
    expect(state({ connected: false, failures: 0 })).toBe('connecting');
    expect(
      overallState({
        deviceOnline: false,
        socket: { connected: true, failures: 0 },
        links: [],
        lastCall: 'server',
      }),
    ).toBe('offline');
  });

  it('W-STATUS-2: the stored moment of the last acknowledgement reads back, and garbage reads as none', () => {
    expect(readLastAcknowledged('1764400000000')).toBe(1764400000000);
    expect(readLastAcknowledged(null)).toBe(null);
    expect(readLastAcknowledged('yesterday')).toBe(null);
  });
});
