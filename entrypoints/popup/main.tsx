import { render } from 'preact';
import { startI18n } from '../../platform/i18n';
import { getSetting } from '../../platform/settings';
import { resolveContentLanguage } from '../../lib/settings';
import type { Lang } from '../../lib/dataset/basics';
import { PopupApp } from './PopupApp';
import '../../components/entity-card.css';
import './popup.css';

async function main() {
  const root = document.getElementById('app');
  if (!root) return;
  const draw = async () => {
    const contentLang = resolveContentLanguage(await getSetting('contentLanguage'), i18n.language as Lang);
    render(<PopupApp i18n={i18n} contentLang={contentLang} />, root);
  };
  const i18n = await startI18n(() => void draw());
  await draw();
}
void main();
