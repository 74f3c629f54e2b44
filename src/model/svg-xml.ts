/**
 * A small, strict XML reader for SVG files, which are untrusted content. It never expands
 * entities beyond XML's five and numeric references (a document that declares its own, the
 * "billion laughs" bomb among them, is refused), never follows a DOCTYPE, and bounds the work
 * it does: the file's size, the number of elements and their nesting are limited, and the
 * parser is a loop with its own stack, so no input can make it recurse or run long.
 */

export interface XmlElement {
  name: string;
  attributes: Array<[string, string]>;
  children: XmlNode[];
  line: number;
}

export interface XmlText {
  text: string;
}

export type XmlNode = XmlElement | XmlText;

/** A fault in the file, with its place in it, for the writer to fix. */
export class XmlFault extends Error {
  constructor(message: string, readonly line: number, readonly column: number) {
    super(message);
  }
}

export const XML_LIMITS = { elements: 20000, depth: 64 };

const NAME = /[A-Za-z_][\w.:-]*/y;
const SPACE = /\s*/y;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function parseXml(text: string): XmlElement {
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let elements = 0;
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  /** Line and column of an offset (a binary search over the line starts). */
  const place = (where: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= where) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: where - lineStarts[low]! + 1 };
  };
  const fault = (message: string, where = at): never => {
    const { line, column } = place(where);
    throw new XmlFault(message, line, column);
  };
  const lineOf = (where: number) => place(where).line;
  const decode = (raw: string, start: number) =>
    raw.replace(/&([^;&\s]{0,12});?/g, (whole, name: string, offset: number) => {
      if (!whole.endsWith(';')) fault('a bare "&"; write it as &amp;', start + offset);
      if (PREDEFINED[name]) return PREDEFINED[name]!;
      const numeric = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(name);
      const code = numeric ? parseInt(numeric[1] ?? numeric[2]!, numeric[1] ? 16 : 10) : NaN;
      if (Number.isNaN(code)) fault(`unknown entity &${name}; (offprint reads no entity declarations)`, start + offset);
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) fault(`&${name}; is not a character`, start + offset);
      return String.fromCodePoint(code);
    });
  const skipPast = (end: string, what: string) => {
    const found = text.indexOf(end, at);
    if (found < 0) fault(`${what} is never closed`);
    at = found + end.length;
  };

  let root: XmlElement | undefined;
  const stack: XmlElement[] = [];
  while (at < text.length) {
    const lt = text.indexOf('<', at);
    if (lt !== at) {
      const end = lt < 0 ? text.length : lt;
      const raw = text.slice(at, end);
      if (stack.length) stack[stack.length - 1]!.children.push({ text: decode(raw, at) });
      else if (raw.trim()) fault('text outside the <svg> element');
      at = end;
      continue;
    }
    if (text.startsWith('<!--', at)) skipPast('-->', 'a comment');
    else if (text.startsWith('<?', at)) skipPast('?>', 'a processing instruction');
    else if (text.startsWith('<![CDATA[', at)) {
      const start = at + 9;
      skipPast(']]>', 'a CDATA section');
      if (!stack.length) fault('text outside the <svg> element', start);
      stack[stack.length - 1]!.children.push({ text: text.slice(start, at - 3) });
    } else if (text.startsWith('<!DOCTYPE', at)) {
      const close = text.indexOf('>', at);
      const bracket = text.indexOf('[', at);
      // An internal subset declares entities, which is how entity bombs are made.
      if (bracket >= 0 && (close < 0 || bracket < close)) fault('the file declares its own XML entities (a DOCTYPE with [ … ]); offprint does not expand them, remove the declaration');
      skipPast('>', 'the DOCTYPE');
    } else if (text.startsWith('<!', at)) fault('an XML declaration offprint does not read');
    else if (text.startsWith('</', at)) {
      const tagStart = at;
      at += 2;
      NAME.lastIndex = at;
      const name = NAME.exec(text)?.[0];
      if (!name) fault('a closing tag without a name');
      at += name!.length;
      SPACE.lastIndex = at;
      at += SPACE.exec(text)![0].length;
      if (text[at] !== '>') fault(`</${name}> is not closed with ">"`);
      at++;
      const open = stack.pop();
      if (!open) fault(`</${name}> closes nothing`, tagStart);
      if (open!.name !== name) fault(`</${name}> closes <${open!.name}> opened on line ${open!.line}`, tagStart);
    } else {
      const tagStart = at;
      at++;
      NAME.lastIndex = at;
      const name = NAME.exec(text)?.[0];
      if (!name) fault('a "<" that starts no tag; write it as &lt;');
      at += name!.length;
      if (root && !stack.length) fault('a second element after the <svg> element ends');
      if (++elements > XML_LIMITS.elements) fault(`more than ${XML_LIMITS.elements} elements; simplify the drawing`);
      if (stack.length >= XML_LIMITS.depth) fault(`elements nested more than ${XML_LIMITS.depth} deep`);
      const element: XmlElement = { name: name!, attributes: [], children: [], line: lineOf(tagStart) };
      for (;;) {
        SPACE.lastIndex = at;
        const space = SPACE.exec(text)![0].length;
        at += space;
        if (text.startsWith('/>', at) || text[at] === '>') break;
        if (at >= text.length) fault(`<${name}> is never closed`, tagStart);
        if (!space) fault(`expected a space, ">" or "/>" in <${name}>`);
        NAME.lastIndex = at;
        const attribute = NAME.exec(text)?.[0];
        if (!attribute) fault(`an attribute without a name in <${name}>`);
        at += attribute!.length;
        SPACE.lastIndex = at;
        at += SPACE.exec(text)![0].length;
        if (text[at] !== '=') fault(`attribute ${attribute} has no value`);
        at++;
        SPACE.lastIndex = at;
        at += SPACE.exec(text)![0].length;
        const quote = text[at];
        if (quote !== '"' && quote !== "'") fault(`the value of ${attribute} is not in quotes`);
        const close = text.indexOf(quote!, at + 1);
        if (close < 0) fault(`the value of ${attribute} is never closed`);
        const raw = text.slice(at + 1, close);
        if (raw.includes('<')) fault(`a "<" in the value of ${attribute}`);
        if (element.attributes.some(([key]) => key === attribute)) fault(`attribute ${attribute} is given twice`);
        element.attributes.push([attribute!, decode(raw, at + 1)]);
        at = close + 1;
      }
      const selfClosing = text[at] === '/';
      at += selfClosing ? 2 : 1;
      if (stack.length) stack[stack.length - 1]!.children.push(element);
      else root = element;
      if (!selfClosing) stack.push(element);
    }
  }
  if (stack.length) {
    const open = stack[stack.length - 1]!;
    fault(`<${open.name}> opened on line ${open.line} is never closed`, text.length);
  }
  if (!root) fault('no element: this is not an SVG file', 0);
  return root!;
}
