/**
 * The media library (issue 11 part 5), in one run on a Heitu server started in this process
 * (SQLite file and data folder in a temporary directory, demo accounts, HEITU_MAX_UPLOAD=40MB):
 *
 * 1. Upload-to-renditions throughput, images/s and MB/s: generated camera-like JPEGs (default 3, 6,
 *    8 and 12 MP; gradient, shapes, grain; quality 90; every other one with EXIF and GPS) are
 *    uploaded one at a time as a signed-in reporter (multipart POST /newsroom/api/media); an image
 *    counts as done when every rendition of `allRenditions(item)` is on disk (the prepare the upload
 *    starts in the background). Next to it, plain sharp makes the same renditions from the same bytes
 *    exactly as image-pipeline.ts's makeRenditions does (one decode scaled to the largest size needed,
 *    crops cut from it, the same encoder options), so ratio = heitu / plain throughput measures
 *    Heitu's own overhead: HTTP, multipart, probing, EXIF reading, hashing, database and files.
 *    Each round gets the files anew (a JPEG comment makes them new to Heitu's hash); heitu and
 *    plain take turns image by image, which goes first alternating; medians over rounds. Goal ≥ 0.8.
 * 2. Bytes of an article page with its lead picture: the page's HTML plus the 960w AVIF lead
 *    rendition a browser would pick, next to the same page plus the original JPEG.
 * 3. Time to first byte of a rendition over HTTP: cold (its file removed, so the request makes it)
 *    and warm (kept on disk), median and p90.
 * 4. Memory while 4 uploads run at once: RSS sampled every 20 ms (process.memoryUsage().rss) and
 *    the kernel's high-water mark (VmHWM, reset before), next to the RSS just before. With
 *    BENCH_CONCURRENT_PLAIN=1 the same four files also go through plain sharp two at once (Heitu's
 *    image-job limit), for a concurrent ratio (one sample).
 *
 *   BENCH_ROUNDS=3 BENCH_MP=3,6,8,12 BENCH_WARM=5 BENCH_CONCURRENT_PLAIN=1 npm run bench -- media
 */
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { Agent, get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { cutFrom, decodeScale, encodeRendition } from '../src/services/image-pipeline.ts';
import { loadConfig } from '../src/config.ts';
import { startServer } from '../src/main.ts';
import { allRenditions, renditionName, renditionPath, type MediaItem, type RenditionKey } from '../src/domain/media.ts';
import { signIn, writeAndApprove } from '../test/support/newsroom-people.ts';
import type { NewsroomClient } from '../test/support/newsroom-client.ts';
import { median, repoRoot } from './support.ts';

const rounds = Number(process.env['BENCH_ROUNDS'] ?? 3);
const megapixels = (process.env['BENCH_MP'] ?? '3,6,8,12').split(',').map(Number);
const warmReps = Number(process.env['BENCH_WARM'] ?? 5);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const r2 = (x: number) => Math.round(x * 100) / 100;
const r0 = (x: number) => Math.round(x);
const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

// ---------------------------------------------------------------- photos

/** Camera-like sizes for the usual megapixels; anything else is 4:3. */
const SIZES: Record<number, [number, number]> = { 3: [2048, 1536], 6: [3000, 2000], 8: [3264, 2448], 12: [4032, 3024] };
const sizeOf = (mp: number): [number, number] => SIZES[mp] ?? [Math.round(Math.sqrt((mp * 1e6 * 4) / 3)), Math.round(Math.sqrt((mp * 1e6 * 4) / 3) * 0.75)];

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** A gradient under a hundred translucent shapes, with fine grain and coarse blotches over it: encoders get real work. */
async function photo(width: number, height: number, seed: number, exif: boolean): Promise<Buffer> {
  const rnd = random(seed);
  const shapes: string[] = [];
  for (let i = 0; i < 120; i++) {
    const x = Math.round(rnd() * width);
    const y = Math.round(rnd() * height);
    const s = Math.round((0.02 + rnd() * 0.2) * Math.min(width, height));
    const paint = `fill="hsl(${Math.floor(rnd() * 360)},${30 + Math.floor(rnd() * 50)}%,${20 + Math.floor(rnd() * 60)}%)" fill-opacity="${(0.3 + rnd() * 0.6).toFixed(2)}"`;
    shapes.push(rnd() < 0.5 ? `<circle cx="${x}" cy="${y}" r="${s}" ${paint}/>` : `<rect x="${x}" y="${y}" width="${Math.round(s * 1.6)}" height="${s}" ${paint} transform="rotate(${(rnd() * 60 - 30).toFixed(1)} ${x} ${y})"/>`);
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${(seed * 47) % 360},60%,60%)"/><stop offset="1" stop-color="hsl(${(seed * 47 + 140) % 360},50%,25%)"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/>${shapes.join('')}</svg>`;
  const raw = { width, height, channels: 3 as const };
  const grain = await sharp({ create: { ...raw, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 18 } } }).raw().toBuffer();
  const blotches = await sharp({ create: { width: Math.ceil(width / 32), height: Math.ceil(height / 32), channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 24 } } })
    .resize(width, height, { kernel: 'cubic' }).raw().toBuffer();
  const flat = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer();
  let img = sharp(flat, { raw }).composite([{ input: blotches, raw, blend: 'soft-light' }, { input: grain, raw, blend: 'soft-light' }]).jpeg({ quality: 90 });
  if (exif) {
    img = img.withExif({
      IFD0: { Make: 'HeituCam', Model: 'Field 7', Artist: 'Bench Photographer', Copyright: 'Bench Newsroom', ImageDescription: '长春南湖公园的清晨' },
      IFD2: { BodySerialNumber: 'SN-99887766' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '43/1 52/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '125/1 19/1 15/1' },
    });
  }
  return img.toBuffer();
}

/** The same picture as a new file: a JPEG comment (COM segment) after the APPn segments changes its hash, not its pixels. */
function tagged(jpeg: Buffer, tag: string): Buffer {
  let at = 2;
  while (jpeg[at] === 0xff && jpeg[at + 1]! >= 0xe0 && jpeg[at + 1]! <= 0xef) at += 2 + ((jpeg[at + 2]! << 8) | jpeg[at + 3]!);
  const text = Buffer.from(tag, 'latin1');
  const com = Buffer.from([0xff, 0xfe, (text.length + 2) >> 8, (text.length + 2) & 0xff]);
  return Buffer.concat([jpeg.subarray(0, at), com, text, jpeg.subarray(at)]);
}

// ---------------------------------------------------------------- plain sharp, as makeRenditions does it

type Frame = Pick<MediaItem, 'format' | 'width' | 'height' | 'focalX' | 'focalY'>;

/**
 * One decode scaled to the largest size any rendition needs, each crop cut from it and encoded:
 * makeRenditions' steps, arithmetic and encoder settings (shared with it), without Heitu around them.
 */
async function plainRenditions(bytes: Buffer, item: Frame, keys: readonly RenditionKey[]): Promise<Buffer[]> {
  const scale = decodeScale(item, keys);
  const sw = Math.max(1, Math.round(item.width * scale));
  const sh = Math.max(1, Math.round(item.height * scale));
  const base = await sharp(bytes, { limitInputPixels: 40_000_000, failOn: 'truncated', autoOrient: true }).resize(sw, sh, { fit: 'fill' }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const out: Buffer[] = [];
  for (const key of keys) {
    const { region, height } = cutFrom(item, key, base.info);
    const img = sharp(base.data, { raw: { width: base.info.width, height: base.info.height, channels: base.info.channels } }).extract(region).resize(key.width, height, { fit: 'fill' });
    out.push(await encodeRendition(img, key.format).toBuffer());
  }
  return out;
}

// ---------------------------------------------------------------- Heitu

const dir = mkdtempSync(join(tmpdir(), 'heitu-bench-media-'));
const config = loadConfig({
  PORT: '0', HOST: '127.0.0.1', HEITU_DATA_DIR: dir, DATABASE_URL: `sqlite:${join(dir, 'heitu.sqlite')}`,
  HEITU_DEMO: '1', HEITU_MAX_UPLOAD: '40MB', HEITU_LOG_LEVEL: 'warn',
});
/** Where the server keeps pictures (found from the first original it keeps: the folder has moved before). */
let mediaRoot: string | null = null;
function findMediaRoot(hash: string): string {
  const tail = join('originals', hash.slice(0, 2), hash);
  const found = (readdirSync(dir, { recursive: true }) as string[]).find((p) => p.endsWith(tail));
  if (!found) throw new Error(`the original ${hash} is nowhere under ${dir}`);
  return join(dir, found.slice(0, -tail.length));
}
const renditionsDir = (hash: string) => join(mediaRoot ??= findMediaRoot(hash), 'renditions', hash.slice(0, 2), hash);

/** Resolves when every rendition of the item is on disk (written whole, then renamed into place). */
async function renditionsMade(item: MediaItem): Promise<void> {
  const names = allRenditions(item).map((k) => renditionName(item, k));
  const deadline = performance.now() + 120_000;
  for (;;) {
    const present = new Set(await readdir(renditionsDir(item.hash)).catch(() => [] as string[]));
    if (names.every((n) => present.has(n))) return;
    if (performance.now() > deadline) throw new Error(`renditions of ${item.hash} not made within 120 s; on disk: ${[...present].join(' ') || 'none'}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

interface Done {
  item: MediaItem;
  uploadMs: number;
  totalMs: number;
}

async function heituOne(client: NewsroomClient, bytes: Buffer, name: string): Promise<Done> {
  const t0 = performance.now();
  const r = await client.upload('/media', { bytes, name, type: 'image/jpeg' }, { alt: '湖面上的薄雾', caption: '长春南湖公园的清晨' });
  if (r.status !== 201) throw new Error(`upload of ${name}: ${r.status} ${JSON.stringify(r.json)}`);
  const uploadMs = performance.now() - t0;
  const item = r.json['item'] as MediaItem;
  await renditionsMade(item);
  return { item, uploadMs, totalMs: performance.now() - t0 };
}

/** Time to the response's headers (Heitu sends a rendition whole, so this is when it is ready). */
function ttfb(url: string, agent: Agent): Promise<{ ms: number; bytes: number; status: number }> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    httpGet(url, { agent }, (res) => {
      const ms = performance.now() - t;
      let bytes = 0;
      res.on('data', (d: Buffer) => (bytes += d.length));
      res.once('end', () => resolve({ ms, bytes, status: res.statusCode ?? 0 }));
    }).once('error', reject);
  });
}

const vm = (field: 'VmRSS' | 'VmHWM') => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) * 1024;

const results: Record<string, unknown> = {};
const site = await startServer(config);
try {
  // ---- photos
  const tg = performance.now();
  const photos: Array<{ mp: number; width: number; height: number; exif: boolean; bytes: Buffer }> = [];
  for (const [i, mp] of megapixels.entries()) {
    const [width, height] = sizeOf(mp);
    photos.push({ mp, width, height, exif: i % 2 === 1, bytes: await photo(width, height, i + 1, i % 2 === 1) });
  }
  const totalBytes = photos.reduce((n, p) => n + p.bytes.length, 0);
  const frame = (p: (typeof photos)[number]): Frame => ({ format: 'jpeg', width: p.width, height: p.height, focalX: 50, focalY: 50 });
  results['photos'] = photos.map((p) => ({ mp: r2((p.width * p.height) / 1e6), size: `${p.width}x${p.height}`, mb: mb(p.bytes.length), exif: p.exif, renditions: allRenditions(frame(p)).length }));
  console.error(`media: ${photos.length} photos generated in ${r0((performance.now() - tg) / 1000)} s, ${mb(totalBytes)} MB`);

  const reporter = await signIn(site.url, 'reporter');

  // Warm-up: the first upload and the first encodes pay for code loading and caches.
  const warm = await photo(1200, 900, 99, true);
  const warmFrame: Frame = { format: 'jpeg', width: 1200, height: 900, focalX: 50, focalY: 50 };
  await heituOne(reporter, warm, 'warm.jpg');
  await plainRenditions(warm, warmFrame, allRenditions(warmFrame));

  // ---- 1. throughput, rounds alternating the order
  const perRound: Array<{ order: string; heituSec: number; plainSec: number; uploadSec: number; ratio: number }> = [];
  const firstItems: MediaItem[] = [];
  let sameBytes: boolean | null = null;
  const imageRatios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const files = photos.map((p) => tagged(p.bytes, `heitu-bench round ${round}`));
    // Heitu and plain take turns image by image, the one going first alternating, so a noisy
    // neighbour on this shared machine weighs on both alike.
    let heituMs = 0;
    let uploadMs = 0;
    let plainMs = 0;
    for (const [i, bytes] of files.entries()) {
      const heitu = async () => {
        const d = await heituOne(reporter, bytes, `IMG_${round}${i}.JPG`);
        heituMs += d.totalMs;
        uploadMs += d.uploadMs;
        if (round === 0) firstItems.push(d.item);
        return d.totalMs;
      };
      const plain = async () => {
        const t0 = performance.now();
        const made = await plainRenditions(bytes, frame(photos[i]!), allRenditions(frame(photos[i]!)));
        const ms = performance.now() - t0;
        plainMs += ms;
        return { ms, made };
      };
      let h: number;
      let p: { ms: number; made: Buffer[] };
      if ((round + i) % 2 === 0) {
        h = await heitu();
        p = await plain();
      } else {
        p = await plain();
        h = await heitu();
      }
      imageRatios.push(p.ms / h);
      if (round === 0) {
        // The same algorithm: Heitu's files should be the plain bytes exactly.
        const item = firstItems[i]!;
        sameBytes = (sameBytes ?? true) && allRenditions(item).every((k, j) => readFileSync(join(renditionsDir(item.hash), renditionName(item, k))).equals(p.made[j]!));
      }
    }
    perRound.push({ order: round % 2 === 0 ? 'heitu first, then alternating' : 'plain first, then alternating', heituSec: heituMs / 1000, plainSec: plainMs / 1000, uploadSec: uploadMs / 1000, ratio: plainMs / heituMs });
    console.error(`media: round ${round + 1}/${rounds}: heitu ${r2(heituMs / 1000)} s (upload responses ${r2(uploadMs / 1000)} s), plain ${r2(plainMs / 1000)} s, ratio ${r2(plainMs / heituMs)}`);
  }
  const heituSec = median(perRound.map((x) => x.heituSec));
  const plainSec = median(perRound.map((x) => x.plainSec));
  results['throughput'] = {
    rounds,
    images: photos.length,
    megabytes: mb(totalBytes),
    heituImagesPerSec: r2(photos.length / heituSec),
    heituMBPerSec: r2(totalBytes / 1048576 / heituSec),
    plainImagesPerSec: r2(photos.length / plainSec),
    plainMBPerSec: r2(totalBytes / 1048576 / plainSec),
    ratio: r2(median(perRound.map((x) => x.ratio))),
    ratioPerImageMedian: r2(median(imageRatios)),
    heituUploadShare: r2(median(perRound.map((x) => x.uploadSec / x.heituSec))),
    sameBytesAsPlain: sameBytes,
    perRound: perRound.map((x) => ({ order: x.order, heituSec: r2(x.heituSec), plainSec: r2(x.plainSec), uploadSec: r2(x.uploadSec), ratio: r2(x.ratio) })),
  };

  // ---- 2. article page bytes, with the largest photo as its lead picture
  const lead = firstItems[firstItems.length - 1]!;
  const leadOf = (item: MediaItem, format: RenditionKey['format']) => statSync(join(renditionsDir(item.hash), renditionName(item, { crop: 'lead', width: 960, format }))).size;
  let pageUrl: string;
  let pageNote: string;
  try {
    const { id, responsible } = await writeAndApprove(site.url, { leadImageId: lead.id });
    await responsible.ok('POST', `/articles/${id}/publish`, {});
    pageUrl = `${site.url}/zh-hans/articles/${id}`;
    // The reader side learns of the change within a poll (about a second on SQLite).
    for (let i = 0; i < 50 && (await fetch(pageUrl)).status !== 200; i++) await new Promise((r) => setTimeout(r, 100));
    pageNote = 'an article written, approved and published with the picture as its lead';
  } catch (e) {
    const home = await (await fetch(`${site.url}/zh-hans/`)).text();
    pageUrl = `${site.url}${/href="(\/zh-hans\/articles\/\d+)"/.exec(home)?.[1] ?? '/zh-hans/'}`;
    pageNote = `a demo article (could not publish one with a lead picture: ${e instanceof Error ? e.message.split('\n')[0] : String(e)})`;
  }
  const pageRes = await fetch(pageUrl);
  const html = Buffer.from(await pageRes.arrayBuffer());
  const shows = html.includes(Buffer.from(`/media/${lead.hash}/`));
  const avif = leadOf(lead, 'avif');
  results['page'] = {
    page: new URL(pageUrl).pathname,
    note: `${pageNote}; ${shows ? 'the page shows it (<picture> with srcset), so the HTML bytes include its markup' : 'the page does not show pictures yet: its HTML bytes are counted as they are'}`,
    status: pageRes.status,
    htmlBytes: html.length,
    leadPicture: `${r2((lead.width * lead.height) / 1e6)} MP, lead-960`,
    withAvifBytes: html.length + avif,
    withOriginalJpegBytes: html.length + lead.bytes,
    saving: r2((html.length + lead.bytes) / (html.length + avif)),
    lead960: firstItems.map((item) => ({ mp: r2((item.width * item.height) / 1e6), originalBytes: item.bytes, avif: leadOf(item, 'avif'), webp: leadOf(item, 'webp'), jpeg: leadOf(item, 'jpeg') })),
  };

  // ---- 3. time to first byte, cold then warm
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const asked: RenditionKey[] = [
    { crop: 'lead', width: 960, format: 'avif' },
    { crop: 'lead', width: 480, format: 'webp' },
    { crop: '4x3', width: 640, format: 'jpeg' },
    { crop: '1x1', width: 320, format: 'avif' },
  ];
  const urls: string[] = [];
  const cold: number[] = [];
  for (const item of firstItems) {
    rmSync(renditionsDir(item.hash), { recursive: true, force: true });
    for (const key of asked) {
      const url = `${site.url}${renditionPath(item, key)}`;
      const r = await ttfb(url, agent);
      if (r.status !== 200) throw new Error(`${url}: ${r.status}`);
      cold.push(r.ms);
      urls.push(url);
    }
  }
  const warmMs: number[] = [];
  for (let i = 0; i < warmReps; i++) {
    for (const url of urls) {
      const r = await ttfb(url, agent);
      if (r.status !== 200) throw new Error(`${url}: ${r.status}`);
      warmMs.push(r.ms);
    }
  }
  agent.destroy();
  results['ttfb'] = {
    renditions: asked.map((k) => `${k.crop}-${k.width}.${k.format}`).join(', '),
    coldRequests: cold.length,
    coldP50Ms: r0(pct(cold, 50)),
    coldP90Ms: r0(pct(cold, 90)),
    warmRequests: warmMs.length,
    warmP50Ms: r2(pct(warmMs, 50)),
    warmP90Ms: r2(pct(warmMs, 90)),
  };

  // ---- 4. memory while 4 uploads run at once, then the same four through plain sharp two at once
  const four = Array.from({ length: 4 }, (_, i) => photos[i % photos.length]!);
  const files = four.map((p, i) => tagged(p.bytes, `heitu-bench memory ${i}`));
  await new Promise((r) => setTimeout(r, 200));
  const rssBefore = process.memoryUsage().rss;
  writeFileSync('/proc/self/clear_refs', '5'); // resets VmHWM to the current RSS
  let peak = rssBefore;
  let samples = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
    samples++;
  }, 20);
  const tc = performance.now();
  await Promise.all(files.map((bytes, i) => heituOne(reporter, bytes, `MEM_${i}.JPG`)));
  const concurrentHeitu = performance.now() - tc;
  clearInterval(sampler);
  const hwm = vm('VmHWM');
  const withPlain = process.env['BENCH_CONCURRENT_PLAIN'] === '1';
  const tp = performance.now();
  const queue = withPlain ? files.map((bytes, i) => ({ bytes, item: frame(four[i]!) })) : [];
  await Promise.all([0, 1].map(async () => {
    for (let job = queue.shift(); job; job = queue.shift()) await plainRenditions(job.bytes, job.item, allRenditions(job.item));
  }));
  const concurrentPlain = performance.now() - tp;
  results['memory'] = {
    uploadsAtOnce: 4,
    rssBeforeMb: mb(rssBefore),
    rssPeakSampledMb: mb(peak),
    vmHwmMb: mb(hwm),
    growthMb: mb(Math.max(peak, hwm) - rssBefore),
    samples,
    note: 'one process: the server and this benchmark (its photos are in the RSS before)',
  };
  results['concurrent'] = {
    images: 4,
    heituSec: r2(concurrentHeitu / 1000),
    ...(withPlain
      ? { plainTwoAtOnceSec: r2(concurrentPlain / 1000), ratio: r2(concurrentPlain / concurrentHeitu), note: 'one sample: Heitu with 4 uploads at once (2 image jobs at a time), plain sharp 2 files at a time' }
      : { note: 'Heitu with 4 uploads at once (2 image jobs at a time); BENCH_CONCURRENT_PLAIN=1 adds plain sharp 2 files at a time' }),
  };
} finally {
  await site.stop();
  rmSync(dir, { recursive: true, force: true });
}

// ---- report
const t = results['throughput'] as Record<string, number>;
const pg = results['page'] as Record<string, number | string>;
const tt = results['ttfb'] as Record<string, number>;
const m = results['memory'] as Record<string, number>;
const c = results['concurrent'] as Record<string, number>;
const rows: Array<[string, string, string, string]> = [
  ['measure', 'heitu', 'plain sharp', 'ratio'],
  ['upload→renditions images/s', String(t['heituImagesPerSec']), String(t['plainImagesPerSec']), `${t['ratio']} (goal ≥ 0.8)`],
  ['upload→renditions MB/s', String(t['heituMBPerSec']), String(t['plainMBPerSec']), ''],
  ['4 at once, seconds', String(c['heituSec']), String(c['plainTwoAtOnceSec'] ?? '(BENCH_CONCURRENT_PLAIN=1)'), String(c['ratio'] ?? '')],
  ['page + lead AVIF 960w, bytes', String(pg['withAvifBytes']), `${pg['withOriginalJpegBytes']} (original JPEG)`, `${pg['saving']}× smaller`],
  ['rendition TTFB cold p50/p90 ms', `${tt['coldP50Ms']} / ${tt['coldP90Ms']}`, '', ''],
  ['rendition TTFB warm p50/p90 ms', `${tt['warmP50Ms']} / ${tt['warmP90Ms']}`, '', ''],
  ['RSS before / peak sampled / HWM MB', `${m['rssBeforeMb']} / ${m['rssPeakSampledMb']} / ${m['vmHwmMb']}`, '', ''],
];
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
console.log(`\n${photoList()} — median of ${t['rounds']} rounds; same bytes as plain sharp: ${t['sameBytesAsPlain']}`);
for (const r of rows) console.log(r.map((x, i) => x.padEnd(widths[i]!)).join('  '));
function photoList(): string {
  return (results['photos'] as Array<{ mp: number; mb: number }>).map((p) => `${p.mp} MP ${p.mb} MB`).join(', ');
}
console.log(JSON.stringify(results));
mkdirSync(join(repoRoot, 'test-output/bench'), { recursive: true });
writeFileSync(join(repoRoot, 'test-output/bench/media.json'), `${JSON.stringify(results, null, 2)}\n`);
