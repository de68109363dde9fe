/**
 * Plain-text rules for the texts of a pack (names, aliases, summaries, notes, pack name):
 * they are shown as text, never as HTML, but a pack comes from anywhere, so markup, script
 * URLs, event-handler-looking text, invisible bidirectional controls and control characters
 * are refused outright rather than escaped. Callers check the length first (a 10 MB string
 * is refused for its length and never reaches a regex here).
 */

/**
 * Whether text has a character that may start a problem (< & : = controls, bidi controls, BOM,
 * noncharacters, surrogates): most texts have none and pass this one loop (faster than a regex
 * on short strings).
 */
function suspect(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c < 0x3e) {
      if (c < 0x20 || c === 0x3c || c === 0x26 || c === 0x3a || c === 0x3d) return true;
    } else if (c >= 0x7f) {
      if (
        c <= 0x9f ||
        (c >= 0x202a && c <= 0x202e) ||
        (c >= 0x2066 && c <= 0x2069) ||
        (c >= 0xd800 && c <= 0xdfff) ||
        c === 0xfeff ||
        c >= 0xfffe
      )
        return true;
    }
  }
  return false;
}
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
/** Controls other than tab and line feed (C0, DEL, C1) and the noncharacters U+FFFE, U+FFFF. */
const CONTROL = /[^\P{Cc}\t\n]|[\ufffe\uffff]/u;
const NEWLINE_OR_TAB = /[\n\t]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const SCRIPT_URL = /\b(?:javascript|vbscript|livescript)\s*:|\bdata\s*:\s*text\/html/i;
const EVENT_HANDLER = /\bon[a-z]{3,}\s*=/i;
const CHAR_REFERENCE = /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]{1,30});/i;

const hex = (ch: string): string => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Why a text may not stand in a pack, or null. `multiline`: newlines and tabs allowed
 * (summaries, the pack description); names and aliases are one line.
 */
export function plainTextProblem(text: string, multiline = false): string | null {
  if (!suspect(text)) return null;
  let m = BIDI.exec(text);
  if (m) return `contains the invisible bidirectional control ${hex(m[0])}, which can disguise text`;
  if (text.includes('\ufeff')) return 'contains a byte order mark (U+FEFF) inside the text';
  if (LONE_SURROGATE.test(text)) return 'contains an unpaired surrogate (broken UTF-16)';
  m = CONTROL.exec(text);
  if (m) return `contains the control character ${hex(m[0])}`;
  if (!multiline && NEWLINE_OR_TAB.test(text)) return 'contains a line break or tab (write it on one line)';
  if (text.includes('<')) return 'contains "<": texts are plain text, not HTML';
  m = SCRIPT_URL.exec(text);
  if (m) return `contains "${m[0]}", which looks like a script URL`;
  m = EVENT_HANDLER.exec(text);
  if (m) return `contains "${m[0]}", which looks like an HTML event handler`;
  m = CHAR_REFERENCE.exec(text);
  if (m) return `contains the HTML character reference "${m[0]}": write the character itself`;
  return null;
}

/** "https://…" with no space, control or markup; not a script URL. Null when fine. */
export function sourceUrlProblem(text: string, maxLength: number): string | null {
  if (text.length > maxLength) return `too long: ${text.length} characters, at most ${maxLength}`;
  if (!/^https:\/\/[^\s\p{Cc}\p{Cf}<>"'`]+$/u.test(text)) {
    return `expected an https URL (https://…), got ${quote(text)}`;
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `not a valid URL: ${quote(text)}`;
  }
  if (url.protocol !== 'https:' || !url.hostname) return `expected an https URL (https://…), got ${quote(text)}`;
  if (url.username || url.password) return 'a source URL may not carry a user name or password';
  return null;
}

/** A short, safe rendering of a value for a message (long strings cut, controls escaped). */
export function quote(value: string, max = 60): string {
  const cut = value.length > max ? `${value.slice(0, max)}…` : value;
  return JSON.stringify(cut).replace(
    /[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** What a JSON value is, for "expected …, got …" messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${quote(value, 40)}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'undefined') return 'nothing';
  return `the ${typeof value} ${String(value)}`;
}
