import { describe, expect, test } from 'vitest';
import { canonicalUrl } from '../../../lib/annotations/canonical-url';

describe('canonical page URLs', () => {
  test.each([
    ['drops the fragment', 'https://news.un.org/en/story/1#comments', 'https://news.un.org/en/story/1'],
    ['drops utm_* in any case', 'https://a.org/p?UTM_Source=x&utm_medium=y&id=3', 'https://a.org/p?id=3'],
    [
      'drops click ids and newsletter ids',
      'https://a.org/p?fbclid=1&gclid=2&mc_cid=3&mc_eid=4&igshid=5&ref_src=6&_ga=7&msclkid=8&q=un',
      'https://a.org/p?q=un',
    ],
    ['drops an emptied query', 'https://a.org/p?utm_source=x', 'https://a.org/p'],
    ['sorts the other parameters by name', 'https://a.org/p?z=1&a=2&m=3', 'https://a.org/p?a=2&m=3&z=1'],
    ['keeps repeated names in their order', 'https://a.org/p?b=2&a=9&b=1', 'https://a.org/p?a=9&b=2&b=1'],
    ['keeps encodings byte for byte', 'https://a.org/p?q=a%20b&r=c+d', 'https://a.org/p?q=a%20b&r=c+d'],
    ['lowercases the host', 'https://News.UN.org/en/', 'https://news.un.org/en/'],
    ['keeps the case of the path', 'https://a.org/Story/ABC', 'https://a.org/Story/ABC'],
    ['drops default ports', 'http://a.org:80/x', 'http://a.org/x'],
    ['drops the https default port', 'https://a.org:443/x', 'https://a.org/x'],
    ['keeps other ports', 'https://a.org:8443/x', 'https://a.org:8443/x'],
    ['drops credentials', 'https://user:secret@a.org/x', 'https://a.org/x'],
    ['keeps parameters that only look like tracking', 'https://a.org/p?utm=1&ref=2', 'https://a.org/p?ref=2&utm=1'],
    ['encodes a non-ASCII host', 'https://müller.example/', 'https://xn--mller-kva.example/'],
  ])('%s', (_name, input, expected) => {
    expect(canonicalUrl(input)).toBe(expected);
  });

  test.each([
    'javascript:alert(1)',
    'data:text/html,x',
    'file:///etc/passwd',
    'chrome-extension://abc/page.html',
    'about:blank',
    'not a url',
    '',
  ])('returns null for %j', (href) => {
    expect(canonicalUrl(href)).toBeNull();
  });

  test('returns null for a URL longer than the library stores', () => {
    expect(canonicalUrl(`https://a.org/${'x'.repeat(2100)}`)).toBeNull();
  });

  test('is idempotent', () => {
    const once = canonicalUrl('https://A.org:443/p?z=1&utm_source=x&a=%2F#top')!;
    expect(canonicalUrl(once)).toBe(once);
  });
});
