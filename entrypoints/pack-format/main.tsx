/**
 * The pack format, readable: data/PACKS.md rendered (our own file, bundled at build time; no
 * user text reaches the HTML), under a header in the UI language with the sample pack to
 * download. Opened from the library's packs section.
 */
import { render } from 'preact';
import { marked } from 'marked';
import { startI18n } from '../../platform/i18n';
import { translatorOf } from '../../lib/i18n-resources';
import { downloadText } from '../library/download';
import packFormat from '../../data/PACKS.md?raw';
import samplePack from '../../data/sample-pack.json?raw';
import './pack-format.css';

const formatHtml = marked.parse(packFormat, { async: false });

function PackFormatPage({ t }: { t: (key: string) => string }) {
  return (
    <main class="pack-format">
      <header>
        <h1>{t('packFormat.title')}</h1>
        <p>
          <button
            type="button"
            onClick={() => downloadText('sample.pack.json', 'application/json', samplePack)}
            data-testid="download-sample-pack"
          >
            {t('packFormat.download')}
          </button>
        </p>
        <p class="hint">{t('packFormat.languageNote')}</p>
      </header>
      <article lang="en" dir="ltr" data-testid="pack-format-doc" dangerouslySetInnerHTML={{ __html: formatHtml }} />
    </main>
  );
}

async function main() {
  const root = document.getElementById('app');
  if (!root) return;
  const draw = () => {
    const t = translatorOf(i18n);
    document.title = t('packFormat.title');
    document.documentElement.lang = i18n.language;
    document.documentElement.dir = i18n.dir(i18n.language);
    render(<PackFormatPage t={t} />, root);
  };
  const i18n = await startI18n(() => draw());
  draw();
}
void main();
