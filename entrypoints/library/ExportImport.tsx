/**
 * Export of the current selection (W3C Web Annotation JSON-LD, Markdown, CSV) and import of a
 * JSON-LD export: validated first, then merged in one transaction, with a report either way.
 */
import { useState } from 'preact/hooks';
import type { Annotation, SavedPage } from '../../lib/annotations/model';
import { toCsv, toJsonLd, toMarkdown } from '../../lib/annotations/export';
import { parseAnyImport } from '../../lib/annotations/import';
import type { Translate } from '../../lib/i18n-resources';
import { importIntoLibrary, LibraryError } from '../../platform/library-store';
import { announceLibraryChange } from '../../platform/library-signal';
import { libraryDb } from './library-db';
import { downloadText } from './download';
import { ProblemList } from './ProblemList';

const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

type Outcome =
  | {
      kind: 'report';
      added: number;
      updated: number;
      unchanged: number;
      skipped: number;
      notAnchored: { path: string; message: string }[];
    }
  | { kind: 'problems'; problems: { path: string; message: string }[] }
  | { kind: 'error'; text: string };

export function ExportImport(props: {
  t: Translate;
  pages: SavedPage[];
  annotations: Annotation[];
  nameOf: (id: string) => string | undefined;
}) {
  const { t, pages, annotations, nameOf } = props;
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const stamp = new Date().toISOString().slice(0, 10);
  const empty = pages.length === 0 && annotations.length === 0;

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) return setOutcome({ kind: 'error', text: t('library.importTooBig') });
    setBusy(true);
    try {
      const parsed = parseAnyImport(await file.text());
      if (!parsed.ok) return setOutcome({ kind: 'problems', problems: parsed.problems });
      const report = await importIntoLibrary(libraryDb(), { pages: parsed.pages, annotations: parsed.annotations });
      await announceLibraryChange();
      setOutcome({ kind: 'report', ...report, notAnchored: parsed.skipped ?? [] });
    } catch (error) {
      const reason = error instanceof LibraryError ? error.reason : 'failed';
      setOutcome({ kind: 'error', text: t(`library.importError.${reason}`) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="export-import" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('library.exportImport')}</h2>
      <p class="row">
        <button
          type="button"
          disabled={empty}
          onClick={() =>
            downloadText(`context-lens-${stamp}.jsonld`, 'application/ld+json', toJsonLd(pages, annotations, nameOf))
          }
          data-testid="export-jsonld"
        >
          {t('library.exportJsonLd')}
        </button>
        <button
          type="button"
          disabled={empty}
          onClick={() =>
            downloadText(`context-lens-${stamp}.md`, 'text/markdown', toMarkdown(pages, annotations, nameOf))
          }
          data-testid="export-markdown"
        >
          {t('library.exportMarkdown')}
        </button>
        <button
          type="button"
          disabled={empty}
          onClick={() => downloadText(`context-lens-${stamp}.csv`, 'text/csv', toCsv(pages, annotations, nameOf))}
          data-testid="export-csv"
        >
          {t('library.exportCsv')}
        </button>
        <label class="file">
          {t('library.import')}
          <input
            type="file"
            accept=".jsonld,.json,application/ld+json,application/json"
            disabled={busy}
            onChange={(e) => {
              const input = e.currentTarget;
              void importFile(input.files?.[0]).then(() => (input.value = ''));
            }}
            data-testid="import-file"
          />
        </label>
      </p>
      <p class="hint">{t('library.exportHint', { pages: pages.length, notes: annotations.length })}</p>
      {busy && <p aria-busy="true">{t('library.importing')}</p>}
      {outcome?.kind === 'report' && (
        <p role="status" data-testid="import-report">
          {t('library.importReport', {
            added: outcome.added,
            updated: outcome.updated,
            unchanged: outcome.unchanged,
            skipped: outcome.skipped,
          })}
        </p>
      )}
      {outcome?.kind === 'report' && outcome.notAnchored.length > 0 && (
        <ProblemList
          summary={t('library.importNotAnchored', { count: outcome.notAnchored.length })}
          problems={outcome.notAnchored}
          max={50}
          testId="import-not-anchored"
        />
      )}
      {outcome?.kind === 'error' && (
        <p role="alert" data-testid="import-error">
          {outcome.text}
        </p>
      )}
      {outcome?.kind === 'problems' && (
        <ProblemList
          summary={t('library.importRefused', { count: outcome.problems.length })}
          problems={outcome.problems}
          max={50}
          testId="import-problems"
        />
      )}
    </section>
  );
}
