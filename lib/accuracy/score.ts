/**
 * Scores the engine against the judged accuracy set (tests/accuracy/): every passage lists what a
 * reader should see highlighted (`expected`, with the entity) and the highlights the engine made
 * there that are wrong (`wrong`, with the class of error). Precision: the share of the engine's
 * highlights that are right; recall: the share of expected mentions it found with the right
 * entity. A highlight the set does not mention either way counts against precision as
 * "unjudged", so a change that makes new highlights shows them for judging.
 */
import { z } from 'zod';
import { LANGS, type Lang } from '../dataset/basics';

export const ERROR_CLASSES = [
  'common-word', // an ordinary word equal to, or inflected like, a name («того» → Togo)
  'other-language', // a name from another language (French "Maurice" in English text)
  'inside-longer-name', // a place or body inside a longer proper name (New York Times)
  'cjk-substring', // a Chinese match splitting a word (马里 in 超级马里奥)
  'all-caps', // page furniture in capitals ("CONNECT WITH US")
  'office-guess', // a title linked to the wrong holder, or to a holder at all when none is named
  'wrong-entity', // the right span, the wrong entity
  'other',
] as const;
export type ErrorClass = (typeof ERROR_CLASSES)[number];

/** A surface form in the passage: its text, and which occurrence of it (0 = the first). */
const spot = { text: z.string().min(1).max(300), occurrence: z.number().int().nonnegative().optional() };

export const passageSchema = z.strictObject({
  /** Where the passage comes from: a corpus path or a page URL. */
  source: z.string().min(1),
  lang: z.enum(LANGS),
  text: z.string().min(1).max(20_000),
  expected: z.array(z.strictObject({ ...spot, id: z.string().min(1) })),
  wrong: z.array(z.strictObject({ ...spot, class: z.enum(ERROR_CLASSES), note: z.string().optional() })).default([]),
});
export type Passage = z.infer<typeof passageSchema>;

export interface Predicted {
  start: number;
  end: number;
  id: string;
}

export interface Tally {
  highlights: number;
  right: number;
  expected: number;
  found: number;
  errors: Partial<Record<ErrorClass | 'unjudged', number>>;
}

export const emptyTally = (): Tally => ({ highlights: 0, right: 0, expected: 0, found: 0, errors: {} });

/** The offset of the n-th occurrence of `text` in `passage`, or -1. */
export function offsetOf(passage: string, text: string, occurrence = 0): number {
  let at = -1;
  for (let n = 0; n <= occurrence; n++) {
    at = passage.indexOf(text, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

export interface Scored {
  tally: Tally;
  /** Highlights the set says nothing about, for judging. */
  unjudged: { text: string; occurrence: number; id: string }[];
  /** Expected mentions the engine missed or gave another entity. */
  missed: { text: string; occurrence: number; id: string; got?: string }[];
  /** Set entries whose text is not in the passage (a typo in the set). */
  broken: string[];
}

function occurrenceAt(passage: string, start: number, text: string): number {
  let n = 0;
  for (let at = passage.indexOf(text); at >= 0 && at < start; at = passage.indexOf(text, at + 1)) n++;
  return n;
}

export function scorePassage(p: Passage, predicted: Predicted[]): Scored {
  const tally = emptyTally();
  const broken: string[] = [];
  const expected = new Map<string, string>(); // "start:end" → id
  for (const e of p.expected) {
    const at = offsetOf(p.text, e.text, e.occurrence ?? 0);
    if (at < 0) broken.push(`expected "${e.text}" #${e.occurrence ?? 0}`);
    else expected.set(`${at}:${at + e.text.length}`, e.id);
  }
  const wrong = new Map<string, ErrorClass>();
  for (const w of p.wrong) {
    const at = offsetOf(p.text, w.text, w.occurrence ?? 0);
    if (at < 0) broken.push(`wrong "${w.text}" #${w.occurrence ?? 0}`);
    else wrong.set(`${at}:${at + w.text.length}`, w.class);
  }
  const unjudged: Scored['unjudged'] = [];
  const got = new Map<string, string>();
  for (const m of predicted) {
    const key = `${m.start}:${m.end}`;
    got.set(key, m.id);
    tally.highlights++;
    const want = expected.get(key);
    if (want === m.id) {
      tally.right++;
      continue;
    }
    const cls: ErrorClass | 'unjudged' = want ? 'wrong-entity' : (wrong.get(key) ?? 'unjudged');
    tally.errors[cls] = (tally.errors[cls] ?? 0) + 1;
    if (cls === 'unjudged') {
      const text = p.text.slice(m.start, m.end);
      unjudged.push({ text, occurrence: occurrenceAt(p.text, m.start, text), id: m.id });
    }
  }
  const missed: Scored['missed'] = [];
  for (const [key, id] of expected) {
    tally.expected++;
    if (got.get(key) === id) tally.found++;
    else {
      const [start, end] = key.split(':').map(Number) as [number, number];
      const text = p.text.slice(start, end);
      missed.push({
        text,
        occurrence: occurrenceAt(p.text, start, text),
        id,
        ...(got.has(key) ? { got: got.get(key) } : {}),
      });
    }
  }
  return { tally, unjudged, missed, broken };
}

export function addTally(into: Tally, t: Tally): void {
  into.highlights += t.highlights;
  into.right += t.right;
  into.expected += t.expected;
  into.found += t.found;
  for (const [k, v] of Object.entries(t.errors) as [ErrorClass | 'unjudged', number][])
    into.errors[k] = (into.errors[k] ?? 0) + v;
}

export const precision = (t: Tally): number => (t.highlights ? t.right / t.highlights : 1);
export const recall = (t: Tally): number => (t.expected ? t.found / t.expected : 1);

export type PerLang = Record<Lang, Tally>;
