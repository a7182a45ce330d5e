import { Ajv2020, type ValidateFunction, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Validation against the IPTC's own ninjs schemas (vendored in `schemas/ninjs`). The version of
 * an item is what its `standard.version` says; without one, the casing of its properties tells
 * (2.x spells them in lower case: `versioncreated`, 3.x in camel case: `versionCreated`).
 */
export type NinjsMajor = '2' | '3';
export type NinjsSchemaVersion = '2.2' | '3.0' | '3.1';

const schemaDir = fileURLToPath(new URL('../../../schemas/ninjs/', import.meta.url));
// ajv-formats is CommonJS with a default export that ESM sees one level down.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv2020) => void;

let validators: Map<NinjsSchemaVersion, ValidateFunction> | null = null;

function load(): Map<NinjsSchemaVersion, ValidateFunction> {
  if (validators) return validators;
  const ajv = new Ajv2020({ allErrors: false, strict: false });
  addFormats(ajv);
  ajv.addSchema(JSON.parse(readFileSync(schemaDir + 'GeoJSON-schema.json', 'utf8')), 'https://geojson.org/schema/GeoJSON.json');
  validators = new Map();
  for (const v of ['2.2', '3.0', '3.1'] as const) {
    validators.set(v, ajv.compile(JSON.parse(readFileSync(`${schemaDir}ninjs-schema_${v}.json`, 'utf8'))));
  }
  return validators;
}

const V2_ONLY = ['versioncreated', 'firstcreated', 'contentcreated', 'pubstatus', 'infosources', 'rightsinfo', 'usageterms',
  'copyrightholder', 'copyrightnotice', 'embargoed', 'representationtype', 'digitalsourcetype', 'altids', 'trustindicators',
  'plannedcoverage', 'eventdetails'];
const V3_ONLY = ['versionCreated', 'firstCreated', 'contentCreated', 'pubStatus', 'infoSources', 'rightsInfo', 'usageTerms',
  'copyrightHolder', 'copyrightNotice', 'embargoedUntil', 'representationType', 'digitalSourceType', 'altIds', 'trustIndicators',
  'plannedCoverage', 'eventDetails'];

/** Which schema an item is to be read against, or why none applies. */
export function schemaVersionOf(item: Record<string, unknown>): NinjsSchemaVersion | { unsupported: string } {
  const standard = item['standard'];
  if (standard && typeof standard === 'object' && typeof (standard as Record<string, unknown>)['version'] === 'string') {
    const version = (standard as Record<string, string>)['version']!;
    if (version.startsWith('3.0')) return '3.0';
    if (version.startsWith('3.')) return '3.1';
    if (version.startsWith('2.')) return '2.2';
    return { unsupported: `ninjs ${version} is not supported: Heitu reads ninjs 3.x and 2.x` };
  }
  const keys = Object.keys(item);
  if (keys.some((k) => V3_ONLY.includes(k))) return '3.1';
  if (keys.some((k) => V2_ONLY.includes(k))) return '2.2';
  if ('headline' in item || 'body_html' in item || 'body_text' in item) {
    return { unsupported: 'this looks like ninjs 1.x (single headline/body_html): Heitu reads ninjs 3.x and 2.x' };
  }
  return '3.1';
}

export function describeErrors(errors: ErrorObject[] | null | undefined): string {
  if (!errors?.length) return 'invalid';
  return errors
    .slice(0, 3)
    .map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params['additionalProperty'])})` : ''}${e.params && 'unevaluatedProperty' in e.params ? ` (${String(e.params['unevaluatedProperty'])})` : ''}`)
    .join('; ');
}

/** null when valid, otherwise a short reason naming the schema. */
export function validateNinjs(item: unknown, version: NinjsSchemaVersion): string | null {
  const validate = load().get(version)!;
  return validate(item) ? null : `not valid ninjs ${version}: ${describeErrors(validate.errors)}`;
}
