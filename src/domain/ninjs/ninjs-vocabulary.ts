/**
 * Heitu's own URIs inside ninjs, so that an export carries channels and rights classes and
 * reads back to the same article.
 */
export const NINJS_CHANNEL_URI = 'urn:heitu:channel:';
export const NINJS_RIGHTS_URI = 'urn:heitu:rights-class:';
export const NINJS_SCHEMA_31 = 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json';
