/**
 * Offices, not guesses: a title ("Secretary-General", 秘书长, «Генеральный секретарь») names
 * the holder the document names, and the office itself when it names none. At compile time
 * every form of an office's names becomes a contextual alias of each of its holders (so a holder
 * is a candidate only where the document names them in full); ranking puts a named holder
 * before the office (rank.ts). Nothing is added to the dataset files.
 */
import type { Alias, Entity, Lang } from '../dataset/schema';

// Not the schema's LANGS: the engine never loads zod at run time (the content script ships it).
const LANGS: readonly Lang[] = ['en', 'fr', 'es', 'ru', 'zh', 'ar'];

const NOTE = 'An office title: resolved to the holder the document names, else to the office.';

export function withOfficeTitles(entities: Entity[]): Entity[] {
  const offices = new Map<string, Entity>();
  for (const e of entities) if (e.kind === 'office') offices.set(e.id, e);
  if (offices.size === 0) return entities;
  return entities.map((e) => {
    const held = [...new Set((e.facts.offices ?? []).flatMap((o) => (o.office && offices.has(o.office) ? [o.office] : [])))];
    if (held.length === 0) return e;
    const names = { ...e.names };
    for (const lang of LANGS) {
      const own = names[lang];
      const seen = new Set(own.aliases.map((a) => a.text));
      const titles: Alias[] = [];
      for (const id of held) {
        const office = offices.get(id)!.names[lang];
        const forms: Alias[] = [{ text: office.name }, ...(office.short ? [{ text: office.short }] : []), ...office.aliases];
        for (const form of forms) {
          if (seen.has(form.text)) continue;
          seen.add(form.text);
          titles.push({ text: form.text, ...(form.caseSensitive ? { caseSensitive: true } : {}), contextual: true, note: NOTE });
        }
      }
      names[lang] = { ...own, aliases: [...own.aliases, ...titles] };
    }
    return { ...e, names };
  });
}
