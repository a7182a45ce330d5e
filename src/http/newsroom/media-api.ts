import { z } from 'zod';
import { route, type ApiRoute } from '../api-registry.ts';
import { mediaPatchSchema } from '../../domain/media.ts';
import { REVIEWER_ROLES, RIGHTS_DESK_ROLES, ROLES, WRITER_ROLES } from '../../domain/roles.ts';
import { DomainError } from '../../domain/errors.ts';
import { mediaQuerySchema, mediaUploadSchema, type MediaService } from '../../services/media-service.ts';

const idParam = (raw: string | undefined): number => {
  const id = raw && /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id)) throw new DomainError('NOT_FOUND', 'no such picture');
  return id;
};

const editBody = mediaPatchSchema.extend({ baseRevision: z.number().int().min(1) });

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
    route<z.output<typeof editBody>>({
      method: 'put', path: '/media/:id',
      summary: 'Change a picture as of baseRevision (409 MEDIA_STALE_REVISION if someone changed it since). Caption, credit, alt text and focal point change at once while no published or scheduled article shows it, else the change waits for an editor\'s approval (202, item.pending); rights class, copyright holder and usage terms are the rights desk\'s. Audited with old and new values.',
      access: MEDIA_ROLES, body: editBody,
      handler: async ({ actor, params, body, ip, c }) => {
        const { item, pending } = await media.update(actor!, idParam(params['id']), body, ip);
        return c.json(item, pending ? 202 : 200, { 'cache-control': 'no-store' });
      },
    }),
    route({
      method: 'post', path: '/media/:id/approve-change', summary: 'Approve the waiting change of a picture published articles show (an editor other than its author; audited)', access: REVIEWER_ROLES,
      handler: async ({ actor, params, ip }) => media.approveChange(actor!, idParam(params['id']), ip),
    }),
    route({
      method: 'post', path: '/media/:id/discard-change', summary: 'Drop the waiting change of a picture (its author or an editor; audited)', access: MEDIA_ROLES,
      handler: async ({ actor, params, ip }) => media.discardChange(actor!, idParam(params['id']), ip),
    }),
    route<{ reason: string }>({
      method: 'post', path: '/media/:id/take-down', summary: 'Take a picture off every article, page, feed and the content API at once (audited)', access: RIGHTS_DESK_ROLES,
      body: z.object({ reason: z.string().trim().min(1).max(1000) }),
      handler: async ({ actor, params, body, ip }) => media.takeDown(actor!, idParam(params['id']), body.reason, ip),
    }),
  ];
}
