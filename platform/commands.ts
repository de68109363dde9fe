/** Keyboard commands (chrome://extensions/shortcuts lets the user rebind them). */
import { browser } from 'wxt/browser';
import { getSetting, setSetting } from './settings';
import { sendToTab } from './messaging';

export async function runCommand(command: string): Promise<void> {
  if (command === 'toggle-highlighting') {
    await setSetting('highlighting', !(await getSetting('highlighting')));
    return;
  }
  if (command !== 'annotate-selection' && command !== 'next-mention' && command !== 'previous-mention') return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  if (command === 'annotate-selection') await sendToTab(tab.id, 'selection:annotate', {});
  else await sendToTab(tab.id, 'mention:step', { direction: command === 'next-mention' ? 'next' : 'previous' });
}
