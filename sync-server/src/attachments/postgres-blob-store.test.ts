import { testSchema } from '../storage/postgres-test-schema.ts';
import { blobStoreContract } from './blob-store.contract.ts';
import { PostgresBlobStore } from './postgres-blob-store.ts';

blobStoreContract('PostgreSQL', async () => {
  const schema = await testSchema();
  return {
    store: new PostgresBlobStore(schema.pool),
    reopen: () => Promise.resolve(new PostgresBlobStore(schema.pool)),
    cleanup: () => schema.drop(),
  };
});
