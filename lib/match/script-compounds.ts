/**
 * A name inside a longer word or name, in the scripts the capital-letter test cannot read
 * (longer-name.ts does Latin and Cyrillic):
 *   - Chinese writes no spaces, so a place runs straight into what it qualifies: 葡萄牙语 is
 *     Portuguese (the language), 英国广播公司 the BBC, 里斯本理工大学 a university, 《京都议定书》
 *     the Kyoto Protocol; 副秘书长 a deputy's title, not 秘书长; 苏丹·贾比尔 a man named Sultan.
 *   - Arabic puts the head noun first: جامعة لشبونة is the University of Lisbon.
 *   - In any script, a name glued to "+" names a wider group (OPEC+), to "$" a currency (US$),
 *     and a city glued to 时间 a time zone (北京时间).
 */

function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

function isArabicLetter(c: number): boolean {
  return (c >= 0x0620 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3);
}

/** Middle dots that join the parts of a transliterated personal name (安东尼奥·古特雷斯). */
function isNameDot(c: number): boolean {
  return c === 0x00b7 || c === 0x30fb || c === 0x2027 || c === 0xff65 || c === 0x2022;
}

/** 语/語 after a place: its language, not the place. */
const LANGUAGE_SUFFIX = new Set([0x8bed, 0x8a9e]);
/** 副 before a title: a deputy's post (副秘书长), not the title. */
const DEPUTY = 0x526f;

/**
 * Heads of Chinese compound names: a place followed by one of these within the same run of
 * characters names the institution or instrument (大学, 公司, 议定书, 组织, ...), Simplified
 * and Traditional.
 */
const CHINESE_HEADS: readonly string[] = [
  '大学',
  '大學',
  '学院',
  '學院',
  '公司',
  '集团',
  '集團',
  '银行',
  '銀行',
  '俱乐部',
  '俱樂部',
  '航空',
  '协定',
  '協定',
  '议定书',
  '議定書',
  '组织',
  '組織',
  '理事会',
  '理事會',
  '广播',
  '廣播',
  '电视台',
  '電視台',
];
/** Characters that end a Chinese compound: particles and conjunctions between words. */
const COMPOUND_BREAKS = new Set(
  [...'的和与與及或在是了向对對为為将將于於同跟把被等、由从從到'].map((ch) => ch.charCodeAt(0)),
);
/** How far past a place a compound's head may start. */
const HEAD_WITHIN = 6;

function chineseCompoundAfter(text: string, e: number): boolean {
  let end = e;
  while (
    end < text.length &&
    end - e < HEAD_WITHIN + 3 &&
    isHan(text.charCodeAt(end)) &&
    !COMPOUND_BREAKS.has(text.charCodeAt(end))
  )
    end++;
  const run = text.slice(e, end);
  for (const head of CHINESE_HEADS) {
    const at = run.indexOf(head);
    if (at >= 0 && at <= HEAD_WITHIN) return true;
  }
  return false;
}

/** A transliterated given name: the match runs on (at most two characters) into a name dot (阿曼达·皮特). */
function runsIntoNameDot(text: string, e: number): boolean {
  for (let k = e; k < text.length && k - e <= 2; k++) {
    const c = text.charCodeAt(k);
    if (isNameDot(c)) return true;
    if (!isHan(c)) return false;
  }
  return false;
}

/** Arabic head nouns that make the name after them part of an institution's name. */
const ARABIC_HEADS: ReadonlySet<string> = new Set(
  'جامعة شركة بنك مصرف نادي صحيفة جريدة قناة إذاعة معهد كلية متحف'.split(' '),
);

/** The Arabic word ending right before `s` (one space between), its proclitics و ب ل ف ك dropped. */
function arabicWordBefore(text: string, s: number): string {
  if (s < 2 || text.charCodeAt(s - 1) !== 0x20) return '';
  let k = s - 1;
  while (k > 0 && isArabicLetter(text.charCodeAt(k - 1))) k--;
  let word = text.slice(k, s - 1);
  while (word.length > 3 && 'وبلفك'.includes(word[0]!)) word = word.slice(1);
  return word;
}

/**
 * Whether the match [s, e) is part of a longer word or name by the rules above. The Chinese
 * and Arabic compound rules are for places (`place`: one of the match's entities is one): a
 * body or a person before 组织 is more often the subject of the verb 组织 ("organized"). A
 * place right before another name (nextStart === e) qualifies it: 葡萄牙里斯本 is Lisbon, Portugal.
 */
export function insideCompound(text: string, s: number, e: number, place: boolean, nextStart: number): boolean {
  const next = text.charCodeAt(e);
  if (next === 0x2b || next === 0x24) return true;
  // 北京时间, 東京時間: a city glued to "time" is a time zone.
  if ((next === 0x65f6 || next === 0x6642) && (text.charCodeAt(e + 1) === 0x95f4 || text.charCodeAt(e + 1) === 0x9593))
    return true;
  const first = text.charCodeAt(s);
  if (isHan(first) && isHan(text.charCodeAt(e - 1))) {
    if (text.charCodeAt(s - 1) === DEPUTY) return true;
    if (!place) return false;
    if (LANGUAGE_SUFFIX.has(next) || isNameDot(next) || runsIntoNameDot(text, e)) return true;
    return nextStart !== e && chineseCompoundAfter(text, e);
  }
  return place && isArabicLetter(first) && ARABIC_HEADS.has(arabicWordBefore(text, s));
}
