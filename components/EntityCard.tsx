/**
 * The card shown on hover, in the popup and in the library. Layout only: the data comes
 * ready-made from lib/entity-view.ts. WCAG 1.4.13: the host keeps it open while the pointer is
 * over it, Esc closes it, and it can be pinned.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { EntityView } from '../lib/entity-view';
import { directionOf, type Translate } from '../lib/i18n-resources';
import type { Lang } from '../lib/dataset/basics';
import type { SaveOutcome } from '../lib/protocol';

export interface CardLink {
  id: string;
  name: string;
}

export interface EntityCardProps {
  view: EntityView;
  t: Translate;
  uiLang: Lang;
  related?: CardLink[];
  /** Names of the office's holders (view.holders), by id, once fetched. */
  holderNames?: Record<string, string>;
  candidates?: CardLink[];
  pinned?: boolean;
  onPin?: () => void;
  onClose?: () => void;
  /** Another candidate for the mention (re-identifies it). */
  onPick?: (id: string) => void;
  /** A related entity or a holder, opened as a step from this card (defaults to onPick). */
  onOpenRelated?: (id: string) => void;
  /** Shown on a step: back to the card it was opened from. */
  onBack?: () => void;
  onNotThis?: () => void;
  /** Stop highlighting this name as this entity: on this page, this site or everywhere (hover cards). */
  onDismiss?: (scope: 'page' | 'site' | 'everywhere') => void;
  /** Opens this entity in the library (through the background: pages cannot open extension URLs). */
  onOpenLibrary?: () => void;
  /** Saves this mention to the research library (hover cards only). */
  onSave?: () => Promise<SaveOutcome>;
}

/** Names that open their own card, laid out in the content language's direction. */
function EntityLinks({ links, lang, onPick }: { links: CardLink[]; lang: Lang; onPick?: (id: string) => void }) {
  return (
    <ul lang={lang} dir={directionOf(lang)}>
      {links.map((link) => (
        <li key={link.id}>
          <button type="button" class="link" onClick={() => onPick?.(link.id)}>
            <bdi>{link.name}</bdi>
          </button>
        </li>
      ))}
    </ul>
  );
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function EntityCard(props: EntityCardProps) {
  const { view, t, uiLang } = props;
  const [copied, setCopied] = useState<Lang | null>(null);
  const [saved, setSaved] = useState<SaveOutcome | null>(null);
  const root = useRef<HTMLElement>(null);
  // Another entity in the same card (a step, another candidate) starts at its top.
  useEffect(() => {
    setSaved(null);
    root.current?.scrollTo?.(0, 0);
  }, [view.id]);
  const headingId = `context-lens-card-${view.id}`;
  return (
    <section
      ref={root}
      class="card"
      role="dialog"
      aria-labelledby={headingId}
      lang={uiLang}
      dir={directionOf(uiLang)}
      data-testid="entity-card"
      data-entity={view.id}
    >
      <header class="card-head">
        {props.onBack && (
          <button type="button" class="icon back" onClick={props.onBack} data-testid="card-back">
            {directionOf(uiLang) === 'rtl' ? '›' : '‹'} {t('card.back')}
          </button>
        )}
        <span class={`kind kind-${view.kind}`}>{t(`kind.${view.kind}`)}</span>
        <span class="actions">
          {props.onPin && (
            <button type="button" class="icon" aria-pressed={props.pinned} onClick={props.onPin} data-testid="card-pin">
              {props.pinned ? t('card.unpin') : t('card.pin')}
            </button>
          )}
          {props.onClose && (
            <button
              type="button"
              class="icon"
              aria-label={t('card.close')}
              onClick={props.onClose}
              data-testid="card-close"
            >
              ×
            </button>
          )}
        </span>
      </header>
      <div class="content" lang={view.lang} dir={directionOf(view.lang)}>
        <h2 id={headingId} class="name">
          <bdi>{view.name}</bdi>
          {view.short && view.short !== view.name && (
            <span class="short">
              {' '}
              (<bdi>{view.short}</bdi>)
            </span>
          )}
        </h2>
        {view.roles.map(({ role, range }) => (
          <p class="role" key={role + range}>
            <bdi>{role}</bdi>
            {range && (
              <>
                {' · '}
                <bdi dir="auto">{range}</bdi>
              </>
            )}
          </p>
        ))}
        {view.dates && <p class="dates">{view.dates}</p>}
        {view.pack && (
          <p class="pack" data-testid="card-pack">
            {t('card.fromPack', { name: view.pack })}
          </p>
        )}
        <p class="summary" data-testid="card-summary">
          {view.summary}
        </p>
      </div>
      {props.candidates && props.candidates.length > 0 && (
        <div class="candidates">
          <h3>{t('card.otherCandidates')}</h3>
          <EntityLinks links={props.candidates} lang={view.lang} onPick={props.onPick} />
          {props.onNotThis && (
            <button type="button" class="link" onClick={props.onNotThis} data-testid="card-not-this">
              {t('card.notThis')}
            </button>
          )}
        </div>
      )}
      {props.onDismiss && (
        <details class="dismiss" data-testid="card-dismiss">
          <summary>{t('card.dismiss')}</summary>
          <div class="dismiss-scopes">
            {(['page', 'site', 'everywhere'] as const).map((scope) => (
              <button
                key={scope}
                type="button"
                class="link"
                onClick={() => props.onDismiss?.(scope)}
                data-testid={`card-dismiss-${scope}`}
              >
                {t(`card.dismiss_${scope}`)}
              </button>
            ))}
          </div>
        </details>
      )}
      {view.holders.length > 0 && (
        <div class="holders" data-testid="card-holders">
          <h3>{t('card.holders')}</h3>
          <ul lang={view.lang} dir={directionOf(view.lang)}>
            {view.holders.slice(0, 8).map((h) => (
              <li key={h.id + h.range}>
                <button type="button" class="link" onClick={() => (props.onOpenRelated ?? props.onPick)?.(h.id)}>
                  <bdi>{props.holderNames?.[h.id] ?? h.id}</bdi>
                </button>{' '}
                <bdi dir="auto">{h.range}</bdi>
                {h.current && <span class="as-of"> · {t('card.asOf', { date: view.reviewed })}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {props.related && props.related.length > 0 && (
        <div class="related">
          <h3>{t('card.related')}</h3>
          <EntityLinks links={props.related} lang={view.lang} onPick={props.onOpenRelated ?? props.onPick} />
        </div>
      )}
      <details class="names">
        <summary>{t('card.namesInLanguages')}</summary>
        <ul data-testid="card-names">
          {view.names.map((n) => (
            <li key={n.lang} lang={n.lang}>
              <span class="lang">{n.lang.toUpperCase()}</span>
              <bdi dir="auto">{n.name}</bdi>
              <button
                type="button"
                class="copy"
                aria-label={t('card.copyName', { lang: n.lang.toUpperCase() })}
                onClick={() => void copyText(n.name).then((ok) => setCopied(ok ? n.lang : null))}
              >
                {copied === n.lang ? t('card.copied') : t('card.copy')}
              </button>
            </li>
          ))}
        </ul>
      </details>
      <footer class="card-foot">
        {props.onSave && (
          <button
            type="button"
            class="save"
            disabled={saved?.ok === true}
            onClick={() => void props.onSave?.().then(setSaved)}
            data-testid="card-save"
          >
            {saved?.ok ? t('card.saved') : t('card.save')}
          </button>
        )}
        {saved && !saved.ok && (
          <span class="save-error" role="alert">
            {t(`annotate.error.${saved.reason}`)}
          </span>
        )}
        {props.onOpenLibrary && (
          <button type="button" class="link" onClick={props.onOpenLibrary} data-testid="card-open-library">
            {t('card.openInLibrary')}
          </button>
        )}
        {view.sources[0] && (
          <a href={view.sources[0]} target="_blank" rel="noreferrer noopener">
            {t('card.source')}
          </a>
        )}
      </footer>
    </section>
  );
}
