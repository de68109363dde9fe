/**
 * Contextual aliases ("Mr. Ban", "the Assembly") count only where the entity, or its
 * parent, is named in full somewhere in the document — before or after.
 */
import { describe, expect, it } from 'vitest';
import {
  compileMatcher,
  createDocumentScan,
  createLiveDocumentScan,
  findMentions,
  type Mention,
} from '../../../lib/match';
import { MAX_PENDING } from '../../../lib/match/document-scan';
import { ctx, entity } from './fixtures';
import { unMatcher } from './un-fixtures';

const ids = (text: string) => findMentions(unMatcher, text).map((m) => [m.text, m.id, m.contextual]);

describe('contextual mentions', () => {
  it("links 'Mr. Ban' to Ban Ki-moon after a full mention", () => {
    expect(ids('Ban Ki-moon spoke. Mr. Ban then left.')).toEqual([
      ['Ban Ki-moon', 'ban-ki-moon', false],
      ['Mr. Ban', 'ban-ki-moon', true],
    ]);
  });

  it('drops contextual aliases when the entity is never named in full', () => {
    expect(ids('Mr. Ban then left. Ban said the Assembly agreed.')).toEqual([]);
  });

  it('resolves a headline mention from a full mention further down', () => {
    expect(ids('Ban hails work of Alliance\n\nSecretary-General Ban Ki-moon today lauded it.')).toEqual(
      [
        ['Ban', 'ban-ki-moon', true],
        ['Alliance', 'unaoc', true],
        ['Secretary-General', 'ban-ki-moon', true],
        ['Ban Ki-moon', 'ban-ki-moon', false],
      ].filter(([t]) => t !== 'Alliance'),
    );
  });

  it('requires the capitals of a contextual alias: "a ban" is not Mr. Ban', () => {
    expect(ids('Ban Ki-moon called for a ban on mines; the assembly of parts.')).toEqual([
      ['Ban Ki-moon', 'ban-ki-moon', false],
    ]);
  });

  it("accepts a contextual alias when the entity's parent is named", () => {
    expect(ids('The United Nations met; the Assembly voted.')).toEqual([
      ['United Nations', 'united-nations', false],
      ['the Assembly', 'un-general-assembly', true],
    ]);
  });

  it('picks the nearest preceding full mention when several entities share the alias', () => {
    const text =
      'Ban Ki-moon spoke in 2012. Years later António Guterres took office. The Secretary-General said hello.';
    const sg = findMentions(unMatcher, text).find((m) => m.text === 'Secretary-General')!;
    expect(sg.id).toBe('antonio-guterres');
    expect(sg.candidates).toEqual(['antonio-guterres', 'ban-ki-moon']);
    const before = findMentions(
      unMatcher,
      'António Guterres arrived. Ban Ki-moon spoke. The Secretary-General said hello.',
    );
    expect(before.find((m) => m.text === 'Secretary-General')!.id).toBe('ban-ki-moon');
  });

  it('keeps only candidates that are named', () => {
    const sg = findMentions(unMatcher, 'Ban Ki-moon spoke. The Secretary-General said hello.').find(
      (m) => m.text === 'Secretary-General',
    )!;
    expect(sg.candidates).toEqual(['ban-ki-moon']);
  });

  it('lets a full name win over a contextual alias of the same text on another entity', () => {
    const m = compileMatcher([
      entity('ban-village', 'place', { en: { name: 'Ban' } }),
      entity('ban-ki-moon', 'person', { en: { name: 'Ban Ki-moon', aliases: [ctx('Ban')] } }),
    ]);
    expect(findMentions(m, 'Ban is small.').map((x) => x.candidates)).toEqual([['ban-village']]);
    expect(findMentions(m, 'Ban Ki-moon visited Ban.').map((x) => x.candidates)).toEqual([
      ['ban-ki-moon'],
      ['ban-ki-moon', 'ban-village'],
    ]);
  });
});

describe('incremental document scan', () => {
  it('returns full mentions at once and releases pending contextual ones later', () => {
    const scan = createDocumentScan(unMatcher);
    const first = scan.add('Ban hails the Alliance', 0);
    expect(first).toEqual([]);
    expect(scan.pendingResolved()).toEqual([]);
    const second = scan.add('Secretary-General Ban Ki-moon and the Alliance of Civilizations', 100);
    expect(second.map((m) => [m.text, m.start])).toEqual([
      ['Secretary-General', 100],
      ['Ban Ki-moon', 118],
      ['Alliance of Civilizations', 138],
    ]);
    expect(scan.pendingResolved().map((m) => [m.text, m.id, m.start, m.end])).toEqual([
      ['Ban', 'ban-ki-moon', 0, 3],
      ['the Alliance', 'unaoc', 10, 22],
    ]);
    expect(scan.pendingResolved()).toEqual([]);
    expect(scan.results().map((m) => m.start)).toEqual([0, 10, 100, 118, 138]);
  });

  it('ranks contextual mentions by the nearest full mention even when slices come out of order', () => {
    const parts: Array<[number, string]> = [
      [0, 'Ban Ki-moon spoke.'],
      [100, 'António Guterres arrived.'],
      [150, 'The Secretary-General smiled.'],
      [200, 'Ban Ki-moon left.'],
      [300, 'The Secretary-General said hello.'],
    ];
    let whole = '';
    for (const [at, p] of parts) whole = whole.padEnd(at, ' ') + p;
    const scan = createDocumentScan(unMatcher);
    for (const k of [3, 4, 0, 1, 2]) scan.add(parts[k]![1], parts[k]![0]);
    const results = scan.results();
    expect(results).toEqual(findMentions(unMatcher, whole));
    const sg = results.filter((m) => m.text === 'Secretary-General').map((m) => [m.start, m.id]);
    expect(sg).toEqual([
      [154, 'antonio-guterres'],
      [304, 'ban-ki-moon'],
    ]);
  });

  it('gives the same results as findMentions on the whole text', () => {
    const parts = ['Mr. Ban arrived. ', 'Ban Ki-moon met the UN ', 'General Assembly. ', 'The Assembly agreed.'];
    const scan = createDocumentScan(unMatcher);
    let offset = 0;
    for (const p of parts) {
      scan.add(p, offset);
      offset += p.length;
    }
    const strip = (ms: ReturnType<typeof findMentions>) => ms.map((m) => [m.start, m.end, m.id, m.candidates]);
    expect(strip(scan.results())).toEqual(strip(findMentions(unMatcher, parts.join(''))));
  });
});

describe('live document scan (a page that keeps changing)', () => {
  const strip = (ms: Mention[]) => ms.map((m) => [m.start, m.end, m.id, m.candidates]);

  it('hands out exactly what the retained scan hands out, slice by slice', () => {
    const parts = [
      'Ban hails the Alliance. ',
      'Mr. Ban arrived. ',
      'Ban Ki-moon met the UN ',
      'General Assembly. ',
      'The Assembly agreed. ',
      'the Alliance of Civilizations',
    ];
    const kept = createDocumentScan(unMatcher);
    const live = createLiveDocumentScan(unMatcher);
    let offset = 0;
    for (const p of parts) {
      expect(strip(live.add(p, offset))).toEqual(strip(kept.add(p, offset)));
      expect(strip(live.pendingResolved())).toEqual(strip(kept.pendingResolved()));
      offset += p.length + 1;
    }
  });

  it('still releases a pending mention after thousands of confirmed slices', () => {
    const live = createLiveDocumentScan(unMatcher);
    expect(live.add('Mr. Ban arrived.', 0)).toEqual([]);
    let offset = 100;
    for (let k = 0; k < 3_000; k++, offset += 100)
      live.add('UNICEF and the World Health Organization in Geneva.', offset);
    live.add('Ban Ki-moon spoke.', offset);
    expect(live.pendingResolved().map((m) => [m.text, m.start])).toEqual([['Mr. Ban', 0]]);
  });

  it(`keeps the newest ${MAX_PENDING} pending mentions and drops older ones`, () => {
    const live = createLiveDocumentScan(unMatcher);
    const n = MAX_PENDING + 500;
    for (let k = 0; k < n; k++) live.add('Mr. Ban arrived.', k * 20);
    live.add('Ban Ki-moon spoke.', n * 20);
    const released = live.pendingResolved();
    expect(released).toHaveLength(MAX_PENDING);
    expect(released[0]!.start).toBe(500 * 20);
  });
});

describe('self-evident contextual aliases', () => {
  // An event whose contextual alias names its parent, and one whose alias names itself.
  const ENTITIES = [
    entity('assembly', 'organization', { en: { name: 'General Assembly', aliases: [ctx('the Assembly')] } }),
    entity(
      'debate-67',
      'event',
      {
        en: {
          name: 'Sixty-seventh general debate',
          aliases: [ctx('high-level debate of the General Assembly'), ctx('the debate')],
        },
      },
      { facts: { parent: 'assembly' } },
    ),
    entity('who', 'organization', {
      en: { name: 'World Health Organization', short: 'WHO', aliases: [ctx('the WHO Secretariat')] },
    }),
    entity('unrelated', 'event', { en: { name: 'Unrelated', aliases: [ctx('lunch of the General Assembly')] } }),
  ];
  const m = compileMatcher(ENTITIES);
  const found = (text: string) => findMentions(m, text).map((x) => [x.text, x.id, x.contextual]);

  it('needs no other mention, and wins over the full name it contains', () => {
    expect(found('At the high-level debate of the General Assembly, leaders spoke.')).toEqual([
      ['high-level debate of the General Assembly', 'debate-67', true],
    ]);
  });

  it('counts the contained full name as named, for other contextual aliases', () => {
    expect(
      found('The high-level debate of the General Assembly opened. The Assembly then voted; the debate ended.'),
    ).toEqual([
      ['high-level debate of the General Assembly', 'debate-67', true],
      ['The Assembly', 'assembly', true],
      ['the debate', 'debate-67', true],
    ]);
  });

  it('may name its own entity, with the same case rules as the scan (acronyms stay exact)', () => {
    expect(found('Inside the WHO Secretariat.')).toEqual([['the WHO Secretariat', 'who', true]]);
    // "who" in lower case is not the acronym, and the alias keeps its capitals anyway.
    expect(found('Inside the who secretariat.')).toEqual([]);
  });

  it('is not self-evident when the contained name belongs to another entity', () => {
    // "General Assembly" is not the parent of "unrelated": the full name wins, the alias needs a mention.
    expect(found('The lunch of the General Assembly was long.')).toEqual([['General Assembly', 'assembly', false]]);
    expect(found('Unrelated. The lunch of the General Assembly was long.')).toEqual([
      ['Unrelated', 'unrelated', false],
      ['General Assembly', 'assembly', false],
    ]);
  });

  it('confirms pending contextual mentions of earlier slices through the contained name', () => {
    const scan = createDocumentScan(m);
    expect(scan.add('The Assembly met.', 0)).toEqual([]);
    expect(scan.add('Then the high-level debate of the General Assembly.', 100).map((x) => x.id)).toEqual([
      'debate-67',
    ]);
    expect(scan.pendingResolved().map((x) => [x.text, x.id])).toEqual([['The Assembly', 'assembly']]);
  });

  it('requires the contained name to stand on word boundaries', () => {
    const glued = compileMatcher([
      entity('un', 'organization', { en: { name: 'United Nations', short: 'UN' } }),
      entity(
        'unesco-day',
        'event',
        { en: { name: 'World Science Festival', aliases: [ctx('UNESCO Day')] } },
        { facts: { parent: 'un' } },
      ),
    ]);
    expect(findMentions(glued, 'On UNESCO Day.').map((x) => x.text)).toEqual([]);
  });
});
