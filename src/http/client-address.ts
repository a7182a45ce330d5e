import { BlockList, isIP } from 'node:net';

/** Which peers are this site's own proxies (nginx, a load balancer), from HEITU_TRUSTED_PROXIES. */
export interface TrustedProxies {
  has(address: string): boolean;
}

/** An address as one form: `::ffff:10.0.0.1` (IPv4 on a dual-stack socket) is `10.0.0.1`. */
function plain(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

/**
 * Parses `127.0.0.1, 10.0.0.0/8, fd00::/8`. Throws on an entry that is not an address or a
 * subnet, since a typo here would silently trust or distrust every request.
 */
export function parseTrustedProxies(list: string | undefined): TrustedProxies {
  const blocks = new BlockList();
  let any = false;
  for (const entry of (list ?? '').split(',').map((e) => e.trim()).filter(Boolean)) {
    const [address = '', bits] = entry.split('/');
    const family = isIP(address);
    const prefix = bits === undefined ? undefined : Number(bits);
    if (!family || (prefix !== undefined && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= (family === 4 ? 32 : 128)))) {
      throw new Error(`HEITU_TRUSTED_PROXIES: "${entry}" is not an address or a subnet (10.0.0.0/8)`);
    }
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) blocks.addAddress(address, type);
    else blocks.addSubnet(address, prefix, type);
    any = true;
  }
  return {
    has(address: string): boolean {
      if (!any) return false;
      const a = plain(address);
      const family = isIP(a);
      return family !== 0 && blocks.check(a, family === 4 ? 'ipv4' : 'ipv6');
    },
  };
}

/**
 * The reader's address. Behind the site's own proxies it is the nearest address in
 * X-Forwarded-For that is not one of them (read from the right: entries further left were
 * written by whoever sent the request and prove nothing); without a trusted peer the header is
 * ignored, so nobody can choose the address that rate limits and the audit log see.
 */
export function clientAddress(peer: string | null, forwardedFor: string | undefined, trusted: TrustedProxies): string | null {
  if (!peer) return null;
  let address = plain(peer);
  if (!forwardedFor || !trusted.has(address)) return address;
  const hops = forwardedFor.split(',').map((h) => plain(h.trim()));
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (!isIP(hop)) break;
    address = hop;
    if (!trusted.has(hop)) break;
  }
  return address;
}
