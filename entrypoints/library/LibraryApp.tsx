import { DismissalList } from '../../components/DismissalList';
import { useEffect, useState } from 'preact/hooks';
import type { i18n } from 'i18next';
import { SettingsControls } from '../../components/SettingsControls';
import { settingsStore } from '../../platform/settings';
import { fetchEntities } from '../../platform/entities';
import { EntityPanel } from '../../components/EntityPanel';
import { translatorOf } from '../../lib/i18n-resources';
import type { Lang } from '../../lib/dataset/basics';
import { SavedLibrary } from './SavedLibrary';
import { PacksPanel } from './PacksPanel';
import { StorageNotice } from './StorageNotice';

/** `library.html#entity=ID` opens one entity (the card's "Open in library" link). */
function entityIdFromHash(): string | null {
  return new URLSearchParams(location.hash.slice(1)).get('entity');
}

export function LibraryApp({ i18n, contentLang }: { i18n: i18n; contentLang: Lang }) {
  const t = translatorOf(i18n);
  const [entityId, setEntityId] = useState(entityIdFromHash);
  useEffect(() => {
    const onHash = () => setEntityId(entityIdFromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const openEntity = (id: string | null) => {
    location.hash = id ? `entity=${encodeURIComponent(id)}` : '';
  };

  const uiLang = i18n.language as Lang;
  return (
    <main class="library" data-testid="library">
      <header class="top">
        <h1>{t('library.title')}</h1>
        <nav aria-label={t('library.sections')}>
          <a href="#saved-heading">{t('library.savedPages')}</a>
          <a href="#packs-heading">{t('packs.title')}</a>
          <a href="#settings-heading">{t('library.settings')}</a>
        </nav>
      </header>
      {entityId && (
        <section class="entity" data-testid="library-entity">
          <EntityPanel
            fetchEntities={fetchEntities}
            id={entityId}
            t={t}
            uiLang={uiLang}
            contentLang={contentLang}
            onPick={openEntity}
            onClose={() => openEntity(null)}
          />
        </section>
      )}
      <SavedLibrary t={t} uiLang={uiLang} contentLang={contentLang} />
      <StorageNotice t={t} />
      <PacksPanel
        t={t}
        formatDate={(iso) => new Intl.DateTimeFormat(uiLang, { dateStyle: 'medium' }).format(new Date(iso))}
      />
      <section aria-labelledby="settings-heading">
        <h2 id="settings-heading">{t('library.settings')}</h2>
        <SettingsControls t={t} settings={settingsStore} detailed />
        <DismissalList t={t} settings={settingsStore} />
      </section>
    </main>
  );
}
