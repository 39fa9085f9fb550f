import type * as Y from 'yjs';
import { z } from 'zod';
import type { Role } from '../auth/user.ts';
import { CaseFile } from './case-file.ts';
import { partyRoles, readParties } from './parties.ts';
import { workflowEventSchema, type WorkflowEvent } from './workflow/events.ts';
import { CaseTimeline } from './workflow/timeline.ts';

/**
 * Who may see a case as it was and restore it (SPEC H-RESTORE-1): the town's agencies, which keep the ledger and
 * answer for its cases, and administrators. One function for the server's answer and the app's offer.
 */
export const restoringRoles = ['admin', 'governanceCentre', 'judicialOffice', 'policePost'] as const;

export function mayRestore(role: Role): boolean {
  return (restoringRoles as readonly Role[]).includes(role);
}

/**
 * The moments a case can be read at, newest first, in `GET /api/docs/:name/versions` (SPEC S-SNAP-2): each named
 * by an id (the number of its save, never reused) and dated by its time.
 */
export const caseVersionsResponseSchema = z.object({
  versions: z.array(z.object({ id: z.number(), at: z.number() })),
});
export type CaseVersionsResponse = z.infer<typeof caseVersionsResponseSchema>;

/** Steps this version can read; a step it cannot (a newer kind) is left out of the view, never a failure. */
const stepsSchema = z.array(z.unknown()).transform((values) => {
  const steps: WorkflowEvent[] = [];
  for (const value of values) {
    const parsed = workflowEventSchema.safeParse(value);
    if (parsed.success) steps.push(parsed.data);
  }
  return steps;
});

/** A case as it was at one moment, read-only: `GET /api/docs/:name/versions/:at` (SPEC S-SNAP-2). */
export const caseVersionSchema = z.object({
  id: z.number(),
  at: z.number(),
  title: z.string(),
  village: z.string().nullable(),
  grid: z.string().nullable(),
  disputeType: z.string().nullable(),
  /** How the case came to light (SPEC C-DOC-6); an answer from a server before it was kept reads as unknown. */
  source: z.string().nullable().default(null),
  notes: z.string(),
  parties: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      village: z.string(),
      contact: z.string(),
      role: z.enum(partyRoles).catch('other'),
    }),
  ),
  steps: stepsSchema,
});
export type CaseVersion = z.infer<typeof caseVersionSchema>;

/** What a case document held, as a person reads it: the shared readers of the case file, its parties and steps. */
export function caseVersionOf(doc: Y.Doc, moment: { id: number; at: number }): CaseVersion {
  const file = new CaseFile(doc);
  const summary = file.summary();
  return {
    id: moment.id,
    at: moment.at,
    title: summary.title,
    village: summary.village,
    grid: summary.grid,
    disputeType: summary.disputeType,
    source: summary.source,
    notes: file.notes.toString(),
    parties: readParties(doc),
    steps: new CaseTimeline(doc).events,
  };
}

/** `POST /api/docs/:name/restore`: the version to make the case equal to again, by its id. */
export const restoreRequestSchema = z.object({ version: z.number().int().nonnegative() });
export type RestoreRequest = z.infer<typeof restoreRequestSchema>;
