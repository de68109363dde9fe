/**
 * `npm run accuracy`: precision and recall of the engine on the judged set (tests/accuracy/set/),
 * per language and per error class, next to the floors in tests/accuracy/floors.json.
 *   --lang xx     only one language
 *   --explain     list, per passage, the highlights not judged yet and the expected mentions missed
 *   --sources     compile the matcher from data/entities instead of using the build's
 * Exits 1 when a language falls below its floor (CI runs it): floors only go up.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findMentions } from '../lib/match';
import { languageRunsOfText } from '../lib/lang/runs';
import { LANGS, type Lang } from '../lib/dataset/basics';
import {
  addTally,
  emptyTally,
  passageSchema,
  precision,
  recall,
  scorePassage,
  ERROR_CLASSES,
  type Tally,
} from '../lib/accuracy/score';
import { loadDataset } from './load-dataset';

const ROOT = join(import.meta.dirname, '..');
const SET = join(ROOT, 'tests/accuracy/set');
const args = process.argv.slice(2);
const only = args.includes('--lang') ? (args[args.indexOf('--lang') + 1] as Lang) : null;
const explain = args.includes('--explain');

interface Floors {
  precision: Partial<Record<Lang, number>>;
  recall: Partial<Record<Lang, number>>;
}

function main(): number {
  const { matcher } = loadDataset({ fromSources: args.includes('--sources') });
  const floors = JSON.parse(readFileSync(join(ROOT, 'tests/accuracy/floors.json'), 'utf8')) as Floors;
  const byLang = Object.fromEntries(LANGS.map((l) => [l, emptyTally()])) as Record<Lang, Tally>;
  const passages = Object.fromEntries(LANGS.map((l) => [l, 0])) as Record<Lang, number>;
  let problems = 0;
  for (const file of readdirSync(SET)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const raw = JSON.parse(readFileSync(join(SET, file), 'utf8')) as unknown[];
    raw.forEach((item, i) => {
      const parsed = passageSchema.safeParse(item);
      if (!parsed.success) {
        console.error(
          `${file}[${i}]: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`,
        );
        problems++;
        return;
      }
      const p = parsed.data;
      if (only && p.lang !== only) return;
      // Each passage is read as a page declaring its language (lang attribute) would be.
      const scored = scorePassage(p, findMentions(matcher, p.text, languageRunsOfText(p.text, p.lang)));
      addTally(byLang[p.lang], scored.tally);
      passages[p.lang]++;
      for (const b of scored.broken) {
        console.error(`${file}[${i}]: ${b} is not in the passage`);
        problems++;
      }
      if (explain && (scored.unjudged.length || scored.missed.length)) {
        console.log(`\n${file}[${i}] (${p.source})`);
        for (const u of scored.unjudged) console.log(`  unjudged  "${u.text}" #${u.occurrence} → ${u.id}`);
        for (const m of scored.missed)
          console.log(`  missed    "${m.text}" #${m.occurrence} → ${m.id}${m.got ? ` (got ${m.got})` : ''}`);
      }
    });
  }
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(6);
  const all = emptyTally();
  console.log('\nlang  passages  highlights  precision (floor)   expected  recall (floor)   errors');
  let below = 0;
  for (const lang of LANGS) {
    const t = byLang[lang];
    if (only && lang !== only) continue;
    addTally(all, t);
    const pf = floors.precision[lang] ?? 0;
    const rf = floors.recall[lang] ?? 0;
    const bad = precision(t) + 1e-9 < pf || recall(t) + 1e-9 < rf;
    if (bad) below++;
    const errors = [...ERROR_CLASSES, 'unjudged' as const]
      .filter((c) => t.errors[c])
      .map((c) => `${c} ${t.errors[c]}`)
      .join(', ');
    console.log(
      `${lang}    ${String(passages[lang]).padStart(8)}  ${String(t.highlights).padStart(10)}  ${pct(precision(t))} (${pct(pf)})  ${String(t.expected).padStart(8)}  ${pct(recall(t))} (${pct(rf)})   ${errors}${bad ? '   BELOW FLOOR' : ''}`,
    );
  }
  console.log(
    `all   ${String(Object.values(passages).reduce((a, b) => a + b, 0)).padStart(8)}  ${String(all.highlights).padStart(10)}  ${pct(precision(all))}           ${String(all.expected).padStart(8)}  ${pct(recall(all))}`,
  );
  if (problems) console.error(`\n${problems} problem(s) in the set`);
  if (below) console.error(`\n${below} language(s) below their floor`);
  return problems || below ? 1 : 0;
}

process.exit(main());
