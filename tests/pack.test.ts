/**
 * Briefing packs, read back with pdfjs-dist as a reader's viewer reads them: the cover lists
 * each brief with the page it starts on, the contents' links lead to those pages, each brief
 * starts on a right-hand page, the folios run on through the pack, the bookmarks have one entry
 * per brief with its sections under it, the structure keeps each brief in its own `Art`, and
 * the same inputs give the same bytes. The CLI writes nothing when a brief fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { layoutSource, renderBrief, renderPack, type PackBrief } from '../src/index.js';
import { layoutContents } from '../src/pack/contents.js';
import { layoutCover, TitleTooLong } from '../src/pack/cover.js';
import { packDate } from '../src/pack/date.js';
import { packEntry } from '../src/pack/entries.js';
import { planPack } from '../src/pack/plan.js';
import { outsideFrame, overlappingText } from './helpers/layout-checks.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const contentNames = readdirSync(join(root, 'content')).filter((name) => name.endsWith('.md')).sort();
const contentBriefs: PackBrief[] = contentNames.map((name) => ({ source: readFileSync(join(root, 'content', name), 'utf8'), filename: `content/${name}` }));
const frontMatter = (source: string, key: string) => new RegExp(`^${key}: "?(.*?)"?$`, 'm').exec(source)?.[1] ?? '';
const headlines = contentBriefs.map((brief) => frontMatter(brief.source, 'title').replace(/\\u2019|'/g, '’'));

interface Item {
  text: string;
  x: number;
  y: number;
  size: number;
}

interface OutlineNode {
  title: string;
  items: OutlineNode[];
  /** Where the bookmark leads: the page (1-based) and the XYZ destination's left and top. */
  target?: { page: number; left: number; top: number };
}

interface ReadPack {
  pages: Item[][];
  /** Per page: each link annotation's destination name and the page (1-based) it leads to. */
  links: Array<Array<{ dest: string; page: number; title: string }>>;
  outline: OutlineNode[];
  /** Per page: the structure roles from the root to each leaf that has content there. */
  paths: string[][][];
  title: unknown;
  xmp: string;
}

async function readPack(pdf: Uint8Array): Promise<ReadPack> {
  const document = await getDocument({ data: pdf.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const result: ReadPack = { pages: [], links: [], outline: [], paths: [], title: undefined, xmp: '' };
  for (let n = 1; n <= document.numPages; n++) {
    const page = await document.getPage(n);
    const content = await page.getTextContent();
    result.pages.push(content.items.flatMap((item) => ('str' in item && item.str !== '' ? [{ text: item.str, x: item.transform[4] as number, y: item.transform[5] as number, size: Math.hypot(item.transform[0] as number, item.transform[1] as number) }] : [])));
    const links: ReadPack['links'][number] = [];
    for (const annotation of await page.getAnnotations()) {
      if (annotation.subtype !== 'Link' || typeof annotation.dest !== 'string') continue;
      const destination = await document.getDestination(annotation.dest);
      links.push({ dest: annotation.dest, page: (await document.getPageIndex(destination![0])) + 1, title: (annotation.contentsObj as { str?: string } | undefined)?.str ?? '' });
    }
    result.links.push(links);
    const paths: string[][] = [];
    const walk = (node: { role?: string; children?: unknown[] }, path: string[]) => {
      const here = node.role && node.role !== 'Root' ? [...path, node.role] : path;
      const children = (node.children ?? []) as Array<{ type?: string; role?: string; children?: unknown[] }>;
      if (children.some((child) => child.type === 'content' || child.type === 'annotation')) paths.push(here);
      for (const child of children) if (child.role) walk(child, here);
    };
    const tree = await page.getStructTree();
    if (tree) walk(tree as { children?: unknown[] }, []);
    result.paths.push(paths);
  }
  type Raw = { title: string; items: Raw[]; dest: string | unknown[] | null };
  const outline = ((await document.getOutline()) ?? []) as Raw[];
  const read = async (nodes: Raw[]): Promise<OutlineNode[]> =>
    Promise.all(
      nodes.map(async (node) => {
        const explicit = typeof node.dest === 'string' ? await document.getDestination(node.dest) : node.dest;
        const [ref, kind, left, top] = (explicit ?? []) as [{ num: number; gen: number }, { name: string }, number, number];
        const target = ref && kind?.name === 'XYZ' ? { page: (await document.getPageIndex(ref)) + 1, left, top } : undefined;
        return { title: node.title, items: await read(node.items), ...(target ? { target } : {}) };
      }),
    );
  result.outline = await read(outline);
  const metadata = await document.getMetadata();
  result.title = (metadata.info as Record<string, unknown>).Title;
  result.xmp = (metadata.metadata as unknown as { getRaw?(): string } | null)?.getRaw?.() ?? '';
  await document.destroy();
  return result;
}

/** The lines of a page: items sharing a baseline, left to right, joined. */
function lines(items: Item[]): Array<{ y: number; text: string; size: number }> {
  const byY = new Map<number, Item[]>();
  for (const item of items) {
    const key = Math.round(item.y);
    byY.set(key, [...(byY.get(key) ?? []), item]);
  }
  return [...byY].sort((a, b) => b[0] - a[0]).map(([y, row]) => ({ y, text: row.sort((a, b) => a.x - b.x).map((i) => i.text).join(''), size: Math.max(...row.map((i) => i.size)) }));
}

/** The folio "7 / 12" at the foot of a page, if it has one. */
function folio(items: Item[]): { page: number; total: number } | undefined {
  const foot = lines(items.filter((item) => item.y < 40));
  const match = foot.map((line) => /(\d+)\s*\/\s*(\d+)\s*$/.exec(line.text.replace(/\u2009/g, ' '))).find(Boolean);
  return match ? { page: Number(match[1]), total: Number(match[2]) } : undefined;
}

/** The pages where a headline is set large (a brief's first page), by its first words. */
function pagesWithHeadline(pack: ReadPack, headline: string): number[] {
  const start = headline.split(' ').slice(0, 3).join(' ');
  return pack.pages.flatMap((items, index) => (items.some((item) => item.size >= 16 && item.text.startsWith(start)) ? [index + 1] : []));
}

const h2s = (source: string) => [...source.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.trim());

describe('a briefing pack of the content briefs', async () => {
  const built = await renderPack(contentBriefs, { title: 'Field office pack' });
  const pack = await readPack(built.pdf);
  // Where each brief starts, read from the PDF: the page its headline is set large on.
  const starts = headlines.map((headline) => pagesWithHeadline(pack, headline));

  it('starts each brief once, on a right-hand (odd) page, after the cover and contents', () => {
    for (const found of starts) expect(found).toHaveLength(1);
    const first = starts.map((found) => found[0]!);
    expect(first).toEqual(built.starts);
    for (const page of first) expect(page % 2).toBe(1);
    expect(first[0]).toBeGreaterThanOrEqual(3);
    expect([...first].sort((a, b) => a - b)).toEqual(first);
  });

  it('has a cover with the title and each brief’s headline beside the page it starts on', () => {
    const cover = lines(pack.pages[0]!);
    expect(cover.filter((line) => line.size > 30).map((line) => line.text).join(' ')).toBe('Field office pack');
    headlines.forEach((headline, i) => {
      const at = cover.findIndex((line) => headline.startsWith(line.text.replace(/\d+$/, '').trim()) && line.text.length > 10);
      expect(at, headline).toBeGreaterThanOrEqual(0);
      // The page number shares the headline's first baseline, at the right.
      expect(cover[at]!.text.endsWith(String(starts[i]![0]))).toBe(true);
    });
    expect(folio(pack.pages[0]!)).toBeUndefined();
  });

  it('has contents whose links lead to where each brief and each section starts', () => {
    const contents = pack.links[1]!;
    expect(lines(pack.pages[1]!).some((line) => line.text === 'Contents')).toBe(true);
    headlines.forEach((_, i) => {
      const toBrief = contents.filter((link) => link.dest === `b${i + 1}:headline`);
      expect(toBrief.length).toBeGreaterThanOrEqual(2);
      for (const link of toBrief) expect(link.page).toBe(starts[i]![0]);
    });
    // Each section link leads into its brief, to the page with the section's heading, and
    // that is the page the contents print beside it.
    const sectionLinks = contents.filter((link) => !link.dest.endsWith(':headline'));
    const allSections = contentBriefs.flatMap((brief) => h2s(brief.source));
    for (const section of allSections) expect(sectionLinks.some((link) => link.title.startsWith(`${section},`)), section).toBe(true);
    for (const link of sectionLinks) {
      const brief = Number(/^b(\d+):/.exec(link.dest)![1]) - 1;
      const end = brief + 1 < starts.length ? starts[brief + 1]![0]! : pack.pages.length + 1;
      expect(link.page).toBeGreaterThanOrEqual(starts[brief]![0]!);
      expect(link.page).toBeLessThan(end);
      const [, title, printed] = /^(.*), page (\d+)$/.exec(link.title)!;
      expect(Number(printed)).toBe(link.page);
      const text = lines(pack.pages[link.page - 1]!).map((line) => line.text.toLowerCase()).join('\n');
      expect(text, title).toContain(title!.toLowerCase());
    }
    // The cover's entries link too.
    expect(pack.links[0]!.map((link) => link.page).sort((a, b) => a - b)).toEqual(expect.arrayContaining(starts.map((s) => s[0]!)));
  });

  it('numbers the pages continuously in the footers, the briefs’ own folios included; blank pages and the cover have none', () => {
    const total = pack.pages.length;
    expect(built.pages).toBe(total);
    pack.pages.forEach((items, index) => {
      const number = folio(items);
      if (index === 0 || items.length === 0) {
        expect(number).toBeUndefined();
        return;
      }
      expect(number, `page ${index + 1}`).toEqual({ page: index + 1, total });
    });
    // Every brief page has a folio: each brief's pages are its own page count, numbered from its start.
    expect(pack.pages.filter((items) => folio(items)).length).toBe(total - 1 - pack.pages.filter((items) => items.length === 0).length);
  });

  it('has one bookmark per brief, with the brief’s sections under it', () => {
    expect(pack.outline.map((item) => item.title)).toEqual(headlines);
    contentBriefs.forEach((brief, i) => {
      const children = pack.outline[i]!.items.map((item) => item.title);
      const sections = h2s(brief.source);
      expect(children.slice(0, sections.length)).toEqual(sections);
      // After the sections, only the notes band's headings.
      for (const extra of children.slice(sections.length)) expect(['Notes', 'Links']).toContain(extra);
    });
    // Subsections nest under their section.
    const baltic = pack.outline[headlines.findIndex((h) => h.startsWith('Fault Lines'))]!;
    expect(baltic.items.find((item) => item.title === 'What happened')!.items.map((item) => item.title)).toEqual(['What the outages cost']);
  });

  it('leads each bookmark to its heading: the page it is set on, at its left edge, just above its first line', () => {
    const all = (nodes: OutlineNode[]): OutlineNode[] => nodes.flatMap((node) => [node, ...all(node.items)]);
    const bookmarks = all(pack.outline);
    expect(bookmarks.length).toBeGreaterThan(10);
    for (const bookmark of bookmarks) {
      expect(bookmark.target, bookmark.title).toBeDefined();
      const { page, left, top } = bookmark.target!;
      // The heading's first line: the text on that page starting with the title's first word, just below the top.
      const first = bookmark.title.split(/\s+/)[0]!;
      const there = pack.pages[page - 1]!.filter((item) => Math.abs(item.x - left) < 1 && top - item.y > 0 && top - item.y < 30);
      expect(there.map((item) => item.text.toLowerCase()).some((text) => text.startsWith(first.toLowerCase())), `${bookmark.title} on page ${page}: ${there.map((i) => i.text).join(' | ')}`).toBe(true);
    }
  });

  it('is tagged: cover and contents sections, then each brief in its own Art under the Document, links as Link', () => {
    const tops = (page: number) => new Set(pack.paths[page - 1]!.map((path) => path.slice(0, 2).join('/')));
    expect([...tops(1)]).toEqual(['Document/Sect']);
    expect([...tops(2)]).toEqual(['Document/Sect']);
    expect(pack.paths[1]!.some((path) => path.join('/').includes('TOC/TOCI') && path[path.length - 1] === 'Link')).toBe(true);
    for (const [start] of starts) {
      expect([...tops(start!)]).toEqual(['Document/Art']);
      expect(pack.paths[start! - 1]!.some((path) => path.join('/') === 'Document/Art/H1')).toBe(true);
    }
  });

  it('carries the pack’s title in the Info dictionary and the XMP metadata', () => {
    expect(pack.title).toBe('Field office pack');
    expect(pack.xmp).toContain('Field office pack');
    expect(pack.xmp).toContain('<xmp:ModifyDate>2026-11-23T00:00:00Z</xmp:ModifyDate>');
  });

  it('writes PDF/A-2a when asked, still tagged', async () => {
    const archival = await renderPack(contentBriefs.slice(0, 1), { pdfa: true });
    const read = await readPack(archival.pdf);
    expect(read.xmp).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    expect(read.xmp).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
    expect(read.title).toBe('Briefing pack');
  });

  it('gives the same bytes for the same inputs', async () => {
    const again = await renderPack(contentBriefs, { title: 'Field office pack' });
    expect(Buffer.compare(Buffer.from(again.pdf), Buffer.from(built.pdf))).toBe(0);
    // And a brief rendered on its own in between changes nothing.
    await renderBrief(contentBriefs[1]!.source, { filename: 'x.md' });
    const third = await renderPack(contentBriefs, { title: 'Field office pack' });
    expect(Buffer.compare(Buffer.from(third.pdf), Buffer.from(built.pdf))).toBe(0);
  });
});

/**
 * Each link's annotation reference in the structure tree (OBJR) with the page it names, and the
 * page whose /Annots hold that annotation, read from the PDF's objects (pdfkit writes its
 * dictionaries uncompressed).
 */
function annotationReferences(pdf: Uint8Array): Array<{ named: string; holder: string | undefined }> {
  const text = Buffer.from(pdf).toString('latin1');
  const holders = new Map<string, string>();
  for (const match of text.matchAll(/\n(\d+) 0 obj\n<<\n\/Type \/Page\n(?:(?!endobj)[\s\S])*?\/Annots \[([^\]]*)\]/g)) {
    for (const annotation of match[2]!.matchAll(/(\d+) 0 R/g)) holders.set(annotation[1]!, match[1]!);
  }
  return [...text.matchAll(/\/Type \/OBJR\n\/Obj (\d+) 0 R\n\/Pg (\d+) 0 R/g)].map((m) => ({ named: m[2]!, holder: holders.get(m[1]!) }));
}

describe('links in the structure tree', () => {
  it('name the page their annotation is on, in a pack and in a single brief', async () => {
    const pack = await renderPack(contentBriefs);
    const single = await renderBrief(contentBriefs.find((b) => b.filename.includes('baltic'))!.source, { filename: 'baltic.md' });
    for (const pdf of [pack.pdf, single.pdf]) {
      const references = annotationReferences(pdf);
      expect(references.length).toBeGreaterThan(10);
      for (const reference of references) expect(reference.named).toBe(reference.holder);
    }
  });
});

describe('pack pages', () => {
  const short = (title: string, date?: string) => `---\ntitle: "${title}"\nkicker: Short\n${date ? `date: ${date}\n` : ''}---\n\n## Only section\n\nA short text of a few words.\n`;

  it('puts a blank left-hand page (no folio, no running head) before a brief that would start on one', async () => {
    const briefs = [{ source: short('One page'), filename: 'one.md' }, contentBriefs.find((b) => b.filename.includes('huawei'))!];
    const built = await renderPack(briefs);
    expect(built.starts).toEqual([3, 5]);
    const pack = await readPack(built.pdf);
    expect(pack.pages[3]).toEqual([]);
    expect(folio(pack.pages[2]!)).toEqual({ page: 3, total: pack.pages.length });
    expect(folio(pack.pages[4]!)).toEqual({ page: 5, total: pack.pages.length });
  });

  it('plans every brief onto an odd page with a blank page only where one is needed', () => {
    for (let seed = 1; seed < 200; seed++) {
      const counts = Array.from({ length: 1 + (seed % 7) }, (_, i) => 1 + ((seed * (i + 3)) % 5));
      const contentsPages = 1 + (seed % 3);
      const plan = planPack(contentsPages, counts);
      let page = 2 + contentsPages + plan.blanksAfterContents;
      counts.forEach((count, i) => {
        expect(plan.starts[i]).toBe(page);
        expect(page % 2).toBe(1);
        page += count + plan.blanksAfter[i]!;
        // A blank page only after a brief that ends on a right-hand page.
        if (plan.blanksAfter[i]) expect((plan.starts[i]! + count - 1) % 2).toBe(1);
      });
      expect(plan.total).toBe(page - 1 - plan.blanksAfter[counts.length - 1]!);
      expect(plan.blanksAfterContents).toBe((1 + contentsPages) % 2);
    }
  });

  it('dates the pack from --date, else the newest brief, else SOURCE_DATE_EPOCH, never the clock', () => {
    expect(packDate('2025-01-02', ['2026-01-01'])).toBe('2025-01-02');
    expect(packDate(undefined, ['2026-01-01', undefined, '2026-03-04', '2025-12-31'])).toBe('2026-03-04');
    const saved = process.env.SOURCE_DATE_EPOCH;
    try {
      process.env.SOURCE_DATE_EPOCH = '1700000000';
      expect(packDate(undefined, [undefined])).toBe('2023-11-14');
      delete process.env.SOURCE_DATE_EPOCH;
      expect(packDate(undefined, [undefined])).toBeUndefined();
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = saved;
    }
    expect(() => packDate('2025-02-30', [])).toThrow(/YYYY-MM-DD/);
  });

  it('keeps a right-to-left brief’s date whole after its byline and its sections’ page numbers beside their titles', () => {
    const source = '---\ntitle: محطة التحلية الجديدة\nbyline: ليلى حداد\ndate: 2026-08-20\nlang: ar\n---\n\n## الأرقام الرئيسية\n\nأعلنت بلدية المدينة أنها وقعت عقداً لبناء محطة جديدة لتحلية مياه البحر.\n\n## العقد والممولون\n\nوقعت البلدية العقد مع تحالف من ثلاث شركات.\n';
    const { brief, layout } = layoutSource(source, { filename: 'ar.md', map: false });
    const entries = [packEntry(brief.meta, layout, 0, 3)];
    const cover = layoutCover({ title: 'Pack', date: '2026-08-20', pages: 4, contentsPage: 2 }, entries, 'a4');
    const contents = layoutContents({ title: 'Pack', firstPage: 2, total: 4 }, entries, 'a4');
    const texts = (l: typeof cover) => l.pages.flatMap((page) => page.elements.filter((e) => e.kind === 'text'));
    /** A line's words as they stand on the page, left to right. */
    const asSeen = (e: ReturnType<typeof texts>[number]) => [...e.pieces].sort((a, b) => a.x - b.x).map((p) => p.text.replace(/[\u2066-\u2069]/g, '')).join('');
    for (const l of [cover, contents]) {
      const byline = texts(l).find((e) => e.pieces.some((p) => p.text.includes('August')))!;
      expect(asSeen(byline)).toMatch(/20\s*August\s*2026/);
    }
    for (const title of ['الأرقام الرئيسية', 'العقد والممولون']) {
      const line = texts(contents).find((e) => e.pieces.map((p) => p.text).join('') === title)!;
      const number = texts(contents).find((e) => e.y === line.y && e.pieces.map((p) => p.text).join('') === '3')!;
      const left = line.x + Math.min(...line.pieces.map((p) => p.x));
      const numberRight = number.x + Math.max(...number.pieces.map((p) => p.x + p.width));
      expect(numberRight).toBeLessThan(left);
      expect(left - numberRight).toBeLessThan(12);
    }
  });

  it('lays out a long pack’s cover and contents inside the frame without overlaps, listing every brief', () => {
    const many = Array.from({ length: 40 }, (_, i) => {
      const { brief, layout } = layoutSource(short(`Brief ${i + 1}: a headline long enough to take two lines in a narrow list column`, `2026-01-${String((i % 28) + 1).padStart(2, '0')}`), { filename: `b${i}.md` });
      return packEntry(brief.meta, layout, i, 5 + 2 * i);
    });
    const cover = layoutCover({ title: 'A pack with a title long enough to step down in size, over more than one line', date: '2026-01-28', pages: 90, contentsPage: 2 }, many, 'a4');
    const contents = layoutContents({ title: 'Pack', firstPage: 2, total: 90 }, many, 'letter');
    for (const layout of [cover, contents]) {
      expect(outsideFrame(layout)).toEqual([]);
      expect(overlappingText(layout)).toEqual([]);
    }
    expect(cover.pages).toHaveLength(1);
    // The cover says how many it could not list; the contents list them all.
    const coverText = cover.pages[0]!.elements.flatMap((e) => (e.kind === 'text' ? [e.pieces.map((p) => p.text).join('')] : []));
    const listed = coverText.filter((text) => /^Brief \d+:/.test(text)).length;
    const more = coverText.map((text) => /^And (\d+) more briefs/.exec(text)).find(Boolean);
    expect(listed + Number(more?.[1] ?? 0)).toBe(40);
    expect(listed).toBeGreaterThan(10);
    const contentsText = contents.pages.flatMap((page) => page.elements.flatMap((e) => (e.kind === 'text' ? [e.pieces.map((p) => p.text).join('')] : [])));
    expect(new Set(contentsText.filter((text) => /^Brief \d+:/.test(text))).size).toBe(40);
    expect(contents.pages.length).toBeGreaterThan(1);
  });
});

describe('a long pack title', () => {
  const short = (title: string, date: string) => `---\ntitle: "${title}"\nkicker: Short\ndate: ${date}\n---\n\n## Only section\n\nA short text of a few words.\n`;
  const entries = ['A', 'B', 'C'].map((name, i) => {
    const { brief, layout } = layoutSource(short(`Brief ${name}: a headline`, '2026-01-0' + (i + 1)), { filename: `${name}.md` });
    return packEntry(brief.meta, layout, i, 3 + 2 * i);
  });
  const title = (times: number) => Array.from({ length: times }, () => 'Telecommunications Policy Review').join(' ');

  it('steps down in size and keeps the list of briefs on the cover, inside the frame', () => {
    const cover = layoutCover({ title: title(12), date: '2026-01-28', pages: 10, contentsPage: 2 }, entries, 'a4');
    const text = cover.pages[0]!.elements.flatMap((e) => (e.kind === 'text' ? [{ text: e.pieces.map((p) => p.text).join(''), role: e.role, size: e.pieces[0]?.style.size ?? 0 }] : []));
    expect(text.filter((t) => /^Brief [ABC]:/.test(t.text))).toHaveLength(3);
    expect(Math.max(...text.filter((t) => t.role === 'pack-title').map((t) => t.size))).toBeLessThan(26);
    expect(outsideFrame(cover)).toEqual([]);
    expect(overlappingText(cover)).toEqual([]);
  });

  it('is refused when even the smallest size would push the list off the cover', () => {
    expect(() => layoutCover({ title: title(18), date: '2026-01-28', pages: 10, contentsPage: 2 }, entries, 'a4')).toThrow(TitleTooLong);
  });
});

describe('offprint pack (the built CLI)', () => {
  const cli = join(root, 'dist', 'cli.js');
  const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });

  it('packs a folder into one PDF', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'offprint-pack-')), 'pack.pdf');
    const result = run(['pack', 'content', '-o', out, '--title', 'Tirana field office']);
    expect(result.status).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    expect(result.stdout).toMatch(/3 briefs, \d+ pages/);
  });

  it('writes no pack when a brief fails, names the place, and exits non-zero', () => {
    const folder = mkdtempSync(join(tmpdir(), 'offprint-pack-'));
    writeFileSync(join(folder, 'a-good.md'), readFileSync(join(root, 'content', contentNames[0]!)));
    writeFileSync(join(folder, 'b-bad.md'), '---\ntitle: Bad date\ndate: 2024-13-45\n---\n\nText.\n');
    const out = join(folder, 'out', 'pack.pdf');
    const result = run(['pack', folder, '-o', out]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/b-bad\.md:3:\d+: error: .*date/);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(folder, 'out')) ? readdirSync(join(folder, 'out')) : []).toEqual([]);
    // An earlier pack stays as it was.
    const earlier = join(folder, 'earlier.pdf');
    writeFileSync(earlier, 'earlier');
    expect(run(['pack', folder, '-o', earlier]).status).not.toBe(0);
    expect(readFileSync(earlier, 'utf8')).toBe('earlier');
  });

  it('rejects a missing -o and a bad --date as usage errors', () => {
    expect(run(['pack', 'content']).status).toBe(64);
    expect(run(['pack', 'content', '-o', 'x.pdf', '--date', 'soon']).status).toBe(64);
  });
});
