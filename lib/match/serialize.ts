/**
 * Binary form of a Matcher, built at data-build time and shipped with the extension.
 *
 * Layout: "CLM1", u32 format version, u32 header length, a UTF-8 JSON header (section table,
 * entity ids, kind names), zero padding to 8 bytes, then each typed array's raw bytes at an
 * 8-byte-aligned offset. Loading parses only the header and wraps the rest in typed-array
 * views: no copying (unless the input buffer itself is misaligned) and no per-state work;
 * the few derived arrays (derived.ts) are rebuilt in linear time over small tables.
 * Integer tables use the narrowest type their range allows (u16 for most), chosen by the
 * compiler; the section table records each type.
 * Typed arrays use the platform's byte order; every browser engine is little-endian, and
 * loading refuses a big-endian platform rather than misread the file.
 */
import type { Kind } from '../dataset/basics';
import { withDerivedArrays } from './derived';
import { MATCHER_FORMAT_VERSION, type Matcher, type UintArray } from './types';

const MAGIC = [0x43, 0x4c, 0x4d, 0x31]; // "CLM1"

type ArrayType = 'u8' | 'u16' | 'i32' | 'u32';
type AnyArray = Uint8Array | Uint16Array | Int32Array | Uint32Array;

interface Section {
  name: string;
  type: ArrayType;
  offset: number;
  length: number;
}

interface Header {
  maxPatternLength: number;
  sections: Section[];
  ids: string[];
  kindNames: Kind[];
}

function typeOf(a: AnyArray): ArrayType {
  if (a instanceof Uint8Array) return 'u8';
  if (a instanceof Uint16Array) return 'u16';
  if (a instanceof Int32Array) return 'i32';
  return 'u32';
}

function view(type: ArrayType, buffer: ArrayBuffer, offset: number, length: number): AnyArray {
  switch (type) {
    case 'u8':
      return new Uint8Array(buffer, offset, length);
    case 'u16':
      return new Uint16Array(buffer, offset, length);
    case 'i32':
      return new Int32Array(buffer, offset, length);
    default:
      return new Uint32Array(buffer, offset, length);
  }
}

/** The stored sections and the types each may have. */
const SECTION_TYPES: Record<string, readonly ArrayType[]> = {
  alphabet: ['u16'],
  nodes: ['i32'],
  terminalBits: ['u32'],
  groupLength: ['u8', 'u16'],
  groupFlags: ['u8'],
  groupVariantExtra: ['u16', 'u32'],
  variantEntity: ['u16', 'u32'],
  variantFlags: ['u8'],
  variantLangs: ['u8'],
  groupPlainLangs: ['u8'],
  casedUnits: ['u16'],
  kindCodes: ['u8'],
  parent: ['i32'],
  linkStart: ['u16', 'u32'],
  links: ['u16', 'u32'],
  holderStart: ['u16', 'u32'],
  holders: ['u16', 'u32'],
  yearStart: ['u16', 'u32'],
  years: ['u16'],
};

function arraysOf(m: Matcher, kindCodes: Uint8Array): Record<string, AnyArray> {
  const t = m.entities;
  return {
    alphabet: m.alphabet,
    nodes: m.nodes,
    terminalBits: m.terminalBits,
    groupLength: m.groupLength,
    groupFlags: m.groupFlags,
    groupVariantExtra: m.groupVariantExtra,
    variantEntity: m.variantEntity,
    variantFlags: m.variantFlags,
    variantLangs: m.variantLangs,
    groupPlainLangs: m.groupPlainLangs,
    casedUnits: m.casedUnits,
    kindCodes,
    parent: t.parent,
    linkStart: t.linkStart,
    links: t.links,
    holderStart: t.holderStart,
    holders: t.holders,
    yearStart: t.yearStart,
    years: t.years,
  };
}

const align8 = (n: number): number => (n + 7) & ~7;

function assertLittleEndian(): void {
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1)
    throw new Error('matcher: big-endian platforms are not supported');
}

export function serializeMatcher(m: Matcher): Uint8Array {
  assertLittleEndian();
  const kindNames = [...new Set(m.entities.kinds)];
  const kindCodes = Uint8Array.from(m.entities.kinds.map((k) => kindNames.indexOf(k)));
  const arrays = arraysOf(m, kindCodes);
  const sections: Section[] = [];
  let offset = 0;
  for (const [name, a] of Object.entries(arrays)) {
    sections.push({ name, type: typeOf(a), offset, length: a.length });
    offset = align8(offset + a.byteLength);
  }
  const header: Header = { maxPatternLength: m.maxPatternLength, sections, ids: m.entities.ids, kindNames };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const dataStart = align8(12 + json.length);
  const bytes = new Uint8Array(dataStart + offset);
  bytes.set(MAGIC, 0);
  const dv = new DataView(bytes.buffer);
  dv.setUint32(4, MATCHER_FORMAT_VERSION, true);
  dv.setUint32(8, json.length, true);
  bytes.set(json, 12);
  for (const s of sections) {
    const a = arrays[s.name]!;
    bytes.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), dataStart + s.offset);
  }
  return bytes;
}

export function loadMatcher(input: Uint8Array): Matcher {
  assertLittleEndian();
  if (input.length < 12 || MAGIC.some((b, k) => input[k] !== b))
    throw new Error('matcher: not a Context Lens matcher file');
  // Views need aligned offsets; a misaligned slice of a larger buffer is copied once.
  const bytes = input.byteOffset % 8 === 0 ? input : input.slice();
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = dv.getUint32(4, true);
  if (version !== MATCHER_FORMAT_VERSION)
    throw new Error(`matcher: format version ${version}, expected ${MATCHER_FORMAT_VERSION}`);
  const jsonLength = dv.getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + jsonLength))) as Header;
  const dataStart = bytes.byteOffset + align8(12 + jsonLength);
  const a: Record<string, AnyArray> = {};
  for (const s of header.sections) {
    if (!SECTION_TYPES[s.name]?.includes(s.type)) throw new Error(`matcher: unexpected section ${s.name} (${s.type})`);
    if (dataStart + s.offset + s.length * bytesPer(s.type) > bytes.byteOffset + bytes.byteLength)
      throw new Error('matcher: truncated file');
    a[s.name] = view(s.type, bytes.buffer as ArrayBuffer, dataStart + s.offset, s.length);
  }
  const get = <T extends AnyArray>(name: string): T => {
    const arr = a[name];
    if (!arr) throw new Error(`matcher: missing section ${name}`);
    return arr as T;
  };
  const kindCodes = get<Uint8Array>('kindCodes');
  return withDerivedArrays({
    version,
    maxPatternLength: header.maxPatternLength,
    alphabet: get('alphabet'),
    nodes: get('nodes'),
    terminalBits: get('terminalBits'),
    groupLength: get<Uint8Array | Uint16Array>('groupLength'),
    groupFlags: get('groupFlags'),
    groupVariantExtra: get<UintArray>('groupVariantExtra'),
    variantEntity: get<UintArray>('variantEntity'),
    variantFlags: get('variantFlags'),
    variantLangs: get('variantLangs'),
    groupPlainLangs: get('groupPlainLangs'),
    casedUnits: get('casedUnits'),
    entities: {
      ids: header.ids,
      kinds: Array.from(kindCodes, (c) => header.kindNames[c]!),
      parent: get('parent'),
      linkStart: get<UintArray>('linkStart'),
      links: get<UintArray>('links'),
      holderStart: get<UintArray>('holderStart'),
      holders: get<UintArray>('holders'),
      yearStart: get<UintArray>('yearStart'),
      years: get('years'),
    },
  });
}

function bytesPer(type: ArrayType): number {
  return type === 'u8' ? 1 : type === 'u16' ? 2 : 4;
}
