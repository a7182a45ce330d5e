/**
 * Heitu's own URIs inside ninjs, so that an export carries channels and rights classes and
 * reads back to the same article.
 */
export const NINJS_CHANNEL_URI = 'urn:heitu:channel:';
export const NINJS_RIGHTS_URI = 'urn:heitu:rights-class:';
export const NINJS_SCHEMA_31 = 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json';
/** A picture's rights class (own, agency, reader, licensed-in), as a genre of its association. */
export const NINJS_PICTURE_RIGHTS_URI = 'urn:heitu:picture-rights:';
/** A picture is named by its bytes' hash: the same picture has the same uri wherever it goes. */
export const NINJS_MEDIA_URI = 'urn:heitu:media:';
/** The altIds role of the library id that the body's `<img data-media-id>` names. */
export const NINJS_MEDIA_ID_ROLE = 'heitu:media-id';
