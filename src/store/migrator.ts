import { Migrator, sql, type Kysely, type MigrationProvider } from 'kysely';
import { DomainError } from '../domain/errors.ts';

// Kysely's Migrator takes Kysely<any>: it runs before and between typed schemas.
type AnyDb = Kysely<any>;

/** The connection's own schema on PostgreSQL (undefined on SQLite), to read only its tables. */
export async function currentSchema(db: AnyDb, dialect: 'sqlite' | 'postgres'): Promise<string | undefined> {
  if (dialect !== 'postgres') return undefined;
  const { rows } = await sql<{ schema: string | null }>`SELECT current_schema() AS schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new DomainError('CONFIG_INVALID', 'DATABASE_URL: PostgreSQL has no schema to work in (the search_path names none that exists): create the schema first');
  return schema;
}

/**
 * A migrator that keeps its bookkeeping tables in the schema the connection works in. Kysely
 * otherwise looks for them in every schema it can see, so on a PostgreSQL database holding
 * another Heitu schema (a second site, a test run) it finds that one's table, skips creating its
 * own, and then fails on the missing one.
 */
export async function schemaMigrator(db: AnyDb, dialect: 'sqlite' | 'postgres', provider: MigrationProvider): Promise<Migrator> {
  const schema = await currentSchema(db, dialect);
  return new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
}
