/**
 * Generated briefs for layout tests: deterministic pseudo-random articles of a given length,
 * mixing every block type, so invariants are checked on more than the two content briefs.
 */
const WORDS = ('government policy network security minister agreement regional cooperation infrastructure '
  + 'telecommunications investment committee parliament reform election coalition transparency '
  + 'the of and to in a is that for on with as by at from was were be has have it its their '
  + 'Albania Poland Germany Czechia France Kosovo Serbia Montenegro Tirana Warsaw Brussels Prague '
  + 'extraordinarily counterintelligence responsibilities interoperability 2024 1,000 €3.5bn 5G — – “quoted” ‘single’').split(' ');

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function sentence(random: () => number): string {
  const length = 6 + Math.floor(random() * 18);
  const words: string[] = [];
  for (let i = 0; i < length; i++) words.push(WORDS[Math.floor(random() * WORDS.length)]!);
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function paragraph(random: () => number): string {
  const count = 1 + Math.floor(random() * 6);
  return Array.from({ length: count }, () => sentence(random)).join(' ');
}

/** A Markdown brief of about `paragraphs` paragraphs with headings, lists, quotes, code, tables and pull-quotes. */
export function generatedBrief(seed: number, paragraphs: number): string {
  const random = seededRandom(seed);
  const parts: string[] = ['---', `title: Generated brief number ${seed} on regional policy`, 'byline: Test Writer', 'date: 2024-01-02', '---', ''];
  for (let i = 0; i < paragraphs; i++) {
    const roll = random();
    if (roll < 0.08) parts.push(`## Section ${i} ${sentence(random).slice(0, 40)}`);
    else if (roll < 0.12) parts.push(`- ${sentence(random)}\n- ${paragraph(random)}\n  - nested ${sentence(random)}`);
    else if (roll < 0.15) parts.push(`1. ${sentence(random)}\n2. ${sentence(random)}`);
    else if (roll < 0.18) parts.push(`> ${paragraph(random)}`);
    else if (roll < 0.2) parts.push('```\nconst value = compute(42); // a long line of code that must wrap inside the column without overflowing it\n```');
    else if (roll < 0.22) parts.push('| Country | Value | Share |\n|---|---:|---:|\n| Albania | 1,200 | 12% |\n| Poland | 38,000 | 45% |');
    else if (roll < 0.25) parts.push(`:::pullquote{cite="Someone"}\n${sentence(random)}\n:::`);
    else if (roll < 0.26) parts.push('***');
    else parts.push(paragraph(random));
    parts.push('');
  }
  return parts.join('\n');
}
