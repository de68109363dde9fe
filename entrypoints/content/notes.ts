/**
 * The reader's own part of the page: the selection toolbar, notes shown on hover, and saved
 * highlights and notes placed after the first scan and again whenever the library changes.
 * Saved notes are the reader's own: placed even where highlighting is switched off.
 */
import { watchLibraryChanges } from '../../platform/library-signal';
import type { Lens } from './lens';
import type { Lifetime } from './lifetime';
import { startNoteHover } from './note-hover';

export function startNotes(life: Lifetime, lens: Lens): void {
  lens.toolbar.start();
  startNoteHover(life, lens);
  const load = () => lens.annotator.load().catch((error: unknown) => console.debug('Context Lens: annotations', error));
  void lens.firstScan.then(() => {
    if (life.ended) return;
    void load();
    life.onEnd(watchLibraryChanges(() => void load()));
  });
}
