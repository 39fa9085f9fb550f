import { docStoreContract } from './doc-store.contract.ts';
import { PostgresDocStore } from './postgres-store.ts';
import { dropSchema, testDatabaseUrl, testSchema } from './postgres-test-schema.ts';

docStoreContract('PostgreSQL', async () => {
  const { pool, schema } = await testSchema();
  return {
    store: new PostgresDocStore(pool),
    reopen: () => PostgresDocStore.connect({ connectionString: testDatabaseUrl, schema }),
    // the contract closes the store, and with it the pool
    cleanup: () => dropSchema(schema),
  };
});
