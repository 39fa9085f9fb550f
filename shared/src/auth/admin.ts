import { z } from 'zod';
import { isDepartmentId } from '../org/agencies.ts';
import { demoVillages, findGrid, findVillage } from '../org/jurisdiction.ts';
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
const grid = z
  .string()
  .max(64)
  .nullable()
  .refine((v) => v === null || demoVillages.some((village) => findGrid(village.id, v)), 'unknown grid');

/** Where an account stands: its role and the place that goes with it. */
export interface Placement {
  role: Role;
  village: string | null;
  agency: string | null;
  grid: string | null;
}

/** Why an account may not have the grid asked for (SPEC A-ACCT-3); the admin screen maps each to a message. */
export const gridRefusal = {
  notGridWorker: 'grid_not_grid_worker',
  notInVillage: 'grid_not_in_village',
} as const;
export type GridRefusal = (typeof gridRefusal)[keyof typeof gridRefusal];

/** Only a grid worker has a grid, and only one of their own village (SPEC A-ACCT-3). */
export function gridProblem(placement: Omit<Placement, 'agency'>): GridRefusal | null {
  if (placement.grid === null) return null;
  if (placement.role !== 'gridWorker') return gridRefusal.notGridWorker;
  if (placement.village === null || !findGrid(placement.village, placement.grid)) {
    return gridRefusal.notInVillage;
  }
  return null;
}

/** Where a role and its village, department and grid must agree (checked on create and on every change). */
export function placementProblem(placement: Placement): string | null {
  const { role, village: villageId, agency: agencyId } = placement;
  if (villageRoles.includes(role) && villageId === null) return 'this role belongs to a village: choose one';
  if (role === 'department' && agencyId === null) return 'a department account needs its department';
  if (role !== 'department' && agencyId !== null) return 'only department accounts have a department';
  switch (gridProblem(placement)) {
    case 'grid_not_grid_worker':
      return 'only grid workers have a grid';
    case 'grid_not_in_village':
      return 'the grid is not one of the account’s village';
    case null:
      return null;
  }
}

/**
 * The grid an account keeps when a change does not mention it: the one it had while it still fits the role and
 * village, else none, so moving a grid worker to another village never leaves them a grid of the old one.
 */
export function keptGrid(after: Omit<Placement, 'agency'>): string | null {
  return gridProblem(after) === null ? after.grid : null;
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
  /** Absent reads as none, so clients from before grids still add accounts. */
  grid: grid.default(null),
  password: passwordSchema,
});
export type NewAccount = z.infer<typeof newAccountSchema>;

/**
 * `PATCH /api/admin/accounts/:id`: any of these; `password` sets a new one and ends the person's sessions. A
 * change that leaves `grid` out keeps the account's grid only while it still fits (SPEC A-ACCT-3).
 */
export const accountChangeSchema = z
  .object({
    displayName: z.string().trim().min(1).max(64),
    role: z.enum(roles),
    village,
    agency,
    grid,
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
