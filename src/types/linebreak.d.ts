/** The parts of the `linebreak` package (UAX #14) that offprint uses. */
declare module 'linebreak' {
  interface Break {
    /** Index in the string where the next line would start. */
    position: number;
    /** A mandatory break (a newline). */
    required: boolean;
  }
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}
