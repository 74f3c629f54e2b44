export { FONT_FILES, fontsDirectory, styledFont, type FontId } from './families.js';
export { embeddingFont, faceInfo, font, fontBuffer, hasFeature, hasGlyph, shape, textWidth, type FaceInfo, type ShapedGlyph, type ShapedText } from './shaping.js';
