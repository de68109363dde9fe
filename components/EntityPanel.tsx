/**
 * One entity shown by id with the card component, outside a page (popup and library): fetches
 * the record and its related entities' names, and lets the reader follow related links.
 */
import { useEffect, useState } from 'preact/hooks';
import { EntityCard } from './EntityCard';
import { displayName, entityView, viewLabels } from '../lib/entity-view';
import type { Translate } from '../lib/i18n-resources';
import type { Entity, Lang } from '../lib/dataset/schema';

interface Loaded {
  entity: Entity | null;
  related: { id: string; name: string }[];
}

/** Reads entity records by id (the extension's database, or a test's map). */
export type FetchEntities = (ids: string[]) => Promise<Map<string, Entity>>;

export function EntityPanel(props: {
  id: string;
  t: Translate;
  uiLang: Lang;
  contentLang: Lang;
  fetchEntities: FetchEntities;
  onPick?: (id: string) => void;
  onClose?: () => void;
  onOpenLibrary?: () => void;
}) {
  const { id, t, uiLang, contentLang, fetchEntities } = props;
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined);
  useEffect(() => {
    let live = true;
    setLoaded(undefined);
    void (async () => {
      const entity = (await fetchEntities([id])).get(id) ?? null;
      const relatedRecords =
        entity && entity.related.length ? await fetchEntities(entity.related.slice(0, 12)) : new Map<string, Entity>();
      const related = [...relatedRecords.values()].map((r) => ({ id: r.id, name: displayName(r, contentLang) }));
      if (live) setLoaded({ entity, related });
    })();
    return () => {
      live = false;
    };
  }, [id, contentLang, fetchEntities]);

  if (loaded === undefined) return <p aria-busy="true">{t('card.loading')}</p>;
  if (!loaded.entity) return <p role="alert">{t('card.missing')}</p>;
  const view = entityView(loaded.entity, contentLang, uiLang, viewLabels(t));
  return (
    <EntityCard
      view={view}
      t={t}
      uiLang={uiLang}
      related={loaded.related}
      onPick={props.onPick}
      onClose={props.onClose}
      onOpenLibrary={props.onOpenLibrary}
    />
  );
}
