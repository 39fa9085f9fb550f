import * as encoding from 'lib0/encoding';
import { describe, expect, it, vi } from 'vitest';
import { guardRefusal, type RefusedChange } from '@concord/shared/access/guard-refusals.ts';
import { encodeRefused, extensionType } from '@concord/shared/sync/extensions.ts';
import { locales, translate } from '../i18n/translate.ts';
import { docName } from '@concord/shared/sync/doc-name.ts';
import { RefusalLog } from '../sync/refusal-log.ts';
import { refusalLine, refusalReasonKey } from './refusal-wording.ts';
import { idleProvider, receive } from '../sync/test-provider.ts';

const say = (locale: (typeof locales)[number]) => translate.bind(null, locale);

describe('refusals in words', () => {
  it('W-REFUSE-1: every code the server may send reads as its own sentence in both languages, placeholders filled', () => {
    for (const locale of locales) {
      const lines = new Set<string>();
      for (const reason of Object.values(guardRefusal)) {
        const change: RefusedChange = { reason, field: 'case.village', step: 'closed' };
        const line = refusalLine(change, say(locale));
        expect(line, `${locale} ${reason}`).not.toMatch(/[{}]/);
        expect(line).not.toContain(refusalReasonKey(reason));
        lines.add(line);
      }
      expect(lines.size).toBe(Object.values(guardRefusal).length);
    }
  });

  it('W-REFUSE-1: a village changed by someone who may not says what was undone and who decides it', () => {
    const change: RefusedChange = { reason: guardRefusal.place, field: 'case.village' };
    expect(refusalLine(change, say('zh-CN'))).toBe(
      '服务器撤销了你的修改:案件所属村只能由镇综治中心、司法所或警务室调整',
    );
    expect(refusalLine(change, say('en'))).toBe(
      'The server undid your change: only the town’s agencies (governance centre, judicial office, police post) may change the case’s village.',
    );
  });

  it('W-REFUSE-1: a refused step is named by its form; a kind this version does not know reads as “this step”', () => {
    const closed: RefusedChange = { reason: guardRefusal.role, field: 'timeline', step: 'closed' };
    expect(refusalLine(closed, say('zh-CN'))).toBe('服务器撤销了你的修改:你的岗位不能在此办理“核查结案”');
    expect(refusalLine(closed, say('en'))).toContain('the step “Close”');
    const later: RefusedChange = { reason: guardRefusal.role, field: 'timeline', step: 'mergedWith' };
    expect(refusalLine(later, say('en'))).toContain('“this step”');
  });

  it('W-REFUSE-1: a field this version does not know is still named, as stored', () => {
    const change: RefusedChange = { reason: guardRefusal.serverOnly, field: 'bindings.42' };
    expect(refusalLine(change, say('en'))).toContain('“bindings.42”');
  });
});

const boundary = docName('case', 'demo-jt-boundary');
const wages = docName('case', 'demo-jt-wages');

describe('RefusalLog', () => {
  it('W-REFUSE-1: reads message 102 from the socket and keeps what was undone until the person dismisses it', () => {
    const provider = idleProvider();
    const log = new RefusalLog();
    log.listen(provider, boundary);
    let heard = 0;
    log.subscribe(() => heard++);
    receive(provider, encodeRefused([{ reason: guardRefusal.place, field: 'case.village' }]));
    receive(
      provider,
      encodeRefused([
        { reason: guardRefusal.place, field: 'case.village' },
        { reason: guardRefusal.role, field: 'timeline', step: 'registered' },
      ]),
    );
    expect(heard).toBe(2);
    expect(log.heardFor(boundary).map((entry) => [entry.change.reason, entry.times])).toEqual([
      [guardRefusal.role, 1],
      [guardRefusal.place, 2],
    ]);
    log.dismiss(boundary, log.heardFor(boundary)[1]?.id ?? '');
    expect(log.heardFor(boundary).map((entry) => entry.change.reason)).toEqual([guardRefusal.role]);
    provider.destroy();
  });

  it('W-REFUSE-1: what was undone while a case was sent from the ledger is kept for its page, and only for it', () => {
    const log = new RefusalLog();
    const sent = idleProvider();
    log.listen(sent, wages);
    receive(sent, encodeRefused([{ reason: guardRefusal.place, field: 'case.village' }]));
    // the socket that sent it is gone; the page opened afterwards still says what happened
    sent.destroy();
    expect(log.heardFor(wages)).toHaveLength(1);
    expect(log.heardFor(boundary)).toEqual([]);
    // a page that shows the case is told on it; one heard with no such page is said elsewhere
    const unwatched: string[] = [];
    log.onUnwatched = (name) => unwatched.push(name);
    const stop = log.watch(boundary);
    const page = idleProvider();
    log.listen(page, boundary);
    receive(page, encodeRefused([{ reason: guardRefusal.required, field: 'title' }]));
    stop();
    receive(page, encodeRefused([{ reason: guardRefusal.required, field: 'title' }]));
    expect(unwatched).toEqual([boundary]);
    page.destroy();
    // another person signing in on this device is not told of the last one's edits
    log.clear();
    expect(log.heardFor(wages)).toEqual([]);
  });

  it('W-REFUSE-1: a refusal message that cannot be read is set aside, and nothing is shown', () => {
    const provider = idleProvider();
    const log = new RefusalLog();
    log.listen(provider, boundary);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, extensionType.refused);
    encoding.writeVarString(
      encoder,
      JSON.stringify({ refused: [{ reason: 'guard_unheard_of', field: 'x' }] }),
    );
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    receive(provider, encoding.toUint8Array(encoder));
    expect(log.heardFor(boundary)).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
    provider.destroy();
  });
});
