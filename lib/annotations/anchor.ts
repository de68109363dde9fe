/**
 * Anchoring annotations on a page's plain text (issue 7), after hypothesis/client: a selection is
 * described by a TextQuoteSelector (the quote with 32 characters of context each side) and a
 * TextPositionSelector (offsets in the text), and found again on a later visit by position, then
 * by exact quote, then approximately when the page was edited. Offsets are UTF-16 code units in
 * the text the content script builds (joinTextNodes); it maps them back to DOM ranges itself.
 */
import { findApproximate, type ApproxMatch } from './approximate';
import { LIMITS } from './records';
import type { Selectors, TextPositionSelector, TextQuoteSelector } from './model';

export const CONTEXT_LENGTH = 32;

export type AnchorMethod = 'position' | 'quote' | 'fuzzy';
export interface Anchored {
  start: number;
  end: number;
  method: AnchorMethod;
}

/**
 * The content script separates blocks with BLOCK_BREAK ("\0"); saved selectors hold "\n"
 * instead, which exports and other tools read well. Same length, so offsets do not move.
 */
function readable(text: string): string {
  return text.includes('\0') ? text.replaceAll('\0', '\n') : text;
}

/** The page text is the same for every annotation of a page: convert it once, not once each. */
let lastText = '';
let lastReadable = '';
function readablePage(text: string): string {
  if (text !== lastText) {
    lastText = text;
    lastReadable = readable(text);
  }
  return lastReadable;
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;

/**
 * Selectors for text[start, end). Throws a RangeError for offsets outside the text, an empty
 * range or a quote longer than LIMITS.exact (the UI should say the selection is too long).
 */
export function describe(text: string, start: number, end: number): Selectors {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || end <= start) {
    throw new RangeError(`no text between offsets ${start} and ${end}`);
  }
  if (end - start > LIMITS.exact) throw new RangeError(`a quote is limited to ${LIMITS.exact} characters`);
  // Context never begins or ends with half of a surrogate pair (an emoji cut in two).
  let from = Math.max(0, start - CONTEXT_LENGTH);
  if (from < start && isLowSurrogate(text.charCodeAt(from))) from++;
  let to = Math.min(text.length, end + CONTEXT_LENGTH);
  if (to > end && isHighSurrogate(text.charCodeAt(to - 1))) to--;
  return [
    {
      type: 'TextQuoteSelector',
      exact: readable(text.slice(start, end)),
      prefix: readable(text.slice(from, start)),
      suffix: readable(text.slice(end, to)),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}

/** How many characters of the saved prefix and suffix agree with the text around [start, end). */
function contextAgreement(text: string, start: number, end: number, quote: TextQuoteSelector) {
  const { prefix, suffix } = quote;
  let before = 0;
  while (
    before < prefix.length &&
    start - before > 0 &&
    text.charCodeAt(start - before - 1) === prefix.charCodeAt(prefix.length - before - 1)
  ) {
    before++;
  }
  let after = 0;
  while (
    after < suffix.length &&
    end + after < text.length &&
    text.charCodeAt(end + after) === suffix.charCodeAt(after)
  ) {
    after++;
  }
  return { before, after, complete: before === prefix.length && after === suffix.length };
}

/** Weights after hypothesis/client's match-quote: the quote matters most, then context, then place. */
function scoreOf(text: string, match: ApproxMatch, quote: TextQuoteSelector, hint: number | undefined): number {
  const { before, after } = contextAgreement(text, match.start, match.end, quote);
  const prefixScore = quote.prefix.length ? before / quote.prefix.length : 1;
  const suffixScore = quote.suffix.length ? after / quote.suffix.length : 1;
  const nearness = hint === undefined ? 0 : 1 - Math.min(1, Math.abs(match.start - hint) / Math.max(1, text.length));
  return 50 * (1 - match.errors / quote.exact.length) + 20 * prefixScore + 20 * suffixScore + 2 * nearness;
}

/** The best exact occurrence of the quote, by context agreement, then nearness to `hint`. */
function findQuote(text: string, quote: TextQuoteSelector, hint: number | undefined): ApproxMatch | null {
  const { exact } = quote;
  let best: ApproxMatch | null = null;
  let bestScore = -1;
  let bestComplete = false;
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    // Once a fully agreeing occurrence is found, later ones can only be farther from the hint.
    if (bestComplete && (hint === undefined || (at > hint && at - hint >= Math.abs(best!.start - hint)))) break;
    const match = { start: at, end: at + exact.length, errors: 0 };
    const score = scoreOf(text, match, quote, hint);
    if (score > bestScore) {
      best = match;
      bestScore = score;
      bestComplete = contextAgreement(text, at, match.end, quote).complete;
    }
  }
  return best;
}

/** Quote × text work (in 32-character blocks × characters) done in one pass over the whole text. */
const WHOLE_TEXT_WORK = 4_000_000;
/** Long quotes are looked for at least this far around their old position before anywhere else. */
const NEAR = 4096;
const SEED = 32;
const SEED_ERRORS = 8;
const SEEDS = 3;
const VERIFIED = 12;

/**
 * Candidates for a quote of more than 32 characters on a long text, where one pass of the full
 * quote would cost too much: near the old position first; else search a few 32-character pieces
 * (head, middle and tail, each allowing a quarter of errors, as the whole quote does), let
 * them vote for where the quote starts, and check the most voted places with the full quote.
 */
function seededCandidates(text: string, exact: string, maxErrors: number, hint: number | undefined): ApproxMatch[] {
  const m = exact.length;
  if (hint !== undefined) {
    // As far around the old position as one whole-text pass of a shorter quote would cost.
    const around = Math.max(NEAR, Math.floor(WHOLE_TEXT_WORK / Math.ceil(m / 32) / 2)) + maxErrors;
    const near = findApproximate(text, exact, maxErrors, hint - around, hint + m + around, 4);
    if (near.length) return near;
  }
  const votes = new Map<number, { votes: number; errors: number }>();
  const bucket = Math.max(1, maxErrors);
  for (let i = 0; i < SEEDS; i++) {
    const offset = Math.round((i * (m - SEED)) / (SEEDS - 1));
    for (const piece of findApproximate(text, exact.slice(offset, offset + SEED), SEED_ERRORS, 0, text.length, 16)) {
      const key = Math.floor((piece.start - offset) / bucket);
      const seen = votes.get(key) ?? { votes: 0, errors: Infinity };
      votes.set(key, { votes: seen.votes + 1, errors: Math.min(seen.errors, piece.errors) });
    }
  }
  const places = [...votes.entries()]
    .sort(([, a], [, b]) => b.votes - a.votes || a.errors - b.errors)
    .slice(0, VERIFIED)
    .map(([key]) => key * bucket);
  const slack = 2 * maxErrors + SEED;
  return places.flatMap((at) => findApproximate(text, exact, maxErrors, at - slack, at + m + slack, 1));
}

/** The best approximate occurrence with at most a quarter of the quote's length in errors. */
function findApproximateQuote(text: string, quote: TextQuoteSelector, hint: number | undefined): ApproxMatch | null {
  const { exact } = quote;
  const maxErrors = Math.floor(exact.length / 4);
  if (maxErrors === 0) return null;
  const blocks = Math.ceil(exact.length / 32);
  const candidates =
    blocks === 1 || text.length * blocks <= WHOLE_TEXT_WORK
      ? findApproximate(text, exact, maxErrors, 0, text.length, 32)
      : seededCandidates(text, exact, maxErrors, hint);
  let best: ApproxMatch | null = null;
  let bestScore = -1;
  for (const match of candidates) {
    // A short quote with a few errors matches too much by chance: its context must agree too.
    if (exact.length < 16) {
      const { before, after } = contextAgreement(text, match.start, match.end, quote);
      if (before + after < Math.min(8, quote.prefix.length + quote.suffix.length)) continue;
    }
    const score = scoreOf(text, match, quote, hint);
    if (score > bestScore) {
      best = match;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Finds the selectors' text again: at the saved position if the quote is still there, else the
 * best exact occurrence of the quote, else the best approximate one. null: an orphan (the text
 * is gone), which the library lists apart. Bounded work even on a 10 MB text.
 */
export function anchor(
  text: string,
  selectors: readonly (TextQuoteSelector | TextPositionSelector)[],
): Anchored | null {
  const quote = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  const position = selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
  if (!quote || quote.exact.length === 0 || quote.exact.length > LIMITS.exact) return null;
  const page = readablePage(text);
  const { exact } = quote;
  if (
    position &&
    position.start >= 0 &&
    position.end - position.start === exact.length &&
    page.startsWith(exact, position.start)
  ) {
    return { start: position.start, end: position.end, method: 'position' };
  }
  const hint = position?.start;
  const exactMatch = findQuote(page, quote, hint);
  if (exactMatch) return { start: exactMatch.start, end: exactMatch.end, method: 'quote' };
  const approximate = findApproximateQuote(page, quote, hint);
  return approximate ? { start: approximate.start, end: approximate.end, method: 'fuzzy' } : null;
}
