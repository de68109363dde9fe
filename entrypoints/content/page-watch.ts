/**
 * The part that follows the page as it changes: MutationObserver records batched for 250 ms,
 * then only the blocks that changed are read again (page-changes.ts), and saved notes that could
 * not be placed get another try.
 */
import type { Lens } from './lens';
import type { Lifetime } from './lifetime';
import { summarizeMutations } from './page-changes';
import { OBSERVE } from './shadow-roots';
import { isUiHost } from './ui-frame-host';

const BATCH_MS = 250;
/** Saved notes are placed again at most this often while the page keeps changing. */
const NOTES_RETRY_MS = 1000;

/** Mutations of our own UI do not call for a re-scan. */
function isOurs(node: Node | null): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) if (isUiHost(n)) return true;
  return false;
}

export function watchPageChanges(life: Lifetime, lens: Lens): void {
  let pending: MutationRecord[] = [];
  let queued: number | undefined;
  let notesRetry: number | undefined;

  const retryNotes = () => {
    const { placed, orphans } = lens.annotator.counts;
    if (placed + orphans === 0 || notesRetry !== undefined) return;
    notesRetry = life.setTimeout(() => {
      notesRetry = undefined;
      void lens.annotator.retry();
    }, NOTES_RETRY_MS);
  };

  const applyChanges = async () => {
    queued = undefined;
    const records = pending;
    pending = [];
    retryNotes();
    if (!lens.settings.enabled) return;
    // The page may have taken out the place where the first pass stopped.
    lens.readAhead.pageChanged();
    try {
      const changes = summarizeMutations(records, isOurs, lens.shadowRoots.meet);
      if (changes.removals) {
        lens.scanner.forgetDisconnected();
        lens.shadowRoots.forgetDisconnected();
      }
      if (changes.recheck.size) await lens.scanner.rescanNodes(changes.recheck, life.signal);
      lens.report();
    } catch (error) {
      console.debug('Context Lens: update failed', error);
    }
  };

  const observer = new MutationObserver((records) => {
    // Not pending.push(...records): a task of ~125k changes would overflow the stack and never be rescanned.
    for (const record of records) pending.push(record);
    queued ??= life.setTimeout(() => void applyChanges(), BATCH_MS);
  });
  observer.observe(document.body, OBSERVE);
  lens.shadowRoots.observeWith(observer);
  life.onEnd(() => observer.disconnect());
}
