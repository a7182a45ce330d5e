import { h } from './dom.ts';
import { t } from './boot.ts';
import { ApiError } from './api.ts';
import { user } from './session.ts';
import { mediaBrowser } from './media-browser.ts';
import { mediaDetail } from './media-detail.ts';
import { imageFilesOf, uploadBox } from './media-upload.ts';
import { WRITER_ROLES, hasRole } from '../../../domain/roles.ts';

const isTextField = (el: EventTarget | null): boolean =>
  el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && el.type !== 'file') || (el instanceof HTMLElement && el.isContentEditable);

/** The media library page: upload (picker, drop or paste), browse and search, describe a picture. */
export async function mediaView(root: HTMLElement, openId?: number): Promise<void> {
  const u = user();
  const mayUpload = !!u && hasRole(u, ...WRITER_ROLES);
  const detail = h('div', { class: 'media-detail-slot' });
  const open = async (id: number) => {
    try {
      detail.replaceChildren(await mediaDetail(id, () => void browser.refresh(), () => detail.replaceChildren()));
      detail.scrollIntoView({ block: 'start' });
    } catch (e) {
      detail.replaceChildren(h('p', { class: 'notice error', role: 'alert' }, e instanceof ApiError ? e.message : String(e)));
    }
  };
  const browser = mediaBrowser('ml', (item) => void open(item.id));
  const uploads = mayUpload
    ? uploadBox('ml', (done) => {
        void browser.reload().then(() => {
          // One picture is to be described next; after several, the grid shows them first.
          if (done.length === 1) void open(done[0]!.id);
        });
      })
    : null;

  root.replaceChildren(h('h1', {}, t('media')), h('p', { class: 'hint' }, t('mediaIntro')));
  if (uploads) root.append(h('div', { class: 'card drop-zone', 'data-drop': '' }, uploads.element));
  root.append(detail, browser.element);

  if (uploads) {
    let depth = 0;
    root.addEventListener('dragenter', (ev) => {
      if (!ev.dataTransfer?.types.includes('Files')) return;
      depth++;
      root.classList.add('dragging');
    });
    root.addEventListener('dragleave', () => {
      if (--depth <= 0) {
        depth = 0;
        root.classList.remove('dragging');
      }
    });
    root.addEventListener('dragover', (ev) => {
      if (ev.dataTransfer?.types.includes('Files')) ev.preventDefault();
    });
    root.addEventListener('drop', (ev) => {
      depth = 0;
      root.classList.remove('dragging');
      if (!ev.dataTransfer?.types.includes('Files')) return;
      ev.preventDefault();
      void uploads.upload(imageFilesOf(ev.dataTransfer));
    });
    // Paste reaches the document wherever the focus is; the page gone, the listener goes too.
    const onPaste = (ev: ClipboardEvent) => {
      if (!root.isConnected || !root.contains(uploads.element)) {
        document.removeEventListener('paste', onPaste);
        return;
      }
      const files = imageFilesOf(ev.clipboardData);
      // Words pasted into a field stay words there; anywhere else, the pictures of a paste are uploaded.
      if (files.length === 0 || (isTextField(ev.target) && ev.clipboardData?.getData('text/plain').trim())) return;
      ev.preventDefault();
      void uploads.upload(files);
    };
    document.addEventListener('paste', onPaste);
  }
  await browser.reload();
  if (openId) await open(openId);
}
