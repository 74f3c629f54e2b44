/**
 * Where an image may come from. Content is untrusted: a brief may only show images that sit
 * inside its content folder, and never makes offprint reach the network. An SVG is read and
 * cleaned here (model/svg.ts), so what is drawn later is only what was checked.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { MAX_SVG_BYTES, readSvg } from './svg.js';

export type ImageSource =
  | { ok: true; kind: 'raster'; path: string; pixelWidth: number; pixelHeight: number }
  | { ok: true; kind: 'svg'; svg: string; width: number; height: number; sized: boolean; notes: string[] }
  | { ok: false; reason: string };

const IMAGE_TYPES = /\.(png|jpe?g|svg)$/i;

export function resolveImage(url: string, contentDir: string | undefined): ImageSource {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) {
    return { ok: false, reason: `image "${url}" is not a local file; offprint never fetches from the network` };
  }
  if (!contentDir) return { ok: false, reason: `image "${url}" was not read: no content folder was given` };
  let decoded = url;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    // keep the raw text
  }
  if (isAbsolute(decoded)) return { ok: false, reason: `image "${url}" has an absolute path; use a path inside the content folder` };
  const root = realpathSync(contentDir);
  const target = resolve(root, decoded);
  if (!inside(root, target)) return { ok: false, reason: `image "${url}" lies outside the content folder and was not read` };
  if (!existsSync(target)) return { ok: false, reason: `image "${url}" was not found` };
  const real = realpathSync(target);
  if (!inside(root, real)) return { ok: false, reason: `image "${url}" links outside the content folder and was not read` };
  if (!statSync(real).isFile()) return { ok: false, reason: `image "${url}" is not a file` };
  if (!IMAGE_TYPES.test(real)) return { ok: false, reason: `image "${url}" is not a PNG, JPEG or SVG file` };
  if (/\.svg$/i.test(real)) {
    if (statSync(real).size > MAX_SVG_BYTES) return { ok: false, reason: `image "${url}" is an SVG larger than ${MAX_SVG_BYTES / 1e6} MB and was not read` };
    const svg = readSvg(readFileSync(real, 'utf8'), url);
    return svg.ok ? { ...svg, kind: 'svg' } : svg;
  }
  const size = imageSize(real);
  if (!size) return { ok: false, reason: `image "${url}" is not a readable PNG or JPEG file` };
  return { ok: true, kind: 'raster', path: real, ...size };
}

/** Pixel size from a PNG's IHDR or a JPEG's frame header, without decoding the image. */
function imageSize(path: string): { pixelWidth: number; pixelHeight: number } | undefined {
  const handle = openSync(path, 'r');
  try {
    const head = Buffer.alloc(65536);
    const length = readSync(handle, head, 0, head.length, 0);
    const bytes = head.subarray(0, length);
    if (bytes.length >= 24 && bytes.readUInt32BE(0) === 0x89504e47 && bytes.toString('latin1', 12, 16) === 'IHDR') {
      return positive(bytes.readUInt32BE(16), bytes.readUInt32BE(20));
    }
    if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
      let at = 2;
      while (at + 9 < bytes.length) {
        if (bytes[at] !== 0xff) return undefined;
        const marker = bytes[at + 1]!;
        const segment = bytes.readUInt16BE(at + 2);
        // Start-of-frame markers carry the size; DHT (C4), JPG (C8) and DAC (CC) do not.
        if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
          return positive(bytes.readUInt16BE(at + 7), bytes.readUInt16BE(at + 5));
        }
        at += 2 + segment;
      }
    }
    return undefined;
  } finally {
    closeSync(handle);
  }
}

function positive(width: number, height: number): { pixelWidth: number; pixelHeight: number } | undefined {
  return width > 0 && height > 0 && width < 100000 && height < 100000 ? { pixelWidth: width, pixelHeight: height } : undefined;
}

function inside(root: string, target: string): boolean {
  const path = relative(root, target);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}
