import * as Y from 'yjs';
import { summarizeDoc } from '../../shared/src/docs/summary.ts';
import { MeetingFile } from '../../shared/src/meetings/meeting-file.ts';
import type { NewMeetingFields } from '../../shared/src/meetings/meeting-parts.ts';
import { docName, type DocName } from '../../shared/src/sync/doc-name.ts';
import type { TestServer } from './test-server.ts';

export interface MeetingOnRecord extends Partial<NewMeetingFields> {
  id: string;
  /** The convener's account id. */
  convener?: string;
  /** Anything else the meeting held: agenda items, minutes, decisions, actions. */
  more?: (meeting: MeetingFile) => void;
}

/**
 * Writes a meeting into the server's store as it stood before the test, the way the demo seeding does (see
 * `storeCase`): the record as others made it, not edits sent by anyone now.
 */
export async function storeMeeting(server: TestServer, record: MeetingOnRecord): Promise<DocName> {
  const doc = new Y.Doc();
  const meeting = MeetingFile.create(doc, {
    id: record.id,
    kind: record.kind ?? 'topical',
    title: record.title ?? `meeting ${record.id}`,
    date: record.date ?? new Date().toISOString().slice(0, 10),
    time: record.time ?? '09:00',
    place: record.place ?? '',
    village: record.village ?? null,
    invited: record.invited ?? ['judicialOffice', 'policePost'],
    convener: record.convener ?? 'admin',
    createdAt: Date.now() - 3_600_000,
  });
  record.more?.(meeting);
  const name = docName('meeting', record.id);
  await server.store.append(
    [{ name, updates: [Y.encodeStateAsUpdate(doc)], summary: summarizeDoc('meeting', doc) }],
    Date.now(),
  );
  doc.destroy();
  return name;
}
