/**
 * The hover card, drawn in the UI frame: fetches the records it shows from the background (the
 * page never sees them), lets the reader pick another candidate, say "not this one", pin, save
 * and open the library.
 */
import { useEffect, useState } from 'preact/hooks';
import type { i18n } from 'i18next';
import { EntityCard } from '../../components/EntityCard';
import { displayName, entityView, viewLabels } from '../../lib/entity-view';
import { translatorOf } from '../../lib/i18n-resources';
import type { Lang } from '../../lib/dataset/basics';
import { fetchEntities, type ShownEntity } from '../../platform/entities';
import { openLibrary } from '../../platform/open-library';
import type { FramePort } from './frame-port';

export interface CardRequest {
  text: string;
  candidates: string[];
  pinned: boolean;
  contentLang: Lang;
}

/** Records fetched once per frame: a card shown again needs no round trip. */
const records = new Map<string, ShownEntity>();

async function ensureRecords(ids: string[]): Promise<void> {
  const missing = [...new Set(ids)].filter((id) => !records.has(id));
  if (missing.length === 0) return;
  for (const [id, entity] of await fetchEntities(missing)) records.set(id, entity);
}

export function CardSurface({ request, i18n, port }: { request: CardRequest; i18n: i18n; port: FramePort }) {
  /** The entity the mention is taken to be (the reader may pick another candidate). */
  const [mentionId, setMentionId] = useState(request.candidates[0]!);
  const [candidates, setCandidates] = useState(request.candidates);
  /** Related entities opened as steps from the mention's card, last one shown; Back pops one. */
  const [trail, setTrail] = useState<string[]>([]);
  const [pinned, setPinned] = useState(request.pinned);
  const [, setLoaded] = useState(0);
  useEffect(() => {
    setMentionId(request.candidates[0]!);
    setCandidates(request.candidates);
    setTrail([]);
    setPinned(request.pinned);
  }, [request]);

  const shownId = trail.length > 0 ? trail[trail.length - 1]! : mentionId;
  const stepping = trail.length > 0;
  const shown = records.get(shownId);
  useEffect(() => {
    let live = true;
    void (async () => {
      await ensureRecords(candidates);
      const shownRecord = records.get(shownId);
      await ensureRecords([
        ...(shownRecord?.related ?? []).slice(0, 12),
        ...(shownRecord?.facts.holders ?? []).slice(0, 8).map((h) => h.person),
      ]);
      if (live) setLoaded((n) => n + 1);
    })();
    return () => {
      live = false;
    };
  }, [shownId, candidates]);

  const t = translatorOf(i18n);
  const uiLang = i18n.language as Lang;
  if (!shown)
    return (
      <p class="card loading" aria-busy="true">
        {t('card.loading')}
      </p>
    );
  const lang = request.contentLang;
  const nameOf = (id: string) => {
    const record = records.get(id);
    return record ? displayName(record, lang) : id;
  };
  const others = stepping ? [] : candidates.filter((id) => id !== mentionId);
  return (
    <EntityCard
      view={entityView(shown, lang, uiLang, viewLabels(t))}
      t={t}
      uiLang={uiLang}
      pinned={pinned}
      candidates={others.map((id) => ({ id, name: nameOf(id) }))}
      related={shown.related.filter((id) => records.has(id)).map((id) => ({ id, name: nameOf(id) }))}
      holderNames={Object.fromEntries((shown.facts.holders ?? []).map((h) => [h.person, nameOf(h.person)]))}
      onPin={() => {
        port.send({ type: 'pin', payload: { pinned: !pinned } });
        setPinned(!pinned);
      }}
      onClose={() => port.send({ type: 'close', payload: {} })}
      onPick={(id) => {
        void ensureRecords([id]).then(() => setMentionId(id));
      }}
      onOpenRelated={(id) => {
        void ensureRecords([id]).then(() => setTrail((t) => [...t, id].slice(-20)));
      }}
      onBack={stepping ? () => setTrail((t) => t.slice(0, -1)) : undefined}
      onNotThis={
        stepping
          ? undefined
          : () => {
              port.send({ type: 'notThis', payload: { text: request.text, entityId: mentionId } });
              const rest = candidates.filter((id) => id !== mentionId);
              if (rest.length === 0) return port.send({ type: 'close', payload: {} });
              setCandidates(rest);
              setMentionId(rest[0]!);
            }
      }
      onDismiss={
        stepping
          ? undefined
          : (scope) =>
              port.send({ type: 'dismiss', payload: { text: request.text.slice(0, 300), entityId: mentionId, scope } })
      }
      onSave={
        stepping
          ? undefined
          : () => port.save((request) => ({ type: 'saveMention', payload: { request, entityId: mentionId } }))
      }
      onOpenLibrary={() => void openLibrary(shownId)}
    />
  );
}
