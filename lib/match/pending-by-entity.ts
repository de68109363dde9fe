/**
 * Contextual mentions waiting to be confirmed ("Mr. Ban" before any "Ban Ki-moon"), listed under
 * each entity whose full mention would confirm them: the entity itself, or one of its confirmers.
 * Mentions are numbers of held mentions (held-mentions.ts).
 */
export class PendingByEntity {
  private readonly lists = new Map<number, number[]>();

  /** Lists held mention h under entity e (a mention is listed once per entity). */
  add(e: number, h: number): void {
    const list = this.lists.get(e);
    if (!list) this.lists.set(e, [h]);
    else if (list[list.length - 1] !== h) list.push(h);
  }

  /** The mentions waiting for e, which is now named: they are no longer listed. */
  take(e: number): readonly number[] | undefined {
    const list = this.lists.get(e);
    if (list) this.lists.delete(e);
    return list;
  }

  /** After the held mentions were compacted: h becomes newIndex[h], or is dropped where that is negative. */
  renumber(newIndex: Int32Array): void {
    for (const [e, list] of this.lists) {
      let k = 0;
      for (const h of list) if (newIndex[h]! >= 0) list[k++] = newIndex[h]!;
      list.length = k;
      if (k === 0) this.lists.delete(e);
    }
  }
}
