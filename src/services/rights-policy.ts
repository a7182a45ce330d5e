import type { Store } from '../store/ports.ts';
import { requireSettings } from './site-context.ts';

/**
 * An agreement as an ODRL 2.2 / IPTC RightsML policy (JSON-LD): the licensee may reproduce
 * (reprint) or excerpt the covered items, in the territory and period agreed, with attribution.
 */
export async function rightsPolicy(store: Store, publicUrl: string, agreementId: number): Promise<Record<string, unknown> | null> {
  const agreement = await store.rights.agreement(agreementId);
  if (!agreement) return null;
  const licensee = (await store.rights.licensee(agreement.licenseeId))!;
  const settings = await requireSettings(store);
  const s = agreement.scope;
  const constraints: Array<Record<string, unknown>> = [];
  if (s.territory.length) {
    constraints.push({ leftOperand: 'spatial', operator: 'isAnyOf', rightOperand: s.territory.map((t) => ({ '@id': `http://cvx.iptc.org/iso3166-1a3/${t}` })) });
  }
  if (s.validFrom) constraints.push({ leftOperand: 'dateTime', operator: 'gteq', rightOperand: { '@value': s.validFrom, '@type': 'xsd:dateTime' } });
  if (s.validUntil) constraints.push({ leftOperand: 'dateTime', operator: 'lt', rightOperand: { '@value': s.validUntil, '@type': 'xsd:dateTime' } });
  if (s.itemsPerDay) constraints.push({ leftOperand: 'count', operator: 'lteq', rightOperand: s.itemsPerDay, unit: 'http://www.wikidata.org/entity/Q573' });
  const duty = [{ action: 'attribute', attributedParty: { uid: `${publicUrl}/#operator`, 'vcard:fn': settings.operator }, 'dct:description': s.attribution }];
  const actions = [...(s.uses.includes('reprint') ? ['reproduce', 'distribute'] : []), ...(s.uses.includes('excerpt') ? ['extract'] : []), ...(s.uses.includes('archive') ? ['archive'] : [])];
  return {
    '@context': ['http://www.w3.org/ns/odrl.jsonld', { dct: 'http://purl.org/dc/terms/', vcard: 'http://www.w3.org/2006/vcard/ns#' }],
    '@type': 'Agreement',
    uid: `${publicUrl}/rights/policies/${agreement.id}`,
    profile: 'https://iptc.org/std/RightsML/odrl-profile/',
    assigner: { uid: `${publicUrl}/#operator`, 'vcard:fn': settings.operator },
    assignee: { uid: `${publicUrl}/licensees/${licensee.certificateNo}`, 'vcard:fn': licensee.name },
    target: { '@type': 'AssetCollection', uid: `${publicUrl}/rights/policies/${agreement.id}#assets`, 'dct:description': `channels: ${s.channels.join(', ') || 'all'}; rights classes: ${s.rights.join(', ')}; picture classes: ${s.pictures.join(', ')}` },
    ...(agreement.revokedAt ? { 'dct:valid': `revoked ${agreement.revokedAt}` } : {}),
    permission: actions.map((action) => ({ action, ...(constraints.length ? { constraint: constraints } : {}), duty })),
    prohibition: [{ action: 'modify', 'dct:description': 'Headline and body may not be altered.' }],
  };
}
