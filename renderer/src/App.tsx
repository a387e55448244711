/** The app shell: navigation between the library, the reader and the annotations grid. */
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { api } from './api';
import { BackupControls } from './components/BackupControls';
import { ErrorBoundary } from './components/ErrorBoundary';
import { ImportControls } from './components/ImportControls';
import { InterchangeMenu } from './components/InterchangeMenu';
import { JobsPanel } from './components/JobsPanel';
import { stepAction, stepPlace } from './history';
import { useI18n } from './i18n';
import { AnnotationsScreen } from './screens/AnnotationsScreen';
import { ClaimsScreen } from './screens/ClaimsScreen';
import { CodebookScreen } from './screens/CodebookScreen';
import { EventsScreen } from './screens/EventsScreen';
import { EntitiesScreen } from './screens/EntitiesScreen';
import { LibraryScreen } from './screens/LibraryScreen';
import { ReaderScreen } from './screens/ReaderScreen';
import { ReportsScreen } from './screens/ReportsScreen';

// The timeline's drawing library (vis-timeline and moment, some 600 kB) loads only when the timeline is first opened.
const TimelineScreen = lazy(() => import('./screens/TimelineScreen').then((module) => ({ default: module.TimelineScreen })));

/** Which screen is showing, and what it shows. */
export type View =
  | { name: 'library' }
  | { name: 'annotations' }
  | { name: 'claims'; source?: { id: number; name: string } }
  | { name: 'events'; eventId?: number }
  | { name: 'timeline' }
  | { name: 'reports' }
  | { name: 'codebook' }
  | { name: 'entities' }
  | { name: 'reader'; articleId: number; focusAnnotationId?: number };

/** The address of a view (#/reader/12/34 is article 12 with annotation 34 in focus, #/events/5 event 5), so reload and back/forward keep the place. */
function routeOf(view: View): string {
  if (view.name === 'events' && view.eventId) return `#/events/${view.eventId}`;
  if (view.name !== 'reader') return `#/${view.name}`;
  return `#/reader/${view.articleId}${view.focusAnnotationId ? `/${view.focusAnnotationId}` : ''}`;
}

/** The view an address names; the library for anything else. */
function viewOf(hash: string): View {
  const [name, id, focus] = hash.replace(/^#\/?/, '').split('/');
  if (name === 'events') return Number(id) > 0 ? { name, eventId: Number(id) } : { name };
  if (name === 'annotations' || name === 'claims' || name === 'timeline' || name === 'reports' || name === 'codebook' || name === 'entities') return { name };
  if (name === 'reader' && Number(id) > 0) return { name: 'reader', articleId: Number(id), ...(Number(focus) > 0 && { focusAnnotationId: Number(focus) }) };
  return { name: 'library' };
}

/** The whole app. */
export function App() {
  const { t, toggleLanguage } = useI18n();
  const [view, setViewState] = useState<View>(() => viewOf(window.location.hash));
  const setView = useCallback((next: View) => {
    if (routeOf(next) !== window.location.hash) history.pushState(null, '', routeOf(next));
    setViewState(next);
  }, []);
  // Back and forward move between views; a token in the address (api.ts takes it) is not a view.
  useEffect(() => {
    const follow = () => !window.location.hash.includes('token=') && setViewState(viewOf(window.location.hash));
    window.addEventListener('popstate', follow);
    window.addEventListener('hashchange', follow);
    return () => {
      window.removeEventListener('popstate', follow);
      window.removeEventListener('hashchange', follow);
    };
  }, []);
  const [notice, setNotice] = useState<string | null>(null);

  // Ctrl+Z undoes the latest annotation action, Ctrl+Shift+Z (or Ctrl+Y) redoes it, across restarts.
  useEffect(() => {
    const onKeyDown = async (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const target = event.target as HTMLElement;
      if (target.closest('input, textarea, [contenteditable="true"]')) return;
      const redo = (event.code === 'KeyZ' && event.shiftKey) || event.code === 'KeyY';
      if (!redo && !(event.code === 'KeyZ' && !event.shiftKey)) return;
      event.preventDefault();
      try {
        const entry = redo ? await api.redo({}) : await api.undo({});
        setNotice(
          entry
            ? t(redo ? 'redone' : 'undone', { action: stepAction(t, entry), quote: entry.quote }) + stepPlace(t, entry)
            : t(redo ? 'nothingToRedo' : 'nothingToUndo'),
        );
      } catch (error) {
        setNotice((error as Error).message);
      }
    };
    const listener = (event: KeyboardEvent) => void onKeyDown(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, [t]);
  const openArticle = useCallback((articleId: number, focusAnnotationId?: number) => setView({ name: 'reader', articleId, focusAnnotationId }), [setView]);

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
          <button type="button" aria-current={view.name === 'claims'} onClick={() => setView({ name: 'claims' })}>
            {t('claims')}
          </button>
          <button type="button" aria-current={view.name === 'events'} onClick={() => setView({ name: 'events' })}>
            {t('events')}
          </button>
          <button type="button" aria-current={view.name === 'timeline'} onClick={() => setView({ name: 'timeline' })}>
            {t('timeline')}
          </button>
          <button type="button" aria-current={view.name === 'reports'} onClick={() => setView({ name: 'reports' })}>
            {t('reports')}
          </button>
          <button type="button" aria-current={view.name === 'codebook'} onClick={() => setView({ name: 'codebook' })}>
            {t('codebook')}
          </button>
          <button type="button" aria-current={view.name === 'entities'} onClick={() => setView({ name: 'entities' })}>
            {t('entities')}
          </button>
        </nav>
        <ImportControls />
        <BackupControls />
        <InterchangeMenu />
        <button type="button" className="language-toggle" onClick={toggleLanguage}>
          {t('switchLanguage')}
        </button>
      </header>
      <main className="screen">
        <ErrorBoundary key={view.name} title={t('screenFailed')} retryLabel={t('retry')}>
        {view.name === 'library' && <LibraryScreen onOpen={openArticle} />}
        {view.name === 'annotations' && <AnnotationsScreen onOpen={openArticle} />}
        {view.name === 'claims' && <ClaimsScreen onOpen={openArticle} source={view.source} onClearSource={() => setView({ name: 'claims' })} />}
        {view.name === 'events' && (
          <EventsScreen key={view.eventId} initialEventId={view.eventId} onOpen={openArticle} onShowSource={(id, name) => setView({ name: 'claims', source: { id, name } })} />
        )}
        {view.name === 'timeline' && (
          <Suspense fallback={<p className="muted">{t('loading')}</p>}>
            <TimelineScreen onOpenEvent={(eventId) => setView({ name: 'events', eventId })} />
          </Suspense>
        )}
        {view.name === 'reports' && <ReportsScreen />}
        {view.name === 'codebook' && <CodebookScreen />}
        {view.name === 'entities' && <EntitiesScreen onOpen={(id) => openArticle(id)} />}
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
      <JobsPanel />
      {notice && (
        <div className="notice" role="status" onAnimationEnd={() => setNotice(null)} key={notice}>
          <bdi>{notice}</bdi>
        </div>
      )}
    </div>
  );
}
