/**
 * The hot path of pack validation. zod (packEntitySchema) is the authority on the schema, but
 * it costs about 10 µs per entity; a 100k pack needs better. So:
 *
 *   fastEntityValid(e) – a hand-written test that implies packEntitySchema accepts e, and
 *     applies the schema's defaults in place (facts {}, related [], aliases []). When it says
 *     no, the caller runs zod on that entity alone for the exact messages. It may be stricter
 *     than zod (the caller then gets zod's verdict), never looser: tests compare the two.
 *   packRuleProblems(e, report) – the pack rules beyond the schema (plain text, sizes of
 *     link lists, https sources), on whatever shape e has.
 */
import { KINDS, LANGS } from '../dataset/basics';
import { PACK_LIMITS as L } from './format';
import { plainTextProblem, sourceUrlProblem } from './text-rules';

type Obj = Record<string, unknown>;
export type Report = (path: string, message: string) => void;

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const ISO2 = /^[A-Z]{2}$/;
const KIND_SET = new Set<unknown>(KINDS);
const ENTITY_KEYS = new Set(['id', 'kind', 'names', 'facts', 'related', 'sources', 'reviewed']);
const LANG_KEYS = new Set<string>(LANGS);
const LOCALIZED_KEYS = new Set(['name', 'short', 'aliases', 'summary']);
const ALIAS_KEYS = new Set(['text', 'caseSensitive', 'contextual', 'note']);
const DATE_FACTS = ['founded', 'dissolved', 'start', 'end', 'born', 'unMember'] as const;
const LINK_FACTS = ['location', 'parent', 'predecessor', 'successor'] as const;
const FACT_KEYS = new Set<string>([...DATE_FACTS, ...LINK_FACTS, 'participants', 'offices', 'iso2', 'region']);
const OFFICE_KEYS = new Set(['role', 'organization', 'from', 'to']);

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, min: number, max: number): v is string =>
  typeof v === 'string' && v.length >= min && v.length <= max;
const optStr = (v: unknown, min: number, max: number): boolean => v === undefined || str(v, min, max);
const optBool = (v: unknown): boolean => v === undefined || typeof v === 'boolean';
const isId = (v: unknown): boolean => str(v, 1, L.entityId) && ID.test(v);
const optId = (v: unknown): boolean => v === undefined || isId(v);
const optDate = (v: unknown): boolean => v === undefined || (str(v, 4, 10) && DATE.test(v));

function onlyKeys(o: Obj, allowed: Set<string>): boolean {
  for (const k in o) if (!allowed.has(k)) return false;
  // for…in skips nothing JSON.parse makes, but "__proto__" is an own key there: refuse it too.
  return !Object.prototype.hasOwnProperty.call(o, '__proto__');
}

function idList(v: unknown): boolean {
  if (!Array.isArray(v) || v.length > L.links) return false;
  for (const x of v) if (!isId(x)) return false;
  return true;
}

function localizedValid(v: unknown): boolean {
  if (!isObj(v) || !onlyKeys(v, LOCALIZED_KEYS)) return false;
  if (!str(v.name, 1, L.name) || !optStr(v.short, 1, L.short) || !optStr(v.summary, 1, L.summary)) return false;
  if (v.aliases === undefined) v.aliases = [];
  const aliases = v.aliases;
  if (!Array.isArray(aliases) || aliases.length > L.aliasesPerLanguage) return false;
  for (const a of aliases) {
    if (!isObj(a) || !onlyKeys(a, ALIAS_KEYS) || !str(a.text, 1, L.aliasText)) return false;
    if (!optBool(a.caseSensitive) || !optBool(a.contextual) || !optStr(a.note, 0, L.aliasNote)) return false;
  }
  return true;
}

function factsValid(f: unknown): boolean {
  if (!isObj(f) || !onlyKeys(f, FACT_KEYS)) return false;
  for (const k of DATE_FACTS) if (!optDate(f[k])) return false;
  for (const k of LINK_FACTS) if (!optId(f[k])) return false;
  if (f.participants !== undefined && !idList(f.participants)) return false;
  if (f.iso2 !== undefined && !(str(f.iso2, 2, 2) && ISO2.test(f.iso2))) return false;
  if (!optStr(f.region, 0, L.text)) return false;
  if (f.offices === undefined) return true;
  if (!Array.isArray(f.offices) || f.offices.length > L.offices) return false;
  for (const o of f.offices) {
    if (!isObj(o) || !onlyKeys(o, OFFICE_KEYS) || !isObj(o.role) || !onlyKeys(o.role, LANG_KEYS)) return false;
    for (const l of LANGS) if (!str(o.role[l], 1, L.text)) return false;
    if (!optId(o.organization) || !optDate(o.from) || !optDate(o.to)) return false;
  }
  return true;
}

/**
 * True only if packEntitySchema accepts e; fills in the schema's defaults as it goes.
 * sourcesChecked: packRuleProblems found every source a good https URL (skips parsing them again).
 */
export function fastEntityValid(e: unknown, sourcesChecked = false): boolean {
  if (!isObj(e) || !onlyKeys(e, ENTITY_KEYS)) return false;
  if (!isId(e.id) || !KIND_SET.has(e.kind) || !optDate(e.reviewed)) return false;
  const names = e.names;
  if (!isObj(names) || !onlyKeys(names, LANG_KEYS)) return false;
  let langs = 0;
  for (const l of LANGS) {
    const n = names[l];
    if (n === undefined) continue;
    if (!localizedValid(n)) return false;
    langs++;
  }
  if (langs === 0) return false;
  if (e.facts === undefined) e.facts = {};
  if (!factsValid(e.facts)) return false;
  if (e.related === undefined) e.related = [];
  if (!idList(e.related)) return false;
  const sources = e.sources;
  if (!Array.isArray(sources) || sources.length === 0 || sources.length > L.sources) return false;
  if (!sourcesChecked)
    for (const s of sources) if (typeof s !== 'string' || sourceUrlProblem(s, L.sourceLength) !== null) return false;
  return true;
}

/** A plain-text rule problem of a string field, or null (wrong types and lengths are the schema's). */
function textRule(v: unknown, max: number, multiline = false): string | null {
  if (typeof v !== 'string' || v.length > max) return null;
  return v.length > 0 && v.trim() === '' ? 'is blank (only spaces)' : plainTextProblem(v, multiline);
}

const tooLong = (v: unknown, max: number): string | null =>
  typeof v === 'string' && v.length > max ? `too long: ${v.length} characters, at most ${max}` : null;

function linkList(report: Report, path: () => string, v: unknown): void {
  if (!Array.isArray(v)) return;
  if (v.length > L.links) return report(path(), `${v.length} links; at most ${L.links}`);
  for (let i = 0; i < v.length; i++) {
    const why = tooLong(v[i], L.entityId);
    if (why) report(`${path()}[${i}]`, why);
  }
}

function namesRules(names: Obj, p: () => string, report: Report): void {
  for (const l of LANGS) {
    const n = names[l];
    if (!isObj(n)) continue;
    let why = textRule(n.name, L.name);
    if (why) report(`${p()}.names.${l}.name`, why);
    if ((why = textRule(n.short, L.short))) report(`${p()}.names.${l}.short`, why);
    if ((why = textRule(n.summary, L.summary, true))) report(`${p()}.names.${l}.summary`, why);
    const aliases = n.aliases;
    if (!Array.isArray(aliases)) continue;
    for (let i = 0; i < aliases.length; i++) {
      const a: unknown = aliases[i];
      if (!isObj(a)) continue;
      if ((why = textRule(a.text, L.aliasText))) report(`${p()}.names.${l}.aliases[${i}].text`, why);
      if (a.note !== '' && (why = textRule(a.note, L.aliasNote, true)))
        report(`${p()}.names.${l}.aliases[${i}].note`, why);
    }
  }
}

function factsRules(f: Obj, p: () => string, report: Report): void {
  let why: string | null;
  for (const k of LINK_FACTS) if ((why = tooLong(f[k], L.entityId))) report(`${p()}.facts.${k}`, why);
  linkList(report, () => `${p()}.facts.participants`, f.participants);
  if ((why = tooLong(f.region, L.text) ?? textRule(f.region, L.text))) report(`${p()}.facts.region`, why);
  const offices = f.offices;
  if (!Array.isArray(offices)) return;
  if (offices.length > L.offices)
    return report(`${p()}.facts.offices`, `${offices.length} offices; at most ${L.offices}`);
  for (let i = 0; i < offices.length; i++) {
    const o: unknown = offices[i];
    if (!isObj(o) || !isObj(o.role)) continue;
    for (const l of LANGS) {
      const r = o.role[l];
      if ((why = tooLong(r, L.text) ?? textRule(r, L.text))) report(`${p()}.facts.offices[${i}].role.${l}`, why);
    }
  }
}

/**
 * The pack rules beyond the schema, on any shape (fields of the wrong type are left to zod).
 * p() is the entity's path, built only when there is something to report. Returns whether
 * every source passed (then fastEntityValid need not parse the URLs again).
 */
export function packRuleProblems(e: unknown, p: () => string, report: Report): boolean {
  if (!isObj(e)) return false;
  let why = tooLong(e.id, L.entityId) ?? textRule(e.id, L.entityId);
  if (why) report(`${p()}.id`, why);
  if (isObj(e.names)) namesRules(e.names, p, report);
  if (isObj(e.facts)) factsRules(e.facts, p, report);
  linkList(report, () => `${p()}.related`, e.related);
  const sources = e.sources;
  if (!Array.isArray(sources)) return false;
  if (sources.length > L.sources) report(`${p()}.sources`, `${sources.length} sources; at most ${L.sources}`);
  let sourcesOk = true;
  for (let i = 0; i < sources.length; i++) {
    const s: unknown = sources[i];
    if (typeof s !== 'string') sourcesOk = false;
    else if ((why = sourceUrlProblem(s, L.sourceLength))) {
      sourcesOk = false;
      report(`${p()}.sources[${i}]`, why);
    }
  }
  return sourcesOk;
}
