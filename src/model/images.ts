/**
 * Where an image may come from. Content is untrusted: a brief may only show images that sit
 * inside its content folder, and never makes offprint reach the network. An SVG is read and
 * cleaned here (model/svg.ts), so what is drawn later is only what was checked.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { pictureSize, tooLarge, type PictureSize } from './picture-size.js';
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
  const large = tooLarge(size);
  if (large) return { ok: false, reason: `image "${url}": ${large}` };
  return { ok: true, kind: 'raster', path: real, pixelWidth: size.pixelWidth, pixelHeight: size.pixelHeight };
}

/** Pixel size from the file's header, without decoding the image. */
function imageSize(path: string): PictureSize | undefined {
  const handle = openSync(path, 'r');
  try {
    const head = Buffer.alloc(65536);
    const length = readSync(handle, head, 0, head.length, 0);
    return pictureSize(head.subarray(0, length));
  } finally {
    closeSync(handle);
  }
}

function inside(root: string, target: string): boolean {
  const path = relative(root, target);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}
