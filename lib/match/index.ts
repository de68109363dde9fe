/**
 * The matching engine: finds UN organizations, officials, events and places in plain text,
 * in English, French, Spanish, Russian, Chinese and Arabic. Browser-free (no DOM, no
 * extension APIs): the content script, the data build and the CLI all use it as is.
 *
 * Public API
 *
 *   compileMatcher(entities: Entity[]): Matcher
 *     Every name, short name and alias of every entity in all six languages, normalized
 *     like page text, plus generated Russian case forms and the Arabic form after ل.
 *     Run at data-build time (about a second for 100k aliases).
 *
 *   serializeMatcher(m: Matcher): Uint8Array
 *   loadMatcher(bytes: Uint8Array): Matcher
 *     One binary file; loading wraps typed-array views over the buffer and rebuilds a few
 *     small derived indexes (derived.ts): about 4 ms and 14.6 MB in memory for 100k aliases.
 *
 *   findMentions(m: Matcher, text: string): Mention[]
 *     All mentions of a whole text, in order: { start, end, text, id, kind, candidates,
 *     contextual }. Offsets are UTF-16 indices into `text`; text.slice(start, end) === text.
 *
 *   createDocumentScan(m: Matcher): DocumentScan
 *     The same, slice by slice: .add(text, offsetBase) returns mentions confirmed now,
 *     .pendingResolved() the contextual mentions of earlier slices confirmed since, and
 *     .results() everything, re-ranked with the whole document. findMentions(m, t) is
 *     createDocumentScan(m).add(t) followed by .results() (minus copies). Both cost little
 *     beyond scanText: single-candidate mentions are built in the scan callback, and only
 *     ambiguous or contextual ones are kept, in typed arrays, for ranking.
 *
 *   scanText(m, text, sink)  – lower level: selected matches with their valid variants;
 *     sink(start, end, group, variants: Int32Array, count) is called in start order.
 *   inflectRussian(text, person): string[] – the generated Russian case forms.
 *   normalize / normalizeCased / originalSpan – from lib/text/normalize.
 *
 * Matching rules
 *   - Leftmost-longest, no overlaps, among full names and self-evident contextual aliases
 *     (below); contextual aliases then fill the gaps (the longest per start, never
 *     overlapping a full name), so "the Alliance of Civilizations" is the full name, not
 *     "the Alliance" + text.
 *   - Word boundaries for space-separated scripts (a match never starts or ends inside a
 *     Latin, Cyrillic or Arabic word); none on the side of a CJK character.
 *   - Full names are case-insensitive; acronyms (alias.caseSensitive, or an all-capitals
 *     short name or alias such as UN, ONU, OMS, ООН) match only in that exact case; a
 *     contextual alias must keep its capitals ("Mr. Ban" matches, "a ban" does not).
 *   - Elision: "l'ONU", "dell'ONU", "l’Assemblée" match the name; the article is outside.
 *   - Arabic proclitics (و ف ب ك ل ال لل and combinations) may be glued before a name; the
 *     mention span excludes them ("والأمم المتحدة" → span "الأمم المتحدة"; for "للأمم" the
 *     span starts at the article's lam, since the alif is not written).
 *   - Contextual aliases count only if the entity or its parent is named in full anywhere
 *     in the document; several candidates: the nearest preceding full mention wins.
 *   - Self-evident contextual aliases: one whose own text contains a full name of its entity
 *     or of its parent (as the scan would match it there) needs no other mention, and is
 *     selected like a full name: "the high-level debate of the General Assembly" is the
 *     event, not "General Assembly". The contained name still counts as named in the
 *     document (it confirms "the Assembly" elsewhere). Decided at compile time (variant
 *     flags V_NAMES_ENTITY / V_NAMES_PARENT, see self-evident.ts).
 *   - Shared names keep every candidate, ranked (see rank.ts); ties break by id.
 */
export { compileMatcher, compilePatterns, buildEntityTable } from './compile';
export { serializeMatcher, loadMatcher } from './serialize';
export {
  findMentions,
  createDocumentScan,
  createLiveDocumentScan,
  type DocumentScan,
  type LiveDocumentScan,
} from './document-scan';
export { scanText, type MatchSink } from './scan';
export { inflectRussian } from './russian-inflect';
export { entityPatterns, isAcronym } from './patterns';
export type { Matcher, CompiledMatcher, Mention, PatternSpec, EntityTable } from './types';
export { normalize, normalizeCased, originalSpan, foldText, type NormalizedText } from '../text/normalize';
