import { z } from 'zod';

/**
 * How a case came to light (SPEC C-DOC-6): a grid worker's visit, a police call-out (110), a petition brought in
 * person, the 12345 hotline, or a report from a grid. Never renamed: stored cases hold these.
 */
export const caseSources = ['visit', 'policeCallOut', 'walkIn', 'hotline12345', 'gridReport'] as const;
export type CaseSource = (typeof caseSources)[number];

export const caseSourceSchema = z.enum(caseSources);

export function isCaseSource(value: unknown): value is CaseSource {
  return caseSourceSchema.safeParse(value).success;
}
