import { z } from 'zod';
import { isDepartmentId } from '../org/agencies.ts';
import { findVillage } from '../org/jurisdiction.ts';
import { publicUserSchema, roles, type Role } from './user.ts';

/** Roles that belong to one village, and so need one (SPEC A-ACCT-2). */
export const villageRoles: readonly Role[] = ['villageCadre', 'gridWorker'];

export const passwordSchema = z.string().min(8, 'at least 8 characters').max(256);

const village = z
  .string()
  .nullable()
  .refine((v) => v === null || findVillage(v) !== undefined, 'unknown village');
const agency = z
  .string()
  .nullable()
  .refine((v) => v === null || isDepartmentId(v), 'unknown department');

/** Where a role and its village and department must agree (checked on create and on every change). */
export function placementProblem(
  role: Role,
  villageId: string | null,
  agencyId: string | null,
): string | null {
  if (villageRoles.includes(role) && villageId === null) return 'this role belongs to a village: choose one';
  if (role === 'department' && agencyId === null) return 'a department account needs its department';
  if (role !== 'department' && agencyId !== null) return 'only department accounts have a department';
  return null;
}

/** `POST /api/admin/accounts`. */
export const newAccountSchema = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, '2 to 32 lowercase letters, digits, dots, dashes or underscores'),
  displayName: z.string().trim().min(1).max(64),
  role: z.enum(roles),
  village,
  agency,
  password: passwordSchema,
});
export type NewAccount = z.infer<typeof newAccountSchema>;

/** `PATCH /api/admin/accounts/:id`: any of these; `password` sets a new one and ends the person's sessions. */
export const accountChangeSchema = z
  .object({
    displayName: z.string().trim().min(1).max(64),
    role: z.enum(roles),
    village,
    agency,
    disabled: z.boolean(),
    password: passwordSchema,
  })
  .partial();
export type AccountChange = z.infer<typeof accountChangeSchema>;

/** One row of the admin screen's list. */
export const accountRowSchema = publicUserSchema.extend({ disabled: z.boolean(), createdAt: z.number() });
export type AccountRow = z.infer<typeof accountRowSchema>;
export const accountListSchema = z.object({ accounts: z.array(accountRowSchema) });

/** `POST /api/auth/password`. */
export const passwordChangeSchema = z.object({ current: z.string().min(1).max(256), next: passwordSchema });
