/** What `npm run data:build` prints: entities per kind and completeness per language. */
import { KINDS, LANGS, type Entity } from './schema';

export function datasetReport(entities: Entity[]): string {
  const lines: string[] = [];
  const perKind = KINDS.map((k) => `${k} ${entities.filter((e) => e.kind === k).length}`);
  lines.push(`entities: ${entities.length} (${perKind.join(', ')})`);
  lines.push('lang  names  summaries  short  aliases');
  for (const lang of LANGS) {
    const named = entities.filter((e) => e.names[lang].name.trim()).length;
    const summarized = entities.filter((e) => e.names[lang].summary.trim().length >= 20).length;
    const short = entities.filter((e) => e.names[lang].short).length;
    const aliases = entities.reduce((n, e) => n + e.names[lang].aliases.length, 0);
    const pct = (n: number) => `${entities.length ? Math.round((100 * n) / entities.length) : 100}%`.padStart(5);
    lines.push(
      `${lang.padEnd(4)} ${pct(named)}  ${pct(summarized).padStart(9)}  ${String(short).padStart(5)}  ${String(aliases).padStart(7)}`,
    );
  }
  return lines.join('\n');
}
