/**
 * Images: a wide picture spans the measure, a small one stays in its column, a tall one is
 * height-limited, text around them stays in columns and on the grid; SVG drawn as vectors,
 * never reading what it names, refused with a clear warning when broken or explosive; rebuilds
 * byte-identical. Fixtures are made here (PNGs written with zlib, SVG text).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { layoutSource, renderBrief, typesettingReport } from '../src/index.js';
import { pageGeometry, type ImageElement, type Layout, type Page, type StructNode } from '../src/layout/index.js';
import { readSvg } from '../src/model/svg.js';
import { barChartSvg, contentFolder, pngBytes } from './helpers/images.js';
import { joinedText, readPdf } from './helpers/pdf.js';
import { offGrid, outsideFrame, overlappingText, textElements } from './helpers/layout-checks.js';

const PARAGRAPH = 'The spectrum auction ran for eleven rounds and the operators bid cautiously at first, then raised their offers as the frequencies in the lower band ran short. Regulators watched the bidding closely, and analysts said the outcome would shape the rollout of fifth-generation networks for a decade.';
const text = (paragraphs: number) => Array.from({ length: paragraphs }, () => PARAGRAPH).join('\n\n');
const brief = (body: string) => `---\ntitle: Pictures in a brief\ndek: How figures are set.\ndate: 2024-05-01\n---\n\n${body}\n`;
/** The same with a country, so page 1 has its rail and the text its narrow first-page columns. */
const briefWithRail = (body: string) => `---\ntitle: Pictures in a brief\ndek: How figures are set.\ndate: 2024-05-01\ncountry: Albania\n---\n\n${body}\n`;

function images(layout: Layout): Array<ImageElement & { page: Page }> {
  return layout.pages.flatMap((page) => page.elements.filter((e): e is ImageElement => e.kind === 'image').map((e) => ({ ...e, page })));
}

/** The page's body columns as [left, right] extents. */
function columnsOf(page: Page): Array<[number, number]> {
  return page.columns.map((c) => [c.x, c.x + c.width] as [number, number]).filter((c, i, all) => all.findIndex((d) => d[0] === c[0]) === i);
}

describe('images in the column flow', () => {
  const dir = contentFolder({ 'panorama.png': pngBytes(1500, 500), 'small.png': pngBytes(300, 200), 'tall.png': pngBytes(300, 1500) });
  const source = brief(`${text(6)}\n\n![Harbour panorama](panorama.png "The harbour at dawn, across the measure")\n\n${text(6)}\n\n![A small photo](small.png)\n\n${text(5)}\n\n![A tall mast](tall.png)\n\n${text(8)}`);
  const { layout, warnings } = layoutSource(source, { filename: 'pictures.md', contentDir: dir });
  const [wide, small, tall] = images(layout);

  it('places all three images, with no warning', () => {
    expect(warnings).toEqual([]);
    expect(images(layout)).toHaveLength(3);
  });

  it('sets a wide image across both columns, text above and below in the columns', () => {
    const columns = columnsOf(wide!.page);
    expect(columns).toHaveLength(2);
    // Its x-range covers both columns.
    expect(wide!.x).toBeLessThanOrEqual(columns[0]![0] + 0.5);
    expect(wide!.x + wide!.width).toBeGreaterThanOrEqual(columns[1]![1] - 0.5);
    const body = textElements(layout).filter((e) => e.page === wide!.page.number && e.role === 'body');
    const above = body.filter((e) => e.y < wide!.y);
    const below = body.filter((e) => e.y > wide!.y + wide!.height);
    expect(above.length).toBeGreaterThan(4);
    expect(below.length).toBeGreaterThan(4);
    // Nothing is set beside it, and the text around it is in both columns, not across.
    expect(body.filter((e) => e.y >= wide!.y && e.y <= wide!.y + wide!.height)).toEqual([]);
    for (const line of [...above, ...below]) expect(columns.some(([left, right]) => line.x >= left - 0.01 && line.x + line.measure <= right + 0.01)).toBe(true);
    for (const group of [above, below]) expect(new Set(group.map((e) => e.column)).size).toBe(2);
    // Its caption is set under it.
    const caption = textElements(layout).find((e) => e.role === 'caption' && e.page === wide!.page.number);
    expect(caption?.y).toBeGreaterThan(wide!.y + wide!.height);
  });

  it('keeps a small image in its column, at the column width', () => {
    const columns = columnsOf(small!.page);
    const column = columns.find(([left, right]) => small!.x >= left - 0.01 && small!.x + small!.width <= right + 0.01);
    expect(column).toBeDefined();
    expect(small!.width).toBeCloseTo(column![1] - column![0], 1);
    expect(small!.width / small!.height).toBeCloseTo(1.5, 2);
  });

  it('limits a tall image to 60% of a column, keeping its shape', () => {
    const page = tall!.page;
    const columnHeight = Math.max(...page.columns.map((c) => c.lines)) * layout.grid.pitch;
    expect(tall!.height).toBeLessThanOrEqual(0.6 * 64 * layout.grid.pitch);
    expect(tall!.height).toBeLessThan(0.65 * columnHeight);
    expect(tall!.width / tall!.height).toBeCloseTo(300 / 1500, 3);
    const column = columnsOf(page).find(([left, right]) => tall!.x >= left && tall!.x + tall!.width <= right);
    expect(column).toBeDefined();
  });

  it('keeps body text on the grid, inside the frame and clear of the images', () => {
    expect(offGrid(layout)).toEqual([]);
    expect(outsideFrame(layout)).toEqual([]);
    expect(overlappingText(layout)).toEqual([]);
    for (const image of images(layout)) {
      const lines = textElements(layout).filter((e) => e.page === image.page.number && e.role !== 'caption' && e.role !== 'running-head' && e.role !== 'footer');
      const inside = lines.filter((e) => e.y - e.ascent < image.y + image.height && e.y + e.descent > image.y && e.x < image.x + image.width && e.x + e.width > image.x);
      expect(inside.map((e) => e.pieces.map((p) => p.text).join(''))).toEqual([]);
      // The picture's top is level with the top of a grid cell, and the text after it resumes on the grid.
      const cell = (image.y + 9 - layout.grid.origin) / layout.grid.pitch;
      expect(Math.abs(cell - Math.round(cell))).toBeLessThan(1e-6);
    }
  });

  it('fills the column a figure did not fit in with the text after it (no hole at the foot)', () => {
    // Columns that end a balanced run (above a spanning image, the article's end) stop short by design.
    const columns = layout.pages.flatMap((page) => page.columns.filter((c) => !c.balanced).map((c) => ({ ...c, page: page.number })));
    expect(columns.length).toBeGreaterThan(3);
    for (const column of columns) expect(column.lines - column.used, `page ${column.page}`).toBeLessThanOrEqual(1);
  });
});

describe('the writer chooses: :::figure{wide} and {column}', () => {
  const dir = contentFolder({ 'square.png': pngBytes(600, 600), 'strip.png': pngBytes(1200, 400) });
  it('spans a square image when asked, and keeps a wide one in a column when asked', () => {
    const source = brief(`${text(3)}\n\n:::figure{wide}\n![Square](square.png)\n:::\n\n${text(3)}\n\n:::figure{column}\n![Strip](strip.png)\n:::\n\n${text(3)}`);
    const { layout, warnings } = layoutSource(source, { filename: 'choose.md', contentDir: dir });
    expect(warnings).toEqual([]);
    const [square, strip] = images(layout);
    const squareColumns = columnsOf(square!.page);
    // Across the measure a square is limited to half a page's height, centred on the measure.
    expect(square!.width).toBeGreaterThan(squareColumns[0]![1] - squareColumns[0]![0] + 10);
    expect(square!.x + square!.width / 2).toBeCloseTo((squareColumns[0]![0] + squareColumns[1]![1]) / 2, 0);
    const stripColumn = columnsOf(strip!.page).find(([left, right]) => strip!.x >= left - 0.01 && strip!.x + strip!.width <= right + 0.01);
    expect(stripColumn).toBeDefined();
  });

  it('warns about an unknown option and a figure without an image', () => {
    const source = brief(`${text(1)}\n\n:::figure{huge}\n![Square](square.png)\n:::\n\n:::figure\nJust words.\n:::\n`);
    const { warnings } = layoutSource(source, { filename: 'choose.md', contentDir: dir });
    expect(warnings.map((w) => [w.line, w.message.slice(0, 30)])).toEqual([
      [9, 'figure directive: unknown opti'],
      [13, 'figure directive without an im'],
    ]);
  });
});

describe('a wide image that does not fit floats to the next page', () => {
  it('lets the text after it fill the page, never splits it, and sets it at the next page head', () => {
    const dir = contentFolder({ 'panorama.png': pngBytes(1600, 800) });
    // Enough text that the image's place falls near the foot of page 2.
    const source = briefWithRail(`${text(25)}\n\n![Panorama](panorama.png "A panorama")\n\n${text(14)}`);
    const { layout } = layoutSource(source, { filename: 'float.md', contentDir: dir });
    const [image] = images(layout);
    const page = image!.page;
    // At the head of its page (below the running head), across the measure.
    const head = Math.min(...page.columns.map((c) => c.firstLine));
    expect(page.elements.some((e) => e.kind === 'text' && e.role === 'body' && e.y < image!.y)).toBe(false);
    expect(head).toBeGreaterThan(0);
    // The page before is full: the text after the image filled it.
    const before = layout.pages[page.number - 2]!;
    for (const column of before.columns) expect(column.lines - column.used).toBeLessThanOrEqual(1);
    const words = (p: Page) => p.elements.filter((e) => e.kind === 'text' && e.role === 'body').length;
    expect(words(before)).toBeGreaterThan(0);
    expect(outsideFrame(layout)).toEqual([]);
    expect(offGrid(layout)).toEqual([]);
  });
});

describe('figures keep their order', () => {
  it('floats a wide image that follows one that floated too: in order, the text filling the page before', () => {
    const dir = contentFolder({ 'first.png': pngBytes(1200, 590), 'second.png': pngBytes(3000, 300) });
    for (const before of [24, 25, 26]) {
      const source = brief(`${text(before)}\n\n![First](first.png "First")\n\n![Second](second.png "Second")\n\n${text(10)}`);
      const { layout } = layoutSource(source, { filename: 'order.md', contentDir: dir });
      const [first, second] = images(layout);
      const place = (image: typeof first) => image!.page.number * 10000 + image!.y;
      expect(place(first), `${before} paragraphs before`).toBeLessThan(place(second));
      // The second would fit below the text on the page before, but it goes after the first, and
      // the text after both fills that page instead of leaving it half empty.
      const previous = layout.pages[first!.page.number - 2]!;
      for (const column of previous.columns) expect(column.lines - column.used, `${before} paragraphs before`).toBeLessThanOrEqual(1);
    }
  });
});

describe('a tall figure after a wide one', () => {
  it('never runs past the columns’ foot when the columns below the wide figure are too short for it', () => {
    const dir = contentFolder({ 'big.png': pngBytes(1000, 800), 'tall.png': pngBytes(500, 900) });
    let belowWide = 0;
    for (let before = 10; before <= 16; before++) {
      const source = brief(`${text(before)}\n\n:::figure{wide}\n![Big](big.png "A wide figure")\n:::\n\n${text(1)}\n\n![Tall](tall.png "A tall figure")\n\n${text(2)}`);
      const { layout } = layoutSource(source, { filename: 'tall.md', contentDir: dir });
      const [wide, tall] = images(layout);
      // The case at issue: the columns below the wide figure are shorter than the tall one.
      const wideFoot = Math.max(...wide!.page.columns.map((c) => c.firstLine + c.lines));
      if ((wide!.y + wide!.height - layout.grid.origin) / layout.grid.pitch + tall!.height / layout.grid.pitch > wideFoot) belowWide++;
      for (const image of [wide!, tall!]) {
        const foot = Math.max(...image.page.columns.map((c) => c.firstLine + c.lines));
        // The last grid line's baseline, with a descender's room.
        expect(image.y + image.height, `${before} paragraphs before`).toBeLessThanOrEqual(layout.grid.origin + (foot - 1) * layout.grid.pitch + 4);
      }
      expect(outsideFrame(layout), `${before} paragraphs before`).toEqual([]);
      expect(overlappingText(layout), `${before} paragraphs before`).toEqual([]);
    }
    expect(belowWide).toBeGreaterThan(0);
  });
});

/** Operators of each page, from pdf.js. */
async function pageOperators(pdf: Uint8Array): Promise<Array<{ fn: number[]; args: unknown[] }>> {
  const document = await getDocument({ data: pdf.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages = [];
  for (let n = 1; n <= document.numPages; n++) {
    const list = await (await document.getPage(n)).getOperatorList();
    pages.push({ fn: list.fnArray, args: list.argsArray });
  }
  await document.destroy();
  return pages;
}

describe('SVG images', () => {
  const secretDir = contentFolder({ 'secret.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><g id="x"><text x="0" y="9">SECRETMARKER</text></g></svg>', 'secret.png': pngBytes(37, 41) });
  const dir = join(secretDir, 'content');
  mkdirSync(dir);
  writeFileSync(join(dir, 'chart.svg'), barChartSvg(400, 240));
  writeFileSync(join(dir, 'hostile.svg'), barChartSvg(400, 240, [
    '<image href="../secret.png" x="0" y="0" width="37" height="41"/>',
    `<image xlink:href="file://${join(secretDir, 'secret.png')}" width="37" height="41"/>`,
    '<use xlink:href="../secret.svg#x"/>',
    '<rect width="10" height="10" style="fill:url(../secret.svg#x)"/>',
    '<text x="200" y="30" font-family="../secret.png">font</text>',
    '<style>@import url("../secret.css"); rect { stroke: url(../secret.svg#x) }</style>',
    '<script>alert(1)</script>',
    '<a href="https://example.org/"><rect x="300" y="40" width="10" height="10"/></a>',
  ].join('\n')));
  writeFileSync(join(dir, 'broken.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n<g>\n<rect width="5" height="5"/>\n</svg>\n');

  it('draws an SVG as vector paths on its page, with its caption', async () => {
    const source = brief(`${text(2)}\n\n![Bids per round in the auction](chart.svg "Bids per round, a bar chart")\n\n${text(2)}`);
    const { pdf, warnings, layout } = await renderBrief(source, { filename: 'svg.md', contentDir: dir });
    expect(warnings).toEqual([]);
    const [image] = images(layout);
    expect(image?.svg).toContain('<rect');
    const operators = await pageOperators(pdf);
    const page = operators[image!.page.number - 1]!;
    // The bars are filled paths in the chart's blue; no raster image is placed for them.
    const fills = page.fn.flatMap((fn, i) => (fn === OPS.setFillRGBColor ? [String(page.args[i])] : []));
    expect(fills.some((colour) => /#3b6ea5|59,110,165/i.test(colour))).toBe(true);
    expect(page.fn.filter((fn) => fn === OPS.constructPath).length).toBeGreaterThan(4);
    expect(page.fn.includes(OPS.paintImageXObject)).toBe(false);
    // Tagged as a Figure whose alternate text is the alt text, with the title as its Caption.
    const figures: StructNode[] = [];
    const walk = (node: StructNode) => (node.type === 'Figure' ? figures.push(node) : node.children.forEach(walk));
    walk(layout.structure);
    expect(figures[0]).toMatchObject({ alt: 'Bids per round in the auction', children: [{ type: 'Caption' }] });
    const pdfText = joinedText(await readPdf(pdf));
    expect(pdfText).toContain('Bids per round, a bar chart');
    // The chart's own label is text, set in offprint's sans (not an unembedded Helvetica).
    expect(pdfText).toContain('Chart label');
    expect(Buffer.from(pdf).toString('latin1')).not.toMatch(/\/BaseFont \/Helvetica/);
  });

  it('never reads a file an SVG names, and says what it dropped', async () => {
    const source = brief(`${text(2)}\n\n![A hostile chart](hostile.svg)\n\n${text(2)}`);
    const { pdf, warnings } = await renderBrief(source, { filename: 'hostile.md', contentDir: dir });
    const bytes = Buffer.from(pdf).toString('latin1');
    expect(joinedText(await readPdf(pdf))).not.toContain('SECRETMARKER');
    expect(bytes).not.toContain('SECRETMARKER');
    // The 37 × 41 PNG outside the folder was not embedded, nor any other image.
    expect(bytes).not.toMatch(/\/Subtype \/Image/);
    expect(bytes).not.toContain('example.org');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.line).toBe(11);
    for (const part of ['"../secret.png"', 'file://', '"../secret.svg#x"', '@import', '<script> is not drawn', 'link']) expect(warnings[0]!.message).toContain(part);
  });

  it('gives a clear warning with the line for a malformed SVG, and keeps its description', async () => {
    const source = brief(`${text(1)}\n\n![The network in 2024](broken.svg)\n\n${text(1)}`);
    const { pdf, warnings } = await renderBrief(source, { filename: 'broken.md', contentDir: dir });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ file: 'broken.md', line: 9, column: 1 });
    expect(warnings[0]!.message).toMatch(/image "broken\.svg" is not well-formed SVG \(line 4, column 1: <\/svg> closes <g> opened on line 2\); its description is printed instead/);
    expect(joinedText(await readPdf(pdf))).toContain('The network in 2024');
  });

  it('is byte-identical when built twice', async () => {
    const source = brief(`${text(2)}\n\n![Chart](chart.svg)\n\n:::figure{wide}\n![Chart again](chart.svg)\n:::\n\n${text(2)}`);
    const first = await renderBrief(source, { filename: 'twice.md', contentDir: dir });
    const second = await renderBrief(source, { filename: 'twice.md', contentDir: dir });
    expect(Buffer.from(first.pdf).equals(Buffer.from(second.pdf))).toBe(true);
  });
});

describe('pictures inside and outside the bounds', () => {
  it('draws an image embedded in an SVG as data, and refuses a PNG too large to decode', async () => {
    const embedded = `data:image/png;base64,${pngBytes(20, 10).toString('base64')}`;
    // Only the header is read: a PNG that claims 20,000 × 20,000 pixels is refused before pdfkit would decode it.
    const bomb = pngBytes(1, 1);
    bomb.writeUInt32BE(20000, 16);
    bomb.writeUInt32BE(20000, 20);
    const dir = contentFolder({ 'photo.svg': barChartSvg(400, 240, `<image href="${embedded}" x="300" y="20" width="40" height="20"/>`), 'bomb.png': bomb });
    const { pdf, warnings } = await renderBrief(brief(`${text(1)}\n\n![Chart with a photo](photo.svg)\n\n![Bomb](bomb.png)\n\n${text(1)}`), { filename: 'bounds.md', contentDir: dir });
    expect(warnings.map((w) => [w.line, w.message])).toEqual([[11, 'image "bomb.png": a PNG of 20000 × 20000 pixels is more than offprint decodes (40 million); scale it down; its description is printed instead']]);
    const bytes = Buffer.from(pdf).toString('latin1');
    expect(bytes).toMatch(/\/Subtype \/Image[\s\S]{0,200}\/Width 20|\/Width 20[\s\S]{0,200}\/Subtype \/Image/);
  });
});

describe('SVG bounds: bombs and oversize drawings are refused, not drawn', () => {
  it('refuses XML entity declarations (billion laughs) at once', () => {
    const laughs = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`)].join('\n');
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE svg [\n${laughs}\n]>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><text>&lol9;</text></svg>`;
    const result = readSvg(bomb, 'bomb.svg');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/line 2, column 1: the file declares its own XML entities/);
  });

  it('refuses a <use> chain that multiplies past the bound, and a reference loop', () => {
    const levels = Array.from({ length: 8 }, (_, i) => `<g id="l${i + 1}">${Array.from({ length: 10 }, () => `<use href="#l${i}"/>`).join('')}</g>`).join('');
    const chain = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><rect id="l0" width="1" height="1"/>${levels}</defs><use href="#l8"/></svg>`;
    const multiplied = readSvg(chain, 'chain.svg');
    expect(!multiplied.ok && multiplied.reason).toMatch(/would draw more than 60000 elements/);
    const loop = readSvg('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><g id="a"><use href="#b"/></g><g id="b"><use href="#a"/></g></svg>', 'loop.svg');
    expect(!loop.ok && loop.reason).toMatch(/refers to itself/);
  });

  it('refuses markers that multiply over many points', () => {
    const points = Array.from({ length: 400 }, (_, i) => `${i} ${i % 7}`).join(' ');
    const inner = `<marker id="m0"><polyline points="${points}"/></marker>`;
    const outer = `<marker id="m1"><polyline points="${points}" marker-mid="url(#m0)"/></marker>`;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs>${inner}${outer}</defs><polyline points="${points}" style="marker-mid: url(#m1)"/></svg>`;
    const result = readSvg(svg, 'markers.svg');
    expect(!result.ok && result.reason).toMatch(/more than 60000 elements/);
  });

  it('refuses too many elements, too deep nesting and too large a file with a clear reason', () => {
    const many = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">${'<rect width="1" height="1"/>'.repeat(20001)}</svg>`;
    expect(readSvg(many, 'many.svg')).toMatchObject({ ok: false, reason: expect.stringMatching(/more than 20000 elements/) });
    const deep = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">${'<g>'.repeat(100)}${'</g>'.repeat(100)}</svg>`;
    expect(readSvg(deep, 'deep.svg')).toMatchObject({ ok: false, reason: expect.stringMatching(/nested more than 64 deep/) });
    const large = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path d="${'M0 0 L1 1 '.repeat(210000)}"/></svg>`;
    expect(readSvg(large, 'large.svg')).toMatchObject({ ok: false, reason: expect.stringMatching(/larger than 2 MB/) });
  });

  it('sizes a drawing from width and height, or from its viewBox', () => {
    expect(readSvg('<svg xmlns="http://www.w3.org/2000/svg" width="80mm" height="40mm"/>', 'a.svg')).toMatchObject({ ok: true, width: expect.closeTo(226.77, 1), height: expect.closeTo(113.39, 1) });
    expect(readSvg('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 100"/>', 'b.svg')).toMatchObject({ ok: true, width: 300, height: 75 });
    expect(readSvg('<svg xmlns="http://www.w3.org/2000/svg" width="200" viewBox="0 0 400 100"/>', 'c.svg')).toMatchObject({ ok: true, width: 150, height: 37.5 });
    expect(readSvg('<svg xmlns="http://www.w3.org/2000/svg"/>', 'd.svg')).toMatchObject({ ok: false, reason: expect.stringMatching(/has no size/) });
  });
});

describe('a pull-quote with nowhere to go below a wide figure', () => {
  it('stands in the rail, or is left out with a warning, rather than set alone after the last paragraph', () => {
    const dir = contentFolder({ 'pano.png': pngBytes(1600, 400) });
    const source = (country: string) => `---\ntitle: A quote after the last figure\npullquotes: none\n${country}---\n\n${PARAGRAPH}\n\n:::pullquote{cite="A crane driver"}\nNobody expects the authority to act, so nobody asks it to.\n:::\n\n${PARAGRAPH}\n\n:::figure{wide}\n![A panorama](pano.png)\n:::\n\nThe clerk says she does not expect the sea to reach the hall in her lifetime. What she expects sooner is the day nobody will sell her neighbours a mortgage.\n`;
    // With a country, page 1's rail has room below its facts: the quote stands there.
    const railed = layoutSource(source('country: Albania\n'), { filename: 'trailing.md', contentDir: dir });
    const rail = pageGeometry('a4').firstPage.rail;
    const quote = textElements(railed.layout).filter((e) => e.role === 'pullquote');
    expect(quote.length).toBeGreaterThan(0);
    for (const line of quote) expect(line.x).toBeGreaterThanOrEqual(rail.x - 6);
    expect(typesettingReport(railed.layout).summary.lastPageBalance).toBeLessThanOrEqual(2);
    // Without one there is no rail: it is left out, with a warning naming its line.
    const { layout, warnings } = layoutSource(source(''), { filename: 'trailing.md', contentDir: dir });
    expect(warnings.some((w) => w.line === 8 && /pull-quote .* left out/.test(w.message))).toBe(true);
    expect(textElements(layout).some((e) => e.role === 'pullquote')).toBe(false);
  });
});

describe('the paragraph after a figure', () => {
  it('keeps its first-line indent, as the figure floats out of the run of text', () => {
    const dir = contentFolder({ 'small.png': pngBytes(300, 200) });
    const source = brief(`${PARAGRAPH}\n\n![A small photo](small.png)\n\nSecond paragraph after the figure, which continues the run of text.\n\n## A heading\n\nFirst after the heading.`);
    const { layout } = layoutSource(source, { filename: 'indent.md', contentDir: dir });
    const lineStarting = (words: string) => textElements(layout).find((e) => e.pieces.map((p) => p.text).join('').startsWith(words))!;
    expect(lineStarting('Second paragraph').pieces[0]!.x).toBeGreaterThan(5);
    expect(lineStarting('First after the heading').pieces[0]!.x).toBeLessThan(1);
  });
});
