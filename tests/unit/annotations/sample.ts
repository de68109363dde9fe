/** Records for the annotation tests, with defaults a test overrides where it matters. */
import type { Annotation, SavedPage } from '../../../lib/annotations/model';

export const PAGE_URL = 'https://news.un.org/en/story/2012/09/421482';

export function samplePage(overrides: Partial<SavedPage> = {}): SavedPage {
  return {
    url: PAGE_URL,
    title: 'Ban hails work of Alliance of Civilizations',
    lang: 'en',
    savedAt: '2024-05-01T10:00:00.000Z',
    updatedAt: '2024-05-01T10:00:00.000Z',
    entities: [{ id: 'ban-ki-moon', count: 3 }],
    ...overrides,
  };
}

let serial = 0;
export function sampleAnnotation(
  overrides: Partial<Annotation> & { exact?: string; note?: string; tags?: string[] } = {},
): Annotation {
  const { exact = 'Alliance of Civilizations', note = 'A first note', tags = ['unaoc'], ...rest } = overrides;
  serial++;
  return {
    id: `urn:uuid:00000000-0000-4000-8000-${serial.toString(16).padStart(12, '0')}`,
    pageUrl: PAGE_URL,
    target: {
      source: PAGE_URL,
      selector: [
        { type: 'TextQuoteSelector', exact, prefix: 'work of the ', suffix: ' in fostering' },
        { type: 'TextPositionSelector', start: 100, end: 100 + exact.length },
      ],
    },
    body: { note, tags },
    created: '2024-05-01T10:00:00.000Z',
    modified: '2024-05-01T10:00:00.000Z',
    motivation: 'commenting',
    ...rest,
  };
}

/** Strings that break naive exporters: quotes, separators, line breaks, RTL, emoji, markup, formulas. */
export const HOSTILE = [
  'He said "no", then left',
  'a,b;c\td',
  'line one\nline two\r\nline three',
  'الأمم المتحدة في نيويورك',
  'מזכ״ל האו״ם \u202Eevil\u202C',
  '👩🏽‍🔬 emoji 🇺🇳 and ZWJ',
  '<script>alert(1)</script><img src=x onerror=alert(1)>',
  '=HYPERLINK("http://evil.example","click")',
  '+1',
  '-1',
  '@SUM(A1)',
  '\ttab first',
  '# heading *bold* _em_ [link](javascript:alert(1)) `code` | pipe',
  '\\ backslash and \u0000 nul',
];
