import { render } from 'preact';
import { startI18n } from '../../platform/i18n';
import { getSetting } from '../../platform/settings';
import { resolveContentLanguage } from '../../lib/settings';
import type { Lang } from '../../lib/dataset/basics';
import { LibraryApp } from './LibraryApp';
import '../../components/entity-card.css';
import './library.css';

async function main() {
  // The reader's notes live in IndexedDB: ask that the browser not evict them under storage
  // pressure (an extension page may; the browser decides, and usually grants it to extensions).
  void navigator.storage?.persist?.().catch(() => false);
  const root = document.getElementById('app');
  if (!root) return;
  const draw = async () => {
    document.title = i18n.t('library.title');
    const contentLang = resolveContentLanguage(await getSetting('contentLanguage'), i18n.language as Lang);
    render(<LibraryApp i18n={i18n} contentLang={contentLang} />, root);
  };
  const i18n = await startI18n(() => void draw());
  await draw();
}
void main();
