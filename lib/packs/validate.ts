/**
 * parsePack: the text of a pack file → a validated pack, or every problem with its place
 * ("entities[12].names.fr.summary: …"). Pure and synchronous; about a second for a 100k
 * pack in Node (`npx tsx scripts/bench-packs.ts` prints the figures).
 *
 * Ids that are also in the bundled dataset are conflicts, not problems (unless override is
 * off): the UI asks "override?", then writes the pack as is or without them (dropEntities).
 */
import { z } from 'zod';
import { LANGS, type Lang } from '../dataset/basics';
import { fastEntityValid, packRuleProblems } from './entity-check';
import { PACK_FORMAT, PACK_LIMITS, PACK_VERSION, packEntitySchema, type Pack, type PackEntity } from './format';
import { parseJson } from './json';
import { describe, plainTextProblem, quote } from './text-rules';

export interface PackProblem {
  /** Where: "(file)", "(root)", "name", "entities[12].names.fr.summary", … */
  path: string;
  message: string;
}

/** A pack entity whose id is also a bundled entity's. */
export interface PackConflict {
  id: string;
  index: number;
}

export interface PackStats {
  entities: number;
  /** Names, short names and aliases, over all languages. */
  aliases: number;
  /** Entities with a name in each language. */
  languages: Record<Lang, number>;
}

export interface ParsePackOptions {
  /** Ids of the bundled dataset: a pack entity with one of them is a conflict; links may point to them. */
  bundledIds?: ReadonlySet<string>;
  /**
   * Conflicts with bundled ids: 'ask' (default) accepts the pack and sets needsConfirmation,
   * so the UI asks; true accepts them (the pack's entity wins); false makes each a problem.
   */
  override?: boolean | 'ask';
  /** Problems listed in full (the rest are only counted); default 200. */
  maxProblems?: number;
}

export type PackResult =
  | { ok: true; pack: Pack; conflicts: PackConflict[]; needsConfirmation: boolean; stats: PackStats }
  | {
      ok: false;
      problems: PackProblem[];
      /** All problems, listed or not. */ problemCount: number;
      conflicts: PackConflict[];
    };

export class ProblemList {
  readonly list: PackProblem[] = [];
  count = 0;
  constructor(readonly max = 200) {}
  add = (path: string, message: string): void => {
    this.count++;
    if (this.list.length < this.max) this.list.push({ path, message });
  };
}

const ROOT_KEYS = new Set(['format', 'version', 'id', 'name', 'description', 'createdAt', 'entities']);
const PACK_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const CREATED_AT = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** "entities[3]" + ["names", "fr", "aliases", 0, "text"] → "entities[3].names.fr.aliases[0].text". */
export function joinPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${String(part)}` : String(part);
  return out || '(root)';
}

function keyProblem(key: string): string {
  return key === '__proto__' || key === 'constructor' || key === 'prototype'
    ? `forbidden key "${key}"`
    : 'unknown field';
}

/** zod's issues in this module's words (schema-level messages such as the id rule win). */
const errorMap = (iss: z.core.$ZodRawIssue): string | undefined => {
  const input: unknown = iss.input;
  switch (iss.code) {
    case 'invalid_type':
      return input === undefined ? 'missing (required)' : `expected ${iss.expected}, got ${describe(input)}`;
    case 'too_big':
      return typeof input === 'string'
        ? `too long: ${input.length} characters, at most ${iss.maximum}`
        : Array.isArray(input)
          ? `${input.length} items; at most ${iss.maximum}`
          : undefined;
    case 'too_small':
      return typeof input === 'string'
        ? iss.minimum === 1
          ? 'is empty'
          : `too short: ${input.length} characters, at least ${iss.minimum}`
        : Array.isArray(input)
          ? `needs at least ${iss.minimum} item(s)`
          : undefined;
    case 'invalid_value':
      return `expected one of ${iss.values.map((v) => JSON.stringify(v)).join(', ')}; got ${describe(input)}`;
    default:
      return undefined;
  }
};

/** zod's problems with one entity, except at paths the pack rules already explained. */
function zodProblems(
  e: unknown,
  prefix: string,
  report: (path: string, message: string) => void,
  explained: Set<string>,
): PackEntity | null {
  const parsed = packEntitySchema.safeParse(e, { error: errorMap });
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) report(joinPath(prefix, [...issue.path, key]), keyProblem(key));
      continue;
    }
    const path = joinPath(prefix, issue.path);
    if (!explained.has(path)) report(path, issue.message);
  }
  return null;
}

/** Where each entity links (related, facts): [path, target id]. */
function linksOf(e: PackEntity, p: string): [string, string][] {
  const out: [string, string][] = [];
  const f = e.facts;
  for (const k of ['location', 'parent', 'predecessor', 'successor'] as const)
    if (f[k]) out.push([`${p}.facts.${k}`, f[k]]);
  f.participants?.forEach((x, i) => out.push([`${p}.facts.participants[${i}]`, x]));
  f.offices?.forEach((o, i) => o.organization && out.push([`${p}.facts.offices[${i}].organization`, o.organization]));
  e.related.forEach((x, i) => out.push([`${p}.related[${i}]`, x]));
  return out;
}

export function packStats(entities: readonly PackEntity[]): PackStats {
  const languages = Object.fromEntries(LANGS.map((l) => [l, 0])) as Record<Lang, number>;
  let aliases = 0;
  for (const e of entities) {
    for (const l of LANGS) {
      const n = e.names[l];
      if (!n) continue;
      languages[l]++;
      aliases += 1 + (n.short ? 1 : 0) + n.aliases.length;
    }
  }
  return { entities: entities.length, aliases, languages };
}

function checkEnvelope(root: Record<string, unknown>, add: ProblemList['add']): boolean {
  if (root.format === undefined) {
    const hint =
      isObj(root.entities) || typeof root.type === 'string' || isObj(root.labels)
        ? ' (this looks like Wikidata JSON: use the Wikidata import)'
        : '';
    add('format', `missing: a pack starts with "format": "${PACK_FORMAT}"${hint}`);
    return false;
  }
  if (root.format !== PACK_FORMAT) {
    add(
      'format',
      `unknown format ${typeof root.format === 'string' ? quote(root.format) : describe(root.format)}; expected "${PACK_FORMAT}"`,
    );
    return false;
  }
  if (root.version !== PACK_VERSION) {
    const got =
      typeof root.version === 'number'
        ? `version ${root.version} is not supported`
        : `expected a version number, got ${describe(root.version)}`;
    add('version', `${got}; this version of Context Lens reads pack version ${PACK_VERSION}`);
    return false;
  }
  for (const key of Object.keys(root)) if (!ROOT_KEYS.has(key)) add(key, keyProblem(key));
  const textField = (key: string, max: number, required: boolean, multiline: boolean): void => {
    const v = root[key];
    if (v === undefined) return required ? add(key, 'missing (required)') : undefined;
    if (typeof v !== 'string') return add(key, `expected a string, got ${describe(v)}`);
    if (v.length > max) return add(key, `too long: ${v.length} characters, at most ${max}`);
    if (required && v.trim() === '') return add(key, 'is empty');
    const why = plainTextProblem(v, multiline);
    if (why) add(key, why);
  };
  const id = root.id;
  if (typeof id !== 'string')
    add('id', id === undefined ? 'missing (required)' : `expected a string, got ${describe(id)}`);
  else if (id.length > PACK_LIMITS.packId)
    add('id', `too long: ${id.length} characters, at most ${PACK_LIMITS.packId}`);
  else if (!PACK_ID.test(id))
    add('id', plainTextProblem(id) ?? `expected a kebab-case slug such as "my-organizations", got ${quote(id)}`);
  textField('name', PACK_LIMITS.packName, true, false);
  textField('description', PACK_LIMITS.packDescription, false, true);
  const created = root.createdAt;
  if (created !== undefined && !(typeof created === 'string' && created.length <= 40 && CREATED_AT.test(created))) {
    add(
      'createdAt',
      `expected an ISO 8601 date or date-time such as "2025-06-01" or "2025-06-01T12:00:00Z", got ${describe(created)}`,
    );
  }
  const entities = root.entities;
  if (!Array.isArray(entities)) {
    add(
      'entities',
      entities === undefined
        ? 'missing (required): the list of entities'
        : `expected an array of entities, got ${describe(entities)}`,
    );
    return false;
  }
  if (entities.length === 0) {
    add('entities', 'the pack is empty: it has no entities');
    return false;
  }
  if (entities.length > PACK_LIMITS.entities) {
    add(
      'entities',
      `${entities.length.toLocaleString('en')} entities; a pack holds at most ${PACK_LIMITS.entities.toLocaleString('en')}`,
    );
    return false;
  }
  return true;
}

/** Validates an already-parsed pack object (the Wikidata import uses it on what it builds). */
export function validatePack(root: unknown, options: ParsePackOptions = {}): PackResult {
  const problems = new ProblemList(options.maxProblems ?? 200);
  const fail = (conflicts: PackConflict[] = []): PackResult => ({
    ok: false,
    problems: problems.list,
    problemCount: problems.count,
    conflicts,
  });
  if (!isObj(root)) {
    const hint = Array.isArray(root) ? ' (a JSON array is a Wikidata dump? use the Wikidata import)' : '';
    problems.add('(root)', `expected a pack object {"format": "${PACK_FORMAT}", …}, got ${describe(root)}${hint}`);
    return fail();
  }
  if (!checkEnvelope(root, problems.add)) return fail();

  const raw = root.entities as unknown[];
  const entities: PackEntity[] = [];
  const firstIndex = new Map<string, number>();
  for (let i = 0; i < raw.length; i++) {
    const e = raw[i];
    const prefix = (): string => `entities[${i}]`;
    let explained: Set<string> | null = null;
    const sourcesOk = packRuleProblems(e, prefix, (path, message) => {
      (explained ??= new Set()).add(path);
      problems.add(path, message);
    });
    const valid = fastEntityValid(e, sourcesOk)
      ? (e as PackEntity)
      : zodProblems(e, prefix(), problems.add, explained ?? new Set());
    const id = isObj(e) ? e.id : undefined;
    if (typeof id === 'string' && id.length <= PACK_LIMITS.entityId) {
      const first = firstIndex.get(id);
      if (first === undefined) firstIndex.set(id, i);
      else problems.add(`${prefix()}.id`, `duplicate id ${quote(id)} (also entities[${first}])`);
    }
    if (valid && explained === null) entities.push(valid);
  }

  const bundled = options.bundledIds ?? new Set<string>();
  const conflicts: PackConflict[] = [];
  for (const [id, index] of firstIndex) if (bundled.has(id)) conflicts.push({ id, index });
  const override = options.override ?? 'ask';
  if (override === false) {
    for (const c of conflicts)
      problems.add(`entities[${c.index}].id`, `${quote(c.id)} is already in the bundled dataset (override is off)`);
  }
  for (const e of entities) {
    const p = `entities[${firstIndex.get(e.id)}]`;
    for (const [path, target] of linksOf(e, p)) {
      if (target === e.id) problems.add(path, 'links to itself');
      else if (!firstIndex.has(target) && !bundled.has(target))
        problems.add(path, `links to unknown id ${quote(target)} (not in this pack or the bundled dataset)`);
    }
  }
  if (problems.count > 0) return fail(conflicts);

  const pack: Pack = {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    id: root.id as string,
    name: root.name as string,
    entities,
  };
  if (root.description !== undefined) pack.description = root.description as string;
  if (root.createdAt !== undefined) pack.createdAt = root.createdAt as string;
  return {
    ok: true,
    pack,
    conflicts,
    needsConfirmation: override === 'ask' && conflicts.length > 0,
    stats: packStats(entities),
  };
}

/** Parses and validates the text of a pack file (a leading byte order mark is ignored, as browsers do). */
export function parsePack(text: string, options: ParsePackOptions = {}): PackResult {
  const problems = new ProblemList(options.maxProblems ?? 200);
  const fail = (): PackResult => ({ ok: false, problems: problems.list, problemCount: problems.count, conflicts: [] });
  if (typeof text !== 'string') {
    problems.add('(file)', `expected the text of a file, got ${describe(text)}`);
    return fail();
  }
  if (text.length > PACK_LIMITS.textLength) {
    problems.add(
      '(file)',
      `the file is too large: ${Math.round(text.length / 1048576)} MB, at most ${PACK_LIMITS.textLength / 1048576} MB`,
    );
    return fail();
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    problems.add('(file)', 'the file is empty');
    return fail();
  }
  const json = parseJson(body);
  if (!json.ok) {
    problems.add('(file)', json.message);
    return fail();
  }
  return validatePack(json.value, options);
}

/** The pack without the given entity ids ("skip the conflicting ones"). */
export function dropEntities(pack: Pack, ids: Iterable<string>): Pack {
  const drop = new Set(ids);
  return { ...pack, entities: pack.entities.filter((e) => !drop.has(e.id)) };
}
