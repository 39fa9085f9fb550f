import type { AccountId, Role } from '@concord/shared/auth/user.ts';
import type { Account, AccountStore } from '../auth/account-store.ts';
import { hashPassword } from '../auth/password.ts';

interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  village: string | null;
  agency?: string;
  /** The grid a grid worker walks (SPEC A-ACCT-3). */
  grid?: string;
}

/**
 * The demo town's people: one of each role, village staff in 江亭村 (village one), the grid worker walking its
 * first grid. Listed in the README.
 */
export const demoAccounts: readonly DemoAccount[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', village: null },
  { username: 'centre1', displayName: '综治中心 周主任', role: 'governanceCentre', village: null },
  { username: 'judicial1', displayName: '司法所 李所长', role: 'judicialOffice', village: null },
  { username: 'police1', displayName: '警务室 王警官', role: 'policePost', village: null },
  { username: 'cadre1', displayName: '江亭村 陈书记', role: 'villageCadre', village: 'jiangting' },
  {
    username: 'grid1',
    displayName: '江亭村 网格员 杨梅',
    role: 'gridWorker',
    village: 'jiangting',
    grid: 'jiangting-1',
  },
  { username: 'leader1', displayName: '包案领导 刘镇长', role: 'caseLeader', village: null },
  {
    username: 'dept1',
    displayName: '自然资源所 黄工',
    role: 'department',
    village: null,
    agency: 'naturalResources',
  },
  { username: 'supervisor1', displayName: '镇党委督查 吴书记', role: 'supervisor', village: null },
];

/** Creates the demo accounts, all with `password`, when the store has no account at all. */
export async function seedDemoAccounts(
  accounts: AccountStore,
  password: string,
  now: number,
): Promise<number> {
  if ((await accounts.count()) > 0) return 0;
  const passwordHash = await hashPassword(password);
  const rows: Account[] = demoAccounts.map((demo) => ({
    id: `demo-${demo.username}` as AccountId,
    ...demo,
    agency: demo.agency ?? null,
    grid: demo.grid ?? null,
    passwordHash,
    disabled: false,
    createdAt: now,
  }));
  try {
    await accounts.create(rows);
  } catch (error) {
    // another instance starting on the same database wrote them first
    if ((await accounts.count()) > 0) return 0;
    throw error;
  }
  return rows.length;
}
