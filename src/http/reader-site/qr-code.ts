import QRCode from 'qrcode';

/**
 * An article's address as a QR code, in SVG: a phone's camera or WeChat's scanner opens the page.
 * Made on the server from the public URL alone, so the same URL always gives the same bytes.
 * Error correction M survives a print or a screen photographed at an angle.
 */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
}

export const QR_CONTENT_TYPE = 'image/svg+xml; charset=utf-8';
