/** Keyboard commands (chrome://extensions/shortcuts lets the user rebind them). */
import { browser } from 'wxt/browser';
import type { ContentMessage } from '../lib/protocol';
import { getSetting, setSetting } from './settings';

export async function runCommand(command: string): Promise<void> {
  if (command === 'toggle-highlighting') {
    await setSetting('highlighting', !(await getSetting('highlighting')));
    return;
  }
  let message: ContentMessage;
  if (command === 'annotate-selection') message = { type: 'selection:annotate', payload: {} };
  else if (command === 'next-mention' || command === 'previous-mention') {
    message = { type: 'mention:step', payload: { direction: command === 'next-mention' ? 'next' : 'previous' } };
  } else return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  await browser.tabs.sendMessage(tab.id, message, { frameId: 0 }).catch(() => undefined);
}
