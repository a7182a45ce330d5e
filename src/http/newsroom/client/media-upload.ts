import type { MediaItem } from '../../../domain/media.ts';
import { h } from './dom.ts';
import { t } from './boot.ts';
import { apiForm, ApiError } from './api.ts';

/**
 * The picture files in a paste or a drop. Word puts each picture of a pasted passage in the
 * clipboard as a file beside the HTML; `items` and `files` list the same files, so only one is read.
 */
export function imageFilesOf(dt: DataTransfer | null): File[] {
  if (!dt) return [];
  const fromItems = [...dt.items].filter((i) => i.kind === 'file').map((i) => i.getAsFile()).filter((f): f is File => f !== null);
  const files = fromItems.length ? fromItems : [...dt.files];
  // The server judges a file by its bytes; an empty type (some drops) is left for it to judge.
  return files.filter((f) => f.type === '' || f.type.startsWith('image/'));
}

export interface UploadBox {
  element: HTMLElement;
  upload(files: File[]): Promise<MediaItem[]>;
}

/**
 * A file picker with a line per file saying how its upload went; refusals are said in the UI's
 * words beside the picker. `onBatch` hears which pictures are in the library after each batch,
 * whether it came from the picker or from `upload` (a drop, a paste).
 */
export function uploadBox(idPrefix: string, onBatch: (items: MediaItem[]) => void): UploadBox {
  const input = h('input', { type: 'file', id: `${idPrefix}-file`, name: 'file', accept: 'image/*,.heic,.heif', multiple: true, 'aria-describedby': `${idPrefix}-upload-hint ${idPrefix}-upload-status` });
  const status = h('ul', { id: `${idPrefix}-upload-status`, class: 'upload-status', role: 'status', 'aria-live': 'polite' });
  const upload = async (files: File[]): Promise<MediaItem[]> => {
    status.replaceChildren();
    if (files.length === 0) {
      status.append(h('li', { class: 'field-error' }, t('mediaNoImages')));
      return [];
    }
    const done: MediaItem[] = [];
    // One after another: pictures are heavy to check, and the order of the lines stays the order of the files.
    for (const file of files) {
      const name = file.name || file.type;
      const line = h('li', {}, `${t('mediaUploading')}${name}`);
      status.append(line);
      const form = new FormData();
      form.set('file', file, file.name || 'pasted');
      try {
        const r = await apiForm<{ id: number; created: boolean; item: MediaItem }>('/media', form);
        line.replaceChildren(`${t(r.created ? 'mediaUploaded' : 'mediaAlreadyThere')}${name}`);
        line.dataset['uploaded'] = String(r.id);
        done.push(r.item);
      } catch (e) {
        line.className = 'field-error';
        line.setAttribute('role', 'alert');
        line.dataset['error'] = e instanceof ApiError ? e.code : 'INTERNAL';
        line.replaceChildren(`${name}:${e instanceof ApiError ? e.message : String(e)}`);
      }
    }
    onBatch(done);
    return done;
  };
  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    void upload(files).finally(() => (input.value = ''));
  });
  return {
    element: h('div', { class: 'upload' },
      h('label', { for: `${idPrefix}-file` }, t('mediaUpload')), input,
      h('p', { class: 'hint', id: `${idPrefix}-upload-hint` }, t('mediaDropHint')),
      status),
    upload,
  };
}
