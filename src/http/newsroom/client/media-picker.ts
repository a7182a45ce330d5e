import type { MediaItem } from '../../../domain/media.ts';
import { h } from './dom.ts';
import { t } from './boot.ts';
import { mediaBrowser } from './media-browser.ts';
import { uploadBox } from './media-upload.ts';

/**
 * A dialog over the editor to choose a picture from the library, or to upload one there and take
 * it at once. Resolves with the picture, or null when closed without one.
 */
export function pickPicture(): Promise<MediaItem | null> {
  return new Promise((resolve) => {
    let chosen: MediaItem | null = null;
    const dialog = h('dialog', { class: 'media-picker', 'aria-labelledby': 'mp-title' });
    const choose = (item: MediaItem) => {
      if (item.takenDownAt) return;
      chosen = item;
      dialog.close();
    };
    const browser = mediaBrowser('mp', choose);
    const uploads = uploadBox('mp', (done) => {
      if (done.length === 1) choose(done[0]!);
      else void browser.reload();
    });
    dialog.append(
      h('div', { class: 'media-detail-head' },
        h('h2', { id: 'mp-title' }, t('mediaPickerTitle')),
        h('button', { type: 'button', 'data-action': 'close-picker', onclick: () => dialog.close() }, t('mediaClose'))),
      uploads.element,
      browser.element,
    );
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(chosen);
    });
    document.body.append(dialog);
    dialog.showModal();
    void browser.reload();
  });
}
