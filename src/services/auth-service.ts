import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Store, User } from '../store/ports.ts';
import type { Actor } from '../domain/roles.ts';
import { DomainError } from '../domain/errors.ts';

export const SESSION_HOURS = 12;
/**
 * Password checks allowed per account and per address in the window before they are refused;
 * a check that succeeds does not count.
 */
export const THROTTLE = { windowMinutes: 15, perLogin: 5, perIp: 20 };

export interface SessionView {
  actor: Actor;
  csrf: string;
  sessionId: string;
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Session ids are stored as hashes: a leaked database does not hand out live sessions. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function hashPassword(password: string): Promise<string> {
  // argon2id with the library's defaults (m=19 MiB, t=2, p=1: OWASP's minimum for argon2id).
  return hash(password);
}

export function toActor(u: User): Actor {
  return { id: u.id, login: u.login, displayName: u.displayName, roles: u.roles };
}

/**
 * Checks a password against an account, counted against the throttle whatever the outcome until
 * it is known: a slot per login and per address is taken in the database before the (slow) hash
 * is verified, and given back only when the password was right. So parallel guesses, also
 * through several processes, get at most the limit between them.
 */
// A real hash to verify against when the login does not exist, so timing does not reveal which
// logins do: made once per process, on the first check, not by every service or CLI run at start.
let dummy: Promise<string> | null = null;
const dummyHash = (): Promise<string> => (dummy ??= hash(randomToken()));

export function createPasswordCheck(store: Store, now: () => Date = () => new Date()) {
  let prunedAt = 0;
  return {
    /** The account when the password is right, null when not; AUTH_THROTTLED when there were too many failures. */
    async check(login: string, password: string, ip: string | null, failure: { action: string; detail?: Record<string, unknown> }): Promise<(User & { passwordHash: string }) | null> {
      const at = now();
      const windowStartsAfter = new Date(at.getTime() - THROTTLE.windowMinutes * 60_000).toISOString();
      if (at.getTime() - prunedAt > THROTTLE.windowMinutes * 60_000) {
        prunedAt = at.getTime();
        await store.throttle.prune(windowStartsAfter);
      }
      const keys = [{ key: `login:${login}`, limit: THROTTLE.perLogin }, ...(ip ? [{ key: `ip:${ip}`, limit: THROTTLE.perIp }] : [])];
      const slots = await store.throttle.take(keys, at.toISOString(), windowStartsAfter);
      if (!slots) {
        await store.audit.append({ actorId: null, actorLogin: login, ip }, { action: 'login.throttled' });
        throw new DomainError('AUTH_THROTTLED', `too many failed logins; try again in ${THROTTLE.windowMinutes} minutes`);
      }
      const user = await store.users.byLogin(login);
      const ok = user && !user.disabled ? await verify(user.passwordHash, password) : (await verify(await dummyHash(), password), false);
      if (!user || !ok) {
        await store.audit.append({ actorId: user?.id ?? null, actorLogin: login, ip }, { action: failure.action, ...(failure.detail ? { detail: failure.detail } : {}) });
        return null;
      }
      await store.throttle.release(slots);
      return user;
    },
  };
}

export function createAuthService(store: Store, now: () => Date = () => new Date()) {
  const passwords = createPasswordCheck(store, now);

  return {
    async login(login: string, password: string, ip: string | null): Promise<{ token: string; csrf: string; actor: Actor; expiresAt: string }> {
      const user = await passwords.check(login, password, ip, { action: 'login.failed' });
      if (!user) throw new DomainError('AUTH_FAILED', 'wrong login or password');
      const token = randomToken();
      const csrf = randomToken();
      const createdAt = now().toISOString();
      const expiresAt = new Date(now().getTime() + SESSION_HOURS * 3_600_000).toISOString();
      await store.sessions.create({ id: sessionIdOf(token), userId: user.id, csrf, createdAt, expiresAt, ip });
      await store.audit.append({ actorId: user.id, actorLogin: user.login, ip }, { action: 'login' });
      return { token, csrf, actor: toActor(user), expiresAt };
    },

    async logout(token: string, ip: string | null): Promise<void> {
      const session = await store.sessions.get(sessionIdOf(token));
      if (!session) return;
      await store.sessions.delete(session.id);
      const user = await store.users.byId(session.userId);
      await store.audit.append({ actorId: session.userId, actorLogin: user?.login ?? null, ip }, { action: 'logout' });
    },

    async resolve(token: string | undefined): Promise<SessionView | null> {
      if (!token || token.length > 100) return null;
      const session = await store.sessions.get(sessionIdOf(token));
      if (!session || session.expiresAt <= now().toISOString()) return null;
      const user = await store.users.byId(session.userId);
      if (!user || user.disabled) return null;
      return { actor: toActor(user), csrf: session.csrf, sessionId: session.id };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
