/**
 * Common words per language that must never be matched as names on their own: "who" is not WHO,
 * "un"/"une" are articles. An alias equal to one of these is allowed only as a case-sensitive
 * acronym (WHO) or as a case-sensitive contextual mention (Ban, after "Ban Ki-moon").
 */
import type { Lang } from './schema';

export const STOPWORDS: Record<Lang, ReadonlySet<string>> = {
  en: new Set(
    ('a an and are as at be but by can did do for from had has have he her his i if in is it its me my ' +
      'no not of on or our she so that the their them they this to up us was we were what when where ' +
      'which who why will with you your un ban may will said new state states union court fund bank ' +
      'council assembly office mission agency secretariat committee commission forum summit').split(' '),
  ),
  fr: new Set(
    ('un une le la les de des du et en au aux à ce ces il elle on ne pas par pour sur dans qui que ' +
      'quoi est sont été avec son sa ses leur nous vous ou où mais si plus état états union cour fonds ' +
      'banque conseil assemblée bureau mission agence secrétariat comité commission forum sommet').split(' '),
  ),
  es: new Set(
    ('un una uno unos unas el la los las de del y en a al que por para con se su sus no es son fue ' +
      'o u pero si más estado estados unión corte fondo banco consejo asamblea oficina misión agencia ' +
      'secretaría comité comisión foro cumbre').split(' '),
  ),
  ru: new Set(
    ('и в во не на с со что как а но по к у из за от до о об для это он она они мы вы я ли же бы ' +
      'союз суд фонд банк совет ассамблея бюро миссия агентство секретариат комитет комиссия форум саммит').split(' '),
  ),
  zh: new Set('的 了 在 是 和 与 及 或 人 国 会 中 大 一 不 有 这 那 上 下 联合 组织 委员会 理事会 大会 秘书处 基金 银行'.split(' ')),
  ar: new Set(
    ('في من على إلى عن مع أو و ثم هذا هذه ذلك التي الذي هو هي لا ما لم لن قد كان ' +
      'مجلس جمعية محكمة صندوق بنك مكتب بعثة وكالة أمانة لجنة منتدى قمة اتحاد دولة').split(' '),
  ),
};

/** Lower-cases for the stop-word lookup the way the matcher folds case. */
export function isStopword(lang: Lang, text: string): boolean {
  return STOPWORDS[lang].has(text.trim().toLocaleLowerCase(lang));
}
