import { sql, type Kysely, type MigrationProvider, type Migrator } from 'kysely';
import { currentSchema, schemaMigrator } from './migrator.ts';
import type { Database } from './schema.ts';
import type { BackupRepository, BackupRow } from './ports.ts';
import { BACKUP_TABLES, isBackupTable, isHeituTable } from './backup-tables.ts';

// Tables are named by the catalogue at run time, not by the typed schema: a backup made at an
// older schema names tables and columns this version's types no longer describe.
type AnyDb = Kysely<any>;

const PAGE_ROWS = 500;
/** Bound parameters per INSERT: below SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMETERS = 30_000;

/** Thrown when a restore target or a backup's content cannot be used; the message says why. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export class KyselyBackup implements BackupRepository {
  private readonly db: AnyDb;

  constructor(
    db: Kysely<Database>,
    private readonly dialect: 'sqlite' | 'postgres',
    private readonly migrations: MigrationProvider,
  ) {
    this.db = db as unknown as AnyDb;
  }

  private migrator(): Promise<Migrator> {
    return schemaMigrator(this.db, this.dialect, this.migrations);
  }

  async schemaVersion(): Promise<string | null> {
    const applied = (await (await this.migrator()).getMigrations()).filter((m) => m.executedAt);
    return applied.at(-1)?.name ?? null;
  }

  async read(visit: (table: string, rows: BackupRow[]) => Promise<void>): Promise<void> {
    const present = await this.tableColumns();
    // One connection, one transaction: every page of every table sees the database as it was
    // when the first row was read, while the site goes on writing (WAL on SQLite, MVCC on PostgreSQL).
    await this.db.connection().execute(async (conn) => {
      await sql.raw(this.dialect === 'postgres' ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN').execute(conn);
      try {
        for (const { name, key } of BACKUP_TABLES) {
          if (!present.has(name)) continue;
          if (key === null) {
            await visit(name, (await conn.selectFrom(name).selectAll().execute()) as BackupRow[]);
            continue;
          }
          let last: BackupRow | undefined;
          for (;;) {
            let q = conn.selectFrom(name).selectAll();
            if (last) {
              const after = last;
              q = q.where(sql<boolean>`(${sql.join(key.map((c) => sql.ref(c)))}) > (${sql.join(key.map((c) => after[c]))})`);
            }
            for (const c of key) q = q.orderBy(c);
            const rows = (await q.limit(PAGE_ROWS).execute()) as BackupRow[];
            if (rows.length > 0) await visit(name, rows);
            if (rows.length < PAGE_ROWS) break;
            last = rows[rows.length - 1];
          }
        }
        await sql`COMMIT`.execute(conn);
      } catch (e) {
        await sql`ROLLBACK`.execute(conn).catch(() => {});
        throw e;
      }
    });
  }

  async prepareEmpty(version: string): Promise<void> {
    const migrator = await this.migrator();
    const known = await migrator.getMigrations();
    const target = known.findIndex((m) => m.name === version);
    if (target < 0) throw new BackupError(`the backup has schema ${version}, which this version of Heitu does not know: restore it with the version that made it, or a newer one`);
    const applied = known.reduce((last, m, i) => (m.executedAt ? i : last), -1);
    if (applied > target) {
      throw new BackupError(`the database already has a newer schema (${known[applied]!.name}) than the backup (${version}): restore into a new, empty database`);
    }
    // Heitu's tables only: a restore must not mix a site into another application's schema.
    const foreign = [...(await this.tableColumns()).keys()].filter((t) => !isHeituTable(t));
    if (foreign.length) {
      throw new BackupError(`the database holds tables that are not Heitu's (${foreign.slice(0, 5).join(', ')}): restore into a database or schema of its own`);
    }
    const { error } = await migrator.migrateTo(version);
    if (error) throw new Error(`database migration to ${version} failed: ${String(error)}`, { cause: error });
    for (const name of (await this.tableColumns()).keys()) {
      if (!isBackupTable(name)) continue;
      const row = await this.db.selectFrom(name).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
      if (Number(row.n) > 0) throw new BackupError(`the database is not empty (table ${name} has ${row.n} rows): restore only into a new, empty database`);
    }
  }

  async load(batches: AsyncIterable<{ table: string; rows: BackupRow[] }>): Promise<Record<string, number>> {
    const columns = await this.tableColumns();
    const counts: Record<string, number> = {};
    await this.db.transaction().execute(async (tx) => {
      for await (const { table, rows } of batches) {
        const known = columns.get(table);
        if (!isBackupTable(table) || !known) throw new BackupError(`the backup holds a table this database has no place for: ${table}`);
        for (const row of rows) {
          const unknown = Object.keys(row).filter((c) => !known.has(c));
          if (unknown.length) throw new BackupError(`the backup's ${table} rows have columns this database lacks: ${unknown.join(', ')}`);
        }
        const width = Math.max(1, known.size);
        const chunk = Math.max(1, Math.floor(MAX_PARAMETERS / width));
        for (let i = 0; i < rows.length; i += chunk) await tx.insertInto(table).values(rows.slice(i, i + chunk)).execute();
        counts[table] = (counts[table] ?? 0) + rows.length;
      }
      // Rows came with their ids; PostgreSQL's sequences must move past them, or the next insert collides.
      // (SQLite's AUTOINCREMENT follows explicit ids by itself.)
      if (this.dialect === 'postgres') {
        for (const [table, cols] of columns) {
          if (!isBackupTable(table) || !cols.has('id') || !counts[table]) continue;
          await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), (SELECT max(id) FROM ${sql.table(table)}))`.execute(tx);
        }
      }
    });
    return counts;
  }

  /** The tables there are now and their columns (a restore target may be at an older schema). */
  private async tableColumns(): Promise<Map<string, Set<string>>> {
    const schema = await currentSchema(this.db, this.dialect);
    const tables = (await this.db.introspection.getTables()).filter((t) => t.schema === schema);
    return new Map(tables.map((t) => [t.name, new Set(t.columns.map((c) => c.name))]));
  }
}
