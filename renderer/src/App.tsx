/** The app shell: navigation between the library, the reader and the annotations grid. */
import { useCallback, useState } from 'react';
import { ErrorBoundary } from './components/ErrorBoundary';
import { ImportControls } from './components/ImportControls';
import { useI18n } from './i18n';
import { AnnotationsScreen } from './screens/AnnotationsScreen';
import { LibraryScreen } from './screens/LibraryScreen';
import { ReaderScreen } from './screens/ReaderScreen';

/** Which screen is showing, and what it shows. */
export type View = { name: 'library' } | { name: 'annotations' } | { name: 'reader'; articleId: number; focusAnnotationId?: number };

/** The whole app. */
export function App() {
  const { t, toggleLanguage } = useI18n();
  const [view, setView] = useState<View>({ name: 'library' });
  // Bumped after an import so the library reloads.
  const [libraryVersion, setLibraryVersion] = useState(0);
  const onImported = useCallback(() => setLibraryVersion((v) => v + 1), []);
  const openArticle = useCallback((articleId: number, focusAnnotationId?: number) => setView({ name: 'reader', articleId, focusAnnotationId }), []);

  return (
    <div className="app">
      <header className="topbar">
        <span className="brand" aria-label="Sanad">
          {t('appName')}
        </span>
        <nav className="tabs" aria-label="Screens">
          <button type="button" aria-current={view.name === 'library'} onClick={() => setView({ name: 'library' })}>
            {t('library')}
          </button>
          <button type="button" aria-current={view.name === 'annotations'} onClick={() => setView({ name: 'annotations' })}>
            {t('annotations')}
          </button>
        </nav>
        <ImportControls onImported={onImported} />
        <button type="button" className="language-toggle" onClick={toggleLanguage}>
          {t('switchLanguage')}
        </button>
      </header>
      <main className="screen">
        <ErrorBoundary key={view.name} title={t('screenFailed')} retryLabel={t('retry')}>
        {view.name === 'library' && <LibraryScreen version={libraryVersion} onOpen={openArticle} />}
        {view.name === 'annotations' && <AnnotationsScreen onOpen={openArticle} />}
        {view.name === 'reader' && (
          <ReaderScreen
            key={view.articleId}
            articleId={view.articleId}
            focusAnnotationId={view.focusAnnotationId}
            onBack={() => setView({ name: 'library' })}
          />
        )}
        </ErrorBoundary>
      </main>
    </div>
  );
}
