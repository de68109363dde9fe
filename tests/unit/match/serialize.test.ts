import { describe, expect, it } from 'vitest';
import { findMentions, loadMatcher, serializeMatcher } from '../../../lib/match';
import { compilePatterns } from '../../../lib/match/compile';
import { scanText } from '../../../lib/match/scan';
import { V_CASE_EXACT, type EntityTable } from '../../../lib/match/types';
import { prng, syntheticMatcher, syntheticText } from './synthetic';
import { unMatcher } from './un-fixtures';

describe('serialized matcher', () => {
  it('finds the same mentions after a round trip', () => {
    const text = 'Ban Ki-moon, Mr. Ban, the UN, l’ONU, Генерального секретаря, 联合国秘书长, للأمم المتحدة.';
    const loaded = loadMatcher(serializeMatcher(unMatcher));
    expect(findMentions(loaded, text)).toEqual(findMentions(unMatcher, text));
  });

  it('loads from a misaligned slice of a larger buffer', () => {
    const bytes = serializeMatcher(unMatcher);
    const bigger = new Uint8Array(bytes.length + 3);
    bigger.set(bytes, 3);
    const loaded = loadMatcher(bigger.subarray(3));
    expect(findMentions(loaded, 'the United Nations').map((m) => m.id)).toEqual(['united-nations']);
  });

  it('rejects files that are not matchers, or truncated', () => {
    expect(() => loadMatcher(new Uint8Array([1, 2, 3]))).toThrow(/not a Context Lens matcher/);
    const bytes = serializeMatcher(unMatcher);
    expect(() => loadMatcher(bytes.subarray(0, bytes.length - 100))).toThrow(/truncated/);
  });

  it('loads a 100k-alias matcher quickly and keeps it compact', () => {
    const { matcher, specs, vocab } = syntheticMatcher(100_000);
    const bytes = serializeMatcher(matcher);
    expect(bytes.length).toBeLessThanOrEqual(15e6); // 15.8 MB before narrowing and rank-indexed terminals
    expect(matcher.variantEntity).toBeInstanceOf(Uint16Array);
    let best = Infinity;
    let loaded = matcher;
    for (let k = 0; k < 5; k++) {
      const t0 = performance.now();
      loaded = loadMatcher(bytes);
      best = Math.min(best, performance.now() - t0);
    }
    expect(best).toBeLessThan(20); // about 4 ms in Node
    // Loaded, the file's buffer plus the arrays derived at load time stay within 15 MB too.
    const derived = [loaded.alphaIndex, loaded.terminalRank, loaded.casedBits, loaded.casedRank, loaded.casedStart];
    expect(bytes.length + derived.reduce((sum, a) => sum + a.byteLength, 0)).toBeLessThanOrEqual(15e6);
    const text = syntheticText(prng(3), 20_000, vocab, specs);
    const spans = (m: typeof matcher) => {
      const out: number[] = [];
      scanText(m, text, (s, e) => out.push(s, e));
      return out;
    };
    expect(spans(loaded)).toEqual(spans(matcher));
  }, 60_000);

  it('rejects a section whose type does not fit it', () => {
    const bytes = serializeMatcher(unMatcher);
    const jsonLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true);
    const header = new TextDecoder().decode(bytes.subarray(12, 12 + jsonLength));
    // Same length, so the rest of the file stays where it was.
    const edited = new TextEncoder().encode(
      header.replace('"name":"alphabet","type":"u16"', '"name":"alphabet","type":"u32"'),
    );
    expect(edited.length).toBe(jsonLength);
    const corrupt = bytes.slice();
    corrupt.set(edited, 12);
    expect(() => loadMatcher(corrupt)).toThrow(/unexpected section alphabet/);
  });
});

describe('narrow tables and their wide fallbacks', () => {
  /** An entity table of `count` entities with nothing but ids. */
  function bareTable(count: number): EntityTable {
    return {
      ids: Array.from({ length: count }, (_, k) => `x${k}`),
      kinds: new Array(count).fill('organization'),
      parent: new Int32Array(count).fill(-1),
      linkStart: new Uint16Array(count + 1),
      holderStart: new Uint16Array(count + 1),
      holders: new Uint16Array(0),
      links: new Uint16Array(0),
      yearStart: new Uint16Array(count + 1),
      years: new Uint16Array(0),
    };
  }

  it('uses 32-bit entity indices past 65,535 entities', () => {
    const table = bareTable(70_000);
    const m = compilePatterns(
      [
        { text: 'Alpha Beta', entity: 69_999, flags: 0 },
        { text: 'ABC', entity: 65_536, flags: V_CASE_EXACT },
        { text: 'Gamma', entity: 3, flags: 0 },
      ],
      table,
    );
    expect(m.variantEntity).toBeInstanceOf(Uint32Array);
    const loaded = loadMatcher(serializeMatcher(m));
    expect(loaded.variantEntity).toBeInstanceOf(Uint32Array);
    expect(findMentions(loaded, 'alpha beta, ABC, abc and Gamma').map((x) => x.id)).toEqual(['x69999', 'x65536', 'x3']);
  });

  it('uses 16-bit pattern lengths past 255 units, and keeps case-preserving texts apart', () => {
    const long = Array.from({ length: 60 }, (_, k) => `Word${k}`).join(' ');
    const m = compilePatterns(
      [
        { text: long, entity: 0, flags: V_CASE_EXACT },
        { text: 'UN', entity: 1, flags: V_CASE_EXACT },
        { text: 'Un', entity: 2, flags: V_CASE_EXACT },
      ],
      bareTable(3),
    );
    expect(m.groupLength).toBeInstanceOf(Uint16Array);
    const loaded = loadMatcher(serializeMatcher(m));
    expect(
      findMentions(loaded, `${long}. UN, Un, un. ${long.toLowerCase()}`).map((x) => [x.id, x.text.length]),
    ).toEqual([
      ['x0', long.length],
      ['x1', 2],
      ['x2', 2],
    ]);
  });
});
