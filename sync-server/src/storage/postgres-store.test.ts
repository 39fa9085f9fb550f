import { docStoreContract, type DocStoreFixture } from './doc-store.contract.ts';
import { keptHistoryContract } from './kept-history.contract.ts';
import { PostgresDocStore } from './postgres-store.ts';
import { dropSchema, testDatabaseUrl, testSchema } from './postgres-test-schema.ts';

async function inTestSchema(): Promise<DocStoreFixture> {
  const { pool, schema } = await testSchema();
  return {
    store: new PostgresDocStore(pool),
    reopen: () => PostgresDocStore.connect({ connectionString: testDatabaseUrl, schema }),
    // the contract closes the store, and with it the pool
    cleanup: () => dropSchema(schema),
  };
}

docStoreContract('PostgreSQL', inTestSchema);
keptHistoryContract('PostgreSQL', inTestSchema);
