import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { docStoreContract } from './doc-store.contract.ts';
import { PostgresDocStore } from './postgres-store.ts';

/** The PostgreSQL every machine runs (trust auth, database `test`); `.ci/run` starts it if it is down. */
const connectionString = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

docStoreContract('PostgreSQL', async () => {
  // a schema of its own per test, so tests never see each other's rows
  const schema = `concord_test_${randomUUID().replaceAll('-', '')}`;
  const store = await PostgresDocStore.connect({ connectionString, schema });
  return {
    store,
    reopen: () => PostgresDocStore.connect({ connectionString, schema }),
    async cleanup() {
      const admin = new pg.Client({ connectionString });
      await admin.connect();
      try {
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      } finally {
        await admin.end();
      }
    },
  };
});
