import type { Brand } from '../brand.ts';

/** The kinds of shared document; the part of a document name before the colon (SPEC S-DOC-1). */
export const docKinds = ['case', 'meeting'] as const;
export type DocKind = (typeof docKinds)[number];

/** `<kind>:<id>`, checked by {@link parseDocName}. */
export type DocName = Brand<string, 'DocName'>;

/** Ids are short and URL-safe so a name can stand in a path segment as it is (SPEC S-DOC-2). */
const idPattern = /^[A-Za-z0-9_-]{1,64}$/;

export const docNameRefusal = {
  malformed: 'malformed',
  unknownKind: 'unknown_kind',
  badId: 'bad_id',
} as const;
export type DocNameRefusal = (typeof docNameRefusal)[keyof typeof docNameRefusal];

export type DocNameResult =
  { ok: true; name: DocName; kind: DocKind; id: string } | { ok: false; reason: DocNameRefusal };

function isDocKind(value: string): value is DocKind {
  return (docKinds as readonly string[]).includes(value);
}

export function parseDocName(raw: string): DocNameResult {
  const colon = raw.indexOf(':');
  if (colon < 0) return { ok: false, reason: docNameRefusal.malformed };
  const kind = raw.slice(0, colon);
  const id = raw.slice(colon + 1);
  if (!isDocKind(kind)) return { ok: false, reason: docNameRefusal.unknownKind };
  if (!idPattern.test(id)) return { ok: false, reason: docNameRefusal.badId };
  return { ok: true, name: raw as DocName, kind, id };
}

export function docName(kind: DocKind, id: string): DocName {
  const parsed = parseDocName(`${kind}:${id}`);
  if (!parsed.ok) throw new Error(`not a valid ${kind} id: ${JSON.stringify(id)} (${parsed.reason})`);
  return parsed.name;
}
