import postgres from 'postgres';

const ADMIN_URL = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Decides once, before any worker starts, which engines the database suites use.
 * Both by default. Where PostgreSQL is not reachable (a laptop with only Node),
 * the suites run on PGlite and say so loudly — unless REQUIRE_POSTGRES=1 (CI),
 * where an unreachable server fails the run instead of shrinking it.
 */
export default async function setup(): Promise<void> {
  if (process.env.TEST_DATABASES) return;
  const sql = postgres(ADMIN_URL, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    process.env.TEST_DATABASES = 'pglite,postgres';
  } catch (error) {
    if (process.env.REQUIRE_POSTGRES === '1') {
      throw new Error(`PostgreSQL is required (REQUIRE_POSTGRES=1) but ${ADMIN_URL} is not reachable: ${(error as Error).message}`);
    }
    process.env.TEST_DATABASES = 'pglite';
    console.warn(`\n!! PostgreSQL not reachable at ${ADMIN_URL}: database suites run on PGlite only.\n`);
  } finally {
    await sql.end({ timeout: 1 });
  }
}
