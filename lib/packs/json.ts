/**
 * JSON text → value, or a problem with the line and column of the fault. JSON.parse is the
 * parser (native, fast, no recursion limit in V8); this file only turns its errors, which
 * differ between engines, into one message with a place.
 */

export type JsonResult = { ok: true; value: unknown } | { ok: false; message: string };

/** 1-based line and column of a UTF-16 offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let k = text.indexOf('\n'); k !== -1 && k < end; k = text.indexOf('\n', k + 1)) {
    line++;
    lineStart = k + 1;
  }
  return { line, column: end - lineStart + 1 };
}

/** The offset an engine's JSON.parse error names, when it names one. */
function errorOffset(text: string, message: string): number | null {
  // V8 (Chrome, Node): "… in JSON at position 25 (line 1 column 26)"
  const position = /at position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  // SpiderMonkey (Firefox): "JSON.parse: … at line 3 column 5 of the JSON data"
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) {
    let offset = 0;
    for (let line = 1; line < Number(lc[1]); line++) {
      const k = text.indexOf('\n', offset);
      if (k === -1) break;
      offset = k + 1;
    }
    return offset + Number(lc[2]) - 1;
  }
  if (/end of (JSON )?(input|data)/i.test(message)) return text.length;
  return firstSyntaxError(text);
}

const WS = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/** End of the JSON string starting at k (a '"'), or -1 when it is not a valid string. */
function stringEnd(text: string, k: number): number {
  for (let i = k + 1; i < text.length;) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return -1;
    if (c !== 0x5c) {
      i++;
      continue;
    }
    ESCAPE.lastIndex = i;
    if (!ESCAPE.test(text)) return -1;
    i = ESCAPE.lastIndex;
  }
  return -1;
}

/**
 * Offset of the first syntax error (for engines whose message names no position), found by a
 * small iterative scanner: a stack of open containers, no recursion. Null if none is found.
 */
export function firstSyntaxError(text: string): number | null {
  const stack: number[] = []; // 0x5b [ or 0x7b {
  let k = 0;
  // What may come next: a value, a key (after "{" or ","), or "," / closer (after a value).
  let expect: 'value' | 'key' | 'after' | 'colon' = 'value';
  let first = false; // just after "[" or "{": a closer is allowed
  const skip = (): void => {
    while (k < text.length && WS(text.charCodeAt(k))) k++;
  };
  for (;;) {
    skip();
    if (k >= text.length) return stack.length || expect !== 'after' ? text.length : null;
    const c = text.charCodeAt(k);
    if (expect === 'after') {
      const top = stack[stack.length - 1];
      if (top === undefined) return k; // text after the value
      if (c === 0x2c) {
        k++;
        expect = top === 0x7b ? 'key' : 'value';
        first = false;
        continue;
      }
      if ((top === 0x5b && c === 0x5d) || (top === 0x7b && c === 0x7d)) {
        stack.pop();
        k++;
        continue;
      }
      return k;
    }
    if (expect === 'colon') {
      if (c !== 0x3a) return k;
      k++;
      expect = 'value';
      continue;
    }
    if (first && (c === 0x5d || c === 0x7d) && c === stack[stack.length - 1]! + 2) {
      stack.pop();
      k++;
      expect = 'after';
      first = false;
      continue;
    }
    if (expect === 'key') {
      const end = c === 0x22 ? stringEnd(text, k) : -1;
      if (end === -1) return k;
      k = end;
      expect = 'colon';
      first = false;
      continue;
    }
    first = false;
    if (c === 0x5b || c === 0x7b) {
      stack.push(c);
      k++;
      expect = c === 0x7b ? 'key' : 'value';
      first = true;
      continue;
    }
    NUMBER.lastIndex = k;
    if (c === 0x22) {
      const end = stringEnd(text, k);
      if (end === -1) return k;
      k = end;
    } else if (NUMBER.test(text)) k = NUMBER.lastIndex;
    else if (text.startsWith('true', k) || text.startsWith('null', k)) k += 4;
    else if (text.startsWith('false', k)) k += 5;
    else return k;
    expect = 'after';
  }
}

/** The engine's reason without its own position and without an echo of the input. */
function reason(message: string): string {
  return message
    .replace(/^JSON\.parse: /, '')
    .replace(/, (\.\.\.)?".*is not valid JSON$/s, '')
    .replace(/'(.)'/su, (token, ch: string) =>
      /^[\s\p{Cc}\p{Cf}]$/u.test(ch)
        ? `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} (an invisible character)`
        : token,
    )
    .replace(/ (in JSON )?at position \d+.*$/s, '')
    .replace(/ at line \d+ column \d+ of the JSON data$/, '')
    .trim();
}

export function parseJson(text: string): JsonResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof RangeError) return { ok: false, message: 'not valid JSON: nested too deeply' };
    const offset = errorOffset(text, message);
    const why = reason(message) || 'unexpected text';
    if (offset === null) return { ok: false, message: `not valid JSON: ${why}` };
    const { line, column } = lineColumn(text, offset);
    const truncated = offset >= text.length ? ' (the text ends too early: is the file cut off?)' : '';
    return { ok: false, message: `not valid JSON at line ${line}, column ${column}: ${why}${truncated}` };
  }
}
