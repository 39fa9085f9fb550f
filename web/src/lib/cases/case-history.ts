import { docHistoryResponseSchema, type DocHistoryEntry } from '@concord/shared/docs/listing.ts';
import type { DocName } from '@concord/shared/sync/doc-name.ts';
import { apiFailure, callApi, type ApiFailure } from '../http/api.ts';
import type { MessageKey, MessageParams } from '../i18n/translate.ts';

export type HistoryResult = { ok: true; entries: DocHistoryEntry[] } | { ok: false; failure: ApiFailure };

/** Who changed which fields of a document, when, newest first (SPEC A-ATTR-1). */
export async function fetchHistory(
  fetcher: typeof fetch,
  token: string | null,
  name: DocName,
): Promise<HistoryResult> {
  const result = await callApi(fetcher, token, `/api/docs/${encodeURIComponent(name)}/history`, {
    schema: docHistoryResponseSchema,
  });
  return result.ok ? { ok: true, entries: result.value.history } : { ok: false, failure: result.failure };
}

/** Why the history is not shown; offline is the common case, and says so plainly. */
export function historyFailureMessage(failure: ApiFailure): MessageKey {
  switch (failure) {
    case apiFailure.unreachable:
      return 'history_offline';
    case apiFailure.notFound:
      return 'history_not_on_server';
    case apiFailure.signedOut:
      return 'history_signed_out';
    case apiFailure.forbidden:
    case apiFailure.conflict:
    case apiFailure.invalid:
    case apiFailure.throttled:
    case apiFailure.serverError:
      return 'history_failed';
  }
}

/** Edits by one person this close together read as one sitting at the case, not one line per keystroke. */
export const sittingGapMs = 5 * 60 * 1000;

/**
 * Folds runs of edits by one person, each within `gapMs` of the next, into one entry: the newest moment, every
 * field touched. Keeps the newest-first order; another person's edit in between starts a new entry.
 */
export function groupHistory(entries: readonly DocHistoryEntry[], gapMs = sittingGapMs): DocHistoryEntry[] {
  const grouped: DocHistoryEntry[] = [];
  let oldest = 0;
  for (const entry of entries) {
    const last = grouped.at(-1);
    if (last && last.author.id === entry.author.id && oldest - entry.at <= gapMs) {
      grouped[grouped.length - 1] = { ...last, fields: [...new Set([...last.fields, ...entry.fields])] };
    } else {
      grouped.push(entry);
    }
    oldest = entry.at;
  }
  return grouped;
}

/** A changed field as the history shows it: a label in the person's language, or its stored name if unknown. */
export type FieldLabel = { key: MessageKey } | { raw: string };

/** Fields by the name the attribution trail gives them (SPEC A-ATTR-1), in the order the history lists them. */
const fieldKeys: Record<string, MessageKey> = {
  title: 'history_field_title',
  // the title as a register (SPEC C-REG-1); `title` above is the text older cases keep it in
  'case.title': 'history_field_title',
  notes: 'history_field_notes',
  'case.village': 'history_field_village',
  'case.grid': 'history_field_grid',
  'case.disputeType': 'history_field_dispute_type',
  'case.level': 'history_field_level',
  'case.leaders': 'history_field_leaders',
  'case.departments': 'history_field_departments',
  parties: 'history_field_parties',
  // a case's photos, voice notes and files, one key per attachment (SPEC C-ATTACH-1)
  attachments: 'history_field_attachments',
  timeline: 'history_field_timeline',
  received: 'history_field_received',
  fieldLog: 'history_field_field_log',
  // written once when a case is recorded: never a change in the history, but a refusal may name them
  case: 'history_field_case',
  'case.id': 'history_field_case_id',
  'case.createdAt': 'history_field_created_at',
  'case.schemaVersion': 'history_field_schema_version',
  'meeting.invited': 'history_field_invited',
  // a meeting's parts (SPEC M-DOC-1), as a refusal on the meeting page names them (SPEC W-MEET-6)
  meeting: 'history_field_meeting',
  'meeting.kind': 'new_meeting_kind',
  'meeting.body': 'new_meeting_kind',
  'meeting.village': 'new_meeting_village',
  'meeting.date': 'history_field_meeting_date',
  'meeting.time': 'history_field_meeting_time',
  'meeting.place': 'history_field_meeting_place',
  'meeting.stage': 'history_field_meeting_stage',
  'meeting.locked': 'history_field_meeting_locked',
  lockLog: 'history_field_lock_log',
  agenda: 'history_field_agenda',
  minutes: 'history_field_minutes',
  decisions: 'history_field_decisions',
  actions: 'history_field_actions',
  completion: 'history_field_completion',
  attendance: 'history_field_attendance',
};

/** Maps whose every key is one entry of a kind (a receipt per step): the map's name says what changed. */
const keyedMaps = new Set([
  'received',
  'attachments',
  'agenda',
  'decisions',
  'actions',
  'completion',
  'attendance',
]);

/** Set once, when the case is recorded: an entry touching it is the recording itself. */
const createdMarker = 'case.id';
/** Written with the recording and never changed by a person afterwards: not worth a word. */
const bookkeeping = new Set(['case.id', 'case.schemaVersion', 'case.createdAt']);

/** Written by a restore of an earlier version, with whatever it set back (SPEC C-RESTORE-1). */
const restoredMarker = 'restores';

/** The name a field is labelled by: `received.<step id>` is one of the receipts, and so on. */
function labelledName(field: string): string {
  // each agenda item's minutes are a text of their own (`minutes/<item id>`)
  if (field.startsWith('minutes/')) return 'minutes';
  const dot = field.indexOf('.');
  const root = dot === -1 ? field : field.slice(0, dot);
  return keyedMaps.has(root) ? root : field;
}

/** A field as the history names it (SPEC W-HIST-1): its label, or its stored name when this version has none. */
export function fieldLabel(field: string): FieldLabel {
  const key = fieldKeys[labelledName(field)];
  return key ? { key } : { raw: field };
}

/** The words for a label; a field this version does not know is named as stored and said to be unknown. */
export function fieldText(label: FieldLabel, t: (key: MessageKey, params?: MessageParams) => string): string {
  return 'key' in label ? t(label.key) : t('history_field_unknown', { name: label.raw });
}

/**
 * What an entry says happened: `recorded` for the entry that created the case, `restored` for a restore of an
 * earlier version, else the changed fields as labels, in a stable order (title, notes, the case's scalar fields,
 * then the rest), each once.
 */
export function describeChange(all: readonly string[]): {
  recorded: boolean;
  restored: boolean;
  labels: FieldLabel[];
  /** What the person tried to change and the server undid (SPEC A-GUARD-2), each field once. */
  refused: FieldLabel[];
} {
  const refused = uniqueLabels(all.filter((f) => f.startsWith(refusedPrefix)).map(refusedField));
  const fields = all.filter((f) => !f.startsWith(refusedPrefix));
  const recorded = fields.includes(createdMarker);
  const restored = !recorded && fields.includes(restoredMarker);
  if (recorded || restored) return { recorded, restored, labels: [], refused };
  const order = Object.keys(fieldKeys);
  const rank = (field: string) => {
    const index = order.indexOf(field);
    return index === -1 ? order.length : index;
  };
  const shown = [...new Set(fields.map(labelledName))]
    .filter((field) => !bookkeeping.has(field))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const labels: FieldLabel[] = [];
  // an old case's title and the register read as one field
  labels.push(...uniqueLabels(shown));
  return { recorded, restored, labels, refused };
}

/** The server's record of a refused part: `refused:<reason>:<field>`. */
const refusedPrefix = 'refused:';

function refusedField(entry: string): string {
  const rest = entry.slice(refusedPrefix.length);
  const colon = rest.indexOf(':');
  return colon === -1 ? rest : rest.slice(colon + 1);
}

/** Labels for the fields, each label once. */
function uniqueLabels(fields: readonly string[]): FieldLabel[] {
  const seen = new Set<string>();
  const labels: FieldLabel[] = [];
  for (const field of fields) {
    const label = fieldLabel(field);
    const id = 'key' in label ? label.key : `raw:${label.raw}`;
    if (seen.has(id)) continue;
    seen.add(id);
    labels.push(label);
  }
  return labels;
}
