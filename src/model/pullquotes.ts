/**
 * Automatic pull-quotes: when the writer marks none, pick quoted speech from the body.
 *
 * Only whole sentences qualify (a capital first, a full stop, question or exclamation mark
 * last, or the comma that precedes "she said"), so a pull-quote never prints a fragment that
 * could mislead. They are spread through the article and placed a few paragraphs after their
 * source, so the display does not sit beside the words it repeats.
 */
import type { Block, ParagraphBlock, PullQuoteBlock } from './types.js';
import { inlineText } from './inlines.js';

interface Candidate {
  paragraph: number;
  text: string;
  cite?: string;
  score: number;
  /** The quotation marks the text used, which the display repeats. */
  marks: readonly [string, string];
}

/**
 * Quoted speech in the marks each language uses, and the marks the display repeats it in:
 * “English”, « French » (spaced) and «Spanish», German „so“ and »so«.
 */
const QUOTES: ReadonlyArray<{ pattern: RegExp; marks: readonly [string, string] }> = [
  { pattern: /\u201C([^\u201C\u201D]{20,400})\u201D/g, marks: ['\u201C', '\u201D'] },
  { pattern: /«[ \u00A0\u202F]([^«»]{20,400}?)[ \u00A0\u202F]»/g, marks: ['«\u00A0', '\u00A0»'] },
  { pattern: /«([^«» \u00A0\u202F][^«»]{18,398}[^«» \u00A0\u202F])»/g, marks: ['«', '»'] },
  { pattern: /\u201E([^\u201E\u201C]{20,400})\u201C/g, marks: ['\u201E', '\u201C'] },
  { pattern: /»([^»«]{20,400})«/g, marks: ['»', '«'] },
];
/** Verbs of speech in English and in the other languages briefs are written in. */
const SPEECH_VERB =
  '(?:said|says|added|told|warned|argued|wrote|stated|insisted|explained' +
  '|dit|raconte|affirme|explique|ajoute|souligne|estime|résume|déclare|prévient' +
  '|sagt|sagte|erklärt|erklärte|betont|betonte|warnt|warnte' +
  '|dijo|afirma|afirmó|explica|explicó|señala|señaló|lamenta|admitió|advierte|advirtió' +
  '|disse|afferma|spiega|dichiara)';
const NAME = "((?:\\p{Lu}[\\p{L}'’.-]+)(?:\\s+\\p{Lu}[\\p{L}'’.-]+){0,3})";
// After the quote, a comma may stand outside its marks (« … », raconte X; „…“, sagt Y).
const AFTER_NAME_VERB = new RegExp(`^\\s*,?\\s*${NAME}\\s+${SPEECH_VERB}(?![\\p{L}])`, 'u');
const AFTER_VERB_NAME = new RegExp(`^\\s*,?\\s*${SPEECH_VERB}\\s+${NAME}`, 'u');
const BEFORE_NAME_VERB = new RegExp(`${NAME}\\s+${SPEECH_VERB}[.,:]?\\s*$`, 'u');
/** "…,” said the deputy agriculture minister, Tsendsuren Ganbold: the office first, then the name. */
const AFTER_VERB_OFFICE_NAME = new RegExp(`^\\s*,?\\s*${SPEECH_VERB}\\s+(?:the|a|an|its|their)\\s+(?:[\\p{Ll}’'-]+\\s+){0,5}[\\p{Ll}’'-]+,\\s+${NAME}`, 'u');
/** Pronouns that stand where a speaker's name would ("Er sagte", "Ella dijo"), in each language with speech verbs above. */
const PRONOUN = /^(?:He|She|They|It|We|I|This|Il|Elle|Ils|Elles|On|Nous|Je|Ce|Cela|Er|Sie|Es|Wir|Ich|Man|Das|Dies|Él|Ella|Ellos|Ellas|Nosotros|Yo|Esto|Eso|Lui|Lei|Loro|Noi|Io|Ele|Ela|Eles|Elas|Nós|Eu)$/u;

/** Inserts up to `wanted` automatic pull-quotes into `body` (a new array). */
export function addAutoPullQuotes(body: Block[], wanted: number): Block[] {
  const candidates = findCandidates(body);
  const chosen: Candidate[] = [];
  const paragraphs = body.filter((b) => b.kind === 'paragraph').length;
  const spacing = Math.max(3, Math.floor(paragraphs / (wanted + 1)));
  for (const candidate of [...candidates].sort((a, b) => b.score - a.score || a.paragraph - b.paragraph)) {
    if (chosen.length >= wanted) break;
    if (chosen.some((c) => Math.abs(c.paragraph - candidate.paragraph) < spacing)) continue;
    chosen.push(candidate);
  }
  const out = [...body];
  // Insert from the end so earlier indices stay valid.
  for (const candidate of chosen.sort((a, b) => b.paragraph - a.paragraph)) {
    const at = insertionPoint(out, candidate.paragraph);
    const block: PullQuoteBlock = { kind: 'pullquote', text: candidate.text, line: out[candidate.paragraph]!.line, automatic: true };
    if (candidate.marks[0] !== '\u201C') block.marks = [candidate.marks[0], candidate.marks[1]];
    if (candidate.cite) block.cite = candidate.cite;
    out.splice(at, 0, block);
  }
  return out;
}

/** How many automatic pull-quotes suit a body of this length: about one per 600 words. */
export function autoPullQuoteCount(wordCount: number): number {
  return Math.max(1, Math.min(12, Math.round(wordCount / 600)));
}

/** Capitalised words that open sentences and clauses: "But Aalto" is not a name. */
const NOT_FIRST_NAMES = /^(?:The|A|An|But|And|Or|So|Yet|In|On|At|For|From|To|By|With|As|If|When|While|Then|Now|This|That|Mr|Mrs|Ms|Dr|Prof)$/;

/**
 * A speaker cited by surname alone ("Aalto said") under the full name the article introduced
 * them by ("said Henrik Aalto, a grid analyst"): "— Aalto" under a display reads as a slip.
 */
function fullName(cite: string, text: string): string {
  if (/\s/.test(cite)) return cite;
  const escaped = cite.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Up to three capitalised words (or initials, "J.") just before it; a sentence's last word
  // ("Helsinki.") is no part of a name.
  const introduced = new RegExp(`(?<![\\p{L}’'.-])((?:\\p{Lu}(?:[\\p{L}’'-]+|\\.)\\s+){1,3})${escaped}(?![\\p{L}])`, 'u').exec(text);
  if (!introduced) return cite;
  const words = introduced[1]!.trim().split(/\s+/);
  while (words.length && NOT_FIRST_NAMES.test(words[0]!)) words.shift();
  return words.length ? `${words.join(' ')} ${cite}` : cite;
}

function findCandidates(body: Block[]): Candidate[] {
  const out: Candidate[] = [];
  const whole = body.filter((block) => block.kind === 'paragraph').map((block) => inlineText((block as ParagraphBlock).inlines)).join('\n\n');
  body.forEach((block, index) => {
    if (block.kind !== 'paragraph') return;
    const text = inlineText((block as ParagraphBlock).inlines);
    // Guillemets point one way in a text («…» in French and Spanish, »…« in German): read the
    // other way, the pattern would take the narrative between two quotations for one.
    const firstGuillemet = /[«»]/u.exec(text)?.[0];
    for (const { pattern, marks } of QUOTES) {
      /** Who spoke the quotation before, named after it, and where that quotation ended. */
      let speaker: { name: string; end: number } | undefined;
      for (const match of text.matchAll(pattern)) {
        if (firstGuillemet !== undefined && /^[«»]/u.test(marks[0]) && !marks[0].startsWith(firstGuillemet)) continue;
        const quoted = match[1]!.trim();
        const after = text.slice((match.index ?? 0) + match[0].length, (match.index ?? 0) + match[0].length + 80);
        const before = text.slice(Math.max(0, (match.index ?? 0) - 40), match.index ?? 0);
        const namedAfter = AFTER_NAME_VERB.exec(after) ?? AFTER_VERB_OFFICE_NAME.exec(after) ?? AFTER_VERB_NAME.exec(after);
        const named = namedAfter ?? BEFORE_NAME_VERB.exec(before);
        // A name at the sentence's end keeps no full stop (an initial's, "J.", is its own).
        const said = named?.[1]?.replace(/(?<=\p{L}{2})\.$/u, '');
        // A quotation that goes on right after "…,” said X, who farms near Beryslav." is X's too:
        // only the sentence naming X stands between them (another sentence may bring another speaker).
        const between = speaker ? text.slice(speaker.end, match.index ?? 0) : '';
        const goesOn = speaker !== undefined && (between.match(/[.!?…](?=\s|$)/gu) ?? []).length <= 1;
        const name = said ?? (goesOn ? speaker!.name : undefined);
        // Only a name said after its quotation introduces the next one; one said before it stands
        // ahead of the quotation it names, and the sentences after are no longer counted.
        speaker = namedAfter && said ? { name: said, end: (match.index ?? 0) + match[0].length } : undefined;
        const words = quoted.split(/\s+/).length;
        if (words < 6 || words > 32) continue;
        // A whole sentence: a capital first (after ¿ or ¡), and its stop inside the marks, or a
        // comma or stop right after them, where French, Spanish and German put it.
        const follower = text[(match.index ?? 0) + match[0].length] ?? '';
        const closed = /[.!?,…]$/.test(quoted) || /^[.,]$/.test(follower);
        if (!/^[¿¡]?\p{Lu}/u.test(quoted) || !closed || quoted.includes('[')) continue;
        const sentence = /[.!?…]$/.test(quoted) ? quoted : `${quoted.replace(/,$/, '')}.`;
        const cite = name && !PRONOUN.test(name) ? fullName(name, whole) : undefined;
        // Prefer sentences of 10 to 24 words, and attributed ones.
        const score = -Math.abs(words - 16) + (cite ? 4 : 0);
        const candidate: Candidate = { paragraph: index, text: sentence, score, marks };
        if (cite) candidate.cite = cite;
        out.push(candidate);
      }
    }
  });
  return out;
}

function insertionPoint(body: Block[], source: number): number {
  let paragraphsSeen = 0;
  for (let i = source + 1; i < body.length; i++) {
    if (body[i]!.kind === 'paragraph') paragraphsSeen++;
    if (paragraphsSeen === 2) return i + 1;
  }
  return Math.min(body.length, source + 1);
}
