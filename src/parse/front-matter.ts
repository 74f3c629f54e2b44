/**
 * Reads the YAML front matter block, keeping each top-level key's line so later stages can
 * point at the line a bad value stands on.
 */
import type { Root, Yaml } from 'mdast';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { Diagnostics } from '../diagnostics.js';

export interface FrontMatter {
  data: Record<string, unknown>;
  /** Source line of a key path such as `title` or `sidebar.countries.2.name`. */
  lineOf(path: string): number;
}

export function readFrontMatter(tree: Root, diagnostics: Diagnostics): FrontMatter {
  const node = tree.children.find((child): child is Yaml => child.type === 'yaml');
  if (!node) return { data: {}, lineOf: () => 1 };
  // The YAML text starts on the line after the opening `---`.
  const firstLine = (node.position?.start.line ?? 1) + 1;
  const lineCounter = new LineCounter();
  const document = parseDocument(node.value, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problem = document.errors[0];
  if (problem) {
    const at = lineCounter.linePos(problem.pos[0]);
    const reason = problem.message.split('\n')[0] ?? 'invalid YAML';
    throw diagnostics.error(
      `front matter is not valid YAML: ${reason}. Fix the YAML between the two \`---\` lines.`,
      firstLine + at.line - 1,
      at.col,
    );
  }
  const data: unknown = document.toJS();
  if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) {
    throw diagnostics.error('front matter must be a set of `key: value` lines', firstLine, 1);
  }
  const lines = new Map<string, number>();
  collectLines(document.contents, '', lines, lineCounter, firstLine);
  return {
    data: (data ?? {}) as Record<string, unknown>,
    lineOf: (path) => lines.get(path) ?? lines.get(path.split('.')[0] ?? '') ?? firstLine,
  };
}

function collectLines(
  node: YamlNode | null | undefined | unknown,
  prefix: string,
  lines: Map<string, number>,
  counter: LineCounter,
  firstLine: number,
): void {
  const lineAt = (offset: number | undefined) => (offset === undefined ? firstLine : firstLine + counter.linePos(offset).line - 1);
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const path = prefix ? `${prefix}.${key}` : key;
      const keyRange = isScalar(pair.key) ? pair.key.range : undefined;
      lines.set(path, lineAt(keyRange?.[0]));
      collectLines(pair.value, path, lines, counter, firstLine);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      const path = `${prefix}.${index}`;
      const range = (item as { range?: [number, number, number] } | null)?.range;
      lines.set(path, lineAt(range?.[0]));
      collectLines(item, path, lines, counter, firstLine);
    });
  }
}
