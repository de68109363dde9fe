import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { handleBackgroundMessage } from '../platform/background-handlers';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((raw, sender) => handleBackgroundMessage(raw, sender));
});
