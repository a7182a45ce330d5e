import type { Context } from 'hono';
import { DomainError, isDomainError } from '../domain/errors.ts';
import { controlCharacterError } from './control-characters.ts';

export interface FormInput {
  /** A text field, '' when absent (or sent as a file). */
  text(name: string): string;
  /** The non-empty files sent under `name`, read into memory (each within the upload limit). */
  files(name: string): Promise<Array<{ name: string; bytes: Uint8Array }>>;
}

/**
 * Reads a multipart form the one way every route does: a body over its limit
 * comes back as the guard's PAYLOAD_TOO_LARGE (request-guard.ts counted it while it streamed),
 * and a control character in a field, a field's name or a file's name as
 * INPUT_CONTROL_CHARACTER, before any route sees a value.
 */
export async function readForm(c: Context): Promise<FormInput | DomainError> {
  // The public forms are multipart (they take files), where the edge counts parts; a urlencoded
  // body of a million empty fields would be parsed whole before anything could refuse it.
  if (!/^multipart\/form-data\s*;/i.test(c.req.header('content-type') ?? '')) {
    return new DomainError('VALIDATION_FAILED', 'the form is sent as multipart/form-data, as the page sends it', 'body');
  }
  let form: Record<string, string | File | Array<string | File>>;
  try {
    form = await c.req.parseBody({ all: true });
  } catch (e) {
    const cause = e instanceof Error && isDomainError(e.cause) ? e.cause : e;
    if (isDomainError(cause)) return cause;
    return new DomainError('VALIDATION_FAILED', 'the form could not be read', 'body');
  }
  for (const [name, value] of Object.entries(form)) {
    const bad = controlCharacterError(name, 'a field name', false);
    if (bad) return bad;
    for (const v of ([] as Array<string | File>).concat(value)) {
      const e = typeof v === 'string' ? controlCharacterError(v, name, true) : controlCharacterError(v.name, `the name of a file in ${name}`, false);
      if (e) return e;
    }
  }
  return {
    text: (name) => {
      const v = form[name];
      return typeof v === 'string' ? v : '';
    },
    files: (name) =>
      Promise.all(
        ([] as unknown[])
          .concat(form[name] ?? [])
          .filter((f): f is File => f instanceof File && f.size > 0)
          .map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
      ),
  };
}
