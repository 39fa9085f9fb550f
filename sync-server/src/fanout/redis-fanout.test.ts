import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryLogger } from '../logger.ts';
import type { AccountEvent } from './fanout.ts';
import { RedisFanout } from './redis-fanout.ts';

/** The Redis every machine runs; `.ci/run` starts it if it is down. */
const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

const opened: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  for (const closable of opened.splice(0)) await closable.close();
});

/** Two instances' fan-outs on a prefix of their own, so tests never hear each other. */
async function twoFanouts() {
  const prefix = `concord-test-${randomUUID()}`;
  const logger = memoryLogger();
  const one = await RedisFanout.connect(redisUrl, logger, prefix);
  const two = await RedisFanout.connect(redisUrl, logger, prefix);
  opened.push(one, two);
  return { one, two, logger, prefix };
}

/** Resolves with the next account event `fanout` hears from another instance. */
async function nextEvent(fanout: RedisFanout): Promise<{ event: Promise<AccountEvent> }> {
  let heard: (event: AccountEvent) => void = () => undefined;
  const event = new Promise<AccountEvent>((resolve) => {
    heard = resolve;
  });
  await fanout.subscribeAccountEvents((e) => heard(e));
  return { event };
}

describe('account events between instances', () => {
  it('A-REVOKE-3: an instance hears the others’ account events, not its own', async () => {
    const { one, two } = await twoFanouts();
    const atOne = await nextEvent(one);
    const atTwo = await nextEvent(two);
    one.publishAccountEvent({ kind: 'sessionEnded', sessionId: 'hash-1' });
    two.publishAccountEvent({ kind: 'accountChanged', accountId: 'acct-7' });
    expect(await atTwo.event).toEqual({ kind: 'sessionEnded', sessionId: 'hash-1' });
    expect(await atOne.event).toEqual({ kind: 'accountChanged', accountId: 'acct-7' });
  });

  it('A-REVOKE-3: what is not an account event is refused and logged, and the next one still arrives', async () => {
    const { one, two, logger, prefix } = await twoFanouts();
    const atOne = await nextEvent(one);
    const raw = createClient({ url: redisUrl });
    await raw.connect();
    opened.push(raw);
    await raw.publish(`${prefix}:accounts`, 'not json');
    await raw.publish(`${prefix}:accounts`, JSON.stringify({ from: 'x', event: { kind: 'dropTables' } }));
    two.publishAccountEvent({ kind: 'accountChanged', accountId: 'acct-8' });
    expect(await atOne.event).toEqual({ kind: 'accountChanged', accountId: 'acct-8' });
    expect(logger.lines.filter((line) => line.message === 'unreadable account event')).toHaveLength(2);
  });
});
