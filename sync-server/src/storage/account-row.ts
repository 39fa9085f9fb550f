import { roles, type AccountId, type Role } from '@concord/shared/auth/user.ts';
import type { Account } from '../auth/account-store.ts';

/** The columns of an account, in the order both stores read and insert them. */
export const accountColumns =
  'id, username, display_name, role, village, agency, grid, password_hash, disabled, created_at';

function isRoleValue(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

/** An account from a row of either store (SQLite's integers and PostgreSQL's booleans and bigint strings alike). */
export function accountFromRow(row: Record<string, unknown>): Account {
  const role = row['role'];
  if (!isRoleValue(role)) throw new Error(`stored account has an unknown role: ${String(role)}`);
  const village = row['village'];
  return {
    id: String(row['id']) as AccountId,
    username: String(row['username']),
    displayName: String(row['display_name']),
    role,
    village: typeof village === 'string' ? village : null,
    agency: typeof row['agency'] === 'string' ? row['agency'] : null,
    grid: typeof row['grid'] === 'string' ? row['grid'] : null,
    passwordHash: String(row['password_hash']),
    disabled: row['disabled'] === true || Number(row['disabled']) === 1,
    createdAt: Number(row['created_at']),
  };
}
