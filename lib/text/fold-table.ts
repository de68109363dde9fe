/**
 * Per-code-unit folding tables shared by the normalizer and the matcher's scan loop.
 *
 * Every UTF-16 code unit folds to one of a few kinds (see the KIND_* constants). The answer for a
 * unit never depends on its neighbours except for two documented cases (whitespace runs
 * and a decomposed Cyrillic "й"), so it is computed once per distinct unit, lazily, and
 * cached in typed arrays: the hot loop pays one array read per character.
 *
 * Two views are kept in lockstep, always of the same length for a given unit:
 *  - folded: lower-cased, accents stripped, variants unified (what patterns are matched on);
 *  - cased:  the same without lower-casing (to check case-sensitive acronyms such as "WHO").
 */

import { HAN_T2S_PAIRS } from './han-t2s';

let hanMap: Map<number, number> | null = null;

/** The Simplified form of a Traditional character, or undefined (the map is built on first use). */
function hanSimplified(c: number): number | undefined {
  if (c < 0x3400 || c > 0xfaff) return undefined;
  if (!hanMap) {
    hanMap = new Map();
    for (let k = 0; k + 1 < HAN_T2S_PAIRS.length; k += 2)
      hanMap.set(HAN_T2S_PAIRS.charCodeAt(k), HAN_T2S_PAIRS.charCodeAt(k + 1));
  }
  return hanMap.get(c);
}

// Fold kinds (plain numbers rather than an enum so hot loops compare small integers).
export const KIND_UNKNOWN = 0;
/** Emits exactly one unit: FOLDED_UNIT[c] (and CASED_UNIT[c] for the case-preserving view). */
export const KIND_SINGLE = 1;
/** Emits nothing: zero-width and bidi controls, soft hyphen, tatweel, harakat, combining marks. */
export const KIND_DROP = 2;
/** Any kind of space or line break: emits ' ', and a run of them emits a single ' '. */
export const KIND_SPACE = 3;
/** Emits several units (ligatures, full-width compatibility forms that expand). */
export const KIND_MULTI = 4;
/** Cyrillic и/И: becomes й/Й when followed by a combining breve (decomposed "й"). */
export const KIND_CYRILLIC_I = 5;

export const COMBINING_BREVE = 0x0306;

const KIND = new Uint8Array(0x10000);
const FOLDED = new Uint16Array(0x10000);
const CASED = new Uint16Array(0x10000);
const MULTI_FOLDED = new Map<number, string>();
const MULTI_CASED = new Map<number, string>();

/** Unicode White_Space, plus line breaks: all fold to a plain space. */
const SPACES = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006,
  0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
];

/** Invisible format characters that split words for no visible reason: removed. */
const IGNORABLE: Array<number | [number, number]> = [
  0x00ad, // soft hyphen
  0x061c, // Arabic letter mark
  0x180e, // Mongolian vowel separator
  [0x200b, 0x200f], // ZWSP, ZWNJ, ZWJ, LRM, RLM
  [0x202a, 0x202e], // LRE, RLE, PDF, LRO, RLO
  [0x2060, 0x2064], // word joiner, invisible operators
  [0x2066, 0x2069], // bidi isolates
  0xfeff, // BOM / zero-width no-break space
  0x0640, // Arabic tatweel (kashida): pure elongation
];

/**
 * Combining marks that are dropped. Deliberately not all of \p{M}: Indic vowel signs are
 * letters in practice, so only diacritics of Latin, Cyrillic and Arabic text are listed.
 */
const DROPPED_MARKS: Array<[number, number]> = [
  [0x0300, 0x036f], // combining diacritical marks (Latin accents; ё as е + U+0308)
  [0x0483, 0x0489], // Cyrillic titlo and friends
  [0x0610, 0x061a], // Arabic honorific signs
  [0x064b, 0x065f], // Arabic harakat: fathatan..., shadda, sukun, hamza above/below
  [0x0670, 0x0670], // Arabic superscript alef
  [0x06d6, 0x06dc], // Quranic annotation marks
  [0x06df, 0x06e4],
  [0x06e7, 0x06e8],
  [0x06ea, 0x06ed],
  [0x08d3, 0x08ff], // Arabic extended marks
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x20d0, 0x20ff],
  [0xfe00, 0xfe0f], // variation selectors
  [0xfe20, 0xfe2f], // combining half marks
];

/**
 * Dashes and minus signs, like the hyphen-minus itself, read as a space: news writes
 * "Guinea Bissau" and "Guinea-Bissau", "Ban Ki moon" and "Ban Ki-moon", "UN Habitat" and
 * "UN-Habitat" for the same name, and no name differs from another by a hyphen alone.
 */
const DASHES = [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2043, 0x2212, 0x2e3a, 0x2e3b, 0xfe58, 0xfe63, 0xff0d];
/** Apostrophe look-alikes become "'", so "l’ONU" and "l'ONU" are the same text. */
const APOSTROPHES = [0x2018, 0x2019, 0x201a, 0x201b, 0x02bc, 0x02b9, 0x0060, 0x00b4, 0x2032, 0xff07];
/** Double-quote look-alikes (including guillemets used as quotes) become '"'. */
const DOUBLE_QUOTES = [0x201c, 0x201d, 0x201e, 0x201f, 0x00ab, 0x00bb, 0x2033, 0x301d, 0x301e, 0xff02];

/** Single-letter rewrites applied after case folding. */
const LETTER_VARIANTS: Array<[number, number]> = [
  [0x0451, 0x0435], // ё → е
  [0x0401, 0x0415], // Ё → Е (cased view)
  [0x0623, 0x0627], // أ → ا
  [0x0625, 0x0627], // إ → ا
  [0x0622, 0x0627], // آ → ا
  [0x0671, 0x0627], // ٱ → ا
  [0x0649, 0x064a], // ى → ي
  [0x0629, 0x0647], // ة → ه
  // Hamza seats vary by country and house style: شؤون and شئون are the same word.
  [0x0624, 0x0621], // ؤ → ء
  [0x0626, 0x0621], // ئ → ء
  [0x06cc, 0x064a], // Persian ye → ي (common with Persian keyboards)
  [0x06a9, 0x0643], // Persian keheh → ك
];

const PUNCT_MAP = new Map<number, number>();
for (const c of APOSTROPHES) PUNCT_MAP.set(c, 0x27);
for (const c of DOUBLE_QUOTES) PUNCT_MAP.set(c, 0x22);
const VARIANT_MAP = new Map<number, number>(LETTER_VARIANTS);

const COMBINING = /\p{M}/gu;

/** Latin letters with precomposed accents: the only ranges whose accents are stripped. */
function isLatinAccentRange(c: number): boolean {
  return (
    (c >= 0x00c0 && c <= 0x024f) ||
    (c >= 0x1e00 && c <= 0x1eff) ||
    (c >= 0x2c60 && c <= 0x2c7f) ||
    (c >= 0xa720 && c <= 0xa7ff)
  );
}

/** Ranges whose compatibility decomposition (NFKC) is wanted: ligatures, Arabic presentation forms, full width. */
function isCompatRange(c: number): boolean {
  return (
    (c >= 0xfb00 && c <= 0xfb06) ||
    (c >= 0xfb50 && c <= 0xfdff) ||
    (c >= 0xfe70 && c <= 0xfefc) ||
    (c >= 0xff01 && c <= 0xff5e)
  );
}

function inRanges(c: number, list: Array<number | [number, number]>): boolean {
  for (const r of list) {
    if (typeof r === 'number' ? c === r : c >= r[0] && c <= r[1]) return true;
  }
  return false;
}

function stripMarks(s: string): string {
  return s.normalize('NFD').replace(COMBINING, '').normalize('NFC');
}

/** Folds one BMP unit to [folded, cased] strings (space is ' ', dropped is ''). */
function foldUnitToStrings(c: number): [string, string] | 'space' | 'drop' {
  if (SPACES.includes(c) || c === 0x2d || DASHES.includes(c)) return 'space';
  if (inRanges(c, IGNORABLE) || inRanges(c, DROPPED_MARKS)) return 'drop';
  const punct = PUNCT_MAP.get(c);
  if (punct !== undefined) return [String.fromCharCode(punct), String.fromCharCode(punct)];
  // Traditional Chinese reads as Simplified (聯合國 = 联合国), one character for one.
  const simplified = hanSimplified(c);
  if (simplified !== undefined) return [String.fromCharCode(simplified), String.fromCharCode(simplified)];
  if (c >= 0xd800 && c <= 0xdfff) {
    // Surrogates pass through untouched (pairs stay pairs, lone ones stay lone).
    return [String.fromCharCode(c), String.fromCharCode(c)];
  }
  const ch = String.fromCharCode(c);
  // Only units that NFKC changes: some in these blocks (U+FBB2–FBC1 Arabic symbols, unassigned
  // ones) decompose to themselves, and folding them again would never end.
  if (isCompatRange(c) && ch.normalize('NFKC') !== ch) {
    // Decompose, then fold each resulting unit with the same rules (ﻻ → لا, ﬁ → fi, Ａ → a).
    let folded = '';
    let cased = '';
    for (const part of ch.normalize('NFKC')) {
      for (let k = 0; k < part.length; k++) {
        const r = foldUnitToStrings(part.charCodeAt(k));
        if (r === 'space') {
          folded += ' ';
          cased += ' ';
        } else if (r !== 'drop') {
          folded += r[0];
          cased += r[1];
        }
      }
    }
    return [folded, cased];
  }
  let folded = ch.toLowerCase();
  let cased = ch;
  if (isLatinAccentRange(c)) {
    folded = stripMarks(folded);
    cased = stripMarks(cased);
  }
  folded = mapVariants(folded);
  cased = mapVariants(cased);
  // Both views must have the same length so spans line up; prefer the folded form if not.
  if (cased.length !== folded.length) cased = folded;
  return [folded, cased];
}

function mapVariants(s: string): string {
  let out = '';
  for (let k = 0; k < s.length; k++) {
    const u = s.charCodeAt(k);
    out += String.fromCharCode(VARIANT_MAP.get(u) ?? u);
  }
  return out;
}

function computeKind(c: number): number {
  if (c === 0x0438 || c === 0x0418) {
    FOLDED[c] = 0x0438;
    CASED[c] = c;
    return KIND_CYRILLIC_I;
  }
  const r = foldUnitToStrings(c);
  if (r === 'space') {
    FOLDED[c] = 0x20;
    CASED[c] = 0x20;
    return KIND_SPACE;
  }
  if (r === 'drop') return KIND_DROP;
  const [folded, cased] = r;
  if (folded.length === 0) return KIND_DROP;
  if (folded.length === 1) {
    FOLDED[c] = folded.charCodeAt(0);
    CASED[c] = cased.charCodeAt(0);
    return KIND_SINGLE;
  }
  // A Multi expansion that is all spaces would break whitespace collapsing; none exists in practice.
  MULTI_FOLDED.set(c, folded);
  MULTI_CASED.set(c, cased);
  return KIND_MULTI;
}

/** The fold kind of a code unit (computed on first use, then cached). */
export function foldKind(c: number): number {
  const k = KIND[c]!;
  if (k !== KIND_UNKNOWN) return k;
  const computed = computeKind(c);
  KIND[c] = computed;
  return computed;
}

/** The kinds table itself, for hot loops that inline the cache check (call foldKind on a 0). */
export const FOLD_KIND_TABLE: Uint8Array = KIND;
/** Folded unit for Single/Space/CyrillicI kinds. */
export const FOLDED_UNIT: Uint16Array = FOLDED;
/** Case-preserving unit for Single/Space/CyrillicI kinds. */
export const CASED_UNIT: Uint16Array = CASED;

/** Expansion of a Multi unit, folded or case-preserving. */
export function multiExpansion(c: number, keepCase: boolean): string {
  return (keepCase ? MULTI_CASED.get(c) : MULTI_FOLDED.get(c)) ?? '';
}

const FIRST_DROPPED_MARK = Math.min(...DROPPED_MARKS.map(([a]) => a));

/** True for the combining marks that are dropped (a match span is extended over them). */
export function isDroppedMark(c: number): boolean {
  // Called after every match end: the commonest characters (ASCII, Latin-1, spaces) are below
  // the first range, so they skip the range walk.
  return c >= FIRST_DROPPED_MARK && inRangesPairs(c, DROPPED_MARKS);
}

function inRangesPairs(c: number, list: Array<[number, number]>): boolean {
  for (const [a, b] of list) if (c >= a && c <= b) return true;
  return false;
}

// Prime ASCII so the commonest units never take the slow path.
for (let c = 0; c < 0x80; c++) foldKind(c);
