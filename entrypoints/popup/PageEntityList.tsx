/**
 * The entities found on the tab, grouped by kind with mention counts. Activating a name scrolls
 * the page to its first mention and flashes it; the arrows step through its other mentions.
 */
import { useState } from 'preact/hooks';
import { KINDS, type Lang } from '../../lib/dataset/basics';
import { displayName } from '../../lib/entity-view';
import type { Translate } from '../../lib/i18n-resources';
import type { PageEntity } from './page-entities';
import { sendToTab } from '../../platform/messaging';

interface Position {
  id: string;
  position: number;
  total: number;
}

export function PageEntityList(props: {
  t: Translate;
  tabId: number;
  entities: PageEntity[];
  contentLang: Lang;
  onOpen: (id: string) => void;
}) {
  const { t, tabId, entities, contentLang } = props;
  const [at, setAt] = useState<Position | null>(null);
  const reveal = async (id: string, direction: 'first' | 'next' | 'previous') => {
    const reply = await sendToTab(tabId, 'mention:reveal', { id, direction });
    setAt(reply?.ok ? { id, position: reply.position, total: reply.total } : null);
  };
  return (
    <section data-testid="page-entities" aria-label={t('popup.onThisPage')}>
      {KINDS.map((kind) => {
        const ofKind = entities.filter((e) => e.kind === kind);
        if (ofKind.length === 0) return null;
        return (
          <div key={kind} class="group">
            <h2>{t(`kindPlural.${kind}`)}</h2>
            <ul>
              {ofKind.map(({ entity, count }) => {
                const name = displayName(entity, contentLang);
                const here = at?.id === entity.id ? at : null;
                return (
                  <li key={entity.id} data-entity={entity.id}>
                    <button
                      type="button"
                      class="name"
                      onClick={() => void reveal(entity.id, 'first')}
                      title={t('popup.showOnPage')}
                    >
                      <bdi>{name}</bdi>
                    </button>
                    <span class="count" aria-label={t('popup.mentionCount', { count })}>
                      {here
                        ? t('popup.position', { position: here.position, total: here.total })
                        : t('popup.number', { value: count })}
                    </span>
                    <span class="steps">
                      <button
                        type="button"
                        aria-label={t('popup.previousOf', { name })}
                        onClick={() => void reveal(entity.id, 'previous')}
                        data-testid="mention-previous"
                      >
                        ‹
                      </button>
                      <button
                        type="button"
                        aria-label={t('popup.nextOf', { name })}
                        onClick={() => void reveal(entity.id, 'next')}
                        data-testid="mention-next"
                      >
                        ›
                      </button>
                      <button
                        type="button"
                        class="about"
                        aria-label={t('popup.aboutEntity', { name })}
                        onClick={() => props.onOpen(entity.id)}
                        data-testid="entity-open"
                      >
                        i
                      </button>
                    </span>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
