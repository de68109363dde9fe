/**
 * Resting the pointer on a saved note's highlight shows the note. Costs nothing on pages without
 * notes: the handler returns at once while no annotation is placed.
 */
import type { Lens } from './lens';
import type { Lifetime } from './lifetime';
import { caretAt } from './caret';
import { overGlyph, rectOfRange } from './hover';

export function startNoteHover(life: Lifetime, { annotator, toolbar, shadowRoots }: Lens): void {
  let frame = 0;
  let last = { x: 0, y: 0 };
  const check = () => {
    frame = 0;
    const caret = caretAt(last.x, last.y, shadowRoots.all);
    const offset = caret
      ? [caret.offset, caret.offset - 1].find((o) => overGlyph(caret.node, o, last.x, last.y))
      : undefined;
    const placed = caret && offset !== undefined ? annotator.at(caret.node, offset) : null;
    const { note, tags } = placed?.annotation.body ?? { note: '', tags: [] };
    if (placed && (note || tags.length)) void toolbar.showNote(placed.annotation, rectOfRange(placed.range, 'last'));
    else toolbar.hideNote();
  };
  life.listen(
    document,
    'pointermove',
    (event) => {
      if (!event.isTrusted || annotator.counts.placed === 0) return;
      last = { x: event.clientX, y: event.clientY };
      if (!frame) frame = life.requestFrame(check);
    },
    { passive: true },
  );
}
