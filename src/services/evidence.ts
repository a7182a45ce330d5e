import { mkdir, writeFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { DomainError } from '../domain/errors.ts';
import type { EvidenceFile } from '../store/ports.ts';
import { downloadName } from './evidence-name.ts';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILES = 5;

/** Files are recognised by their first bytes, never by their name: images and PDF only. */
export function sniffEvidence(bytes: Uint8Array): string | null {
  const b = (i: number) => bytes[i] ?? -1;
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return 'image/png';
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'image/jpeg';
  if (b(0) === 0x47 && b(1) === 0x49 && b(2) === 0x46 && b(3) === 0x38) return 'image/gif';
  if (b(0) === 0x52 && b(1) === 0x49 && b(2) === 0x46 && b(3) === 0x46 && b(8) === 0x57 && b(9) === 0x45 && b(10) === 0x42 && b(11) === 0x50) return 'image/webp';
  if (b(0) === 0x25 && b(1) === 0x50 && b(2) === 0x44 && b(3) === 0x46 && b(4) === 0x2d) return 'application/pdf';
  return null;
}

/**
 * Checks every file first, then stores them under random names with no extension; nothing is kept
 * if one is refused. `maxFileBytes` is the setting HEITU_MAX_UPLOAD, which the HTTP edge enforces
 * too, while the file streams in.
 */
export async function keepEvidence(dir: string, files: Array<{ name: string; bytes: Uint8Array }>, maxFileBytes = MAX_FILE_BYTES): Promise<Array<Omit<EvidenceFile, 'id'>>> {
  const present = files.filter((f) => f.bytes.length > 0);
  if (present.length > MAX_FILES) throw new DomainError('UPLOAD_REJECTED', `at most ${MAX_FILES} files`, 'files');
  const checked = present.map((f) => {
    if (f.bytes.length > maxFileBytes) throw new DomainError('UPLOAD_REJECTED', `${f.name} is larger than ${Math.round((maxFileBytes / 1024 / 1024) * 10) / 10} MB`, 'files');
    const contentType = sniffEvidence(f.bytes);
    if (!contentType) throw new DomainError('UPLOAD_REJECTED', `${f.name} is not an image or a PDF`, 'files');
    return { fileName: downloadName(f.name, contentType), contentType, size: f.bytes.length, bytes: f.bytes };
  });
  if (checked.length) await mkdir(dir, { recursive: true });
  const out = [];
  for (const f of checked) {
    const storedAs = randomUUID();
    await writeFile(join(dir, storedAs), f.bytes, { flag: 'wx' });
    out.push({ fileName: f.fileName, contentType: f.contentType, size: f.size, storedAs });
  }
  return out;
}

/**
 * A stored file as it is handed out: its type recognised again from its bytes and its name made
 * from that type, so rows kept before names were cleaned download safely too.
 */
export async function readEvidence(dir: string, file: EvidenceFile): Promise<{ bytes: Buffer; contentType: string; fileName: string }> {
  const bytes = await readFile(join(dir, file.storedAs));
  const contentType = sniffEvidence(bytes) ?? 'application/octet-stream';
  return { bytes, contentType, fileName: downloadName(file.fileName, contentType) };
}
