import type { Hono, Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { ReaderService } from '../../services/reader-service.ts';
import { convertText } from '../../text/convert.ts';
import { UI_STRINGS } from './ui-strings.ts';
import { NEWSROOM_CSS } from './newsroom.css.ts';
import { html, jsonScript } from '../../text/safe-html.ts';

const SCRIPT_COOKIE = 'heitu_nr_script';
const clientEntry = fileURLToPath(new URL('./client/main.ts', import.meta.url));

/**
 * The web newsroom: one HTML page with the UI's words in the chosen script, and a client bundle
 * (TipTap for the editor) built with esbuild the first time it is asked for, then kept.
 */
export function mountNewsroomUi(app: Hono, reader: ReaderService): void {
  let bundle: Promise<Uint8Array> | null = null;
  const bundleJs = () =>
    (bundle ??= build({ entryPoints: [clientEntry], bundle: true, write: false, format: 'esm', minify: true, target: 'es2022', legalComments: 'none' })
      .then((r) => r.outputFiles[0]!.contents)
      .catch((e: unknown) => {
        bundle = null;
        throw e;
      }));
  // Built when someone opens the newsroom, not at start: readers never need it, and the server
  // starts faster and smaller without it. The page asks for the bundle right after.
  let hant: Record<string, string> | null = null;
  const strings = (script: 'zh-hans' | 'zh-hant') =>
    script === 'zh-hans' ? UI_STRINGS : (hant ??= Object.fromEntries(Object.entries(UI_STRINGS).map(([k, v]) => [k, convertText(v, 'zh-Hans', 'zh-Hant')])));

  const page = async (c: Context) => {
    const asked = c.req.query('script');
    if (asked === 'zh-hans' || asked === 'zh-hant') setCookie(c, SCRIPT_COOKIE, asked, { path: '/newsroom', sameSite: 'Lax', maxAge: 365 * 86400 });
    const script = asked === 'zh-hant' || asked === 'zh-hans' ? asked : getCookie(c, SCRIPT_COOKIE) === 'zh-hant' ? 'zh-hant' : 'zh-hans';
    void bundleJs().catch((e: unknown) => console.error('newsroom bundle failed:', e));
    const frame = await reader.frame();
    const dict = strings(script);
    const siteName = convertText(frame.settings.siteName, frame.settings.language, script === 'zh-hans' ? 'zh-Hans' : 'zh-Hant');
    const lang = script === 'zh-hans' ? 'zh-Hans' : 'zh-Hant';
    return c.html(
      String(html`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${dict.appName} - ${siteName}</title><link rel="stylesheet" href="/newsroom/assets/app.css">
${jsonScript('application/json', { script, strings: dict, siteName }, 'boot')}<script type="module" src="/newsroom/assets/app.js"></script></head>
<body><div id="app" aria-live="polite">${dict.loading}</div></body></html>`),
      200,
      // The script comes from ?script= or the cookie that remembers it.
      { 'cache-control': 'no-store', vary: 'Cookie' },
    );
  };
  app.get('/newsroom', page);
  app.get('/newsroom/', page);
  app.get('/newsroom/assets/app.js', async (c) => {
    const js = await bundleJs();
    return c.body(js as Uint8Array<ArrayBuffer>, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
  });
  app.get('/newsroom/assets/app.css', (c) => c.body(NEWSROOM_CSS, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache' }));
}
