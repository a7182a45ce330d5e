import type { Actx, Store, User } from '../store/ports.ts';
import { hasRole, type Actor, type Role } from '../domain/roles.ts';
import { DomainError } from '../domain/errors.ts';
import { createPasswordCheck, hashPassword, randomToken } from './auth-service.ts';

/** Accounts and roles: admins manage everyone; a person may change their own password. */
export function createUserAdminService(store: Store, now: () => Date = () => new Date()) {
  const passwords = createPasswordCheck(store, now);
  const ctx = (actor: Actor | null, ip: string | null) => ({ actorId: actor?.id ?? null, actorLogin: actor?.login ?? 'cli', ip });
  /** An admin who was disabled still counts, or disabling one would reopen the first-admin setup. */
  const adminExists = async (): Promise<boolean> => (await store.users.list()).some((u) => u.roles.includes('admin'));
  const createAs = async (by: Actx, input: { login: string; displayName: string; roles: Role[]; password?: string | undefined; firstAdmin?: { via: string } }) => {
    const password = input.password ?? randomToken(12);
    const { password: _given, ...rest } = input;
    const user = await store.users.create({ ...rest, passwordHash: await hashPassword(password) }, by);
    return { user, ...(input.password ? {} : { password }) };
  };
  const create = (actor: Actor | null, input: { login: string; displayName: string; roles: Role[]; password?: string | undefined }, ip: string | null = null) => createAs(ctx(actor, ip), input);
  return {
    list: (): Promise<User[]> => store.users.list(),

    adminExists,

    /** Without a password, one is generated and returned this once; it is never stored in clear. */
    create,

    /**
     * The site's first admin, only while it has none: whoever reaches a new site first must not be
     * able to add an admin to one that is running. `via` says where it came from, for the audit log.
     */
    async createFirstAdmin(input: { login: string; displayName: string; password?: string | undefined }, via: 'cli' | 'web', ip: string | null = null) {
      // Checked before hashing (a slow step) so a refused request costs little; decided again in the store.
      if (await adminExists()) throw new DomainError('NOT_FOUND', 'the site already has an admin: accounts are made in the newsroom or with heitu user add');
      // Nobody is signed in yet: the audit log names the way in instead of a person.
      return createAs({ actorId: null, actorLogin: via === 'cli' ? 'cli' : 'setup', ip }, { ...input, roles: ['admin'], firstAdmin: { via } });
    },

    async setRoles(actor: Actor, id: number, roles: Role[], ip: string | null = null): Promise<User> {
      if (actor.id === id && !roles.includes('admin')) throw new DomainError('FORBIDDEN_ROLE', 'an admin cannot take away their own admin role');
      return store.users.setRoles(id, roles, ctx(actor, ip));
    },

    /**
     * Your own password only with the current one (a session left open must not be enough to
     * take the account over), counted against login throttling; an admin sets anyone else's
     * without it, and the audit log names the admin.
     */
    async setPassword(actor: Actor, id: number, input: { password: string; currentPassword?: string | undefined }, ip: string | null = null): Promise<void> {
      if (actor.id === id) {
        if (!input.currentPassword) throw new DomainError('VALIDATION_FAILED', 'currentPassword: give your current password to set a new one', 'currentPassword');
        const user = await passwords.check(actor.login, input.currentPassword, ip, { action: 'password.change_failed', detail: { userId: id } });
        if (!user || user.id !== id) throw new DomainError('CURRENT_PASSWORD_WRONG', 'the current password is wrong', 'currentPassword');
      } else if (!hasRole(actor, 'admin')) {
        throw new DomainError('FORBIDDEN_ROLE', 'only admins set other people\'s passwords');
      }
      await store.users.setPassword(id, await hashPassword(input.password), ctx(actor, ip));
    },
  };
}

export type UserAdminService = ReturnType<typeof createUserAdminService>;
