/**
 * The UI frame: an extension page that the content script places inside web pages to draw the
 * card, the selection toolbar, the note editor and note bubbles. Being of the extension's
 * origin, nothing in it can be read, driven or listened to by the page (keystrokes typed here
 * never reach the page's listeners). It talks only to the content script that created it.
 */
import { render } from 'preact';
import i18next from 'i18next';
import { UI_RESOURCES, directionOf, translatorOf } from '../../lib/i18n-resources';
import type { Lang } from '../../lib/dataset/basics';
import type { ToFrameMessage } from '../../lib/ui-frame-protocol';
import { SelectionToolbar } from '../../components/SelectionToolbar';
import { NoteBubble } from '../../components/NoteBubble';
import { openLibrary } from '../../platform/open-library';
import { CardSurface, type CardRequest } from './CardSurface';
import { FramePort } from './frame-port';
import '../../components/entity-card.css';
import '../../components/selection-toolbar.css';
import './frame.css';

const root = document.getElementById('app')!;
/** The padding around the surface (room for its shadow), on each side, as frame.css sets it. */
const FRAME_PADDING = 6;
const i18n = i18next.createInstance();
const ready = i18n.init({
  lng: 'en',
  fallbackLng: 'en',
  resources: UI_RESOURCES,
  interpolation: { escapeValue: false },
  returnNull: false,
});

let card: CardRequest | null = null;
let focusNext = false;

// One message at a time, in the order sent: a later "show" must never be drawn under an earlier one.
let queue = Promise.resolve();
const port = new FramePort((message) => {
  queue = queue.then(() => show(message)).catch((error: unknown) => console.error('Context Lens frame:', error));
});

async function useLanguage(lang: Lang): Promise<void> {
  await ready;
  if (i18n.language !== lang) await i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
  document.documentElement.dir = directionOf(lang);
}

async function show(message: ToFrameMessage): Promise<void> {
  const t = translatorOf(i18n);
  const close = () => port.send({ type: 'close', payload: {} });
  switch (message.type) {
    case 'card': {
      const { text, candidates, pinned, focus, uiLang, contentLang } = message.payload;
      await useLanguage(uiLang);
      card = { text, candidates, pinned, contentLang };
      focusNext = focus;
      render(<CardSurface request={card} i18n={i18n} port={port} />, root);
      break;
    }
    case 'languages':
      if (!card) return;
      await useLanguage(message.payload.uiLang);
      card = { ...card, contentLang: message.payload.contentLang };
      render(<CardSurface request={card} i18n={i18n} port={port} />, root);
      break;
    case 'toolbar':
      await useLanguage(message.payload.uiLang);
      card = null;
      render(null, root);
      render(
        <SelectionToolbar
          t={t}
          uiLang={message.payload.uiLang}
          startWithNote={message.payload.startWithNote}
          onNoting={() => port.send({ type: 'noting', payload: {} })}
          onSave={(body) =>
            port.save((request) => ({ type: 'saveSelection', payload: { request, note: body.note, tags: body.tags } }))
          }
          onClose={close}
        />,
        root,
      );
      if (message.payload.startWithNote) root.querySelector<HTMLElement>('textarea')?.focus();
      break;
    case 'note':
      await useLanguage(message.payload.uiLang);
      card = null;
      render(null, root);
      render(
        <NoteBubble
          t={t}
          uiLang={message.payload.uiLang}
          note={message.payload.note}
          tags={message.payload.tags}
          onOpenLibrary={() => void openLibrary()}
          onUpdate={(body) =>
            port.save((request) => ({ type: 'noteUpdate', payload: { request, note: body.note, tags: body.tags } }))
          }
          onDelete={() => port.save((request) => ({ type: 'noteDelete', payload: { request } }))}
        />,
        root,
      );
      break;
    case 'clear':
      card = null;
      render(null, root);
      break;
    case 'saved':
      break; // answered by FramePort
  }
}

// Size reports: the content script sizes and places the iframe from them.
let reported = '';
const report = () => {
  const surface = root.firstElementChild as HTMLElement | null;
  if (!surface) return;
  // The natural height, even where the frame is shorter and the surface scrolls (a card at most 480).
  const style = getComputedStyle(surface);
  const natural = surface.scrollHeight + parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth);
  const height = Math.ceil(surface.classList.contains('card') ? Math.min(natural, 480) : natural);
  const width = Math.ceil(surface.getBoundingClientRect().width);
  const key = `${width}x${height}`;
  if (key === reported) return;
  reported = key;
  port.send({ type: 'size', payload: { width: width + 2 * FRAME_PADDING, height: height + 2 * FRAME_PADDING } });
  // The keyboard command asked for focus: on the card's first button once the card is drawn.
  const button = focusNext ? surface.querySelector<HTMLElement>('button') : null;
  if (button) {
    focusNext = false;
    button.focus();
  }
};
const resized = new ResizeObserver(report);
new MutationObserver(() => {
  reported = '';
  const surface = root.firstElementChild;
  resized.disconnect();
  if (surface) resized.observe(surface);
  report();
}).observe(root, { childList: true, subtree: true, characterData: true });

let inside = false;
const pointer = (now: boolean) => {
  if (now === inside) return;
  inside = now;
  port.send({ type: 'pointer', payload: { inside } });
};
document.addEventListener('pointerover', () => pointer(true));
document.documentElement.addEventListener('pointerleave', () => pointer(false));
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') port.send({ type: 'close', payload: {} });
});
