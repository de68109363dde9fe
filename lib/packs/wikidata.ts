/**
 * fromWikidata: Wikidata JSON → a pack (the same result as parsePack, plus notes on what was
 * left out). Reads what Wikidata serves and dumps:
 *
 *   - Special:EntityData/Q42.json: {"entities": {"Q42": {…}, …}}
 *   - one entity document: {"type": "item", "id": "Q42", …}
 *   - a JSON dump: an array of entities, one per line with trailing commas, whole or cut off
 *     (a partial download): read line by line when the whole text is not valid JSON.
 *
 * Per item: labels, aliases and descriptions in en, fr, es, ru, ar and zh (zh, then zh-hans,
 * zh-cn, zh-hant; the other variants' labels become aliases); the description is the summary;
 * the kind comes from P31 through WIKIDATA_KINDS, else options.defaultKind (else the item is
 * skipped); dates from P571, P576, P569, P570, P580, P582; iso2 from P297. The entity id is the
 * Q id in lower case ("q42"), the source its concept page https://www.wikidata.org/wiki/Q42.
 * Lexemes, forms, senses, properties and media info are not items: skipped with a note, or
 * refused when nothing else is in the file.
 */
import { LANGS, type Kind, type Lang } from '../dataset/basics';
import { PACK_FORMAT, PACK_LIMITS, PACK_VERSION, type PackEntity, type PackLocalized } from './format';
import { lineColumn, parseJson } from './json';
import { describe, plainTextProblem } from './text-rules';
import { validatePack, type PackResult, type ParsePackOptions } from './validate';
import { kindOfClasses } from './wikidata-kinds';

/**
 * The pack id of a Wikidata import, from the file itself (FNV-1a of its text): importing the same
 * file again replaces that pack, and another file is another pack (every import was "wikidata",
 * so a second one silently replaced the first).
 */
export function wikidataPackId(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `wikidata-${(h >>> 0).toString(16).padStart(8, '0')}`;
}

export interface WikidataOptions extends ParsePackOptions {
  /** Kind of items whose P31 classes are not in WIKIDATA_KINDS; without it they are skipped. */
  defaultKind?: Kind;
  packId?: string;
  packName?: string;
  description?: string;
  createdAt?: string;
}

/** Something left out of the pack: an entity skipped, or a text, alias or date dropped. */
export interface WikidataNote {
  /** "Q42", or where in the file when there is no usable id ("entities[3]", "line 12"). */
  where: string;
  message: string;
}

export type WikidataResult = PackResult & { notes: WikidataNote[] };

/** Wikidata language codes read for each of our languages, best first. */
export const WIKIDATA_LANGS: Readonly<Record<Lang, readonly string[]>> = {
  en: ['en'],
  fr: ['fr'],
  es: ['es'],
  ru: ['ru'],
  zh: ['zh', 'zh-hans', 'zh-cn', 'zh-hant'],
  ar: ['ar'],
};

const DATE_PROPS = {
  founded: 'P571',
  dissolved: 'P576',
  born: 'P569',
  died: 'P570',
  start: 'P580',
  end: 'P582',
} as const;
const NOT_ITEMS: [RegExp, string][] = [
  [/^L\d+-F\d+$/, 'a lexeme form'],
  [/^L\d+-S\d+$/, 'a lexeme sense'],
  [/^L\d+$/, 'a lexeme'],
  [/^P\d+$/, 'a property'],
  [/^M\d+$/, 'media info (a Commons file)'],
];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

interface Doc {
  where: string;
  value: unknown;
}

/** The entity documents of the text, or why it is not Wikidata JSON. */
export function readWikidataDocuments(text: string): { docs: Doc[] } | { problem: { path: string; message: string } } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { problem: { path: '(file)', message: 'the file is empty' } };
  const whole = parseJson(body);
  if (whole.ok) {
    const v = whole.value;
    if (Array.isArray(v)) return { docs: v.map((value, i) => ({ where: `[${i}]`, value })) };
    if (isObj(v) && v.format === PACK_FORMAT)
      return {
        problem: { path: 'format', message: 'this is a Context Lens pack, not Wikidata JSON: import it as a pack' },
      };
    if (isObj(v) && isObj(v.entities))
      return { docs: Object.keys(v.entities).map((k) => ({ where: k, value: (v.entities as Obj)[k] })) };
    if (isObj(v) && (typeof v.type === 'string' || typeof v.id === 'string'))
      return { docs: [{ where: '(root)', value: v }] };
    return {
      problem: {
        path: '(root)',
        message: `not Wikidata JSON: expected {"entities": {…}} (Special:EntityData), an entity {"type": "item", "id": "Q…", …} or a JSON array of entities (a dump), got ${isObj(v) ? 'another object' : describe(v)}`,
      },
    };
  }
  // A dump: "[", one entity per line with a trailing comma, "]" (maybe cut off anywhere).
  const first = body.trimStart()[0];
  if (first !== '[' && first !== '{') return { problem: { path: '(file)', message: whole.message } };
  const docs: Doc[] = [];
  let lineStart = 0;
  for (let line = 1; lineStart <= body.length; line++) {
    const end = body.indexOf('\n', lineStart);
    const raw = body
      .slice(lineStart, end === -1 ? body.length : end)
      .trim()
      .replace(/,$/, '');
    const at = lineStart;
    lineStart = end === -1 ? body.length + 1 : end + 1;
    if (raw === '' || raw === '[' || raw === ']') continue;
    const one = parseJson(raw);
    if (!one.ok) {
      if (docs.length === 0) return { problem: { path: '(file)', message: whole.message } };
      const cutOff = end === -1 ? ' (the file is cut off here?)' : '';
      return {
        problem: {
          path: '(file)',
          message: `line ${lineColumn(body, at).line} is not one entity of a dump: ${one.message.replace(/^not valid JSON /, '')}${cutOff}`,
        },
      };
    }
    docs.push({ where: `line ${line}`, value: one.value });
  }
  return { docs };
}

/** A label/description/alias text, or null with a note when it cannot stand in a pack. */
function cleanText(
  v: unknown,
  max: number,
  where: string,
  what: string,
  notes: WikidataNote[],
  multiline = false,
): string | null {
  if (!isObj(v) || typeof v.value !== 'string') return null;
  const text = v.value.trim();
  if (text === '') return null;
  if (text.length > max) {
    notes.push({ where, message: `${what} left out: too long (${text.length} characters, at most ${max})` });
    return null;
  }
  const why = plainTextProblem(text, multiline);
  if (why) notes.push({ where, message: `${what} left out: ${why}` });
  return why ? null : text;
}

function localized(doc: Obj, lang: Lang, where: string, notes: WikidataNote[]): PackLocalized | undefined {
  const labels = isObj(doc.labels) ? doc.labels : {};
  const aliases = isObj(doc.aliases) ? doc.aliases : {};
  const descriptions = isObj(doc.descriptions) ? doc.descriptions : {};
  const texts: string[] = [];
  let summary: string | undefined;
  for (const code of WIKIDATA_LANGS[lang]) {
    const label = cleanText(labels[code], PACK_LIMITS.name, where, `the ${code} label`, notes);
    if (label) texts.push(label);
  }
  for (const code of WIKIDATA_LANGS[lang]) {
    const list = aliases[code];
    if (!Array.isArray(list)) continue;
    for (const a of list) {
      const text = cleanText(a, PACK_LIMITS.aliasText, where, `a ${code} alias`, notes);
      if (text) texts.push(text);
    }
  }
  for (const code of WIKIDATA_LANGS[lang]) {
    summary ??=
      cleanText(descriptions[code], PACK_LIMITS.summary, where, `the ${code} description`, notes, true) ?? undefined;
  }
  const unique = [...new Set(texts)];
  const name = unique[0];
  if (name === undefined || name.length > PACK_LIMITS.name) return undefined;
  let rest = unique.slice(1).filter((t) => t.length <= PACK_LIMITS.aliasText);
  if (rest.length > PACK_LIMITS.aliasesPerLanguage) {
    notes.push({
      where,
      message: `${rest.length - PACK_LIMITS.aliasesPerLanguage} ${lang} aliases left out (at most ${PACK_LIMITS.aliasesPerLanguage})`,
    });
    rest = rest.slice(0, PACK_LIMITS.aliasesPerLanguage);
  }
  const out: PackLocalized = { name, aliases: rest.map((text) => ({ text })) };
  if (summary) out.summary = summary;
  return out;
}

/** The statements of a property, best rank first, deprecated ones left out. */
function statements(doc: Obj, prop: string): Obj[] {
  const claims = isObj(doc.claims) ? doc.claims : isObj(doc.statements) ? doc.statements : {};
  const list = claims[prop];
  if (!Array.isArray(list)) return [];
  const ok = list.filter((s): s is Obj => isObj(s) && s.rank !== 'deprecated');
  return [...ok.filter((s) => s.rank === 'preferred'), ...ok.filter((s) => s.rank !== 'preferred')];
}

function value(statement: Obj): unknown {
  const snak = statement.mainsnak;
  if (!isObj(snak) || snak.snaktype !== 'value' || !isObj(snak.datavalue)) return undefined;
  return snak.datavalue.value;
}

/** A Wikidata time as an ISO date of the precision it has (year, month or day), or null. */
export function wikidataDate(v: unknown): string | null {
  if (!isObj(v) || typeof v.time !== 'string' || typeof v.precision !== 'number' || v.precision < 9) return null;
  const m = /^\+(\d{1,16})-(\d{2})-(\d{2})T/.exec(v.time);
  if (!m) return null; // BCE or malformed
  const year = Number(m[1]);
  if (year < 1 || year > 9999) return null;
  const y = String(year).padStart(4, '0');
  if (v.precision === 9 || m[2] === '00') return y;
  if (v.precision === 10 || m[3] === '00') return `${y}-${m[2]}`;
  return `${y}-${m[2]}-${m[3]}`;
}

function firstDate(doc: Obj, prop: string): string | undefined {
  for (const s of statements(doc, prop)) {
    const d = wikidataDate(value(s));
    if (d) return d;
  }
  return undefined;
}

function facts(doc: Obj, kind: Kind): PackEntity['facts'] {
  const f: PackEntity['facts'] = {};
  const d = Object.fromEntries(Object.entries(DATE_PROPS).map(([k, p]) => [k, firstDate(doc, p)])) as Record<
    keyof typeof DATE_PROPS,
    string | undefined
  >;
  if (d.founded) f.founded = d.founded;
  if (d.dissolved) f.dissolved = d.dissolved;
  if (d.born) f.born = d.born;
  if (d.start) f.start = d.start;
  if (d.end) f.end = d.end;
  // The schema has no date of death: a person's life is the span start (born) – end (died).
  if (d.died && kind === 'person' && !f.end) {
    f.end = d.died;
    if (d.born && !f.start) f.start = d.born;
  }
  if (kind === 'place') {
    const iso2 = statements(doc, 'P297')
      .map(value)
      .find((v) => typeof v === 'string' && /^[A-Z]{2}$/.test(v));
    if (typeof iso2 === 'string') f.iso2 = iso2;
  }
  return f;
}

/** Why a document is not an item we can read, or null. */
function notAnItem(doc: unknown): string | null {
  if (!isObj(doc)) return `not an entity object (got ${describe(doc)})`;
  const id = typeof doc.id === 'string' ? doc.id : undefined;
  if (id === undefined) return 'has no "id": not a Wikidata entity';
  if (doc.missing !== undefined) return `${id} does not exist on Wikidata (missing)`;
  for (const [re, what] of NOT_ITEMS) if (re.test(id)) return `${id} is ${what}, not an item`;
  if (!/^Q[1-9]\d{0,15}$/.test(id)) return `${JSON.stringify(id.slice(0, 40))} is not a Wikidata item id (Q…)`;
  if (doc.type !== undefined && doc.type !== 'item') return `${id} has type ${describe(doc.type)}, not "item"`;
  return null;
}

function toEntity(doc: Obj, options: WikidataOptions, notes: WikidataNote[]): PackEntity | null {
  const qid = doc.id as string;
  const names: PackEntity['names'] = {};
  for (const lang of LANGS) {
    const loc = localized(doc, lang, qid, notes);
    if (loc) names[lang] = loc;
  }
  if (Object.keys(names).length === 0) {
    notes.push({ where: qid, message: `skipped: no label or alias in ${LANGS.join(', ')}` });
    return null;
  }
  const classes = statements(doc, 'P31')
    .map(value)
    .map((v) => (isObj(v) && typeof v.id === 'string' ? v.id : null))
    .filter((q): q is string => q !== null);
  const kind = kindOfClasses(classes) ?? options.defaultKind;
  if (!kind) {
    const what = classes.length
      ? `its classes (P31: ${classes.slice(0, 5).join(', ')}) are not in the kind table`
      : 'it has no class (P31)';
    notes.push({ where: qid, message: `skipped: ${what}; choose a default kind to import it` });
    return null;
  }
  const entity: PackEntity = {
    id: qid.toLowerCase(),
    kind,
    names,
    facts: facts(doc, kind),
    related: [],
    sources: [`https://www.wikidata.org/wiki/${qid}`],
  };
  const modified = typeof doc.modified === 'string' ? /^\d{4}-\d{2}-\d{2}/.exec(doc.modified) : null;
  if (modified) entity.reviewed = modified[0];
  return entity;
}

export function fromWikidata(text: string, options: WikidataOptions = {}): WikidataResult {
  const notes: WikidataNote[] = [];
  const read = readWikidataDocuments(text);
  if ('problem' in read) return { ok: false, problems: [read.problem], problemCount: 1, conflicts: [], notes };
  const entities: PackEntity[] = [];
  const seen = new Set<string>();
  for (const { where, value: doc } of read.docs) {
    const why = notAnItem(doc);
    if (why) {
      notes.push({
        where: isObj(doc) && typeof doc.id === 'string' && why.startsWith(doc.id) ? doc.id : where,
        message: why,
      });
      continue;
    }
    const qid = (doc as Obj).id as string;
    if (seen.has(qid)) {
      notes.push({ where: qid, message: `skipped: ${qid} appears twice (the first is kept)` });
      continue;
    }
    seen.add(qid);
    const e = toEntity(doc as Obj, options, notes);
    if (e) entities.push(e);
    if (entities.length > PACK_LIMITS.entities) {
      const problem = {
        path: '(file)',
        message: `more than ${PACK_LIMITS.entities.toLocaleString('en')} items; a pack holds at most ${PACK_LIMITS.entities.toLocaleString('en')}`,
      };
      return { ok: false, problems: [problem], problemCount: 1, conflicts: [], notes };
    }
  }
  if (entities.length === 0) {
    const problems = notes.length
      ? notes.map((n) => ({ path: n.where, message: n.message }))
      : [{ path: '(file)', message: 'no Wikidata items in the file' }];
    const max = options.maxProblems ?? 200;
    return { ok: false, problems: problems.slice(0, max), problemCount: problems.length, conflicts: [], notes };
  }
  const pack = {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    id: options.packId ?? 'wikidata',
    name: options.packName ?? 'Wikidata import',
    ...(options.description !== undefined ? { description: options.description } : {}),
    ...(options.createdAt !== undefined ? { createdAt: options.createdAt } : {}),
    entities,
  };
  return { ...validatePack(pack, options), notes };
}
