import type { Store } from '../store/ports.ts';
import type { Role } from '../domain/roles.ts';
import { hashPassword } from './auth-service.ts';

/** One demo account per role. Their passwords are printed in the README: for the demo only. */
export const DEMO_USERS: Array<{ login: string; displayName: string; roles: Role[]; password: string }> = [
  { login: 'reporter', displayName: '王曉梅', roles: ['reporter'], password: 'heitu-reporter' },
  { login: 'editor', displayName: '杜文傑', roles: ['editor'], password: 'heitu-editor' },
  { login: 'responsible', displayName: '劉靜宇', roles: ['responsible_editor'], password: 'heitu-responsible' },
  { login: 'chief', displayName: '趙國棟', roles: ['chief_editor'], password: 'heitu-chief' },
  { login: 'rights', displayName: '孫雨桐', roles: ['rights_manager'], password: 'heitu-rights' },
  { login: 'admin', displayName: '管理員', roles: ['admin'], password: 'heitu-admin' },
];

export async function seedDemoUsers(store: Store): Promise<void> {
  for (const u of DEMO_USERS) {
    if (await store.users.byLogin(u.login)) continue;
    await store.users.create({ login: u.login, displayName: u.displayName, roles: u.roles, passwordHash: await hashPassword(u.password) }, { actorId: null, actorLogin: 'demo' });
  }
}
