import { join } from 'node:path';
import type { Store } from './ports.ts';
import { openSqliteStore } from './sqlite/open-sqlite.ts';
import { openPostgresStore } from './postgres/open-postgres.ts';

/** Picks the dialect from settings: a postgres URL means PostgreSQL, anything else the embedded file. */
export function openStore(settings: { databaseUrl: string | undefined; dataDir: string }): Store {
  const url = settings.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) return openPostgresStore(url);
  return openSqliteStore(url ? url.replace(/^sqlite:(\/\/)?/, '') : join(settings.dataDir, 'heitu.sqlite'));
}
