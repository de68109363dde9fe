/**
 * The scan's two shortcuts (scan.ts): runs of white space are passed in a tight loop, and a
 * state that starts inside a word is dropped for the root, by its depth. Both must leave the
 * mentions exactly as a scan without them would find them (the property test checks that on
 * random text); these are the cases worth naming.
 */
import { describe, expect, it } from 'vitest';
import { compileMatcher, findMentions } from '../../../lib/match';
import { FAIL_DEPTH_CAP, FAIL_DEPTH_SHIFT, FAIL_LINK_MASK, NODE_STRIDE } from '../../../lib/match/automaton-build';
import { entity } from './fixtures';
import { unMatcher } from './un-fixtures';

const spans = (text: string) => findMentions(unMatcher, text).map((m) => [m.text, m.start, m.end]);

describe('white space runs', () => {
  it('a name broken over any mix of white space is one mention, at the right offsets', () => {
    const gap = '\n\t \u000b\u000c\r\n        ';
    const text = `${gap}United${gap}Nations${gap}UN${gap}`;
    const start = gap.length;
    expect(spans(text)).toEqual([
      [`United${gap}Nations`, start, start + 6 + gap.length + 7],
      ['UN', text.indexOf('UN', start + 10), text.indexOf('UN', start + 10) + 2],
    ]);
    // No-break and other spaces (table lookups, not the ASCII test) are white space too.
    expect(spans('United\u00a0\u2003 \u3000Nations').map((s) => s[0])).toEqual(['United\u00a0\u2003 \u3000Nations']);
  });
});

describe('states inside a word', () => {
  it('every state knows its depth, capped', () => {
    const long = 'a'.repeat(40);
    const m = compileMatcher([entity('x', 'organization', { en: { name: 'United Nations', aliases: [long] } })]);
    const walk = (s: string): number[] => {
      const depths: number[] = [];
      let state = 0;
      for (const ch of s) {
        const t = m.nodes[NODE_STRIDE * state]! + m.alphaIndex[ch.charCodeAt(0)]!;
        expect(m.nodes[NODE_STRIDE * t + 1]).toBe(state);
        state = t;
        depths.push((m.nodes[NODE_STRIDE * state + 2]! >>> FAIL_DEPTH_SHIFT) & FAIL_DEPTH_CAP);
        expect(m.nodes[NODE_STRIDE * state + 2]! & FAIL_LINK_MASK).toBeLessThan(m.nodes.length / NODE_STRIDE);
      }
      return depths;
    };
    expect(walk('united nations')).toEqual(Array.from({ length: 14 }, (_, k) => k + 1));
    expect(walk(long)).toEqual(Array.from({ length: 40 }, (_, k) => Math.min(k + 1, FAIL_DEPTH_CAP)));
  });

  it('names inside longer words are not found; after Arabic proclitics and in Chinese they are', () => {
    expect(spans('Disunited Nations, UNESCOUN, reUN, the UN.').map((s) => s[0])).toEqual(['UN']);
    const m = compileMatcher([
      entity('un', 'organization', {
        en: { name: 'United Nations' },
        ar: { name: 'الأمم المتحدة' },
        zh: { name: '联合国' },
      }),
    ]);
    const found = (text: string) => findMentions(m, text).map((x) => [x.text, x.start]);
    // Proclitics lead into the name (li + al contracts to لل, the mention starts at its lam);
    // any other letters before it make it part of a longer word. Same answers as before the
    // shortcut (checked against the previous engine).
    expect(found('والأمم المتحدة')).toEqual([['الأمم المتحدة', 1]]);
    expect(found('وبالأمم المتحدة')).toEqual([['الأمم المتحدة', 2]]);
    expect(found('وللأمم المتحدة')).toEqual([['لأمم المتحدة', 2]]);
    expect(found('زالأمم المتحدة')).toEqual([]);
    expect(found('ولالأمم المتحدة')).toEqual([]);
    expect(found('他说联合国大会')).toEqual([['联合国', 2]]);
    // A very long word before the name (a token in a script) must not hide it.
    expect(found(`${'x'.repeat(5000)} United Nations`)).toEqual([['United Nations', 5001]]);
  });
});
