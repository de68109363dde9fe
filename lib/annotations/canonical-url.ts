/**
 * One key per page for the library (issue 7): the same article reached from a newsletter, a
 * social network or a search ad must be the same SavedPage.
 */
import { LIMITS } from './records';

/** Parameters that only say how the reader arrived, never which page they are on. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  'ref_src',
  'ref_url',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  '__hssc',
  '__hstc',
  '__hsfp',
  'hsctatracking',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'vero_conv',
  'li_fat_id',
  'wickedid',
  'rb_clickid',
  's_cid',
]);

function isTrackingParam(rawKey: string): boolean {
  let key: string;
  try {
    key = decodeURIComponent(rawKey.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    return false;
  }
  return key.startsWith('utm_') || TRACKING_PARAMS.has(key);
}

/**
 * The page's canonical URL: no fragment, no tracking parameters, no credentials, the other
 * parameters sorted by name (stable, so repeated names keep their order), host lowercased and
 * default ports dropped (both done by the URL parser). Parameters are kept byte for byte: rebuilding
 * them with URLSearchParams would turn "%20" into "+", which servers may read differently.
 * Returns null for anything but http(s), and for URLs longer than the library stores.
 */
export function canonicalUrl(href: string): string | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  const params = url.search
    .slice(1)
    .split('&')
    .filter((part) => part !== '' && !isTrackingParam(part.split('=', 1)[0]!));
  const keyOf = (part: string) => part.split('=', 1)[0]!;
  params.sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  url.search = params.length ? `?${params.join('&')}` : '';
  const result = url.href;
  return result.length <= LIMITS.url ? result : null;
}
