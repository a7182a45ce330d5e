import type { Store, User } from '../store/ports.ts';
import { hasRole, type Actor, type Role } from '../domain/roles.ts';
import { DomainError } from '../domain/errors.ts';
import { hashPassword, randomToken } from './auth-service.ts';

/** Accounts and roles: admins manage everyone; a person may change their own password. */
export function createUserAdminService(store: Store) {
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

    async setPassword(actor: Actor, id: number, passwordHash: string, ip: string | null = null): Promise<void> {
      if (actor.id !== id && !hasRole(actor, 'admin')) throw new DomainError('FORBIDDEN_ROLE', 'only admins set other people\'s passwords');
      await store.users.setPassword(id, passwordHash, ctx(actor, ip));
    },
  };
}

export type UserAdminService = ReturnType<typeof createUserAdminService>;
