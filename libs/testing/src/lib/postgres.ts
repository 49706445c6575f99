import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

/** Admin URL of the test server (infra/postgres/start.sh creates the role and database). */
export const TEST_PG_URL = process.env.FLOWLENS_TEST_PG_URL ?? 'postgres://flowlens:flowlens@127.0.0.1:5432/flowlens_test';

/** A fresh database per test file, so suites can run in parallel and migrate from scratch. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `flowlens_t_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => dropDatabase(name),
  };
}

/** Refused: a backend of another role (an autovacuum worker, run as the superuser) is on the database. */
const INSUFFICIENT_PRIVILEGE = '42501';

/**
 * Drops a test database, closing its sessions. FORCE may not end the server's own workers (an
 * autovacuum of the fresh database runs as the superuser), which finish within moments: retried.
 */
async function dropDatabase(name: string, attempts = 20): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const c = new Client({ connectionString: TEST_PG_URL });
    await c.connect();
    try {
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== INSUFFICIENT_PRIVILEGE || attempt >= attempts) throw error;
    } finally {
      await c.end();
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
