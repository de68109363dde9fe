/**
 * The two seed articles, end to end, against the real entities in data/entities/.
 * Every entity listed in shared/seeds/ENTITIES.md must be found where the article names it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compileMatcher,
  createDocumentScan,
  findMentions,
  loadMatcher,
  serializeMatcher,
  type Mention,
} from '../../../lib/match';
import { prng } from './synthetic';
import { loadDataEntities } from './fixtures';

const entities = loadDataEntities();
const known = new Set(entities.map((e) => e.id));
const matcher = loadMatcher(serializeMatcher(compileMatcher(entities)));

function seed(name: string): string {
  return readFileSync(resolve(process.cwd(), '../shared/seeds', name), 'utf8');
}

/** [surface text the mention must contain, entity id, minimum number of such mentions]. */
type Expectation = [string, string, number?];

function check(text: string, expectations: Expectation[]): Mention[] {
  const mentions = findMentions(matcher, text);
  for (const m of mentions) {
    expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(m.candidates[0]).toBe(m.id);
  }
  for (const [surface, id, min = 1] of expectations) {
    expect(known.has(id), `data/entities has no entity "${id}"`).toBe(true);
    const hits = mentions.filter((m) => m.text.includes(surface) && m.id === id);
    expect(hits.length, `"${surface}" → ${id}`).toBeGreaterThanOrEqual(min);
  }
  return mentions;
}

describe('seed article 000: "Ban hails invaluable work of Alliance of Civilizations"', () => {
  const text = seed('000_72a7d6bb9723ab88.txt');

  it('finds every listed organization, official, event and place', () => {
    const mentions = check(text, [
      ['Ban Ki-moon', 'ban-ki-moon'],
      ['Mr. Ban', 'ban-ki-moon', 4],
      ['Secretary-General', 'ban-ki-moon', 2],
      ['Nassir Abdulaziz Al-Nasser', 'nassir-abdulaziz-al-nasser'],
      ['Al-Nasser', 'nassir-abdulaziz-al-nasser', 3],
      ['Jorge Sampaio', 'jorge-sampaio'],
      ['Mr. Sampaio', 'jorge-sampaio'],
      ['ALLIANCE OF CIVILIZATIONS', 'unaoc'],
      ['Alliance of Civilizations', 'unaoc', 3],
      ['Group of Friends', 'unaoc-group-of-friends'],
      // Self-evident: the alias names its parent, the General Assembly, so it needs no other mention.
      ['high-level debate of the General Assembly', 'ga-67th-session-general-debate'],
      ['Assembly’s 66th session', 'ga-66th-session'],
      ['United Nations', 'united-nations'],
      ['UN', 'united-nations'],
      ['Represent Yourself', 'represent-yourself-campaign-2012'],
      ['66th session', 'ga-66th-session'],
      ['Syria', 'syria'],
      ['Sahel', 'sahel'],
      ['Spain', 'spain'],
      ['Turkey', 'turkiye'],
      ['Portugal', 'portugal'],
    ]);
    // The headline's bare "Ban" is confirmed by the full name further down.
    expect(mentions[0]).toMatchObject({ text: 'Ban', id: 'ban-ki-moon', contextual: true });
  });

  it('gives the high-level debate phrase to the event, not the embedded "General Assembly"', () => {
    const mentions = findMentions(matcher, text);
    const debate = mentions.find((m) => m.text.includes('General Assembly'))!;
    expect(debate).toMatchObject({
      text: 'high-level debate of the General Assembly',
      id: 'ga-67th-session-general-debate',
      contextual: true,
    });
    expect(
      mentions.some((m) => m.id === 'un-general-assembly' && m.start >= debate.start && m.start < debate.end),
    ).toBe(false);
  });

  it('resolves the short "Alliance" mentions to UNAOC', () => {
    const alliance = findMentions(matcher, text).filter((m) => m.text === 'Alliance' || m.text === 'the Alliance');
    expect(alliance.length).toBeGreaterThanOrEqual(5);
    for (const m of alliance) expect(m.id).toBe('unaoc');
  });

  it('does not match "alliances" or "UN" inside other words', () => {
    const mentions = findMentions(matcher, text);
    expect(mentions.some((m) => /alliances/i.test(m.text))).toBe(false);
    expect(mentions.filter((m) => m.text === 'UN').every((m) => !/[A-Za-z]/.test(text.charAt(m.end)))).toBe(true);
  });
});

describe('seed article 004: "Harmony Through Diversity and Dialogue"', () => {
  const text = seed('004_2954653520d5b9e9.txt');

  it('finds every listed organization, official, event and place', () => {
    check(text, [
      ['United Nations Alliance of Civilizations', 'unaoc', 2],
      ['UNAOC', 'unaoc', 2],
      ['UN Association of China', 'un-association-of-china', 2],
      ['Fudan University', 'fudan-university'],
      ['Shanghai Academy of Social Sciences', 'shanghai-academy-of-social-sciences'],
      ['Centre for Dialogue', 'la-trobe-centre-for-dialogue'],
      ['International Movement for a Just World', 'international-movement-for-a-just-world'],
      ['Jean-Christophe Bas', 'jean-christophe-bas'],
      ['Regional Consultations for Asia-South Pacific', 'unaoc-shanghai-regional-consultations-2012'],
      ['Shanghai Consultations', 'unaoc-shanghai-regional-consultations-2012'],
      ['Harmony through Diversity and Dialogue', 'unaoc-shanghai-regional-consultations-2012'],
      ['Auckland', 'auckland-alliance-of-civilizations-symposium-2007'],
      ['Shanghai', 'shanghai'],
      ['New Zealand', 'new-zealand'],
      ['Australia', 'australia'],
      ['Malaysia', 'malaysia'],
      ['Asia-Pacific', 'asia-pacific'],
      ['Alliance', 'unaoc', 8],
    ]);
  });
});

describe('seed articles slice by slice', () => {
  const text = [seed('000_72a7d6bb9723ab88.txt'), seed('004_2954653520d5b9e9.txt')].join('\n\n').repeat(3);
  // Paragraphs as slices: no name spans a paragraph break, so the whole-document results match.
  const cuts = [0];
  for (let at = text.indexOf('\n\n'); at >= 0; at = text.indexOf('\n\n', at + 2)) cuts.push(at);
  cuts.push(text.length);
  const slices = cuts.slice(1).map((end, k) => [cuts[k]!, end] as const);

  it('gives the results of findMentions whatever the order of the slices', () => {
    const whole = findMentions(matcher, text);
    expect(whole.length).toBeGreaterThan(100);
    const rnd = prng(5);
    for (const order of [slices, [...slices].reverse(), [...slices].sort(() => rnd() - 0.5)]) {
      const scan = createDocumentScan(matcher);
      const seen: Mention[] = [];
      for (const [start, end] of order) {
        seen.push(...scan.add(text.slice(start, end), start), ...scan.pendingResolved());
      }
      expect(scan.results()).toEqual(whole);
      // Everything was reported once as it was confirmed (ranking may differ from the final one).
      expect(seen.map((m) => m.start).sort((a, b) => a - b)).toEqual(whole.map((m) => m.start));
    }
  });
});
