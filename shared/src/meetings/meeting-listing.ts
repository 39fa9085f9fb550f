import { z } from 'zod';
import { docListingSchema } from '../docs/listing.ts';
import type { MeetingSummary } from './meeting-file.ts';
import { deliberationStages, meetingKinds } from './meeting-parts.ts';

/** What a list or calendar shows of a meeting, as kept beside its listing and sent (SPEC M-LIST-1). */
export const meetingSummarySchema = z.object({
  id: z.string().nullable(),
  kind: z.enum(meetingKinds),
  body: z.string(),
  title: z.string(),
  /** `YYYY-MM-DD`. */
  date: z.string().nullable(),
  /** `HH:MM`. */
  time: z.string().nullable(),
  place: z.string(),
  village: z.string().nullable(),
  convener: z.string().nullable(),
  invited: z.array(z.string()),
  stage: z.enum(deliberationStages).nullable(),
  locked: z.boolean(),
  /** Agenda items. */
  items: z.number().int().nonnegative(),
  /** Action items not yet done. */
  openActions: z.number().int().nonnegative(),
}) satisfies z.ZodType<MeetingSummary>;

/** One row of `GET /api/meetings`: a meeting the caller may open, checked where it enters the web app. */
export const meetingListingSchema = docListingSchema
  .pick({ name: true, access: true, updatedAt: true })
  .extend(meetingSummarySchema.shape);
export type MeetingListing = z.infer<typeof meetingListingSchema>;

export const meetingListResponseSchema = z.object({ meetings: z.array(meetingListingSchema) });
