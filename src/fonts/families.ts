/**
 * The faces offprint sets type in. Every face is an open-licensed font vendored in `fonts/`
 * with its licence (OFL for the Source faces, the Bitstream Vera licence for DejaVu), so a brief
 * looks the same on every machine and nothing is fetched.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type FontId =
  | 'serif'
  | 'serif-italic'
  | 'serif-bold'
  | 'serif-bold-italic'
  | 'serif-semibold'
  | 'sans'
  | 'sans-italic'
  | 'sans-semibold'
  | 'mono'
  /** DejaVu Sans, for characters the Source faces lack (Greek extended, Cyrillic, symbols). */
  | 'fallback';

export const FONT_FILES: Record<FontId, string> = {
  serif: 'SourceSerif4_400Regular.ttf',
  'serif-italic': 'SourceSerif4_400Regular_Italic.ttf',
  'serif-bold': 'SourceSerif4_700Bold.ttf',
  'serif-bold-italic': 'SourceSerif4_700Bold_Italic.ttf',
  'serif-semibold': 'SourceSerif4_600SemiBold.ttf',
  sans: 'SourceSans3_400Regular.ttf',
  'sans-italic': 'SourceSans3_400Regular_Italic.ttf',
  'sans-semibold': 'SourceSans3_600SemiBold.ttf',
  mono: 'SourceCodePro_400Regular.ttf',
  fallback: 'DejaVuSans.ttf',
};

/** The face to use for a run with the given emphasis, within a family. */
export function styledFont(base: FontId, style: { bold?: boolean; italic?: boolean }): FontId {
  if (base === 'mono') return 'mono';
  if (base.startsWith('sans')) {
    if (style.bold) return 'sans-semibold';
    return style.italic ? 'sans-italic' : base;
  }
  if (style.bold && style.italic) return 'serif-bold-italic';
  if (style.bold) return 'serif-bold';
  if (style.italic) return base === 'serif-bold' ? 'serif-bold-italic' : 'serif-italic';
  return base;
}

/** `fonts/` at the package root, found from this file whether it runs from `src/` or `dist/`. */
export function fontsDirectory(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, 'fonts', FONT_FILES.serif);
    if (existsSync(candidate)) return join(dir, 'fonts');
    dir = dirname(dir);
  }
  throw new Error('offprint: the fonts/ folder is missing from the installation');
}
