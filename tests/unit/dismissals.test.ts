import { describe, expect, test } from 'vitest';
import {
  addDismissal,
  dismissedOn,
  foldMentionText,
  MAX_DISMISSALS,
  removeDismissal,
  type Dismissal,
} from '../../lib/dismissals';
import { readSetting } from '../../lib/settings';

const here = { page: 'https://news.example/a', host: 'news.example' };

describe('dismissals', () => {
  test('fold the text the way a reader would not notice: case and spaces', () => {
    expect(foldMentionText('  Georgia\n ')).toBe('georgia');
    expect(foldMentionText('Ban  Ki-moon')).toBe('ban ki-moon');
  });

  test('apply by scope: this page, this site, everywhere; only to that text as that entity', () => {
    let list: Dismissal[] = [];
    list = addDismissal(list, { text: 'Georgia', entity: 'georgia', scope: 'page', where: here.page });
    list = addDismissal(list, { text: 'Chad', entity: 'chad', scope: 'site', where: 'other.example' });
    list = addDismissal(list, { text: 'Jordan', entity: 'jordan', scope: 'everywhere', where: 'ignored' });
    const d = dismissedOn(list, here);
    expect(d('GEORGIA', 'georgia')).toBe(true);
    expect(d('Georgia', 'georgia-us-state')).toBe(false); // the same text as another entity stays
    expect(d('Chad', 'chad')).toBe(false); // dismissed on another site only
    expect(d('Jordan', 'jordan')).toBe(true);
    expect(list.find((x) => x.scope === 'everywhere')?.where).toBeUndefined();
    expect(dismissedOn(list, { page: 'https://news.example/b', host: 'news.example' })('Georgia', 'georgia')).toBe(
      false,
    );
  });

  test('adding the same one twice keeps one; undo removes exactly it', () => {
    let list = addDismissal([], {
      text: 'Georgia',
      entity: 'georgia',
      scope: 'site',
      where: 'a.example',
      at: '2026-01-01T00:00:00Z',
    });
    list = addDismissal(list, {
      text: 'georgia',
      entity: 'georgia',
      scope: 'site',
      where: 'a.example',
      at: '2026-02-01T00:00:00Z',
    });
    expect(list).toHaveLength(1);
    list = addDismissal(list, { text: 'Georgia', entity: 'georgia', scope: 'site', where: 'b.example' });
    expect(removeDismissal(list, list[0]!)).toEqual([list[1]]);
  });

  test('the list is bounded, dropping the oldest page-scoped ones first', () => {
    let list: Dismissal[] = [addDismissal([], { text: 'Keep', entity: 'k', scope: 'everywhere' })[0]!];
    for (let i = 0; i < MAX_DISMISSALS + 5; i++)
      list = addDismissal(list, { text: `n${i}`, entity: 'e', scope: 'page', where: `https://x/${i}` });
    expect(list).toHaveLength(MAX_DISMISSALS);
    expect(list[0]!.text).toBe('keep');
  });

  test('a corrupted stored list reads as none', () => {
    expect(readSetting('dismissals', [{ text: '', entity: 'x', scope: 'nowhere' }])).toEqual([]);
    expect(readSetting('dismissals', 'garbage')).toEqual([]);
  });
});
