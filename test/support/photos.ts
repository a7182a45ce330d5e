import sharp from 'sharp';

/**
 * Photos made for tests: a gradient with shapes (so encoders have real work), with the EXIF a
 * phone writes, GPS and the camera's serial number included, so tests can look for them later.
 */
export async function cameraJpeg(width = 1600, height = 1200, options: { gps?: boolean; orientation?: number; seed?: number } = {}): Promise<Buffer> {
  const seed = options.seed ?? 1;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${(seed * 47) % 360},60%,55%)"/><stop offset="1" stop-color="hsl(${(seed * 47 + 120) % 360},50%,30%)"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    <circle cx="${width * 0.7}" cy="${height * 0.35}" r="${Math.min(width, height) / 6}" fill="#fff" fill-opacity="0.7"/>
    <rect x="${width * 0.1}" y="${height * 0.6}" width="${width / 3}" height="${height / 4}" fill="#123" fill-opacity="0.6"/>
  </svg>`;
  let img = sharp(Buffer.from(svg)).jpeg({ quality: 90 });
  if (options.gps !== false) {
    img = img.withExif({
      IFD0: { Make: 'HeituCam', Model: 'Field 7', Artist: 'Test Photographer', Copyright: 'Test Newsroom' },
      IFD2: { BodySerialNumber: 'SN-99887766' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '43/1 52/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '125/1 19/1 15/1' },
    });
  }
  const jpeg = await img.toBuffer();
  return options.orientation ? sharp(jpeg).withMetadata({ orientation: options.orientation }).jpeg({ quality: 90 }).toBuffer() : jpeg;
}

export async function pngOf(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#3a6' } }).png({ compressionLevel: 9 }).toBuffer();
}
