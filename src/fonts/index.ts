export { FONT_FILES, fontsDirectory, styledFont, type FontId } from './families.js';
export { faceInfo, font, fontBuffer, hasGlyph, shape, textWidth, type FaceInfo, type ShapedGlyph, type ShapedText } from './shaping.js';
