/**
 * Reduces saved HTML to the text the content script reads, with the content script's own
 * functions (same skipped elements, same block joining) on a happy-dom document, as
 * scripts/annotate.ts does. Scripts in the page do not run.
 */
import { Window } from 'happy-dom';
import { BLOCK_BREAK, joinTextNodes } from '../../../reading/page-text';
import { collectTextNodes } from '../../../reading/text-nodes';

export async function htmlToText(html: string): Promise<string> {
  const window = new Window({
    settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true, disableJavaScriptFileLoading: true },
  });
  try {
    window.document.write(html);
    const body = window.document.body as unknown as Node;
    // Blocks are joined with BLOCK_BREAK; saved selectors hold a line break there (same length).
    return joinTextNodes(collectTextNodes(body) as Text[])
      .text.split(BLOCK_BREAK)
      .join('\n');
  } finally {
    await window.happyDOM.close();
  }
}
