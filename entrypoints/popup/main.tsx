import { render } from 'preact';
import { startI18n } from '../../platform/i18n';
import { PopupApp } from './PopupApp';
import './popup.css';

async function main() {
  const root = document.getElementById('app');
  if (!root) return;
  const draw = () => render(<PopupApp i18n={i18n} />, root);
  const i18n = await startI18n(draw);
  draw();
}
void main();
