// @vitest-environment happy-dom
/**
 * What the library says about keeping the reader's notes, in each state the browser can answer.
 * (In Chromium with the built extension the state is "kept": library.chromium.e2e.ts.)
 */
import { describe, expect, test, vi } from 'vitest';
import { render } from 'preact';
import { StorageNotice } from '../../../entrypoints/library/StorageNotice';

const t = (key: string) => key;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

async function mount(check: () => Promise<'kept' | 'at-risk'>, ask: () => Promise<boolean>): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.appendChild(root);
  render(<StorageNotice t={t} check={check} ask={ask} />, root);
  // The state is read in an effect, after the first paint.
  await vi.waitFor(() => expect(root.querySelector('[data-testid=storage-state]')).not.toBeNull());
  return root;
}

describe('the storage notice', () => {
  test('says the notes are kept when the browser keeps them', async () => {
    const root = await mount(
      async () => 'kept',
      async () => true,
    );
    expect(root.querySelector('[data-testid=storage-state]')?.textContent).toBe('library.storageKept');
    expect(root.querySelector('button')).toBeNull();
  });

  test('at risk: says so, asks again on request, and says what the browser answered', async () => {
    const answers = [false, true];
    const root = await mount(
      async () => 'at-risk',
      async () => answers.shift()!,
    );
    const state = () => root.querySelector('[data-testid=storage-state]') as HTMLElement;
    expect(state().getAttribute('role')).toBe('status');
    expect(state().textContent).toContain('library.storageAtRisk');
    (root.querySelector('[data-testid=storage-ask]') as HTMLButtonElement).click();
    await settle();
    expect(state().dataset.state).toBe('refused');
    expect(state().textContent).toContain('library.storageRefused');
    (root.querySelector('[data-testid=storage-ask]') as HTMLButtonElement).click();
    await settle();
    expect(state().dataset.state).toBe('kept');
  });
});
