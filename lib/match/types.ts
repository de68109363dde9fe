/**
 * Data structures of the compiled matcher. Everything the scan loop touches is a typed
 * array, so a matcher can be serialized as one buffer and loaded as views over it.
 */
import type { Kind } from '../dataset/basics';

/** Variant flags: how one (pattern, entity) pair must be checked against the page. */
export const V_CASE_EXACT = 1; // acronym: the page must have exactly this case ("WHO", not "who")
export const V_CAPITALS = 2; // contextual alias: its capitals must be capitals on the page ("Mr. Ban", not "ban")
export const V_CONTEXTUAL = 4; // counts only where the entity (or its parent) is fully named
export const V_NEEDS_LI = 8; // Arabic "ال…" name with its alif elided after the proclitic ل ("للأمم")
// Set by the compiler on contextual aliases whose own text holds a full name (see self-evident.ts):
export const V_NAMES_ENTITY = 16; // ... of the alias's own entity
export const V_NAMES_PARENT = 32; // ... of the entity's parent ("high-level debate of the General Assembly")
/** A one-word name written with a capital: the page's first letter must be a capital (Togo, not «того»). */
export const V_INITIAL_CAPITAL = 64;
/**
 * A one-word name equal to a function word of one of our languages (Russian «Того», Togo):
 * besides its capital, it must not start a sentence, where the word is capitalized too.
 */
export const V_COMMON_WORD = 128;
/** A self-evident contextual alias: confirmed by its own text, and selected like a full name. */
export const V_SELF_EVIDENT = V_NAMES_ENTITY | V_NAMES_PARENT;

/** Group flags: properties of a normalized pattern text, shared by all its variants. */
export const G_START_BOUNDARY = 1; // starts with a word unit: must not start inside a word
export const G_END_BOUNDARY = 2; // ends with a word unit: must not end inside a word
export const G_ARABIC_START = 4; // starts with an Arabic letter: proclitics may precede it
export const G_STARTS_WITH_AL = 8; // starts with the article ال (so no second article before it)

/** Unsigned integers in the narrowest typed array their range allows (chosen at compile time). */
export type UintArray = Uint16Array | Uint32Array;

/** Entity facts the ranking needs, in compact form. */
export interface EntityTable {
  ids: string[];
  kinds: Kind[];
  /** Index of facts.parent, or -1. */
  parent: Int32Array;
  /** CSR: links of entity e are links[linkStart[e] .. linkStart[e+1]) (related, parent, participants, ...). */
  linkStart: UintArray;
  links: UintArray;
  /** CSR of [from, to] year pairs: years[2k], years[2k+1] for k in yearStart[e] .. yearStart[e+1]. */
  yearStart: UintArray;
  years: Uint16Array;
  /** CSR: the holders of office e (persons whose holdings link to it) are holders[holderStart[e] .. holderStart[e+1]). */
  holderStart: UintArray;
  holders: UintArray;
}

/**
 * Arrays marked "derived" are rebuilt by loadMatcher from the others (cheap, linear in
 * their size) and never serialized.
 */
export interface Matcher {
  /** Format version of the serialized form. */
  version: number;
  /** Longest normalized pattern, in UTF-16 units. */
  maxPatternLength: number;
  /** alphabet[k-1] is the code unit with alphabet index k (index 0 = not in any pattern). */
  alphabet: Uint16Array;
  /** Derived: code unit → alphabet index. */
  alphaIndex: Uint16Array;
  /**
   * Double-array trie with failure links, interleaved per state s (see automaton-build.ts):
   * nodes[3s] = base, nodes[3s+1] = check, nodes[3s+2] = fail word. The child of s on
   * alphabet index a is t = base + a when check of t === s. The fail word is the failure
   * link (low 25 bits) | the state's depth (bits 25-29) | FAIL_HAS_OUTPUT | FAIL_TERMINAL (sign bit).
   */
  nodes: Int32Array;
  /**
   * Bitmap of terminal states. Groups are numbered in the slot order of their terminal
   * states, so the group ending at terminal state t is rankOf(terminalBits, terminalRank, t).
   */
  terminalBits: Uint32Array;
  /** Derived: rankCounts(terminalBits). */
  terminalRank: Uint32Array;
  /** Per group (distinct normalized pattern): length in units, G_* flags. */
  groupLength: Uint8Array | Uint16Array;
  groupFlags: Uint8Array;
  /**
   * Variants are stored group after group, at least one per group, so the first variant of
   * group g is g + groupVariantExtra[g] (the extra variants of earlier groups): a small
   * number, unlike the variant index itself. Group g's variants end where g + 1's start.
   */
  groupVariantExtra: UintArray;
  /** Per variant: entity index, V_* flags. */
  variantEntity: UintArray;
  variantFlags: Uint8Array;
  /** Per variant: the languages (LANG_BITS) whose text it may match in (alias scope). */
  variantLangs: Uint8Array;
  /**
   * Per group: the languages in which it has a full-name variant with no case, proclitic or
   * context condition, so the scan can accept it there without verifying.
   */
  groupPlainLangs: Uint8Array;
  /**
   * Case-preserving pattern units of the variants that check case (V_CASE_EXACT or
   * V_CAPITALS), in variant order, each as long as its group's pattern.
   */
  casedUnits: Uint16Array;
  /** Derived: bitmap of case-checking variants, its rank counts, and casedStart[k] = start in casedUnits of the k-th. */
  casedBits: Uint32Array;
  casedRank: Uint32Array;
  casedStart: Uint32Array;
  entities: EntityTable;
}

/** The name the issue uses for a compiled (or loaded) matcher. */
export type CompiledMatcher = Matcher;

/** One highlighted mention. Offsets are UTF-16 indices in the scanned text (plus offsetBase). */
export interface Mention {
  start: number;
  end: number;
  /** The original text of the mention, exactly text.slice(start, end) of the slice. */
  text: string;
  /** Best-guess entity id. */
  id: string;
  kind: Kind;
  /** All candidate ids, ranked; candidates[0] === id. */
  candidates: string[];
  /** True if the mention is a contextual alias, confirmed by a full name elsewhere. */
  contextual: boolean;
}

/** A pattern to compile: normalized later by the compiler. */
export interface PatternSpec {
  /** The alias as written (case kept). */
  text: string;
  entity: number;
  /** V_* flags. */
  flags: number;
  /** Languages (LANG_BITS) whose text the alias may match in; all six when left out. */
  langs?: number;
}

export const MATCHER_FORMAT_VERSION = 7;
