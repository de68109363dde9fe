/**
 * What the library says about keeping the reader's notes: that they are kept, or that the
 * browser may delete them under disk pressure, with a way to ask again and the advice to export.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '../../lib/i18n-resources';
import { askToKeepStorage, storageProtection, type StorageProtection } from '../../platform/storage-protection';

type State = StorageProtection | 'asking' | 'refused';

export function StorageNotice({
  t,
  check = storageProtection,
  ask = () => askToKeepStorage(true),
}: {
  t: Translate;
  check?: () => Promise<StorageProtection>;
  ask?: () => Promise<boolean>;
}) {
  const [state, setState] = useState<State | null>(null);
  useEffect(() => {
    void check().then(setState);
  }, [check]);
  if (state === null) return null;
  if (state === 'kept') {
    return (
      <p class="storage-kept" data-testid="storage-state" data-state="kept">
        {t('library.storageKept')}
      </p>
    );
  }
  return (
    <div class="storage-at-risk" role="status" data-testid="storage-state" data-state={state}>
      <p>{t(state === 'refused' ? 'library.storageRefused' : 'library.storageAtRisk')}</p>
      <button
        type="button"
        data-testid="storage-ask"
        disabled={state === 'asking'}
        onClick={async () => {
          setState('asking');
          setState((await ask()) ? 'kept' : 'refused');
        }}
      >
        {t('library.storageAsk')}
      </button>
    </div>
  );
}
