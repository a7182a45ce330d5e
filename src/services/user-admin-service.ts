import type { Store, User } from '../store/ports.ts';
import { hasRole, type Actor, type Role } from '../domain/roles.ts';
import { DomainError } from '../domain/errors.ts';
import { createPasswordCheck, hashPassword, randomToken } from './auth-service.ts';

/** Accounts and roles: admins manage everyone; a person may change their own password. */
export function createUserAdminService(store: Store, now: () => Date = () => new Date()) {
  const passwords = createPasswordCheck(store, now);
  const ctx = (actor: Actor | null, ip: string | null) => ({ actorId: actor?.id ?? null, actorLogin: actor?.login ?? 'cli', ip });
  return {
    list: (): Promise<User[]> => store.users.list(),

    /** Without a password, one is generated and returned this once; it is never stored in clear. */
    async create(actor: Actor | null, input: { login: string; displayName: string; roles: Role[]; password?: string | undefined }, ip: string | null = null) {
      const password = input.password ?? randomToken(12);
      const user = await store.users.create({ login: input.login, displayName: input.displayName, roles: input.roles, passwordHash: await hashPassword(password) }, ctx(actor, ip));
      return { user, ...(input.password ? {} : { password }) };
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
