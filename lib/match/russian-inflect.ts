/**
 * Generates the Russian case forms of a name at compile time, so the data lists only the
 * nominative ("Генеральный секретарь") and the page may say "Генерального секретаря" or
 * "Генеральным секретарём" (ё and е are the same after normalization).
 *
 * Organizations, events, places: the leading adjectives and the head noun are declined
 * through the six singular cases (or plural, for a plural head such as "Штаты"); whatever
 * follows the head is a complement already in the genitive and stays as it is:
 * "Организация Объединённых Наций" → "Организации Объединённых Наций".
 * People: the last word is declined ("Пан Ги Мун" → "Пан Ги Муна"), plus a variant with
 * every capitalized word ending in a consonant, -а or -я declined ("Марии Фернанды Эспиносы"); "г-н"/"г-жа" follow the case ("г-на Пана"); and the
 * noun-phrase rule too, for titles used as aliases ("Генерального секретаря").
 *
 * Rules are ending-based and deliberately over-generate a little (an extra wrong form costs
 * nothing, a missing one loses a mention). Acronyms and indeclinable words are left alone.
 */

/** Alternatives per case: nominative, genitive, dative, accusative, instrumental, prepositional. */
type Paradigm = string[][];

const SIBILANT = 'жшчщц';
const VELAR = 'гкх';

function isUpperWord(w: string): boolean {
  return w.length > 1 && w === w.toUpperCase() && w !== w.toLowerCase();
}

function isCyrillicWord(w: string): boolean {
  return /^[а-яё-]+$/i.test(w);
}

/** Replace the last `n` letters of w by each ending, one alternative per ending. */
function endings(w: string, n: number, ...cases: Array<string | string[]>): Paradigm {
  const stem = w.slice(0, w.length - n);
  return cases.map((c) => (Array.isArray(c) ? c : [c]).map((e) => stem + e));
}

/** Declension of an adjective (or participle) in the nominative, or null if it is not one. */
export function adjectiveParadigm(w: string): Paradigm | null {
  const lw = w.toLowerCase();
  const end2 = lw.slice(-2);
  const before = lw.charAt(lw.length - 3);
  switch (end2) {
    case 'ый':
      return endings(w, 2, 'ый', 'ого', 'ому', ['ый', 'ого'], 'ым', 'ом');
    case 'ой':
      return endings(
        w,
        2,
        'ой',
        'ого',
        'ому',
        ['ой', 'ого'],
        VELAR.includes(before) || SIBILANT.includes(before) ? ['ым', 'им'] : 'ым',
        'ом',
      );
    case 'ий': {
      const hard = VELAR.includes(before);
      return endings(
        w,
        2,
        'ий',
        hard ? 'ого' : 'его',
        hard ? 'ому' : 'ему',
        ['ий', hard ? 'ого' : 'его'],
        'им',
        hard ? 'ом' : 'ем',
      );
    }
    case 'ая': {
      const o = SIBILANT.includes(before) ? ['ой', 'ей'] : ['ой'];
      return endings(w, 2, 'ая', o, o, 'ую', o, o);
    }
    case 'яя':
      return endings(w, 2, 'яя', 'ей', 'ей', 'юю', 'ей', 'ей');
    case 'ое':
      return endings(w, 2, 'ое', 'ого', 'ому', 'ое', 'ым', 'ом');
    case 'ее':
      return endings(w, 2, 'ее', 'его', 'ему', 'ее', 'им', 'ем');
    case 'ые':
      return endings(w, 2, 'ые', 'ых', 'ым', ['ые', 'ых'], 'ыми', 'ых');
    case 'ие':
      // Plural adjectives in -ие ("Арабские") versus neuter nouns in -ние ("Управление").
      if (!/([кгхжшщч]|[нтдзх]н)ие$/.test(lw)) return null;
      return endings(w, 2, 'ие', 'их', 'им', ['ие', 'их'], 'ими', 'их');
    default:
      return null;
  }
}

/** Declension of a noun in the nominative (gender guessed from the ending), or null. */
export function nounParadigm(w: string, feminineHint = false, plural = false): Paradigm | null {
  const lw = w.toLowerCase();
  if (!isCyrillicWord(w) || isUpperWord(w) || lw.length < 2) return null;
  const last = lw.charAt(lw.length - 1);
  const before = lw.charAt(lw.length - 2);
  if (plural || last === 'ы') {
    if (last === 'ы') return endings(w, 1, 'ы', ['ов', ''], 'ам', ['ы', 'ов'], 'ами', 'ах');
    if (lw.endsWith('ии')) return endings(w, 2, 'ии', 'ий', 'иям', 'ии', 'иями', 'иях');
    if (last === 'и') return endings(w, 1, 'и', ['ов', 'ей', ''], ['ам', 'ям'], 'и', ['ами', 'ями'], ['ах', 'ях']);
    return null;
  }
  if (lw.endsWith('ия')) return endings(w, 2, 'ия', 'ии', 'ии', 'ию', 'ией', 'ии');
  if (lw.endsWith('ие')) return endings(w, 2, 'ие', 'ия', 'ию', 'ие', 'ием', 'ии');
  if (lw.endsWith('ий')) return endings(w, 2, 'ий', 'ия', 'ию', ['ий', 'ия'], 'ием', 'ии');
  switch (last) {
    case 'а': {
      const gen = VELAR.includes(before) || SIBILANT.slice(0, 4).includes(before) ? 'и' : 'ы';
      const ins = SIBILANT.includes(before) ? ['ой', 'ей'] : ['ой'];
      return endings(w, 1, 'а', gen, 'е', 'у', ins, 'е');
    }
    case 'я':
      return endings(w, 1, 'я', 'и', 'е', 'ю', 'ей', 'е');
    case 'о':
      return endings(w, 1, 'о', 'а', 'у', 'о', 'ом', 'е');
    case 'е':
      return endings(w, 1, 'е', 'я', 'ю', 'е', 'ем', 'е');
    case 'й':
      return endings(w, 1, 'й', 'я', 'ю', ['й', 'я'], 'ем', 'е');
    case 'ь':
      if (feminineHint || /(ость|есть|[жшчщ]ь)$/.test(lw)) return endings(w, 1, 'ь', 'и', 'и', 'ь', 'ью', 'и');
      return endings(w, 1, 'ь', 'я', 'ю', ['ь', 'я'], ['ем', 'ём'], 'е');
    default:
      break;
  }
  if ('бвгджзклмнпрстфхцчшщ'.includes(last)) {
    const ins = SIBILANT.includes(last) ? ['ом', 'ем'] : /(ов|ев|ин|ын)$/.test(lw) ? ['ом', 'ым'] : ['ом'];
    return endings(w, 0, '', 'а', 'у', ['', 'а'], ins, 'е');
  }
  return null; // other vowel endings (-у, -ю, -и, -э): indeclinable foreign words
}

/** Declines a word that may carry a hyphenated prefix ("ан-Насер"): only its last part changes. */
function hyphenated(w: string, decline: (part: string) => Paradigm | null): Paradigm | null {
  const cut = w.lastIndexOf('-');
  if (cut <= 0 || cut === w.length - 1) return decline(w);
  const head = w.slice(0, cut + 1);
  const p = decline(w.slice(cut + 1));
  return p ? p.map((alts) => alts.map((a) => head + a)) : null;
}

const HONORIFICS: Record<string, Paradigm> = {
  'г-н': [['г-н'], ['г-на'], ['г-ну'], ['г-на'], ['г-ном'], ['г-не']],
  'г-жа': [['г-жа'], ['г-жи'], ['г-же'], ['г-жу'], ['г-жой'], ['г-же']],
  господин: [['господин'], ['господина'], ['господину'], ['господина'], ['господином'], ['господине']],
  госпожа: [['госпожа'], ['госпожи'], ['госпоже'], ['госпожу'], ['госпожой'], ['госпоже']],
};

function personParadigm(w: string): Paradigm | null {
  const adj = adjectiveParadigm(w);
  if (adj && /(ский|цкий|ской|ская|цкая)$/i.test(w)) return adj;
  if (/(ова|ева|ина|ына)$/i.test(w)) return endings(w, 1, 'а', 'ой', 'ой', 'у', 'ой', 'ой');
  return hyphenated(w, (p) => nounParadigm(p));
}

/** Joins per-word paradigms case by case (cartesian product of alternatives, capped). */
function combine(words: string[], paradigms: Array<Paradigm | null>, out: Set<string>): void {
  for (let c = 0; c < 6; c++) {
    let phrases = [''];
    for (let k = 0; k < words.length; k++) {
      // Accusative: only its first alternative (= nominative for masculine, neuter and
      // plural); the animate form equals the genitive, which case 1 already produces.
      const all = paradigms[k]?.[c] ?? [words[k]!];
      const alts = c === 3 ? all.slice(0, 1) : all;
      const next: string[] = [];
      for (const p of phrases) for (const a of alts) if (next.length < 64) next.push(p ? `${p} ${a}` : a);
      phrases = next;
    }
    for (const p of phrases) out.add(p);
  }
}

/**
 * All case forms of a Russian name, the original included. `person` selects the rules for
 * personal names; anything else uses the adjectives + head noun rule.
 */
export function inflectRussian(text: string, person: boolean): string[] {
  const words = text.trim().split(/\s+/);
  const out = new Set<string>([text]);
  if (words.length === 0 || !words.some((w) => /[а-яё]/i.test(w))) return [...out];
  if (person) {
    const honor = words.map((w) => HONORIFICS[w.toLowerCase()] ?? null);
    const last = words.length - 1;
    const lastOnly = words.map((w, k) => honor[k] ?? (k === last ? personParadigm(w) : null));
    combine(words, lastOnly, out);
    const all = words.map(
      (w, k) =>
        honor[k] ??
        (/^[А-ЯЁ]/.test(w) && /[бвгджзклмнпрстфхцчшщая]$/i.test(w)
          ? personParadigm(w)
          : k === last
            ? personParadigm(w)
            : null),
    );
    combine(words, all, out);
    // A person's aliases also include titles ("Генеральный секретарь"): decline those as
    // noun phrases too. The extra forms of a plain name are harmless.
  }
  const paradigms: Array<Paradigm | null> = words.map(() => null);
  let k = 0;
  let feminine = false;
  let pluralAdj = false;
  while (k < words.length) {
    const w = words[k]!;
    const adj = isUpperWord(w) ? null : adjectiveParadigm(w);
    if (!adj) break;
    paradigms[k] = adj;
    const e = w.toLowerCase().slice(-2);
    if (e === 'ая' || e === 'яя') feminine = true;
    if (e === 'ые' || e === 'ие') pluralAdj = true;
    k++;
  }
  if (k < words.length) {
    const head = words[k]!;
    const noun = hyphenated(head, (p) => nounParadigm(p, feminine, pluralAdj));
    if (noun) paradigms[k] = noun;
  }
  // (When every word is an adjective, as in a substantivized "Генеральный", all are declined.)
  if (paradigms.some((p) => p !== null)) combine(words, paradigms, out);
  return [...out];
}
