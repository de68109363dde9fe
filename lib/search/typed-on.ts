/**
 * What one keystroke taught the searcher about each name, kept for the next keystroke.
 *
 * A pattern that extends the previous one (the user typed on) is never closer to a name than
 * the previous pattern was: remove its added units from an alignment with any substring and
 * the cost does not rise. So every lower bound known for the previous pattern (an exact edit
 * distance where the walk checked the name, a gram bound elsewhere, and for names that shared
 * no gram the bound that implies) is a lower bound for the new one, and names already known
 * to be far stay out of the next walk.
 */

/** Bounds of the last remembered pattern: bound[r] where stamp[r] === gen, `untouched` elsewhere. */
export interface EarlierBounds {
  readonly bound: Int8Array;
  readonly stamp: Int32Array;
  readonly gen: number;
  readonly untouched: number;
}

export class TypedOnBounds {
  private pattern: string | null = null;
  private readonly saved: { bound: Int8Array; stamp: Int32Array; gen: number; untouched: number };

  constructor(n: number) {
    this.saved = { bound: new Int8Array(n), stamp: new Int32Array(n), gen: 0, untouched: 0 };
  }

  /**
   * Starts ranking `pattern` (null: a pattern not to remember). Returns the earlier bounds
   * when it extends the last remembered pattern, else null. Until end(), nothing is remembered,
   * so a ranking that throws leaves nothing to trust.
   */
  begin(pattern: string | null): EarlierBounds | null {
    if (pattern === null) return null; // leaves the remembered pattern as it is
    const last = this.pattern;
    this.pattern = null;
    return last !== null && pattern.startsWith(last) ? this.saved : null;
  }

  /**
   * Remembers `pattern` (the one last begun): `bound` holds a lower bound for every touched
   * record (read before this returns), `untouched` bounds all the others.
   */
  end(pattern: string, touched: readonly number[], bound: Int8Array, untouched: number): void {
    const saved = this.saved;
    const gen = saved.gen + 1;
    for (let i = 0; i < touched.length; i++) {
      const r = touched[i]!;
      saved.bound[r] = bound[r]!;
      saved.stamp[r] = gen;
    }
    saved.gen = gen;
    saved.untouched = untouched;
    this.pattern = pattern;
  }
}
