// The part of unicode-properties (fontkit's own Unicode data) that offprint uses.
declare module 'unicode-properties' {
  /** The Unicode script of a code point, by its long name ('Latin', 'Common', 'Inherited', …). */
  export function getScript(codePoint: number): string;
}
