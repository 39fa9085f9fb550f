import { describe, expect, it, vi } from 'vitest';
import { docName } from '@concord/shared/sync/doc-name.ts';
import { apiFailure } from '../http/api.ts';
import { translate } from '../i18n/translate.ts';
import {
  fetchVersion,
  fetchVersions,
  restoreVersion,
  versionsFailureMessage,
  type VersionsApi,
} from './case-versions.ts';

const name = docName('case', 'demo-jt-boundary');

/** A server that answers every call with `body`, noting what was asked. */
function answering(body: unknown, status = 200) {
  const asked: { url: string; method: string; body: string | null; auth: string }[] = [];
  const api: VersionsApi = {
    token: () => 'tok-1',
    fetch: (input, init) => {
      asked.push({
        url: typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
        method: init?.method ?? 'GET',
        body: typeof init?.body === 'string' ? init.body : null,
        auth: (init?.headers as Record<string, string>)['authorization'] ?? '',
      });
      return Promise.resolve(Response.json(body, { status }));
    },
  };
  return { api, asked };
}

const version = {
  id: 12,
  at: 1_700_000_000_000,
  title: '刘某与王某山林地界纠纷',
  village: 'jiangting',
  grid: null,
  disputeType: 'forestLandBoundary',
  notes: '双方对界桩位置有争议。',
  parties: [{ id: 'p1', name: '刘某', village: 'jiangting', contact: '', role: 'applicant' }],
  steps: [{ id: 'step-registered', at: 1, by: 'acct', kind: 'registered', risk: 'high' }, { kind: 'future' }],
};

describe('earlier versions of a case', () => {
  it('W-RESTORE-1: lists the versions, reads one as it was and asks for its restore, with the bearer token', async () => {
    const list = answering({
      versions: [
        { id: 12, at: 2 },
        { id: 9, at: 1 },
      ],
    });
    expect(await fetchVersions(list.api, name)).toEqual({
      ok: true,
      value: [
        { id: 12, at: 2 },
        { id: 9, at: 1 },
      ],
    });
    expect(list.asked[0]).toMatchObject({
      url: '/api/docs/case%3Ademo-jt-boundary/versions',
      auth: 'Bearer tok-1',
    });

    const one = answering(version);
    const read = await fetchVersion(one.api, name, 12);
    expect(read.ok && read.value.notes).toBe('双方对界桩位置有争议。');
    // a step of a kind this version cannot read is left out, never a failure
    expect(read.ok && read.value.steps.map((step) => step.kind)).toEqual(['registered']);
    expect(one.asked[0]?.url).toBe('/api/docs/case%3Ademo-jt-boundary/versions/12');

    const restore = answering({ restored: 12, at: 3 });
    expect(await restoreVersion(restore.api, name, 12)).toEqual({ ok: true, value: { restored: 12, at: 3 } });
    expect(restore.asked[0]).toMatchObject({
      url: '/api/docs/case%3Ademo-jt-boundary/restore',
      method: 'POST',
      body: '{"version":12}',
    });
  });

  it('W-RESTORE-1: offline it says the server is needed, in both languages; a refusal says who may', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const down: VersionsApi = {
      token: () => 'tok-1',
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    };
    const result = await restoreVersion(down, name, 12);
    expect(result.ok || result.failure).toBe(apiFailure.unreachable);
    expect(translate('en', versionsFailureMessage(apiFailure.unreachable))).toMatch(/server/);
    expect(translate('zh-CN', versionsFailureMessage(apiFailure.unreachable))).toMatch(/服务器/);
    info.mockRestore();

    const refused = answering({ error: { code: 'forbidden', message: 'no' } }, 403);
    const answer = await fetchVersions(refused.api, name);
    expect(answer.ok || answer.failure).toBe(apiFailure.forbidden);
    expect(translate('en', versionsFailureMessage(apiFailure.forbidden))).toMatch(/town’s agencies/);
  });

  it('W-I18N-1: every failure of versions has a message in both languages', () => {
    for (const failure of Object.values(apiFailure)) {
      const key = versionsFailureMessage(failure);
      expect(translate('en', key)).not.toBe(key);
      expect(translate('zh-CN', key)).not.toBe(key);
    }
  });
});
