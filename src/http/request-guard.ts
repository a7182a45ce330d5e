import type { Context, MiddlewareHandler } from 'hono';
import { DomainError } from '../domain/errors.ts';
import { checkFormText, checkJsonText, checkUrl } from './control-characters.ts';
import { multipartBoundary, multipartMeter } from './multipart-meter.ts';

/** What a request may carry (settings HEITU_MAX_BODY and HEITU_MAX_UPLOAD; the forms' file count). */
export interface RequestLimits {
  /** Any body: JSON, a form without files. */
  bodyBytes: number;
  /** One file of a form that takes files. */
  uploadFileBytes: number;
  /** Files a form takes at most. */
  uploadFiles: number;
}

/** A form with files: every file at its limit, and the text fields as much as any other body. */
function formBytes(limits: RequestLimits): number {
  return limits.uploadFiles * limits.uploadFileBytes + limits.bodyBytes;
}

/** A part's own header lines and the line break that ends it, on top of the file. */
const PART_OVERHEAD = 16 * 1024;
/** Text fields of a form that takes files: the tip and claim forms have fewer than ten. */
const FIELD_PARTS = 16;

export interface GuardOptions {
  limits: RequestLimits;
  /** Whether this request goes to a form that takes files (only multipart bodies are read as one). */
  takesFiles(c: Context): boolean;
  /** The answer to refused input: JSON on APIs, a page in the reader's script elsewhere. */
  refuse(c: Context, error: DomainError): Response | Promise<Response>;
  /** Query parameters whose value is never used as text, so any value is answered by the route. */
  queryExempt?(c: Context, name: string): boolean;
}

function size(bytes: number): string {
  const mb = 1024 * 1024;
  return bytes % mb === 0 ? `${bytes / mb} MB` : bytes % 1024 === 0 ? `${bytes / 1024} KB` : `${bytes} bytes`;
}

const tooLarge = (message: string) => new DomainError('PAYLOAD_TOO_LARGE', message);

/**
 * Every request passes here first, before any route reads anything from it:
 * - a control character in the path or query is refused (400 INPUT_CONTROL_CHARACTER);
 * - a body is counted as it arrives, chunked or not, whatever Content-Length says, and refused
 *   with 413 PAYLOAD_TOO_LARGE at the first byte over its limit. Bodies up to HEITU_MAX_BODY are
 *   read here whole, and their strings checked for control characters (JSON, form fields, text);
 *   a form that takes files streams through, its parts measured on the way (each file at most
 *   HEITU_MAX_UPLOAD), and its fields are checked when the route reads them (form-input.ts).
 * A refused body is never read further: the answer closes the connection instead.
 */
export function guardRequests(options: GuardOptions): MiddlewareHandler {
  const { limits } = options;
  const refuse = async (c: Context, error: DomainError): Promise<Response> => {
    const res = await options.refuse(c, error);
    // Unread bytes may follow; closing is cheaper than reading them to keep the connection.
    if (error.code === 'PAYLOAD_TOO_LARGE') res.headers.set('connection', 'close');
    return res;
  };

  return async (c, next) => {
    let boundary: string | null;
    try {
      checkUrl(new URL(c.req.url), (name) => options.queryExempt?.(c, name) ?? false);
      boundary = multipartBoundary(c.req.header('content-type'));
    } catch (e) {
      if (e instanceof DomainError) return refuse(c, e);
      throw e;
    }
    const declared = c.req.header('content-length');
    const files = boundary !== null && options.takesFiles(c);
    const limit = files ? formBytes(limits) : limits.bodyBytes;
    const over = files
      ? tooLarge(`a form is at most ${size(limit)}: ${limits.uploadFiles} files of at most ${size(limits.uploadFileBytes)} each, and the fields`)
      : tooLarge(`the request body is larger than ${size(limit)}, the most this server accepts`);
    if (declared !== undefined && !(Number(declared) <= limit)) return refuse(c, over);
    // Node gives GET and HEAD requests no body stream; whatever was sent is never read. A body
    // without a length (chunked, or made in-process) is counted like any other.
    const body = c.req.method === 'GET' || c.req.method === 'HEAD' ? null : c.req.raw.body;
    if (!body) return next();

    if (!files) {
      const bytes = await readAtMost(body, limit);
      if (!bytes) return refuse(c, over);
      const refused = controlCharacterInBody(bytes, c.req.header('content-type'));
      if (refused) return refuse(c, refused);
      c.req.raw = new Request(c.req.raw, { body: bytes });
      return next();
    }

    const meter = multipartMeter(boundary!, limits.uploadFileBytes + PART_OVERHEAD, limits.uploadFiles + FIELD_PARTS, PART_OVERHEAD);
    const source = body.getReader();
    let seen = 0;
    let tripped: DomainError | null = null;
    const counted = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await source.read();
        if (done) return controller.close();
        seen += value.byteLength;
        const verdict = seen > limit ? 'form' : meter(value);
        if (verdict === 'ok') return controller.enqueue(value);
        tripped =
          verdict === 'part-too-large' ? tooLarge(`a file is larger than ${size(limits.uploadFileBytes)}`)
          : verdict === 'headers-too-large' ? tooLarge(`the header lines of a part of a form are at most ${size(PART_OVERHEAD)}`)
          : verdict === 'too-many-parts' ? tooLarge(`a form takes at most ${limits.uploadFiles} files and a few fields`)
          : over;
        controller.error(tripped);
      },
      // Not passed on to the source: cancelling it would reset the connection before the 413 is out.
      cancel() {},
    });
    // duplex is required by fetch for a streamed body; TypeScript's RequestInit does not name it yet.
    c.req.raw = new Request(c.req.raw, { body: counted, duplex: 'half' } as RequestInit & { duplex: 'half' });
    await next();
    if (tripped) c.res = await refuse(c, tripped);
  };
}

/** The whole body, or null as soon as it is longer than `limit` (the rest is left unread). */
async function readAtMost(body: ReadableStream<Uint8Array>, limit: number): Promise<Buffer<ArrayBuffer> | null> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks, length);
    length += value.byteLength;
    if (length > limit) return null;
    chunks.push(value);
  }
}

/**
 * JSON strings and keys, form fields, or plain text: the first refused character in them. Any
 * body may be parsed as JSON by its route whatever its type says, so every one is scanned as
 * JSON; a urlencoded one is scanned decoded as well.
 */
function controlCharacterInBody(bytes: Buffer, contentType: string | undefined): DomainError | null {
  // Decoded as the platform decodes it for req.json() and req.text(): a leading byte-order mark
  // is dropped, so that what is checked here is exactly what a route parses.
  const text = new TextDecoder().decode(bytes);
  if (/^application\/x-www-form-urlencoded/i.test(contentType ?? '')) {
    const e = checkFormText(text);
    if (e) return e;
  }
  return checkJsonText(text);
}
