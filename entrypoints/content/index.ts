import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from 'wxt/browser';
import { collectTextNodes } from './text-nodes';
import { parseMessage, toContent, type BackgroundMessage, type ContentReplies } from '../../lib/protocol';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  matchAboutBlank: false,
  runAt: 'document_idle',
  main(ctx) {
    const state = { textNodes: 0, mentions: 0 };
    const scan = () => {
      if (!document.body) return;
      state.textNodes = collectTextNodes(document.body).length;
      const message: BackgroundMessage = {
        type: 'content:status',
        payload: {
          url: location.href.slice(0, 4096),
          title: document.title.slice(0, 1000),
          frame: window === window.top ? 'top' : 'sub',
          textNodes: state.textNodes,
          mentions: state.mentions,
        },
      };
      browser.runtime.sendMessage(message).catch(() => {
        // The background may be restarting after an update; the next scan reports again.
      });
    };
    scan();

    const onMessage = (raw: unknown): Promise<ContentReplies['page:status']> | undefined => {
      const message = parseMessage(toContent, raw);
      if (!message || window !== window.top) return undefined;
      return Promise.resolve({ url: location.href, ...state });
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  },
});
