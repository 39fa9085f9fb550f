import { z } from 'zod';
import {
  caseVersionSchema,
  caseVersionsResponseSchema,
  type CaseVersion,
} from '@concord/shared/cases/case-version.ts';
import type { DocName } from '@concord/shared/sync/doc-name.ts';
import { apiFailure, callApi, type ApiFailure, type ApiResult } from '../http/api.ts';
import type { MessageKey } from '../i18n/translate.ts';

/** One moment the server keeps of a case: its id and time (SPEC S-SNAP-2). */
export interface VersionMoment {
  id: number;
  at: number;
}

/** How the app reaches the server: the browser's fetch and the person's token, so tests need no browser. */
export interface VersionsApi {
  fetch: typeof fetch;
  token: () => string | null;
}

const base = (name: DocName) => `/api/docs/${encodeURIComponent(name)}`;

/** The versions the server keeps of a case, newest first (SPEC H-RESTORE-1). */
export async function fetchVersions(api: VersionsApi, name: DocName): Promise<ApiResult<VersionMoment[]>> {
  const result = await callApi(api.fetch, api.token(), `${base(name)}/versions`, {
    schema: caseVersionsResponseSchema,
  });
  return result.ok ? { ok: true, value: result.value.versions } : result;
}

/** The case as it was at one version, read-only. */
export function fetchVersion(api: VersionsApi, name: DocName, id: number): Promise<ApiResult<CaseVersion>> {
  return callApi(api.fetch, api.token(), `${base(name)}/versions/${id}`, { schema: caseVersionSchema });
}

const restoredSchema = z.object({ restored: z.number(), at: z.number() });

/** Asks the server to make the case read as the version again, by a new change of the person's (SPEC C-RESTORE-1). */
export function restoreVersion(
  api: VersionsApi,
  name: DocName,
  id: number,
): Promise<ApiResult<z.infer<typeof restoredSchema>>> {
  return callApi(api.fetch, api.token(), `${base(name)}/restore`, {
    method: 'POST',
    body: { version: id },
    schema: restoredSchema,
  });
}

/** Why versions cannot be shown or restored; offline, it says the server is needed (SPEC W-RESTORE-1). */
export function versionsFailureMessage(failure: ApiFailure): MessageKey {
  switch (failure) {
    case apiFailure.unreachable:
      return 'versions_offline';
    case apiFailure.signedOut:
      return 'versions_signed_out';
    case apiFailure.notFound:
      return 'versions_not_found';
    case apiFailure.forbidden:
      return 'versions_forbidden';
    case apiFailure.conflict:
      return 'versions_conflict';
    case apiFailure.invalid:
    case apiFailure.throttled:
    case apiFailure.serverError:
      return 'versions_failed';
  }
}
