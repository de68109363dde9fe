/**
 * The parts that follow the reader's choices made elsewhere (popup, library, other tabs): the
 * settings, and the packs, whose change gives the background a new matcher.
 */
import { watchMatcherVersion } from '../../platform/matcher-transfer';
import type { Lens } from './lens';
import type { Lifetime } from './lifetime';
import { watchContentSettings } from './settings-snapshot';

export function followSettings(life: Lifetime, lens: Lens): void {
  const stop = watchContentSettings(lens.host, (next) => {
    if (life.ended) return;
    const was = lens.settings;
    lens.settings = next;
    lens.highlighter.setKindsShown(next.kinds);
    lens.highlighter.setStyle(next.style);
    lens.card.setLanguages(lens.cardLanguages());
    if (next.paintNotes !== was.paintNotes) lens.annotator.setPainted(next.paintNotes);
    const dismissalsChanged = next.dismissalsKey !== was.dismissalsKey;
    if (dismissalsChanged) lens.scanner.setDismissed(next.dismissed);
    if (!next.enabled) {
      lens.stopShowing();
      lens.report();
    } else if (!was.enabled || dismissalsChanged) void lens.scanAll();
  });
  life.onEnd(stop);
}

/** The user's packs changed: the background has a new matcher; scan again (no reload). */
export function followPacks(life: Lifetime, lens: Lens): void {
  life.onEnd(
    watchMatcherVersion((version) => {
      if (version !== lens.scanner.matcher) void lens.scanAll();
    }),
  );
}
