/**
 * Whether a brief can hold a GFM autolink literal (a bare `www.…`, `https://…` or e-mail
 * address in running text). Finding them is a third of the time micromark takes to parse a
 * brief: their extension tries every word as the start of an e-mail address. Most briefs have
 * none (their addresses are in `[text](url)` links), and without a literal the GFM syntax
 * without that extension parses to the same tree. So the parser asks these two questions, and
 * parses with the literals' extension only when the answer may be yes.
 */
import type { Nodes, Root } from 'mdast';

/** What every autolink literal contains; without one, there is none. */
const MARK = /@|www\.|https?:\/\//i;

/**
 * Addresses that are certainly not running text: a link's or image's destination, a CommonMark
 * autolink (`<https://…>`), a link reference definition. What this misses (an unclosed
 * `[a](https://x`, which is text) the check of the tree finds.
 */
const NOT_TEXT = [/\]\(\s*<?[^\s)>]*/g, /<[a-z][a-z0-9+.-]{1,31}:[^\s<>]*>/gi, /^ {0,3}\[[^\]\n]+\]:[ \t]*<?[^\s>]*/gm];

/** True when the source may hold an autolink literal (false: it certainly holds none). */
export function sourceMayHoldLiterals(source: string): boolean {
  if (!MARK.test(source)) return false;
  let text = source;
  for (const pattern of NOT_TEXT) text = text.replace(pattern, ' ');
  return MARK.test(text);
}

/**
 * True when a tree parsed without the literals' extension has text where one could begin. Text
 * inside a link is left out: GFM makes no link inside a link (a link's own address as its text,
 * `<https://…>`, stays as it is).
 */
export function treeMayHoldLiterals(tree: Root): boolean {
  const visit = (node: Nodes): boolean => {
    if (node.type === 'text') return MARK.test(node.value);
    if (node.type === 'link' || node.type === 'linkReference') return false;
    return 'children' in node && node.children.some(visit);
  };
  return visit(tree);
}
