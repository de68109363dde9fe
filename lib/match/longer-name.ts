/**
 * A place or body named inside a longer proper name is not itself mentioned: "New York" in "the
 * New York Times", "Jordan" in "Michael Jordan", "Madrid" in "Real Madrid", "France" in "Air
 * France", «Вена» in «Рапид Вена». In scripts with capitals, a match is dropped when a
 * neighbouring word, right next to it, is capitalized like a name and is none of these:
 *   - a title or honorific ("Secretary-General Ban Ki-moon", "President Macron");
 *   - a day or month (English capitalizes them: "Syria Monday");
 *   - an acronym or a word in capitals ("UN Security Council": the neighbour names a body);
 *   - a time word ("Yesterday Syria said"), or, in Cyrillic, the first word of a sentence;
 *   - the head of an institution's name built on the place: "University of Georgia", «Банк
 *     России» (INSTITUTION_HEADS).
 * A match that opens with a title ("Mr. Ban", "President Macron") starts a name itself: the word
 * before it may be any capitalized word ("First Mr. Ban thanked the staff").
 * Chinese and Arabic compounds are in script-compounds.ts.
 * Headlines in Title Case capitalize every word, so where the run of capitalized words (short
 * function words aside) is longer than the match and one neighbour on each side, nothing is
 * dropped. A function word ("En Islande") or a word ending a sentence ("Israël. Israël") never
 * makes a longer name.
 */
import { STOPWORDS } from '../dataset/stopwords';
import { letterCase, LOWER, UPPER } from '../text/char-class';
import { insideCompound } from './script-compounds';
import { startsSentence } from '../text/sentence';

/** Lower-cased titles and honorifics: they stand before a name without being part of another one. */
const TITLES: ReadonlySet<string> = new Set(
  // en
  (
    'mr mrs ms miss dr sir lord lady dame king queen prince princess emperor pope sheikh emir imam rabbi ' +
    'president vice-president prime minister secretary secretary-general under-secretary-general deputy ' +
    'director director-general administrator commissioner high chancellor chair chairman chairwoman ' +
    'chairperson ambassador envoy representative rapporteur coordinator adviser advisor spokesperson ' +
    'spokesman spokeswoman governor mayor senator congressman congresswoman judge justice general ' +
    'colonel admiral captain commander chief head foreign special executive acting former late ' +
    // fr, es, pt-like honorifics and titles (capitalized in headings and at the head of a name)
    'm mme mlle me président présidente ministre secrétaire général générale ambassadeur ambassadrice ' +
    'envoyé envoyée représentant représentante directeur directrice haut haute roi reine ' +
    'sr sra srta don doña presidente presidenta ministro ministra secretario secretaria embajador ' +
    'embajadora enviado enviada director directora alto alta rey reina canciller ' +
    // ru
    'г-н г-жа господин госпожа президент премьер премьер-министр министр генсек глава посол ' +
    'спецпосланник представитель директор председатель король королева канцлер генерал'
  ).split(' '),
);

/** Lower-cased words that stand before or after a name without making it another name: titles, days, months, time words. */
const NOT_PART_OF_NAME: ReadonlySet<string> = new Set([
  ...TITLES,
  ...(
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june ' +
    'july august september october november december today yesterday tomorrow tonight meanwhile ' +
    "hier demain aujourd’hui aujourd'hui ayer hoy mañana"
  ).split(' '),
]);

/**
 * Whether the match [s, e) opens with a title or honorific ("Mr. Ban", "President Macron",
 * «г-н Пан»): such a name starts there, so the word before it ("First Mr. Ban") is never part of it.
 */
function opensWithTitle(text: string, s: number, e: number): boolean {
  let k = s;
  while (k < e && isWordPart(text.charCodeAt(k))) k++;
  return k < e && TITLES.has(text.slice(s, k).toLowerCase().replace(/\.$/, ''));
}

/**
 * Heads of institution names built on a place: "University of Georgia", "Cámara de Comercio de
 * Lima", "Banque de France", «Банк России», «Открытый чемпионат США». A place after one of
 * these (through "of"/"de" and the capitalized words of the same name) names the institution.
 */
const INSTITUTION_HEADS: ReadonlySet<string> = new Set(
  (
    'university college school institute academy museum bank chamber club hospital orchestra theatre theater ' +
    'université école institut académie musée banque chambre hôpital orchestre théâtre lycée collège ' +
    'universidad escuela instituto academia museo banco cámara orquesta teatro colegio'
  ).split(' '),
);
/** Russian heads by stem: the place follows in the genitive, with no preposition, in any case of the head. */
const RUSSIAN_HEAD_STEMS: readonly string[] = [
  'университет',
  'институт',
  'академи',
  'музе',
  'банк',
  'палат',
  'клуб',
  'чемпионат',
  'театр',
  'оркестр',
  'колледж',
];
/** Words that join the parts of such a name. */
const NAME_JOINERS: ReadonlySet<string> = new Set("of the and de del du des la le y et d’ d'".split(' '));
const MAX_WORDS_TO_HEAD = 5;

/** Whether the match at `s` is the place an institution's name is built on (see INSTITUTION_HEADS). */
function afterInstitutionHead(text: string, s: number): boolean {
  let end = s;
  for (let n = 0; n < MAX_WORDS_TO_HEAD; n++) {
    const start = wordStartBefore(text, end);
    if (start < 0) return false;
    const word = text.slice(start, end - 1);
    const lower = word.toLowerCase();
    if (INSTITUTION_HEADS.has(lower) || INSTITUTION_HEADS.has(lower.replace(/^[ld]['’]/, ''))) return true;
    if (n === 0 && RUSSIAN_HEAD_STEMS.some((stem) => lower.startsWith(stem))) return true;
    if (!NAME_JOINERS.has(lower) && shapeAt(text, start, end - 1) !== SHAPE_TITLE) return false;
    end = start;
  }
  return false;
}

/**
 * A name glued by a hyphen after a capitalized word, in a personal name: "Alexis Claude-Maurice",
 * "Jean-Maurice Dupont". Told from a pair of parties ("the Hamas-Israel war") by a capitalized
 * word before the compound, or right after it.
 */
function inCompoundGivenName(text: string, s: number, e: number): boolean {
  if (s < 2 || text.charCodeAt(s - 1) !== 0x2d) return false;
  let k = s - 1;
  while (k > 0 && isLetter(text.charCodeAt(k - 1))) k--;
  if (
    k === s - 1 ||
    shapeAt(text, k, s - 1) !== SHAPE_TITLE ||
    NOT_PART_OF_NAME.has(text.slice(k, s - 1).toLowerCase())
  )
    return false;
  const before = wordStartBefore(text, k);
  if (before >= 0 && counts(text, before, k - 1) && !startsSentence(text, before)) return true;
  const after = wordEndAfter(text, e);
  return after >= 0 && counts(text, e + 1, after);
}

/**
 * French and Spanish name a part of a place with a direction after it, in lower case:
 * "Méditerranée orientale" (a WHO region), "Afrique centrale", "Asia central". The region is
 * not the place (English puts the direction first, capitalized, which the neighbour test sees).
 */
const REGION_ADJECTIVES: ReadonlySet<string> = new Set(
  (
    'orientale oriental occidentale occidental septentrionale septentrional méridionale méridional centrale central ' +
    'australe austral orientales occidentales centrales'
  ).split(' '),
);

function beforeRegionAdjective(text: string, e: number): boolean {
  const after = wordEndAfter(text, e);
  return after >= 0 && shapeAt(text, e + 1, after) === SHAPE_LOWER && REGION_ADJECTIVES.has(text.slice(e + 1, after));
}

function isLetter(c: number): boolean {
  return (
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x400 && c <= 0x4ff)
  );
}

/** Characters that may sit inside a word of a name: letters, hyphen, apostrophes, a final dot. */
function isWordPart(c: number): boolean {
  return isLetter(c) || c === 0x2d || c === 0x27 || c === 0x2019 || c === 0x2e;
}

const SHAPE_TITLE = 1;
const SHAPE_CAPS = 2;
const SHAPE_LOWER = 3;
const SHAPE_NONE = 4;

/** The shape of text[from, to): Title (Jordan, Ki-moon), caps (UN, ООН), lower (said) or none. */
function shapeAt(text: string, from: number, to: number): number {
  const first = text.charCodeAt(from);
  if (!isLetter(first)) return SHAPE_NONE;
  if (letterCase(first) !== UPPER) return SHAPE_LOWER;
  for (let k = from + 1; k < to; k++) if (letterCase(text.charCodeAt(k)) === LOWER) return SHAPE_TITLE;
  return SHAPE_CAPS;
}

/** The word ending just before `at` (one space between): its start, or -1. */
function wordStartBefore(text: string, at: number): number {
  if (at < 2 || text.charCodeAt(at - 1) !== 0x20) return -1;
  let s = at - 1;
  while (s > 0 && isWordPart(text.charCodeAt(s - 1))) s--;
  return s < at - 1 ? s : -1;
}

/** The word starting just after `at` (one space between): its end (a final dot left out), or -1. */
function wordEndAfter(text: string, at: number): number {
  if (at >= text.length - 1 || text.charCodeAt(at) !== 0x20) return -1;
  let e = at + 1;
  while (e < text.length && isWordPart(text.charCodeAt(e))) e++;
  if (text.charCodeAt(e - 1) === 0x2e) e--;
  return e > at + 1 ? e : -1;
}

/**
 * Whether the word at `at` is in Latin letters. A sentence's first word counts as part of a
 * name in Latin text ("Michael Jordan might", "Real Madrid's start"), since English, French and
 * Spanish sentences rarely open with a capitalized word straight before a name other than a
 * function word, a title or a time word (all excluded). Russian ones often do («Глава ...»,
 * «Президент ...» inflected), so there the first word of a sentence still never counts.
 */
function latinWord(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c < 0x250;
}

function isFunctionWord(word: string): boolean {
  const lower = word.toLowerCase();
  return STOPWORDS.en.has(lower) || STOPWORDS.fr.has(lower) || STOPWORDS.es.has(lower) || STOPWORDS.ru.has(lower);
}

/** Whether text[from, to) is a capitalized word that would make the match part of a longer name. */
function counts(text: string, from: number, to: number, acronymToo = false): boolean {
  const shape = shapeAt(text, from, to);
  // Before a name, a short acronym we do not know is a club's or a company's ("AC Milan", "OGC
  // Nice", "AS Monaco"); one we know is its own name ("UN Security Council", caught by prevEnd).
  if (shape === SHAPE_CAPS) return acronymToo && to - from >= 2 && to - from <= 4;
  if (shape !== SHAPE_TITLE) return false;
  const word = text.slice(from, to);
  return !NOT_PART_OF_NAME.has(word.toLowerCase().replace(/\.$/, '')) && !isFunctionWord(word);
}

/** How a word continues a run of capitalized words: capitalized, a short function word inside it, or not. */
function inRun(text: string, from: number, to: number): 'cap' | 'skip' | 'stop' {
  const shape = shapeAt(text, from, to);
  // A day, a month or a title ends the run: "the New York Times on Sunday" is one name and a day.
  if (shape === SHAPE_TITLE && NOT_PART_OF_NAME.has(text.slice(from, to).toLowerCase().replace(/\.$/, '')))
    return 'stop';
  if (shape === SHAPE_TITLE || shape === SHAPE_CAPS) return 'cap';
  return shape === SHAPE_LOWER && to - from <= 3 && isFunctionWord(text.slice(from, to)) ? 'skip' : 'stop';
}

function capitalizedRunLeft(text: string, at: number, limit: number): number {
  let n = 0;
  for (
    let end = at, start = wordStartBefore(text, end);
    start >= 0 && n < limit;
    end = start, start = wordStartBefore(text, end)
  ) {
    const kind = inRun(text, start, end - 1);
    if (kind === 'stop') break;
    if (kind === 'cap') n++;
  }
  return n;
}

function capitalizedRunRight(text: string, at: number, limit: number): number {
  let n = 0;
  for (
    let start = at, end = wordEndAfter(text, start);
    end >= 0 && n < limit;
    start = end, end = wordEndAfter(text, start)
  ) {
    const kind = inRun(text, start + 1, end);
    if (kind === 'stop') break;
    if (kind === 'cap') n++;
  }
  return n;
}

/**
 * True when the match [s, e) of `text` is part of a longer proper name. prevEnd / nextStart: where
 * the neighbouring matches end and start (-1 for none); a neighbour that is itself a name found
 * there is another name, not part of this one ("Палестины Генеральная ассамблея").
 */
export function insideLongerName(
  text: string,
  s: number,
  e: number,
  prevEnd = -1,
  nextStart = -1,
  place = true,
): boolean {
  if (insideCompound(text, s, e, place, nextStart)) return true;
  // Only a match that starts with a capital can be part of a longer capitalized name.
  if (!isLetter(text.charCodeAt(s)) || letterCase(text.charCodeAt(s)) !== UPPER) return false;
  if (place && afterInstitutionHead(text, s)) return true;
  if (prevEnd !== s - 1 && inCompoundGivenName(text, s, e)) return true;
  if (place && beforeRegionAdjective(text, e)) return true;
  // Acronyms and words in capitals: a run of capitals is a heading or an acronym, never judged here.
  let lower = false;
  for (let k = s + 1; k < e && !lower; k++) lower = letterCase(text.charCodeAt(k)) === LOWER;
  if (!lower) return false;
  let beforeStart = wordStartBefore(text, s);
  // An elided article glued to the word before is not part of it: "l’OGC Nice", "d’AS Monaco".
  if (
    beforeStart >= 0 &&
    s - 1 - beforeStart > 2 &&
    /[lLdD]/.test(text[beforeStart]!) &&
    /['’]/.test(text[beforeStart + 1]!)
  )
    beforeStart += 2;
  const afterEnd = wordEndAfter(text, e);
  const left =
    beforeStart >= 0 &&
    prevEnd !== s - 1 &&
    !opensWithTitle(text, s, e) &&
    text.charCodeAt(s - 2) !== 0x2e &&
    counts(text, beforeStart, s - 1, true) &&
    (!startsSentence(text, beforeStart) || latinWord(text, beforeStart));
  const right = afterEnd >= 0 && nextStart !== e + 1 && counts(text, e + 1, afterEnd);
  if (!left && !right) return false;
  // Title Case headings: a long run of capitalized words is a heading, not one name. (Also a
  // name followed by a person's full name: «президентом Украины Владимиром Зеленским».)
  const runLeft = capitalizedRunLeft(text, s, 3);
  const runRight = capitalizedRunRight(text, e, 3);
  return runLeft <= 1 && runRight <= 1;
}
