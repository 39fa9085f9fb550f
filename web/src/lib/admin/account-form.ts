import {
  gridProblem,
  villageRoles,
  type AccountChange,
  type AccountRow,
  type NewAccount,
  type Placement,
} from '@concord/shared/auth/admin.ts';
import { roles, type Role } from '@concord/shared/auth/user.ts';
import { isDepartmentId, type DepartmentId } from '@concord/shared/org/agencies.ts';
import { findGrid, findVillage } from '@concord/shared/org/jurisdiction.ts';
import type { MessageKey } from '../i18n/translate.ts';

/**
 * Why the admin screen refuses a field before asking the server. The checks mirror `newAccountSchema`,
 * `accountChangeSchema` and `placementProblem` (shared/src/auth/admin.ts), so a refusal is shown beside its
 * field in the person's language instead of coming back from the server in English (SPEC A-ACCT-1…3).
 */
export const accountProblem = {
  usernameInvalid: 'username_invalid',
  usernameTaken: 'username_taken',
  nameRequired: 'name_required',
  nameTooLong: 'name_too_long',
  roleUnknown: 'role_unknown',
  passwordTooShort: 'password_too_short',
  passwordTooLong: 'password_too_long',
  villageRequired: 'village_required',
  villageUnknown: 'village_unknown',
  departmentRequired: 'department_required',
  departmentNotAllowed: 'department_not_allowed',
  departmentUnknown: 'department_unknown',
  gridNotAllowed: 'grid_not_allowed',
  gridNotInVillage: 'grid_not_in_village',
  selfLockout: 'self_lockout',
} as const;
export type AccountProblem = (typeof accountProblem)[keyof typeof accountProblem];

export const minPasswordLength = 8;
export const maxPasswordLength = 256;
export const maxNameLength = 64;
const usernamePattern = /^[a-z0-9][a-z0-9._-]{1,31}$/;

/** The form as typed: every field a string, `''` for "none". */
export interface AccountInput {
  username: string;
  displayName: string;
  role: string;
  village: string;
  agency: string;
  grid: string;
  password: string;
}
export type AccountField = keyof AccountInput;
export type AccountErrors = Partial<Record<AccountField, AccountProblem>>;

/**
 * Which place fields a role has on the form: a village for village staff, a department for a department, a grid
 * of the village for a grid worker.
 */
export function placeFields(role: Role): { village: boolean; agency: boolean; grid: boolean } {
  return {
    village: villageRoles.includes(role) || role === 'mediator',
    agency: role === 'department',
    grid: role === 'gridWorker',
  };
}

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

export function checkPassword(password: string): AccountProblem | null {
  if (password.length < minPasswordLength) return accountProblem.passwordTooShort;
  if (password.length > maxPasswordLength) return accountProblem.passwordTooLong;
  return null;
}

export function checkDisplayName(name: string): AccountProblem | null {
  const trimmed = name.trim();
  if (trimmed.length === 0) return accountProblem.nameRequired;
  if (trimmed.length > maxNameLength) return accountProblem.nameTooLong;
  return null;
}

/** Where role and place disagree, as `placementProblem` decides, and which field to show it beside. */
export function checkPlacement(
  placement: Placement,
): { field: 'village' | 'agency' | 'grid'; problem: AccountProblem } | null {
  const { role, village, agency } = placement;
  if (village !== null && !findVillage(village))
    return { field: 'village', problem: accountProblem.villageUnknown };
  if (agency !== null && !isDepartmentId(agency)) {
    return { field: 'agency', problem: accountProblem.departmentUnknown };
  }
  if (villageRoles.includes(role) && village === null) {
    return { field: 'village', problem: accountProblem.villageRequired };
  }
  if (role === 'department' && agency === null) {
    return { field: 'agency', problem: accountProblem.departmentRequired };
  }
  if (role !== 'department' && agency !== null) {
    return { field: 'agency', problem: accountProblem.departmentNotAllowed };
  }
  switch (gridProblem(placement)) {
    case 'grid_not_grid_worker':
      return { field: 'grid', problem: accountProblem.gridNotAllowed };
    case 'grid_not_in_village':
      return { field: 'grid', problem: accountProblem.gridNotInVillage };
    case null:
      return null;
  }
}

/** The place the form sends for a role: fields the role does not have are sent as none. */
function placeFor(role: Role, input: Pick<AccountInput, 'village' | 'agency' | 'grid'>): Placement {
  const fields = placeFields(role);
  return {
    role,
    village: fields.village && input.village !== '' ? input.village : null,
    agency: fields.agency && input.agency !== '' ? input.agency : null,
    grid: fields.grid && input.grid !== '' ? input.grid : null,
  };
}

/** A department already checked by `checkPlacement`. */
function department(agency: string | null): DepartmentId | null {
  return agency !== null && isDepartmentId(agency) ? agency : null;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: AccountErrors };

/** Checks the add-a-person form; every refusal at once, each beside its field. */
export function checkNewAccount(input: AccountInput): Checked<NewAccount> {
  const errors: AccountErrors = {};
  const username = input.username.trim();
  if (!usernamePattern.test(username)) errors.username = accountProblem.usernameInvalid;
  const name = checkDisplayName(input.displayName);
  if (name) errors.displayName = name;
  const password = checkPassword(input.password);
  if (password) errors.password = password;
  if (!isRole(input.role)) {
    errors.role = accountProblem.roleUnknown;
    return { ok: false, errors };
  }
  const place = placeFor(input.role, input);
  const placement = checkPlacement(place);
  if (placement) errors[placement.field] = placement.problem;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      username,
      displayName: input.displayName.trim(),
      role: input.role,
      village: place.village,
      agency: department(place.agency),
      grid: place.grid,
      password: input.password,
    },
  };
}

/**
 * Checks a change of name, role or place of `account`, and says what to send: only what changed, and role,
 * village, department and grid together when any of them did, so the server checks them as one placement.
 * An administrator cannot give up their own admin role (SPEC A-ACCT-1).
 */
export function checkAccountChange(
  account: AccountRow,
  input: Pick<AccountInput, 'displayName' | 'role' | 'village' | 'agency' | 'grid'>,
  self: boolean,
): Checked<AccountChange> {
  const errors: AccountErrors = {};
  const name = checkDisplayName(input.displayName);
  if (name) errors.displayName = name;
  if (!isRole(input.role)) {
    errors.role = accountProblem.roleUnknown;
    return { ok: false, errors };
  }
  if (self && input.role !== 'admin') errors.role = accountProblem.selfLockout;
  const place = placeFor(input.role, input);
  const placement = checkPlacement(place);
  if (placement) errors[placement.field] = placement.problem;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const change: AccountChange = {};
  const displayName = input.displayName.trim();
  if (displayName !== account.displayName) change.displayName = displayName;
  if (
    input.role !== account.role ||
    place.village !== account.village ||
    place.agency !== account.agency ||
    place.grid !== account.grid
  ) {
    change.role = input.role;
    change.village = place.village;
    change.agency = department(place.agency);
    change.grid = place.grid;
  }
  return { ok: true, value: change };
}

/** The message for each refusal, in the person's language. */
export function accountProblemMessage(problem: AccountProblem): MessageKey {
  switch (problem) {
    case 'username_invalid':
      return 'account_username_invalid';
    case 'username_taken':
      return 'account_username_taken';
    case 'name_required':
      return 'account_name_required';
    case 'name_too_long':
      return 'account_name_too_long';
    case 'role_unknown':
      return 'account_role_unknown';
    case 'password_too_short':
      return 'account_password_too_short';
    case 'password_too_long':
      return 'account_password_too_long';
    case 'village_required':
      return 'account_village_required';
    case 'village_unknown':
      return 'account_village_unknown';
    case 'department_required':
      return 'account_department_required';
    case 'department_not_allowed':
      return 'account_department_not_allowed';
    case 'department_unknown':
      return 'account_department_unknown';
    case 'grid_not_allowed':
      return 'account_grid_not_allowed';
    case 'grid_not_in_village':
      return 'account_grid_not_in_village';
    case 'self_lockout':
      return 'account_self_lockout';
  }
}

/** The values `{min}`, `{max}` that the messages above fill in. */
export const accountMessageParams = { min: minPasswordLength, max: maxNameLength } as const;

/** The grid the form keeps when the village chosen changes: none once it is not one of that village's. */
export function gridForVillage(village: string, grid: string): string {
  return grid !== '' && findGrid(village, grid) ? grid : '';
}
