import type { Kysely, Selectable } from 'kysely';
import type { Database } from './schema.ts';
import type { Actx, SessionRecord, SessionRepository, User, UserRepository } from './ports.ts';
import type { Role } from '../domain/roles.ts';
import { DomainError } from '../domain/errors.ts';
import { appendAudit } from './kysely-journal.ts';

/** The settings row that records the first admin was made by setup. */
const FIRST_ADMIN_KEY = 'setup:first-admin';

export class KyselyUsers implements UserRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private async toUser(row: Selectable<Database['users']>): Promise<User> {
    const roles = await this.db.selectFrom('user_roles').select('role').where('user_id', '=', row.id).orderBy('role').execute();
    return {
      id: Number(row.id),
      login: row.login,
      displayName: row.display_name,
      roles: roles.map((r) => r.role as Role),
      disabled: Number(row.disabled) === 1,
      createdAt: row.created_at,
    };
  }

  async create(input: { login: string; displayName: string; passwordHash: string; roles: Role[]; firstAdmin?: { via: string } }, ctx: Actx): Promise<User> {
    const id = await this.db.transaction().execute(async (tx) => {
      if (input.firstAdmin) {
        // The claim is a row with a fixed key: a second transaction inserting it waits for the first
        // (PostgreSQL's unique index; SQLite's write lock, taken when the transaction begins) and
        // then finds it there. An admin made another way (heitu user add, a restore) counts too.
        const admin = await tx.selectFrom('user_roles').select('user_id').where('role', '=', 'admin').executeTakeFirst();
        const claimed = admin
          ? undefined
          : await tx.insertInto('settings').values({ key: FIRST_ADMIN_KEY, value: input.login }).onConflict((oc) => oc.column('key').doNothing()).returning('key').executeTakeFirst();
        if (!claimed) throw new DomainError('NOT_FOUND', 'the site already has an admin: accounts are made in the newsroom or with heitu user add');
      }
      const exists = await tx.selectFrom('users').select('id').where('login', '=', input.login).executeTakeFirst();
      if (exists) throw new DomainError('USER_EXISTS', `the login ${input.login} is taken`, 'login');
      const row = await tx
        .insertInto('users')
        .values({ login: input.login, display_name: input.displayName, password_hash: input.passwordHash, disabled: 0, created_at: new Date().toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow();
      const userId = Number(row.id);
      if (input.roles.length) await tx.insertInto('user_roles').values([...new Set(input.roles)].map((role) => ({ user_id: userId, role }))).execute();
      await appendAudit(tx, ctx, { action: 'user.create', detail: { userId, login: input.login, roles: input.roles } });
      if (input.firstAdmin) await appendAudit(tx, ctx, { action: 'site.setup', detail: { userId, login: input.login, via: input.firstAdmin.via } });
      return userId;
    });
    return (await this.byId(id))!;
  }

  async byId(id: number): Promise<User | null> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? this.toUser(row) : null;
  }

  async byLogin(login: string): Promise<(User & { passwordHash: string }) | null> {
    const row = await this.db.selectFrom('users').selectAll().where('login', '=', login).executeTakeFirst();
    return row ? { ...(await this.toUser(row)), passwordHash: row.password_hash } : null;
  }

  async list(): Promise<User[]> {
    const rows = await this.db.selectFrom('users').selectAll().orderBy('id').execute();
    return Promise.all(rows.map((r) => this.toUser(r)));
  }

  private async existing(id: number): Promise<User> {
    const u = await this.byId(id);
    if (!u) throw new DomainError('NOT_FOUND', `user ${id} does not exist`);
    return u;
  }

  async setRoles(id: number, roles: Role[], ctx: Actx): Promise<User> {
    const before = await this.existing(id);
    await this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('user_roles').where('user_id', '=', id).execute();
      if (roles.length) await tx.insertInto('user_roles').values([...new Set(roles)].map((role) => ({ user_id: id, role }))).execute();
      await appendAudit(tx, ctx, { action: 'user.roles', detail: { userId: id, login: before.login, from: before.roles, to: roles } });
    });
    return this.existing(id);
  }

  async setDisplayName(id: number, displayName: string, ctx: Actx): Promise<User> {
    const before = await this.existing(id);
    await this.db.transaction().execute(async (tx) => {
      await tx.updateTable('users').set({ display_name: displayName }).where('id', '=', id).execute();
      await appendAudit(tx, ctx, { action: 'user.display_name', detail: { userId: id, login: before.login, from: before.displayName, to: displayName } });
    });
    return this.existing(id);
  }

  async setPassword(id: number, passwordHash: string, ctx: Actx): Promise<void> {
    const before = await this.existing(id);
    await this.db.transaction().execute(async (tx) => {
      await tx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute();
      await tx.deleteFrom('sessions').where('user_id', '=', id).execute();
      await appendAudit(tx, ctx, { action: 'user.password', detail: { userId: id, login: before.login } });
    });
  }

  async setDisabled(id: number, disabled: boolean, ctx: Actx): Promise<User> {
    const before = await this.existing(id);
    await this.db.transaction().execute(async (tx) => {
      await tx.updateTable('users').set({ disabled: disabled ? 1 : 0 }).where('id', '=', id).execute();
      if (disabled) await tx.deleteFrom('sessions').where('user_id', '=', id).execute();
      await appendAudit(tx, ctx, { action: disabled ? 'user.disable' : 'user.enable', detail: { userId: id, login: before.login } });
    });
    return this.existing(id);
  }
}

export class KyselySessions implements SessionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(s: SessionRecord & { ip: string | null }): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({ id: s.id, user_id: s.userId, csrf: s.csrf, created_at: s.createdAt, expires_at: s.expiresAt, ip: s.ip })
      .execute();
  }

  async get(id: string): Promise<SessionRecord | null> {
    const r = await this.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? { id: r.id, userId: Number(r.user_id), csrf: r.csrf, createdAt: r.created_at, expiresAt: r.expires_at } : null;
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', id).execute();
  }

  async deleteForUser(userId: number): Promise<void> {
    await this.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }

  async deleteExpired(now: string): Promise<number> {
    const r = await this.db.deleteFrom('sessions').where('expires_at', '<', now).executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
