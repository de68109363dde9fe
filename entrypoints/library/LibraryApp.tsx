import { useEffect, useState } from 'preact/hooks';
import type { i18n } from 'i18next';
import { EntityCard } from '../../components/EntityCard';
import { SettingsControls } from '../../components/SettingsControls';
import { entityView } from '../../lib/entity-view';
import { translatorOf } from '../../lib/i18n-resources';
import type { Entity, Lang } from '../../lib/dataset/schema';
import { fetchEntities } from '../../platform/entities';

/** `library.html#entity=ID` opens one entity (the card's "Open in library" link). */
function entityIdFromHash(): string | null {
  return new URLSearchParams(location.hash.slice(1)).get('entity');
}

async function fetchEntity(id: string): Promise<Entity | null> {
  return (await fetchEntities([id])).get(id) ?? null;
}

export function LibraryApp({ i18n, contentLang }: { i18n: i18n; contentLang: Lang }) {
  const t = translatorOf(i18n);
  const [entityId, setEntityId] = useState(entityIdFromHash);
  const [entity, setEntity] = useState<Entity | null | undefined>(undefined);
  useEffect(() => {
    const onHash = () => setEntityId(entityIdFromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    if (!entityId) return setEntity(undefined);
    void fetchEntity(entityId).then(setEntity);
  }, [entityId]);

  const uiLang = i18n.language as Lang;
  return (
    <main class="library" data-testid="library">
      <h1>{t('library.title')}</h1>
      {entityId && entity === null && <p role="alert">{t('card.missing')}</p>}
      {entity && (
        <EntityCard
          view={entityView(entity, contentLang, uiLang, {
            present: t('card.present'),
            founded: (date) => t('card.founded', { date }),
            born: (date) => t('card.born', { date }),
          })}
          t={t}
          uiLang={uiLang}
        />
      )}
      <p class="empty">{t('library.empty')}</p>
      <h2>{t('library.settings')}</h2>
      <SettingsControls t={t} detailed />
    </main>
  );
}
