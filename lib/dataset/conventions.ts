/**
 * Convention checks over the whole dataset, beyond what the schema can say about one file.
 * Every problem names the entity, the field and what is wrong; the compiler refuses to write
 * anything while one remains.
 */
import { LANGS, type Entity, type Lang } from './schema';
import { FUNCTION_WORDS, isStopword } from './stopwords';

export interface Problem {
  id: string;
  field: string;
  message: string;
}

/** How an alias collides with another entity's: case folded unless it is an exact-case acronym. */
function aliasKey(text: string, caseSensitive: boolean | undefined): string {
  const squashed = text.normalize('NFKC').replace(/\s+/g, ' ').trim();
  return caseSensitive ? `=${squashed}` : `~${squashed.toLocaleLowerCase()}`;
}

function linkFields(e: Entity): [string, string][] {
  const links: [string, string][] = [];
  const f = e.facts;
  for (const key of ['location', 'parent', 'predecessor', 'successor'] as const) {
    const v = f[key];
    if (v) links.push([`facts.${key}`, v]);
  }
  f.participants?.forEach((p, i) => links.push([`facts.participants[${i}]`, p]));
  f.offices?.forEach((o, i) => {
    if (o.organization) links.push([`facts.offices[${i}].organization`, o.organization]);
    if (o.office) links.push([`facts.offices[${i}].office`, o.office]);
  });
  e.related.forEach((r, i) => links.push([`related[${i}]`, r]));
  return links;
}

export function checkConventions(entities: Entity[]): Problem[] {
  const problems: Problem[] = [];
  const ids = new Map<string, number>();
  for (const e of entities) ids.set(e.id, (ids.get(e.id) ?? 0) + 1);
  for (const [id, n] of ids) if (n > 1) problems.push({ id, field: 'id', message: `duplicate id (${n} entities)` });

  // alias key → entities using it, and whether each use carries a disambiguation note
  const aliasUses = new Map<string, { id: string; field: string; noted: boolean }[]>();
  for (const e of entities) {
    for (const [field, target] of linkFields(e)) {
      if (target === e.id) problems.push({ id: e.id, field, message: 'links to itself' });
      else if (!ids.has(target)) problems.push({ id: e.id, field, message: `links to unknown id "${target}"` });
    }
    if (e.sources.length === 0) problems.push({ id: e.id, field: 'sources', message: 'no source URL' });

    const summaries = new Map<string, Lang>();
    for (const lang of LANGS) {
      const names = e.names[lang];
      const summary = names.summary.trim();
      const twin = summaries.get(summary);
      if (twin) {
        problems.push({
          id: e.id,
          field: `names.${lang}.summary`,
          message: `same text as the ${twin} summary (untranslated copy)`,
        });
      }
      summaries.set(summary, lang);

      const forms: { text: string; caseSensitive?: boolean; contextual?: boolean; note?: string; field: string }[] = [
        { text: names.name, field: `names.${lang}.name` },
        ...(names.short
          ? [
              {
                text: names.short,
                caseSensitive: /^[\p{Lu}\d\s.&-]+$/u.test(names.short),
                field: `names.${lang}.short`,
              },
            ]
          : []),
        ...names.aliases.map((a, i) => ({ ...a, field: `names.${lang}.aliases[${i}]` })),
      ];
      const seenHere = new Set<string>();
      for (const form of forms) {
        // Scripts without case (Chinese, Arabic) cannot mark an acronym; contextual is their only guard.
        const caseless = form.text.toLocaleLowerCase() === form.text.toLocaleUpperCase();
        const acronymOrContextual =
          (form.caseSensitive && (form.contextual || form.text === form.text.toUpperCase())) ||
          (caseless && form.contextual);
        // A capitalized name equal to a function word (Russian «Того», Togo) is allowed: the matcher
        // requires its capital and keeps it from a sentence start, where the word is capitalized too.
        const capitalizedName =
          !caseless &&
          /^\p{Lu}/u.test(form.text.trim()) &&
          FUNCTION_WORDS[lang].has(form.text.trim().toLocaleLowerCase(lang));
        if (isStopword(lang, form.text) && !acronymOrContextual && !capitalizedName) {
          problems.push({
            id: e.id,
            field: form.field,
            message: `"${form.text}" is a common ${lang} word; mark it caseSensitive (acronym) or drop it`,
          });
        }
        const key = aliasKey(form.text, form.caseSensitive);
        if (seenHere.has(key)) continue; // the same form in two languages of one entity is fine
        seenHere.add(key);
        const uses = aliasUses.get(key) ?? [];
        uses.push({ id: e.id, field: form.field, noted: Boolean(form.note) });
        aliasUses.set(key, uses);
      }
    }
  }

  for (const [key, uses] of aliasUses) {
    const owners = new Set(uses.map((u) => u.id));
    if (owners.size < 2) continue;
    for (const use of uses) {
      if (!use.noted && !use.field.endsWith('.name')) {
        const others = [...owners].filter((o) => o !== use.id).join(', ');
        problems.push({
          id: use.id,
          field: use.field,
          message: `"${key.slice(1)}" also names ${others}; add a "note" saying how they differ`,
        });
      }
    }
  }
  return problems;
}
