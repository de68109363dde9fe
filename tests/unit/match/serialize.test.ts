import { describe, expect, it } from 'vitest';
import { findMentions, loadMatcher, serializeMatcher } from '../../../lib/match';
import { scanText } from '../../../lib/match/scan';
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
    expect(bytes.length).toBeLessThan(17e6);
    let best = Infinity;
    let loaded = matcher;
    for (let k = 0; k < 3; k++) {
      const t0 = performance.now();
      loaded = loadMatcher(bytes);
      best = Math.min(best, performance.now() - t0);
    }
    expect(best).toBeLessThan(100); // about 5 ms in Node on a quiet machine
    const text = syntheticText(prng(3), 20_000, vocab, specs);
    const spans = (m: typeof matcher) => {
      const out: number[] = [];
      scanText(m, text, (s, e) => out.push(s, e));
      return out;
    };
    expect(spans(loaded)).toEqual(spans(matcher));
  }, 60_000);
});
