import { z } from 'zod';
import { parseDocName, type DocName } from '../sync/doc-name.ts';
import { deliberationStages, meetingKinds } from './meeting-parts.ts';

/**
 * One row of `GET /api/meetings`: a meeting the caller may open, with what the list and the calendar show of it
 * (the `MeetingSummary` of its document), so neither opens the meeting to list it (SPEC M-CAL-1).
 */
export const meetingListingSchema = z.object({
  name: z.string().transform((value, ctx): DocName => {
    const parsed = parseDocName(value);
    if (parsed.ok && parsed.kind === 'meeting') return parsed.name;
    ctx.addIssue({ code: 'custom', message: `not a meeting document name: ${value}` });
    return z.NEVER;
  }),
  access: z.enum(['read', 'write']),
  updatedAt: z.number(),
  id: z.string().nullable(),
  kind: z.enum(meetingKinds),
  body: z.string(),
  title: z.string(),
  date: z.string().nullable(),
  time: z.string().nullable(),
  place: z.string(),
  village: z.string().nullable(),
  convener: z.string().nullable(),
  invited: z.array(z.string()),
  stage: z.enum(deliberationStages).nullable(),
  locked: z.boolean(),
  items: z.number().int().nonnegative(),
  openActions: z.number().int().nonnegative(),
});
export type MeetingListing = z.infer<typeof meetingListingSchema>;

export const meetingListResponseSchema = z.object({ meetings: z.array(meetingListingSchema) });
