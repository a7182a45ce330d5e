import { z } from 'zod';
import { route, type ApiRoute } from '../api-registry.ts';
import { mediaPatchSchema } from '../../domain/media.ts';
import { RIGHTS_DESK_ROLES, ROLES, WRITER_ROLES } from '../../domain/roles.ts';
import { DomainError } from '../../domain/errors.ts';
import { mediaQuerySchema, mediaUploadSchema, type MediaService } from '../../services/media-service.ts';

const idParam = (raw: string | undefined): number => {
  const id = raw && /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id)) throw new DomainError('NOT_FOUND', 'no such picture');
  return id;
};

/** The media library's API: writers upload and describe pictures; the rights desk takes them down. */
export function mediaApi(media: MediaService): ApiRoute[] {
  const MEDIA_ROLES = [...WRITER_ROLES, ...RIGHTS_DESK_ROLES];
  return [
    route<{ file: Buffer; fields: z.output<typeof mediaUploadSchema> }>({
      method: 'post', path: '/media', status: 201, access: WRITER_ROLES,
      summary: 'Upload a picture (multipart: file, and optionally caption, credit, alt, rightsClass, copyrightHolder, usageTerms). JPEG, PNG, WebP, AVIF, HEIC or GIF, at most 40 megapixels. The same file twice is one item (created: false).',
      form: { file: 'file', fields: mediaUploadSchema },
      handler: async ({ actor, body, ip, c }) => {
        const { item, created } = await media.upload(actor!, body.file, body.fields, ip);
        return c.json({ id: item.id, created, item }, created ? 201 : 200, { 'cache-control': 'no-store' });
      },
    }),
    route<undefined, z.output<typeof mediaQuerySchema>>({
      method: 'get', path: '/media', summary: 'The media library, newest first: q matches caption, credit and alt text in either script; from and to are upload dates', access: ROLES, query: mediaQuerySchema,
      handler: async ({ query }) => media.search(query),
    }),
    route({
      method: 'get', path: '/media/:id', summary: 'A picture with the articles that show it', access: ROLES,
      handler: async ({ params }) => media.get(idParam(params['id'])),
    }),
    route<z.output<typeof mediaPatchSchema>>({
      method: 'put', path: '/media/:id', summary: 'Change caption, credit, alt text, focal point or rights of a picture (audited; pages showing it follow)', access: MEDIA_ROLES, body: mediaPatchSchema,
      handler: async ({ actor, params, body, ip }) => media.update(actor!, idParam(params['id']), body, ip),
    }),
    route<{ reason: string }>({
      method: 'post', path: '/media/:id/take-down', summary: 'Take a picture off every article, page, feed and the content API at once (audited)', access: RIGHTS_DESK_ROLES,
      body: z.object({ reason: z.string().trim().min(1).max(1000) }),
      handler: async ({ actor, params, body, ip }) => media.takeDown(actor!, idParam(params['id']), body.reason, ip),
    }),
  ];
}
