/**
 * Tagged PDF, read back with pdfjs-dist as a screen reader's software reads it: the structure
 * tree in reading order, every text run tagged or an artifact, whole hyphenated words, the
 * outline, the metadata, and the PDF/A identification with --pdfa.
 */
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { layoutSource, renderBrief } from '../src/index.js';
import type { Layout } from '../src/layout/index.js';
import { bodyText, type Block } from '../src/model/index.js';
import { inflatedStreams } from './helpers/pdf.js';

const content = (name: string) => readFileSync(new URL(`../content/${name}`, import.meta.url), 'utf8');

interface StructLeaf {
  role: string;
  text: string;
  path: string[];
}

/** Text of each structure leaf, page by page, in structure (reading) order. */
async function structureText(pdf: Uint8Array): Promise<{ leaves: StructLeaf[]; untagged: string[]; outline: Array<{ title: string; items: string[] }>; info: Record<string, unknown>; xmp: string }> {
  const document = await getDocument({ data: pdf.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const leaves: StructLeaf[] = [];
  const untagged: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const page = await document.getPage(n);
    const content = await page.getTextContent({ includeMarkedContent: true });
    const byId = new Map<string, string>();
    const stack: Array<{ id?: string; tag?: string }> = [];
    for (const item of content.items) {
      if ('type' in item) {
        if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') stack.push({ id: item.id ?? undefined, tag: item.tag ?? undefined });
        else if (item.type === 'endMarkedContent') stack.pop();
        continue;
      }
      if (!item.str) continue;
      const owner = [...stack].reverse().find((mark) => mark.id || mark.tag === 'Artifact');
      if (!owner) untagged.push(item.str);
      else if (owner.id) byId.set(owner.id, `${byId.get(owner.id) ?? ''}${byId.has(owner.id) ? '\n' : ''}${item.str}`);
    }
    const tree = await page.getStructTree();
    const walk = (node: { role?: string; children?: unknown[] }, path: string[]) => {
      const texts: string[] = [];
      for (const child of (node.children ?? []) as Array<{ type?: string; id?: string; role?: string; children?: unknown[] }>) {
        if (child.type === 'content' && child.id) texts.push(byId.get(child.id) ?? '');
        else if (child.role) walk(child, [...path, child.role]);
      }
      if (texts.length && node.role) leaves.push({ role: node.role, text: texts.join('\n'), path });
    };
    if (tree) walk(tree as { children?: unknown[] }, []);
  }
  const outline = ((await document.getOutline()) ?? []).map((item: { title: string; items: Array<{ title: string }> }) => ({ title: item.title, items: item.items.map((i) => i.title) }));
  const metadata = await document.getMetadata();
  const xmp = (metadata.metadata as unknown as { getRaw?(): string } | null)?.getRaw?.() ?? '';
  await document.destroy();
  return { leaves, untagged, outline, info: metadata.info as Record<string, unknown>, xmp };
}


/** Length of the longest common subsequence of two word lists (dynamic programming, two rows). */
function commonSubsequence(a: string[], b: string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) current[j] = a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    previous = current;
  }
  return previous[b.length]!;
}

/** Numbers of the notes set at column feet (the rest are in the band at the end). */
function footnotesAtFoot(layout: Layout): Set<number> {
  return new Set(layout.pages.flatMap((page) => page.elements).flatMap((e) => (e.kind === 'text' && e.footnote ? [e.footnote.number] : [])));
}

/**
 * The body's text in the order a reader of the structure meets it: a note set at a column's
 * foot right after the paragraph holding its first reference, the others at the end.
 */
function readingText(blocks: readonly Block[], atFoot: ReadonlySet<number>): string {
  const notes = new Map<number, Block[]>();
  for (const block of blocks) if (block.kind === 'notes') for (const note of block.notes) notes.set(note.number, note.blocks);
  const told = new Set<number>();
  const parts: string[] = [];
  const walk = (list: readonly Block[]) => {
    for (const block of list) {
      if (block.kind === 'notes') {
        for (const note of block.notes) if (!atFoot.has(note.number)) parts.push(bodyText(note.blocks));
        continue;
      }
      if (block.kind === 'list') {
        for (const item of block.items) walk(item.blocks);
        continue;
      }
      if (block.kind === 'quote') {
        walk(block.blocks);
        continue;
      }
      parts.push(bodyText([block]));
      const inlines = block.kind === 'paragraph' || block.kind === 'heading' ? block.inlines : [];
      for (const inline of inlines) {
        const number = inline.style.footnote;
        if (number !== undefined && atFoot.has(number) && !told.has(number)) {
          told.add(number);
          parts.push(bodyText(notes.get(number) ?? []));
        }
      }
    }
  };
  walk(blocks);
  return parts.join('\n\n');
}

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

describe.each(['huawei-5g-albania.md', 'baltic-seabed-cables.md', 'spectrum-auction-results.md'])('tagged PDF of %s', (name) => {
  const source = content(name);

  it('reads in structure order as the article reads: headline, dek, byline, then the body in order', async () => {
    const { pdf } = await renderBrief(source, { filename: name });
    const { leaves, untagged } = await structureText(pdf);
    expect(untagged).toEqual([]);
    const { brief, layout } = layoutSource(source, { filename: name });
    const roles = leaves.map((leaf) => leaf.role);
    expect(roles.indexOf('H1')).toBeGreaterThanOrEqual(0);
    expect(leaves.find((leaf) => leaf.role === 'H1')!.text.replace(/\s+/g, ' ')).toBe(brief.meta.title.replace(/\u00A0/g, ' '));
    // Body words come back in the article's order (a hyphenated word is two runs of one word).
    const read = words(leaves.filter((leaf) => !leaf.path.includes('Aside')).map((leaf) => leaf.text.replace(/-\n(?=\p{Ll})/gu, '')).join(' '));
    const body = words(readingText(brief.body, footnotesAtFoot(layout)));
    // The longest run of the body's words that the structure reads in the same order.
    expect(commonSubsequence(read, body) / body.length).toBeGreaterThan(0.99);
    // The sidebar comes after the body, as an aside with a described map.
    const asideStart = leaves.findIndex((leaf) => leaf.path.includes('Aside'));
    if (brief.sidebar) expect(asideStart).toBeGreaterThan(leaves.findIndex((leaf) => leaf.role === 'H1'));
  });

  it('tags lists, tables and notes with their own roles, and line-end hyphens as soft hyphens', async () => {
    const { pdf, layout } = await renderBrief(source, { filename: name });
    const { leaves } = await structureText(pdf);
    const roles = new Set(leaves.flatMap((leaf) => [leaf.role, ...leaf.path]));
    const markdown = source.replace(/^---\n[\s\S]*?\n---\n/, '');
    if (/^\s*[-*] /m.test(markdown)) for (const role of ['L', 'LI', 'Lbl', 'LBody']) expect(roles).toContain(role);
    if (/^\|.*\|\s*$/m.test(markdown)) for (const role of ['Table', 'TR', 'TH', 'TD']) expect(roles).toContain(role);
    if (/^\[\^\w+\]:/m.test(markdown)) expect(roles).toContain('Note');
    // A hyphen put in by the breaker reads as a soft hyphen: the word goes on at the next line.
    const hyphenated = layout.pages.flatMap((page) => page.elements).filter((e) => {
      if (e.kind !== 'text' || !e.hyphenated || e.struct === undefined) return false;
      const last = e.pieces[e.pieces.length - 1]!.style;
      return !last.link && !last.destination && !last.strike;
    });
    const softHyphens = (inflatedStreams(pdf).join('\n').match(/\/ActualText <FEFF(?:[0-9A-F]{4})*00AD>/g) ?? []).length;
    expect(softHyphens).toBe(hyphenated.length);
  });

  it('has an outline of the headline and its sections, and metadata that matches the front matter', async () => {
    const { pdf, layout } = await renderBrief(source, { filename: name });
    const { outline, info, xmp } = await structureText(pdf);
    const { brief } = layoutSource(source, { filename: name });
    expect(outline).toHaveLength(1);
    const title = brief.meta.title.replace(/\u00A0/g, ' ');
    expect(outline[0]!.title).toBe(title);
    const headings = layout.pages.flatMap((page) => page.elements).filter((e) => e.kind === 'text' && e.role === 'heading' && e.paragraphStart);
    // The band at the end has a "Notes" heading only when a note is too long for a column's foot.
    const atFoot = new Set(layout.pages.flatMap((page) => page.elements).flatMap((e) => (e.kind === 'text' && e.footnote ? [e.footnote.number] : [])));
    const endNotes = brief.body.filter((b) => b.kind === 'notes' && b.notes.some((note) => !atFoot.has(note.number))).length;
    const sections = brief.body.filter((block) => block.kind === 'heading' && block.depth === 2).length + endNotes + brief.body.filter((b) => b.kind === 'links').length;
    expect(outline[0]!.items.length).toBe(sections);
    expect(headings.length).toBeGreaterThanOrEqual(sections);
    expect(info.Title).toBe(title);
    expect(info.Language).toBe(brief.meta.lang);
    if (brief.meta.dek) expect(info.Subject).toBe(brief.meta.dek.replace(/\u00A0/g, ' '));
    expect(xmp).toContain(`<rdf:li>${brief.meta.lang}</rdf:li>`);
    expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(xmp).toMatch(/<xmp:ModifyDate>\d{4}-\d\d-\d\dT/);
    expect(String(info.Creator)).toMatch(/^offprint \d/);
    // It opens with the bookmarks panel and shows the title, not the file name, in the title bar.
    const raw = Buffer.from(pdf).toString('latin1');
    expect(raw).toContain('/PageMode /UseOutlines');
    expect(raw).toMatch(/\/DisplayDocTitle true/);
  });
});

describe('structure after pull-quotes are left out', () => {
  it('still tags every note, numbered after the body as set', async () => {
    const source = `---\ntitle: T\n---\nPara one with a note.[^1] Some more words here.\n\nPara two, a few more words of body text.\n\n${['A', 'B', 'C'].map((c) => `:::pullquote{cite="${c}"}\nQuote ${c} at the end.\n:::`).join('\n\n')}\n\n[^1]: A note.\n\n[^2]: Another note.\n`;
    const { layout, warnings } = await renderBrief(source, { filename: 'quotes.md' });
    expect(warnings.some((w) => w.message.includes('left out'))).toBe(true);
    const notes = layout.pages.flatMap((page) => page.elements).filter((e) => e.kind === 'text' && (e.role === 'note' || e.role === 'heading'));
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.filter((e) => e.struct === undefined)).toEqual([]);
  });
});

describe('navigation', () => {
  it('links each footnote reference to its note and each note back, through named destinations', async () => {
    const { pdf } = await renderBrief(content('baltic-seabed-cables.md'), { filename: 'baltic.md' });
    const document = await getDocument({ data: pdf.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
    const links: string[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      for (const annotation of await (await document.getPage(n)).getAnnotations()) if (typeof annotation.dest === 'string') links.push(annotation.dest);
    }
    const notes = links.filter((dest) => dest.startsWith('note-'));
    const backs = links.filter((dest) => dest.startsWith('ref-'));
    expect(notes.length).toBeGreaterThanOrEqual(4);
    expect(backs.length).toBe(new Set(notes).size);
    for (const dest of [...notes, ...backs, 'headline']) expect(await document.getDestination(dest), dest).not.toBeNull();
    await document.destroy();
  });
});

describe('--pdfa', () => {
  it('writes PDF/A-2a identification, an sRGB output intent and the PDF/UA identification, still tagged', async () => {
    const source = content('huawei-5g-albania.md');
    const { pdf } = await renderBrief(source, { filename: 'seed.md', pdfa: true });
    const raw = Buffer.from(pdf).toString('latin1');
    expect(raw).toContain('/OutputIntents');
    expect(raw).toContain('/GTS_PDFA1');
    const { xmp, leaves } = await structureText(pdf);
    expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>A</pdfaid:conformance>');
    expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(leaves.some((leaf) => leaf.role === 'H1')).toBe(true);
    // Without the flag, no PDF/A claim.
    const plain = Buffer.from((await renderBrief(source, { filename: 'seed.md' })).pdf).toString('latin1');
    expect(plain).not.toContain('/OutputIntents');
  });
});
