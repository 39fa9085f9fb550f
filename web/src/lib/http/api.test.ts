import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { en } from '../i18n/messages-en.ts';
import { zhCN } from '../i18n/messages-zh-CN.ts';
import { apiFailure, apiFailureMessage, callApi, type ApiFailure } from './api.ts';

const okSchema = z.object({ ok: z.literal(true) });

/** A fetch that answers every request with `status` and `body`, and records what it was asked. */
function answering(status: number, body: unknown) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetcher: typeof fetch = (input, init) => {
    calls.push({
      url: typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      init,
    });
    return Promise.resolve(new Response(JSON.stringify(body), { status }));
  };
  return { fetcher, calls };
}

const refusal = (code: string, message: string) => ({ error: { code, message } });

describe('callApi', () => {
  it('H-HTTP-2: sends the bearer token and a JSON body, and checks the answer’s shape', async () => {
    const { fetcher, calls } = answering(200, { ok: true });
    const result = await callApi(fetcher, 'tok-123', '/api/x', {
      method: 'POST',
      body: { a: 1 },
      schema: okSchema,
    });
    expect(result).toEqual({ ok: true, value: { ok: true } });
    const headers = calls[0]?.init?.headers as Record<string, string>;
    expect(headers['authorization']).toBe('Bearer tok-123');
    expect(headers['content-type']).toBe('application/json');
    expect(calls[0]?.init?.body).toBe('{"a":1}');
  });

  it('H-HTTP-2: each refusal is a reason, with the server’s own words kept as the detail', async () => {
    const cases: [number, string, ApiFailure][] = [
      [401, 'unauthorized', apiFailure.signedOut],
      [403, 'forbidden', apiFailure.forbidden],
      [404, 'not_found', apiFailure.notFound],
      [409, 'conflict', apiFailure.conflict],
      [400, 'bad_request', apiFailure.invalid],
      [429, 'too_many_requests', apiFailure.throttled],
      [500, 'internal', apiFailure.serverError],
    ];
    for (const [status, code, failure] of cases) {
      const { fetcher } = answering(status, refusal(code, `said ${code}`));
      expect(await callApi(fetcher, null, '/api/x', { schema: okSchema }), code).toEqual({
        ok: false,
        failure,
        detail: `said ${code}`,
      });
    }
  });

  it('H-HTTP-2: a server that cannot be reached, or answers something unreadable, is a reason too', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const down: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await callApi(down, null, '/api/x', { schema: okSchema })).toMatchObject({
      failure: apiFailure.unreachable,
    });
    expect(
      await callApi(answering(200, { ok: 'yes' }).fetcher, null, '/api/x', { schema: okSchema }),
    ).toMatchObject({
      failure: apiFailure.serverError,
    });
    expect(await callApi(answering(502, 'gateway').fetcher, null, '/api/x', { schema: okSchema })).toEqual({
      ok: false,
      failure: apiFailure.serverError,
      detail: '',
    });
    info.mockRestore();
    error.mockRestore();
  });

  it('W-I18N-1: every reason has a message in both languages', () => {
    for (const failure of Object.values(apiFailure)) {
      const key = apiFailureMessage(failure);
      expect(en[key], failure).toBeTruthy();
      expect(zhCN[key], failure).toBeTruthy();
    }
  });
});
