import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

const HASH = /^[0-9a-f]{64}$/;
/** What renditionName makes; anything else never reaches the disk. */
const RENDITION = /^[a-z0-9x]+-\d{1,5}-\d{1,3}-\d{1,3}\.(avif|webp|jpg)$/;

function checked(hash: string, name?: string): void {
  if (!HASH.test(hash)) throw new Error(`not a picture hash: ${JSON.stringify(hash)}`);
  if (name !== undefined && !RENDITION.test(name)) throw new Error(`not a rendition name: ${JSON.stringify(name)}`);
}

const isMissing = (e: unknown) => e instanceof Error && (e as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * Where pictures live: originals named by their hash (one file however often it is uploaded), and
 * renditions beside them, each written whole under a temporary name and then renamed, so a reader
 * never gets half a file and two instances making the same one at once both leave a whole one.
 * On PostgreSQL with several instances, this folder is shared (a network volume) like uploads.
 */
export class MediaFiles {
  constructor(readonly dir: string) {}

  originalPath(hash: string): string {
    checked(hash);
    return join(this.dir, 'originals', hash.slice(0, 2), hash);
  }

  renditionPath(hash: string, name: string): string {
    checked(hash, name);
    return join(this.dir, 'renditions', hash.slice(0, 2), hash, name);
  }

  /**
   * Files are written whole in one folder of their own, then renamed into place (the same
   * filesystem, so the rename is atomic): what a crash leaves half-written is only ever there.
   */
  private async writeWhole(path: string, bytes: Uint8Array): Promise<void> {
    await mkdir(join(path, '..'), { recursive: true });
    const tmpDir = join(this.dir, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const tmp = join(tmpDir, randomBytes(12).toString('hex'));
    try {
      await writeFile(tmp, bytes);
      await rename(tmp, path);
    } catch (e) {
      await rm(tmp, { force: true });
      throw e;
    }
  }

  /** Removes what an earlier process left half-written (older than `ageMs`: another instance may be writing now). */
  async sweepUnfinished(ageMs = 3_600_000): Promise<number> {
    const tmpDir = join(this.dir, 'tmp');
    let names: string[];
    try {
      names = await readdir(tmpDir);
    } catch (e) {
      if (isMissing(e)) return 0;
      throw e;
    }
    let removed = 0;
    for (const name of names) {
      const p = join(tmpDir, name);
      const st = await stat(p).catch(() => null);
      if (st && Date.now() - st.mtimeMs > ageMs) {
        await rm(p, { force: true });
        removed++;
      }
    }
    return removed;
  }

  /** Keeps an original; true if this call wrote it (it was not there). */
  async keepOriginal(hash: string, bytes: Uint8Array): Promise<boolean> {
    const path = this.originalPath(hash);
    if (await this.exists(path)) return false;
    await this.writeWhole(path, bytes);
    return true;
  }

  async readOriginal(hash: string): Promise<Buffer> {
    return readFile(this.originalPath(hash));
  }

  async removeOriginal(hash: string): Promise<void> {
    await rm(this.originalPath(hash), { force: true });
  }

  async readRendition(hash: string, name: string): Promise<Buffer | null> {
    try {
      return await readFile(this.renditionPath(hash, name));
    } catch (e) {
      if (isMissing(e)) return null;
      throw e;
    }
  }

  async hasRendition(hash: string, name: string): Promise<boolean> {
    return this.exists(this.renditionPath(hash, name));
  }

  async keepRendition(hash: string, name: string, bytes: Uint8Array): Promise<void> {
    await this.writeWhole(this.renditionPath(hash, name), bytes);
  }

  /** Drops every rendition of a picture (taken down: the bytes are not kept where they could be served). */
  async removeRenditions(hash: string): Promise<void> {
    checked(hash);
    await rm(join(this.dir, 'renditions', hash.slice(0, 2), hash), { recursive: true, force: true });
  }

  private async exists(path: string): Promise<boolean> {
    try {
      await stat(path);
      return true;
    } catch (e) {
      if (isMissing(e)) return false;
      throw e;
    }
  }
}
