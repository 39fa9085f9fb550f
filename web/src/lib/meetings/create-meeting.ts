import {
  applyCarry,
  carryPlanOf,
  latestEarlierMeeting,
  type CarryPlan,
} from '@concord/shared/meetings/carry-forward.ts';
import { localEditOrigin } from '@concord/shared/cases/case-file.ts';
import { MeetingFile, newMeetingId } from '@concord/shared/meetings/meeting-file.ts';
import { bodyOf, type NewMeetingFields } from '@concord/shared/meetings/meeting-parts.ts';
import { docName, type DocName } from '@concord/shared/sync/doc-name.ts';
import type { DocPool } from '../sync/doc-pool.ts';
import { meetingReadWaitMs, readable } from './read-meeting.ts';
import type { MeetingDirectory } from './meeting-directory.svelte.ts';

export interface CreatedMeeting {
  id: string;
  name: DocName;
  /** The earlier meeting whose unfinished actions were carried, and how many. */
  carried: { title: string; count: number } | null;
}

/**
 * Creates a meeting on this device, so it works offline, and carries into it the unfinished action items of the
 * latest earlier meeting of the same body that the device can read (SPEC M-CARRY-1). The earlier meeting is read
 * once its local copy is loaded and, online, once the server has sent what it has.
 */
export async function createMeeting(
  pool: DocPool,
  meetings: MeetingDirectory,
  fields: NewMeetingFields,
  convener: string,
): Promise<CreatedMeeting> {
  const id = newMeetingId();
  const name = docName('meeting', id);
  const earlierRow = latestEarlierMeeting(meetings.rows, {
    id,
    body: bodyOf(fields.kind, fields.village),
    date: fields.date,
    time: fields.time,
  });
  let plan: CarryPlan | null = null;
  let carried: CreatedMeeting['carried'] = null;
  if (earlierRow) {
    const earlier = pool.acquire(earlierRow.name);
    try {
      await readable(earlier.shared, meetingReadWaitMs);
      const file = new MeetingFile(earlier.shared.doc);
      plan = carryPlanOf(file);
      if (plan && plan.actions.length > 0)
        carried = { title: file.title.toString(), count: plan.actions.length };
    } finally {
      earlier.release();
    }
  }
  const { shared, release } = pool.acquire(name);
  try {
    await shared.localLoaded;
    const at = Date.now();
    const meeting = new MeetingFile(shared.doc);
    shared.doc.transact(() => {
      MeetingFile.create(shared.doc, { ...fields, id, convener, createdAt: at });
      if (plan) applyCarry(meeting, plan, { by: convener, at });
    }, localEditOrigin);
    // waits to be sent until the server says it has it on disk (SPEC S-ACK-1)
    meetings.remember(name, meeting.summary(), true);
  } finally {
    release();
  }
  return { id, name, carried };
}
