import type { Definition, FootnoteDefinition } from 'mdast';
import type { Diagnostics } from '../diagnostics.js';

/** What the tree-to-brief conversion needs to know besides the node in hand. */
export interface ModelContext {
  source: string;
  diagnostics: Diagnostics;
  contentDir: string | undefined;
  definitions: Map<string, Definition>;
  footnoteDefinitions: Map<string, FootnoteDefinition>;
  /** Footnote labels in the order they are first referenced; the index + 1 is the number. */
  footnoteOrder: string[];
  /** Web and mail addresses linked to, in the order first linked, for the printed list. */
  links: string[];
  /** Every image address the brief asks for, as written, in order: what its PDF depends on. */
  images: string[];
}
