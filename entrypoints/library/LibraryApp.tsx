import type { i18n } from 'i18next';

export function LibraryApp({ i18n }: { i18n: i18n }) {
  const t = i18n.t.bind(i18n);
  return (
    <main class="library" data-testid="library">
      <h1>{t('library.title')}</h1>
      <p class="empty">{t('library.empty')}</p>
    </main>
  );
}
