/**
 * Whether the word at offset `at` starts a sentence: nothing but spaces between it and the start
 * of the text, a line or block break, a sentence's final punctuation, or an opening quote,
 * bracket or dash (a quotation or a parenthesis starts afresh). Used where a capital letter
 * says nothing because the sentence gives it anyway.
 */
const BEFORE_A_SENTENCE = new Set([...'.!?…:;\n\r\u0000«"“„(—–-'].map((c) => c.charCodeAt(0)));

export function startsSentence(text: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0) {
    const c = text.charCodeAt(k);
    if (c !== 0x20 && c !== 0xa0 && c !== 0x09) break;
    k--;
  }
  return k < 0 || BEFORE_A_SENTENCE.has(text.charCodeAt(k));
}
