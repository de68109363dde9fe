import { render } from 'preact';
import { startI18n } from '../../platform/i18n';
import { getSetting } from '../../platform/settings';
import { resolveContentLanguage } from '../../lib/settings';
import type { Lang } from '../../lib/dataset/basics';
import { LibraryApp } from './LibraryApp';
import { askToKeepStorage } from '../../platform/storage-protection';
import '../../components/entity-card.css';
import './library.css';

async function main() {
  // The reader's notes live in IndexedDB: ask that the browser not evict them under storage
  // pressure (see platform/storage-protection.ts; the library says what the browser answered).
  void askToKeepStorage();
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
