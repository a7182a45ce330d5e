import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { confinedDir, RefusedPathError, type ConfinedDir } from './confined-dir.ts';
import { hasScheme, type NinjsPictureRef } from '../domain/ninjs/picture-from-ninjs.ts';
import { isDomainError } from '../domain/errors.ts';
import { probeImage } from './image-pipeline.ts';

/** A picture an item cannot bring: the code says which check, the message which file and why. */
export class PictureFileError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'PictureFileError';
  }
}

export interface PictureFile {
  ref: NinjsPictureRef;
  bytes: Buffer;
  /** SHA-256, hex: how the library knows a file it already has. */
  hash: string;
  /** The caption written into the file (IPTC/XMP), which the library takes when the item gives none. */
  embeddedCaption: string | null;
}

const isMissing = (e: unknown) => e instanceof Error && ['ENOENT', 'ENOTDIR', 'EISDIR'].includes((e as NodeJS.ErrnoException).code ?? '');

/**
 * Reads each picture's file from beside the imported file and checks it as an upload is checked
 * (recognised by its bytes, whole, within the pixel and size limits), writing nothing. A name that
 * would lead out of that folder (a URL, an absolute path, `..`, a link outside) is refused, not
 * followed: an import file from elsewhere must not read the server's files.
 */
export async function readPictureFiles(deps: { dir: string | null; maxFileBytes: number }, refs: readonly NinjsPictureRef[]): Promise<PictureFile[]> {
  let folder: ConfinedDir | null = null;
  const out: PictureFile[] = [];
  for (const ref of refs) {
    const refuse = (code: string, why: string): never => {
      throw new PictureFileError(code, `picture ${JSON.stringify(ref.href)}: ${why}; nothing of this item was imported`);
    };
    if (hasScheme(ref.href)) refuse('NINJS_PICTURE_REFUSED', 'only a file beside the imported file is read, never a URL (download it next to the file and name it there)');
    if (!deps.dir) refuse('NINJS_PICTURE_REFUSED', 'pictures are read from beside a named ninjs file; stdin has no folder');
    let name: string;
    try {
      name = decodeURIComponent(ref.href);
    } catch {
      return refuse('NINJS_PICTURE_REFUSED', 'the href is not a well-formed file name');
    }
    folder ??= await confinedDir(deps.dir!);
    let path: string;
    try {
      path = await folder.path(name);
    } catch (e) {
      if (e instanceof RefusedPathError) return refuse('NINJS_PICTURE_REFUSED', `it does not name a file inside the imported file's folder (${e.message.replace(/^.*\((.*)\);.*$/, '$1')})`);
      throw e;
    }
    let bytes: Buffer;
    try {
      const size = (await stat(path)).size;
      if (size > deps.maxFileBytes) refuse('PAYLOAD_TOO_LARGE', `the file is larger than ${Math.round((deps.maxFileBytes / 1024 / 1024) * 10) / 10} MB, the most accepted`);
      bytes = await readFile(path);
    } catch (e) {
      if (e instanceof PictureFileError) throw e;
      if (isMissing(e)) return refuse('NINJS_PICTURE_MISSING', 'there is no such file beside the imported file');
      throw e;
    }
    if (bytes.length === 0) refuse('UPLOAD_REJECTED', 'the file is empty');
    let embeddedCaption: string | null;
    try {
      embeddedCaption = (await probeImage(bytes)).embedded.caption;
    } catch (e) {
      if (isDomainError(e)) refuse(e.code, e.message);
      throw e;
    }
    out.push({ ref, bytes, hash: createHash('sha256').update(bytes).digest('hex'), embeddedCaption });
  }
  return out;
}
