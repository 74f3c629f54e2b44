/**
 * A PNG's or JPEG's pixel size read from its header, without decoding it, and the bound on
 * PNGs: pdfkit decodes a PNG with transparency or interlacing in memory, so a small file that
 * claims a huge size (a decompression bomb) must be refused before it is drawn.
 */

/** Most pixels a PNG may have (a 7,000 × 5,700 picture; far more than a brief prints). */
export const MAX_PNG_PIXELS = 40_000_000;

export type PictureSize = { pixelWidth: number; pixelHeight: number; format: 'png' | 'jpeg' };

/** The size from the first bytes of a file (64 KB are enough for a JPEG's frame header). */
export function pictureSize(bytes: Buffer): PictureSize | undefined {
  if (bytes.length >= 24 && bytes.readUInt32BE(0) === 0x89504e47 && bytes.toString('latin1', 12, 16) === 'IHDR') {
    return positive(bytes.readUInt32BE(16), bytes.readUInt32BE(20), 'png');
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let at = 2;
    while (at + 9 < bytes.length) {
      if (bytes[at] !== 0xff) return undefined;
      const marker = bytes[at + 1]!;
      const segment = bytes.readUInt16BE(at + 2);
      // Start-of-frame markers carry the size; DHT (C4), JPG (C8) and DAC (CC) do not.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return positive(bytes.readUInt16BE(at + 7), bytes.readUInt16BE(at + 5), 'jpeg');
      }
      at += 2 + segment;
    }
  }
  return undefined;
}

/** Why a picture of this size is refused, or undefined when it may be drawn. */
export function tooLarge(size: PictureSize): string | undefined {
  const pixels = size.pixelWidth * size.pixelHeight;
  if (size.format === 'png' && pixels > MAX_PNG_PIXELS) return `a PNG of ${size.pixelWidth} × ${size.pixelHeight} pixels is more than offprint decodes (${MAX_PNG_PIXELS / 1e6} million); scale it down`;
  return undefined;
}

function positive(width: number, height: number, format: PictureSize['format']): PictureSize | undefined {
  return width > 0 && height > 0 && width < 100000 && height < 100000 ? { pixelWidth: width, pixelHeight: height, format } : undefined;
}
