import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Image from '@tiptap/extension-image';
import { h } from './dom.ts';
import { t } from './boot.ts';
import { cleanPastedHtml } from './paste-clean.ts';

export interface RichEditor {
  element: HTMLElement;
  getHtml(): string;
  setHtml(html: string): void;
  setEditable(editable: boolean): void;
  onChange(fn: () => void): void;
}

/** A picture of the library as the body names it: the server finds its renditions by the id. */
export interface LibraryImage {
  mediaId: number;
  src: string;
  alt: string;
}

/**
 * Images keep `data-media-id`: the reader pages draw a library picture from it (all its
 * renditions), and publishing checks its alt text and rights by it.
 */
const LibraryAwareImage = Image.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      mediaId: {
        default: null,
        parseHTML: (el: HTMLElement) => (/^\d{1,12}$/.test(el.getAttribute('data-media-id') ?? '') ? el.getAttribute('data-media-id') : null),
        renderHTML: (attrs: Record<string, unknown>) => (attrs['mediaId'] ? { 'data-media-id': String(attrs['mediaId']) } : {}),
      },
    };
  },
});

export function createRichEditor(initialHtml: string, label: string, pickPicture?: () => Promise<LibraryImage | null>): RichEditor {
  const mount = h('div', { class: 'editor-body' });
  const listeners: Array<() => void> = [];
  const editor = new Editor({
    element: mount,
    // TipTap would add its base rules as a <style> element, which the Content-Security-Policy
    // refuses; they are in the newsroom's stylesheet instead.
    injectCSS: false,
    extensions: [
      StarterKit.configure({ codeBlock: false, code: false, horizontalRule: false, heading: { levels: [2, 3] }, link: { openOnClick: false } }),
      LibraryAwareImage,
    ],
    content: initialHtml || '<p></p>',
    editorProps: {
      attributes: { 'aria-label': label, role: 'textbox', 'aria-multiline': 'true' },
      // ProseMirror passes the view as a second argument; the origin must stay the page's own.
      transformPastedHTML: (html) => cleanPastedHtml(html),
    },
    onUpdate: () => listeners.forEach((fn) => fn()),
  });
  const button = (label: string, title: string, run: () => void, active: () => boolean) => {
    const b = h('button', { type: 'button', title, 'aria-label': title, 'aria-pressed': 'false' }, label);
    b.addEventListener('click', () => {
      run();
      editor.commands.focus();
    });
    editor.on('transaction', () => b.setAttribute('aria-pressed', String(active())));
    return b;
  };
  const insert = pickPicture
    ? button(t('mediaInsert'), t('mediaInsert'), () => {
        void pickPicture().then((pic) => {
          if (pic) editor.chain().focus().insertContent({ type: 'image', attrs: { src: pic.src, alt: pic.alt, mediaId: String(pic.mediaId) } }).run();
        });
      }, () => false)
    : null;
  insert?.setAttribute('data-action', 'insert-picture');
  const toolbar = h(
    'div',
    { class: 'toolbar', role: 'toolbar', 'aria-label': label },
    button('B', t('boldTitle'), () => editor.chain().toggleBold().run(), () => editor.isActive('bold')),
    button('I', t('italicTitle'), () => editor.chain().toggleItalic().run(), () => editor.isActive('italic')),
    button('H2', t('headingTitle'), () => editor.chain().toggleHeading({ level: 2 }).run(), () => editor.isActive('heading', { level: 2 })),
    button('“ ”', t('quoteTitle'), () => editor.chain().toggleBlockquote().run(), () => editor.isActive('blockquote')),
    button('•', t('listTitle'), () => editor.chain().toggleBulletList().run(), () => editor.isActive('bulletList')),
    button(t('imageTitle'), t('imageTitle'), () => {
      const src = prompt(t('imageUrl'));
      if (src && /^https?:\/\//.test(src)) editor.chain().setImage({ src }).run();
    }, () => false),
    insert,
  );
  return {
    element: h('div', { class: 'editor' }, toolbar, mount),
    getHtml: () => editor.getHTML(),
    setHtml: (html) => editor.commands.setContent(html, { emitUpdate: false }),
    setEditable: (editable) => {
      editor.setEditable(editable);
      toolbar.querySelectorAll('button').forEach((b) => (b.disabled = !editable));
    },
    onChange: (fn) => listeners.push(fn),
  };
}
