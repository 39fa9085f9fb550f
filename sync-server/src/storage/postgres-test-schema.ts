import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { connectPostgres } from './postgres-database.ts';

/** The PostgreSQL every machine runs (trust auth, database `test`); `.ci/run` starts it if it is down. */
export const testDatabaseUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * A schema of its own for one test, so tests never see each other's rows: a migrated pool on it, and `drop`,
 * which ends the pool and drops the schema.
 */
export async function testSchema(): Promise<{ pool: pg.Pool; schema: string; drop(): Promise<void> }> {
  const schema = `concord_test_${randomUUID().replaceAll('-', '')}`;
  const pool = await connectPostgres({ connectionString: testDatabaseUrl, schema });
  return {
    pool,
    schema,
    async drop() {
      await pool.end();
      await dropSchema(schema);
    },
  };
}

/** Drops a test's schema and everything in it. */
export async function dropSchema(schema: string): Promise<void> {
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  try {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
  } finally {
    await admin.end();
  }
}
