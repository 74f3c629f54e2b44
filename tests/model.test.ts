import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BriefError, layoutSource } from '../src/index.js';
import type { Block } from '../src/model/index.js';
import { inlineText } from '../src/model/inlines.js';
import { addAutoPullQuotes } from '../src/model/pullquotes.js';
import { smartenText } from '../src/model/typography.js';
import { lineText, textElements } from './helpers/layout-checks.js';

const brief = (source: string, filename = 'test.md') => layoutSource(source, { filename }).brief;
const errorOf = (source: string, filename = 'test.md'): BriefError => {
  try {
    layoutSource(source, { filename });
  } catch (error) {
    if (error instanceof BriefError) return error;
    throw error;
  }
  throw new Error('expected a BriefError');
};
const paragraphs = (blocks: Block[]) => blocks.filter((b) => b.kind === 'paragraph').map((b) => inlineText((b as { inlines: never }).inlines));

describe('front matter', () => {
  it('reads every documented key', () => {
    const { meta, sidebar } = brief(`---
title: A headline
dek: The standfirst
byline: [Ann One, Bob Two]
date: 2024-03-05
dateline: tirana
kicker: Analysis
lang: en-GB
country: Albania
paper: letter
sidebar:
  title: Where it matters
  countries:
    - name: UK
      status: banned
    - name: Czech Republic
      status: debated
      note: Still talking
---
Body text.`);
    expect(meta).toMatchObject({ title: 'A headline', dek: 'The standfirst', byline: ['Ann One', 'Bob Two'], date: '2024-03-05', dateline: 'tirana', kicker: 'Analysis', lang: 'en-GB', paper: 'letter' });
    expect(meta.country?.alpha2).toBe('AL');
    expect(sidebar?.title).toBe('Where it matters');
    expect(sidebar?.groups.map((g) => g.status)).toEqual(['banned', 'debated']);
    expect(sidebar?.groups[0]!.entries[0]!.country.name).toBe('United Kingdom');
    expect(sidebar?.groups[1]!.entries[0]!.country.alpha2).toBe('CZ');
    expect(sidebar?.groups[1]!.entries[0]!.note).toBe('Still talking');
  });

  it('defaults the kicker and language', () => {
    const { meta } = brief('# Only a headline\n\nText.');
    expect(meta.kicker).toBe('Briefing');
    expect(meta.lang).toBe('en');
  });

  it('reports invalid YAML with the line it is on', () => {
    const error = errorOf('---\ntitle: fine\ndek: [unclosed\nbyline: x\n---\nText');
    expect(error.file).toBe('test.md');
    expect(error.line).toBeGreaterThanOrEqual(3);
    expect(error.line).toBeLessThanOrEqual(5);
    expect(error.message).toMatch(/YAML/);
  });

  it('reports an unknown sidebar country with its line', () => {
    const error = errorOf('---\ntitle: T\nsidebar:\n  countries:\n    - name: France\n    - name: Atlantis\n---\nText');
    expect(error.line).toBe(6);
    expect(error.message).toContain('Atlantis');
  });

  it('rejects a malformed date on its line', () => {
    const error = errorOf('---\ntitle: T\ndate: 5 March\n---\nText');
    expect(error.line).toBe(3);
  });

  it('fails without a headline', () => {
    const error = errorOf('Just a paragraph.');
    expect(error.message).toMatch(/headline/);
  });
});

describe('fallbacks', () => {
  it('takes the first H1 as the headline and does not repeat it', () => {
    const { meta, body } = brief('# The headline\n\nFirst paragraph.\n\n# Another top heading\n\nMore.');
    expect(meta.title).toBe('The headline');
    expect(paragraphs(body)).toEqual(['First paragraph.', 'More.']);
    expect(body.some((b) => b.kind === 'heading' && inlineText(b.inlines) === 'The headline')).toBe(false);
  });

  it('takes a leading "By …" or "From: …" paragraph as the byline', () => {
    expect(brief('# H\n\nBy Jane Doe\n\nText.').meta.byline).toEqual(['Jane Doe']);
    const from = brief('# H\n\nFrom: John Roe\n\nText.');
    expect(from.meta.byline).toEqual(['John Roe']);
    expect(paragraphs(from.body)).toEqual(['Text.']);
  });

  it('reads wire copy: From line, headline, paragraphs, characters as written', () => {
    const source = readFileSync(new URL('./fixtures/huawei-5g-albania.txt', import.meta.url), 'utf8');
    const { meta, body } = brief(source, 'seed.txt');
    expect(meta.title).toBe('US Embassy Pushes Back against Huawei 5G Ambitions');
    expect(meta.byline).toEqual(['Alice Elizabeth Taylor']);
    const text = paragraphs(body);
    expect(text[0]).toMatch(/^The US Charge D’Affaires Leyla Moses-Ones/);
    expect(text.length).toBe(15);
  });

  it('does not read Markdown syntax in wire copy', () => {
    const { body } = brief('Headline here\n\nPrices rose *sharply* in # places.\n', 'w.txt');
    expect(paragraphs(body)).toEqual(['Prices rose *sharply* in # places.']);
  });

  it('lists the countries the body names when the front matter has none', () => {
    const { sidebar, meta } = brief('# H\n\nAlbania and France met. Albania said yes; the UK said no.');
    expect(sidebar?.from).toBe('body');
    expect(sidebar?.groups[0]!.entries.map((e) => e.country.alpha2)).toEqual(['AL', 'FR', 'GB']);
    expect(meta.country?.alpha2).toBe('AL');
  });
});

describe('directives and inline syntax', () => {
  it('makes a pull-quote from the directive, with its attribution', () => {
    const { body } = brief('# H\n\nText.\n\n:::pullquote{cite="A Person, role"}\nWords "worth" repeating.\n:::\n');
    const quote = body.find((b) => b.kind === 'pullquote');
    expect(quote).toMatchObject({ kind: 'pullquote', text: 'Words “worth” repeating.', cite: 'A Person, role' });
  });

  it('keeps the text of an unknown directive and warns', () => {
    const { brief: b, warnings } = layoutSource('# H\n\n:::aside\nKeep these words.\n:::\n', { filename: 'x.md' });
    expect(paragraphs(b.body)).toEqual(['Keep these words.']);
    expect(warnings.some((w) => w.message.includes('aside') && w.line === 3)).toBe(true);
  });

  it('does not let directive syntax swallow times and ratios', () => {
    const { body } = brief('# H\n\nAt 10:30 the ratio was 3:2 and note:this stayed.');
    expect(paragraphs(body)).toEqual(['At 10:30 the ratio was 3:2 and note:this stayed.']);
  });

  it('turns typewriter quotes and dashes into printer’s marks', () => {
    const { body } = brief(`# H\n\nShe said "it's done" -- twice... and---again.`);
    // The space before a spaced dash is a tie: the dash ends a line, never opens one.
    expect(paragraphs(body)).toEqual(['She said “it’s done”\u00A0– twice… and—again.']);
  });

  it('picks an automatic pull-quote from quoted speech when none is marked', () => {
    const source = readFileSync(new URL('./fixtures/huawei-5g-albania.txt', import.meta.url), 'utf8');
    const { body } = brief(source, 'seed.txt');
    const quotes = body.filter((b) => b.kind === 'pullquote');
    expect(quotes.length).toBeGreaterThanOrEqual(1);
    const all = paragraphs(body).join(' ');
    for (const quote of quotes) {
      if (quote.kind !== 'pullquote') continue;
      // A whole quoted sentence from the body, never a fragment.
      expect(quote.text).toMatch(/^\p{Lu}/u);
      expect(quote.text).toMatch(/[.!?]$/);
      expect(all).toContain(quote.text.slice(0, -1));
    }
  });

  it('numbers footnotes in order of reference and collects them at the end', () => {
    const { body } = brief('# H\n\nOne[^b] and two[^a].\n\n[^a]: Note A.\n[^b]: Note B.\n');
    const notes = body[body.length - 1];
    expect(notes?.kind).toBe('notes');
    if (notes?.kind !== 'notes') return;
    expect(notes.notes.map((n) => paragraphs(n.blocks)[0])).toEqual(['Note B.', 'Note A.']);
  });

  it('never reads an image from outside the content folder or the network', () => {
    const { brief: b, warnings } = layoutSource('# H\n\n![secret](../../etc/passwd.png)\n\n![remote](https://example.com/x.png)\n', { filename: 'x.md', contentDir: new URL('./fixtures', import.meta.url).pathname });
    expect(b.body.some((block) => block.kind === 'image')).toBe(false);
    expect(warnings.filter((w) => /image/.test(w.message)).map((w) => w.line)).toEqual([3, 5]);
    expect(paragraphs(b.body)).toEqual(['secret', 'remote']);
  });

  it('drops raw HTML tags, keeps their text and says so', () => {
    const { brief: b, warnings } = layoutSource('# H\n\n<div>Kept <b>words</b></div>\n', { filename: 'x.md' });
    expect(paragraphs(b.body)).toEqual(['Kept words']);
    expect(warnings.some((w) => /HTML/.test(w.message))).toBe(true);
  });
});

describe('automatic pull-quotes name their speaker in full', () => {
  const para = (text: string): Block => ({ kind: 'paragraph', inlines: [{ text, style: {} }], line: 1 });
  const cites = (paragraphs: string[]) => addAutoPullQuotes(paragraphs.map(para), 1).flatMap((b) => (b.kind === 'pullquote' ? [b.cite] : []));

  it('gives a speaker quoted by surname the full name the article introduced them by', () => {
    const body = [
      'Others are more conciliatory. “Nobody designed this system to fail at all,” said Henrik Aalto, a grid analyst in Helsinki.',
      'Filler paragraph one.', 'Filler paragraph two.',
      '“The grid does not care about borders or about anything else at all,” Aalto said. “Politicians do.”',
    ];
    expect(cites(body)).toEqual(['Henrik Aalto']);
  });

  it('keeps a surname alone when no fuller name stands in the article, and never takes a sentence’s last word', () => {
    expect(cites(['He came from Helsinki. Aalto was there.', '“The grid does not care about borders or about anything else at all,” Aalto said.'])).toEqual(['Aalto']);
    expect(cites(['But Aalto disagreed.', '“The grid does not care about borders or about anything else at all,” Aalto said.'])).toEqual(['Aalto']);
  });
});

describe('the focus country and the dateline', () => {
  const focus = (dateline: string | undefined, body: string) =>
    layoutSource(`---\ntitle: Focus\n${dateline ? `dateline: ${dateline}\n` : ''}---\n\n${body}\n`, { filename: 'f.md', map: false }).brief.meta.country?.alpha2;
  const body = 'The coalition agreement is the longest in Croatia’s history. The Krško plant is owned with Slovenia. Relations with Slovenia and Serbia are mentioned, and Slovenia again.';

  it('is the country a story is filed from (its capital or its name) when the body names it', () => {
    expect(focus(undefined, body)).toBe('SI');
    expect(focus('ZAGREB', body)).toBe('HR');
    expect(focus('Zagreb, 21 May', body)).toBe('HR');
    expect(focus('CROATIA', body)).toBe('HR');
  });

  it('is the most named country when the dateline’s country is not in the body or not known', () => {
    expect(focus('BRUSSELS', body)).toBe('SI');
    expect(focus('SPLIT', body)).toBe('SI');
  });
});

describe('automatic pull-quotes in other languages', () => {
  const para = (text: string): Block => ({ kind: 'paragraph', inlines: [{ text: smartenText(text, ''), style: {} }], line: 1 });
  const picked = (paragraphs: string[]) => addAutoPullQuotes(paragraphs.map(para), 1).flatMap((b) => (b.kind === 'pullquote' ? [b] : []));

  it('names the speaker after an office ("said the deputy minister, X") and of a quotation that goes on after "said X."', () => {
    const [office] = picked(['“We cannot send inspectors to every ger in the Gobi,” said the deputy agriculture minister, Tsendsuren Ganbold. “The index is fast.”', 'Another paragraph.']);
    expect(office).toMatchObject({ text: 'We cannot send inspectors to every ger in the Gobi.', cite: 'Tsendsuren Ganbold' });
    const [goesOn] = picked(['Farmers questioned it. “We cannot wait ten steps,” said Valentyn Hrytsenko, who farms 3,400 hectares near Beryslav. “Give us step nine for the wells we can drill ourselves, and we will wait for the rest.”', 'Another paragraph.']);
    expect(goesOn).toMatchObject({ text: 'Give us step nine for the wells we can drill ourselves, and we will wait for the rest.', cite: 'Valentyn Hrytsenko' });
    // Another sentence between them may bring another speaker: the later quotation is nobody's.
    const quotes = addAutoPullQuotes([para('“We will pay every herder who lost animals before the spring grazing begins,” said Tsendsuren Ganbold, the deputy minister. The opposition leader Oyun Bat disagreed sharply. “This scheme is a disaster for the families who lost the most animals this winter.”')], 2).flatMap((b) => (b.kind === 'pullquote' ? [b] : []));
    for (const quote of quotes) if (quote.text.startsWith('This scheme')) expect(quote.cite).toBeUndefined();
    expect(quotes.find((quote) => quote.text.startsWith('We will pay'))?.cite).toBe('Tsendsuren Ganbold');
    // A speaker named before a quotation ("X said: “…”") is not carried to the next one.
    const named = addAutoPullQuotes([para('Ganbold said: “We will pay every herder who lost animals.” Bat disagreed. “This scheme is a disaster for the families who lost the most animals this winter.”')], 2).flatMap((b) => (b.kind === 'pullquote' ? [b] : []));
    expect(named.find((quote) => quote.text.startsWith('This scheme'))).toBeDefined();
    expect(named.find((quote) => quote.text.startsWith('This scheme'))?.cite).toBeUndefined();
  });

  it('picks quoted speech in guillemets and German marks, with the comma outside, and keeps their marks', () => {
    const [fr] = picked(['« Il y a dix ans, on nous disait que l’éolien en mer ne se ferait jamais en France », raconte Yannick Morvan, délégué syndical.', 'Autre paragraphe.']);
    expect(fr).toMatchObject({ text: 'Il y a dix ans, on nous disait que l’éolien en mer ne se ferait jamais en France.', cite: 'Yannick Morvan', marks: ['«\u00A0', '\u00A0»'] });
    const [de] = picked(['„Wir könnten mehr bauen, wenn wir die Leute hätten“, sagt Anna Huber aus Sachsen-Anhalt.', 'Noch ein Absatz.']);
    expect(de).toMatchObject({ text: 'Wir könnten mehr bauen, wenn wir die Leute hätten.', cite: 'Anna Huber', marks: ['\u201E', '\u201C'] });
    const [es] = picked(['«Nos piden que reduzcamos el riego un ochenta por ciento este año», lamenta Jordi Serra.', 'Otro párrafo.']);
    expect(es).toMatchObject({ cite: 'Jordi Serra', marks: ['«', '»'] });
  });

  it('never takes the narrative between two quotations for one, whichever way the guillemets point', () => {
    // German »…«: read as «…», the text between the quotations matched, and was displayed as one.
    const [de] = picked(['»Wir bleiben hier, was auch immer passiert.« Das sagte der Minister am Montag in Berlin vor der Presse. »Wir gehen nicht weg, niemals.«', 'Zweiter Absatz.']);
    expect(de).toMatchObject({ text: 'Wir bleiben hier, was auch immer passiert.', marks: ['»', '«'] });
    // French «…»: read as »…«, the same.
    const fr = picked(['« Oui, bien sûr. » Il a ensuite ajouté qu’il partirait demain matin très tôt. « Non. »', 'Deuxième paragraphe.']);
    expect(fr).toEqual([]);
  });

  it('cites no pronoun as a speaker, in any of the languages it knows speech verbs in', () => {
    for (const text of ['Er sagte: „Wir könnten mehr bauen, wenn wir die Leute hätten.“', 'Ella dijo: «Nos piden que reduzcamos el riego un ochenta por ciento este año.»', '»Wir bleiben hier, was auch immer passiert.« Das sagte der Minister.']) {
      const [quote] = picked([text, 'Zweiter Absatz.']);
      expect(quote, text).toBeDefined();
      expect(quote!.cite, text).toBeUndefined();
    }
  });

  it('still takes no fragment: a quotation that stops mid-sentence is not picked', () => {
    expect(picked(['Il parle d’une « transition qui avance par à-coups et sans véritable plan » dans la région.'])).toEqual([]);
  });

  it('sets the display in the marks the text used', () => {
    // Text enough for the quote to stand in a column away from its words (on a brief of a few
    // lines, an automatic quote would only repeat them, and is left out).
    const filler = Array.from({ length: 10 }, (_, i) => `Paragraphe ${i + 4}, qui continue le texte avec des mots ordinaires pour remplir les colonnes.`).join('\n\n');
    const source = `---\ntitle: Éolien\nlang: fr\n---\n\nPremier paragraphe assez long pour ouvrir la colonne.\n\n« Il y a dix ans, on nous disait que l’éolien en mer ne se ferait jamais en France », raconte Yannick Morvan.\n\nTroisième paragraphe.\n\n${filler}\n\nQuatrième paragraphe, qui termine le texte.\n`;
    const { layout } = layoutSource(source, { filename: 'fr.md', map: false });
    const display = textElements(layout).filter((e) => e.role === 'pullquote').map(lineText).join(' ');
    expect(display).toMatch(/^«[ \u00A0]Il y a dix ans/u);
    expect(display).toMatch(/France\.[ \u00A0]»$/u);
  });
});
