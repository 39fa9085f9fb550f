import { accountStoreContract } from './account-store.contract.ts';
import { PostgresAccountStore } from './postgres-account-store.ts';
import { testSchema } from './postgres-test-schema.ts';

accountStoreContract('PostgreSQL', async () => {
  const schema = await testSchema();
  return { store: new PostgresAccountStore(schema.pool), cleanup: () => schema.drop() };
});
