/**
 * The content script: highlights what the dataset knows on the page, explains it on hover, and
 * keeps the reader's notes on it. Each part is started here in a line with the script's
 * lifetime, which takes it all off the page when the extension is reloaded, disabled or removed.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import './highlights.css';
import { followPacks, followSettings } from './follow';
import { highlightApiAvailable } from './highlighter';
import { startHover } from './hover';
import { startLens } from './lens';
import { Lifetime } from './lifetime';
import { answerMessages } from './answers';
import { startNotes } from './notes';
import { watchPageChanges } from './page-watch';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  matchAboutBlank: false,
  runAt: 'document_idle',
  async main(ctx) {
    // The manifest's minimum versions guarantee the Highlight API; stay quiet if it is gone anyway.
    if (!highlightApiAvailable() || !document.body || document.designMode === 'on') return;
    const life = new Lifetime(ctx);
    const lens = await startLens(life);
    if (life.ended) return;
    watchPageChanges(life, lens);
    startHover(life, lens);
    startNotes(life, lens);
    followSettings(life, lens);
    followPacks(life, lens);
    answerMessages(life, lens);
    await lens.scanAll();
  },
});
