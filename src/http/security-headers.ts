/**
 * Headers every response carries. HTML gets a strict Content-Security-Policy: scripts only from
 * the site itself (the reader site has none; the newsroom loads one bundle), no inline script or
 * event handler, no inline style attribute, no plugins, no <base>, and no framing by other
 * sites. Pages are cached as bytes and sent to everyone, so the policy uses no nonce: nothing
 * inline needs one. JSON-LD and the newsroom's boot data are data blocks, which CSP leaves alone.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // Article images may come from any web address the sanitiser allows (http and https).
  "img-src 'self' https: http: data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

export const HSTS = 'max-age=31536000; includeSubDomains';

export interface SecurityHeaderOptions {
  /** Only when readers reach the site over https: HSTS over http would be ignored at best. */
  hsts: boolean;
}

export function securityHeaders(contentType: string | null | undefined, options: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'cross-origin-opener-policy': 'same-origin',
  };
  // Feeds and sitemaps are XML that a browser turns into a page on this origin (the feeds name an
  // XSLT stylesheet): they are held to the same policy as HTML.
  if (contentType?.startsWith('text/html') || /^(?:application|text)\/(?:[\w.+-]+\+)?xml(?:;|$)/.test(contentType ?? '')) {
    headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
    // For browsers that predate frame-ancestors.
    headers['x-frame-options'] = 'SAMEORIGIN';
  }
  if (options.hsts) headers['strict-transport-security'] = HSTS;
  return headers;
}
