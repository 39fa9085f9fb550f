import { z } from 'zod';
import type { Brand } from '../brand.ts';

/** The roles of the people who use Concord (glossary in DOMAIN.md); what each may open comes with SPEC A-*. */
export const roles = [
  'admin',
  'governanceCentre',
  'judicialOffice',
  'policePost',
  'villageCadre',
  'gridWorker',
  'mediator',
  'caseLeader',
  'department',
  'supervisor',
] as const;
export type Role = (typeof roles)[number];

export type AccountId = Brand<string, 'AccountId'>;

/** What the server tells a signed-in person about themselves; checked where it enters the web app. */
export const publicUserSchema = z.object({
  id: z.string().transform((id) => id as AccountId),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  /** The village a village-level account belongs to; null for town and county staff. */
  village: z.string().nullable(),
  /** The department of a department account. */
  agency: z.string().nullable(),
  /**
   * The grid (网格) of their village a grid worker walks (SPEC A-ACCT-3). A sign-in kept on a device from before
   * accounts had grids has none until the server is asked again.
   */
  grid: z.string().nullable().default(null),
});
export type PublicUser = z.infer<typeof publicUserSchema>;

/** `POST /api/auth/login` body (SPEC A-AUTH-1). */
export const loginRequestSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const loginResponseSchema = z.object({ token: z.string().min(20), user: publicUserSchema });
export type LoginResponse = z.infer<typeof loginResponseSchema>;
