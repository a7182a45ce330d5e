import { lstat, mkdir, realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep, win32 } from 'node:path';

/** Raised instead of touching a path that is not plainly inside the folder; the message says which and why. */
export class RefusedPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RefusedPathError';
  }
}

export interface ConfinedDir {
  /** The folder as the user named it (for messages). */
  readonly dir: string;
  /**
   * The absolute path of `name` inside the folder, or a RefusedPathError. Names are relative paths
   * in normal form (`zh-hans/articles/1/index.html`); whatever could lead elsewhere is refused
   * outright rather than repaired, since only a tampered manifest or a bad page name produces it.
   */
  path(name: string): Promise<string>;
}

const isErrno = (e: unknown, code: string) => e instanceof Error && (e as NodeJS.ErrnoException).code === code;

/** Creates the folder if needed; every path asked for afterwards must stay inside its real location. */
export async function confinedDir(dir: string): Promise<ConfinedDir> {
  await mkdir(dir, { recursive: true });
  // The folder itself may be reached through a link the user chose; what it resolves to is the boundary.
  const root = await realpath(dir);
  const inside = (p: string) => {
    const rel = relative(root, p);
    return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
  };

  // Folders already seen to be real folders (not links) in this run: each is checked once.
  const realDirs = new Set<string>();

  return {
    dir,
    async path(name: string): Promise<string> {
      const refuse = (reason: string): never => {
        throw new RefusedPathError(`${JSON.stringify(name)} is not a path inside ${dir} (${reason}); nothing outside it is written or removed`);
      };
      if (typeof name !== 'string' || name === '') refuse('empty');
      if (name.includes('\0')) refuse('it has a NUL character');
      if (isAbsolute(name) || win32.isAbsolute(name)) refuse('it is absolute');
      if (name.includes('\\')) refuse('it has a backslash');
      if (name.split('/').some((s) => s === '' || s === '.' || s === '..')) refuse('it has an empty, "." or ".." part');
      const full = resolve(root, name);
      if (!inside(full)) refuse('it resolves outside');
      // A link on the way (a folder or the file itself) must not lead out: writing or removing
      // through it would act on its target. Parts that do not exist yet are created as real folders.
      let at = root;
      for (const part of relative(root, full).split(sep)) {
        at = join(at, part);
        if (realDirs.has(at)) continue;
        try {
          const st = await lstat(at);
          if (st.isDirectory()) realDirs.add(at);
          if (!st.isSymbolicLink()) continue;
        } catch (e) {
          if (isErrno(e, 'ENOENT')) break;
          throw e;
        }
        let target: string | null = null;
        try {
          target = await realpath(at);
        } catch {
          target = null; // a dangling link: writing through it would create its target, wherever that is
        }
        if (target === null || (target !== root && !inside(target))) refuse(`${relative(root, at)} is a link that leads outside`);
      }
      return full;
    },
  };
}
