/**
 * Entity packs: import a pack file or Wikidata JSON (validated and installed in a worker, with
 * progress), answer about ids shared with the bundled dataset, then enable, disable, export or
 * remove packs. Every change rebuilds the matcher and the search data in workers and reaches open tabs.
 */
import { useEffect, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import { KINDS, type Kind } from '../../lib/dataset/basics';
import type { Translate } from '../../lib/i18n-resources';
import type { PackRow } from '../../platform/db';
import { exportPack, listPacks, removePack, setPackEnabled } from '../../platform/packs-store';
import { announceMatcher } from '../../platform/matcher-transfer';
import { libraryDb } from './library-db';
import { downloadText } from './download';
import { ProblemList } from './ProblemList';
import { decide, importPack, onPackEvent, rebuildPacks, type PackEvent } from './pack-worker-client';
import type { PackSource } from './pack-messages';

const MAX_PACK_BYTES = 200 * 1024 * 1024;

type Shown = Exclude<PackEvent, { type: 'progress' }> | { type: 'tooBig' } | null;

export function PacksPanel({ t, formatDate }: { t: Translate; formatDate: (iso: string) => string }) {
  const [packs, setPacks] = useState<PackRow[] | undefined>(undefined);
  const [source, setSource] = useState<PackSource>('pack');
  const [defaultKind, setDefaultKind] = useState<Kind | ''>('');
  const [progress, setProgress] = useState<Extract<PackEvent, { type: 'progress' }> | null>(null);
  const [shown, setShown] = useState<Shown>(null);
  useEffect(() => {
    const sub = liveQuery(() => listPacks(libraryDb())).subscribe({ next: setPacks, error: () => setPacks([]) });
    const stop = onPackEvent((event) => {
      if (event.type === 'progress') return setProgress(event);
      if (event.type === 'installed' || event.type === 'rebuilt') void announceMatcher(event.figures.version);
      if (event.type !== 'confirm') setProgress(null);
      setShown(event);
    });
    return () => {
      sub.unsubscribe();
      stop();
    };
  }, []);

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_PACK_BYTES) return setShown({ type: 'tooBig' });
    setShown(null);
    setProgress({ type: 'progress', stage: 'parsing' });
    importPack(file, {
      source,
      ...(defaultKind ? { defaultKind } : {}),
      packName: file.name.replace(/\.[^.]+$/, '').slice(0, 100),
    });
  };
  const change = async (action: () => Promise<unknown>) => {
    await action();
    setProgress({ type: 'progress', stage: 'reading' });
    rebuildPacks();
  };
  const download = async (id: string) => {
    const pack = await exportPack(libraryDb(), id);
    if (pack) downloadText(`${pack.id}.pack.json`, 'application/json', JSON.stringify(pack, null, 2));
  };
  const busy = progress !== null || shown?.type === 'confirm';

  return (
    <section class="packs" aria-labelledby="packs-heading" data-testid="packs">
      <h2 id="packs-heading">{t('packs.title')}</h2>
      <p class="hint">
        {t('packs.intro')}{' '}
        <a
          href={browser.runtime.getURL('/pack-format.html')}
          target="_blank"
          rel="noreferrer"
          data-testid="pack-format-link"
        >
          {t('packs.formatLink')}
        </a>
      </p>
      <div class="row">
        <label>
          {t('packs.source')}
          <select
            value={source}
            onChange={(e) => setSource(e.currentTarget.value as PackSource)}
            data-testid="pack-source"
          >
            <option value="pack">{t('packs.sourcePack')}</option>
            <option value="wikidata">{t('packs.sourceWikidata')}</option>
          </select>
        </label>
        {source === 'wikidata' && (
          <label>
            {t('packs.defaultKind')}
            <select
              value={defaultKind}
              onChange={(e) => setDefaultKind(e.currentTarget.value as Kind | '')}
              data-testid="pack-default-kind"
            >
              <option value="">{t('packs.skipUnknown')}</option>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kind.${k}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label class="file">
          {t('packs.importFile')}
          <input
            type="file"
            accept=".json,application/json"
            disabled={busy}
            onChange={(e) => {
              const input = e.currentTarget;
              void importFile(input.files?.[0]).then(() => (input.value = ''));
            }}
            data-testid="pack-file"
          />
        </label>
      </div>
      {progress && (
        <p class="progress" role="status" data-testid="pack-progress">
          <span>{t(`packs.stage.${progress.stage}`)}</span>{' '}
          <progress max={progress.total ?? 1} value={progress.total ? progress.done : undefined} />
          {progress.total ? ` ${t('packs.progressCount', { done: progress.done ?? 0, total: progress.total })}` : ''}
        </p>
      )}
      <PackOutcome t={t} shown={shown} onDecide={decide} />
      {packs && packs.length === 0 && <p class="empty">{t('packs.none')}</p>}
      {packs && packs.length > 0 && (
        <ul class="pack-list">
          {packs.map((p) => (
            <li key={p.id} data-testid="pack" data-pack={p.id}>
              <label>
                <input
                  type="checkbox"
                  checked={p.enabled}
                  disabled={busy}
                  onChange={(e) => void change(() => setPackEnabled(libraryDb(), p.id, e.currentTarget.checked))}
                  data-testid="pack-enabled"
                />
                <strong dir="auto">{p.name}</strong>
              </label>
              <span class="meta">
                {t('packs.entities', { count: p.entities })} · {formatDate(p.installedAt)}
                {p.overrides && ` · ${t('packs.overrides')}`}
              </span>
              <button type="button" class="link" onClick={() => void download(p.id)} data-testid="pack-export">
                {t('packs.export')}
              </button>
              <button
                type="button"
                class="link danger"
                disabled={busy}
                onClick={() =>
                  confirm(t('packs.confirmRemove', { name: p.name })) &&
                  void change(() => removePack(libraryDb(), p.id))
                }
                data-testid="pack-remove"
              >
                {t('packs.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function PackOutcome({
  t,
  shown,
  onDecide,
}: {
  t: Translate;
  shown: Shown;
  onDecide: (choice: 'override' | 'skip' | 'cancel') => void;
}) {
  if (!shown) return null;
  switch (shown.type) {
    case 'tooBig':
      return <p role="alert">{t('packs.tooBig')}</p>;
    case 'confirm':
      return (
        <div class="confirm" role="alertdialog" aria-labelledby="pack-confirm-text" data-testid="pack-confirm">
          <p id="pack-confirm-text">{t('packs.conflicts', { count: shown.count })}</p>
          <p class="ids">{shown.conflicts.join(', ')}</p>
          <div class="row">
            <button type="button" onClick={() => onDecide('skip')} data-testid="pack-skip">
              {t('packs.keepBundled')}
            </button>
            <button type="button" onClick={() => onDecide('override')} data-testid="pack-override">
              {t('packs.useMine')}
            </button>
            <button type="button" onClick={() => onDecide('cancel')}>
              {t('annotate.cancel')}
            </button>
          </div>
        </div>
      );
    case 'problems':
      return (
        <ProblemList
          summary={t('packs.refused', { count: shown.problemCount })}
          problems={shown.problems}
          testId="pack-problems"
        />
      );
    case 'refused':
      return (
        <p role="alert" data-testid="pack-problems">
          {t('packs.sharedWithPack', { ids: shown.ids.map((i) => `${i.id} (${i.pack})`).join(', ') })}
        </p>
      );
    case 'installed':
      return (
        <div
          role="status"
          data-testid="pack-installed"
          data-timings={JSON.stringify({ ...shown.timings, matcherBytes: shown.figures.matcherBytes })}
        >
          <p>
            {t('packs.installed', {
              name: shown.pack.name,
              count: shown.pack.entities,
              seconds: (shown.timings.totalMs / 1000).toFixed(1),
            })}
          </p>
          {shown.notes.length > 0 && (
            <details>
              <summary>{t('packs.notes', { count: shown.notes.length })}</summary>
              <ul>
                {shown.notes.map((n, i) => (
                  <li key={i}>
                    <code>{n.where}</code>: {n.message}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      );
    case 'rebuilt':
      return (
        <p role="status" data-testid="pack-rebuilt">
          {t('packs.rebuilt')}
        </p>
      );
    case 'cancelled':
      return <p role="status">{t('packs.cancelled')}</p>;
    case 'error':
      return <p role="alert">{t(shown.reason === 'quota' ? 'packs.quota' : 'packs.failed')}</p>;
  }
}
