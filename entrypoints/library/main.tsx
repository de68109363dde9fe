import { render } from 'preact';
import { startI18n } from '../../platform/i18n';
import { LibraryApp } from './LibraryApp';
import './library.css';

async function main() {
  const root = document.getElementById('app');
  if (!root) return;
  const draw = () => {
    document.title = i18n.t('library.title');
    render(<LibraryApp i18n={i18n} />, root);
  };
  const i18n = await startI18n(draw);
  draw();
}
void main();
