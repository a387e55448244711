/**
 * The reader: an article shown right to left or left to right, its annotations drawn as CSS
 * Custom Highlights, and a toolbar that turns a selected passage into a tagged annotation.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { AnnotationRow, Tag } from '../../../electron/api/contract';
import { api } from '../api';
import { ErrorBanner } from '../components/ErrorBanner';
import { TagChip } from '../components/TagChip';
import { useI18n } from '../i18n';
import { PARAGRAPH_START_ATTRIBUTE, rangeForSpan, selectionSpan, splitParagraphs } from '../reader/paragraphs';
import { useApiData } from '../useApiData';

const FOCUS_HIGHLIGHT = 'sanad-focus';
const NEW_TAG_COLOURS = ['#f7b267', '#9ad1d4', '#cdb4db', '#ffd6a5', '#a0c4ff', '#caffbf', '#ffadad', '#bdb2ff'];

function highlightName(tagId: number | null): string {
  return tagId === null ? 'sanad-untagged' : `sanad-tag-${tagId}`;
}

/** The reader screen for one article; `focusAnnotationId` scrolls to and marks that passage. */
export function ReaderScreen({ articleId, focusAnnotationId, onBack }: { articleId: number; focusAnnotationId?: number; onBack: () => void }) {
  const { t } = useI18n();
  const article = useApiData(() => api.getArticle({ id: articleId }), [articleId]);
  const annotations = useApiData(() => api.listAnnotations({ articleId }), [articleId]);
  const tags = useApiData(() => api.listTags({}), []);
  const [focused, setFocused] = useState<number | undefined>(focusAnnotationId);
  const [actionError, setActionError] = useState<string | null>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const body = article.data?.body ?? '';
  const paragraphs = useMemo(() => splitParagraphs(body), [body]);

  useHighlights(textRef, body, annotations.data, tags.data, focused);

  const create = useCallback(
    async (span: { start: number; end: number }, tagId: number | null, note: string) => {
      try {
        await api.createAnnotation({ articleId, start: span.start, end: span.end, tagId, note: note || null });
        window.getSelection()?.removeAllRanges();
        setActionError(null);
        annotations.reload();
      } catch (error) {
        setActionError((error as Error).message);
      }
    },
    [articleId, annotations],
  );

  const remove = async (id: number) => {
    try {
      await api.deleteAnnotation({ id });
      annotations.reload();
    } catch (error) {
      setActionError((error as Error).message);
    }
  };

  if (article.error) return <ErrorBanner message={article.error} />;
  if (!article.data) return <p className="loading">{t('loading')}</p>;
  const a = article.data;
  return (
    <section className="reader" aria-label={a.title}>
      <div className="reader-main">
        <div className="reader-header">
          <button type="button" onClick={onBack}>
            {t('back')}
          </button>
          <div className="reader-meta">
            <h1 dir="auto">{a.title}</h1>
            <p>
              {[a.outlet, a.published, a.language.toUpperCase(), `${a.length.toLocaleString()} ${t('characters')}`].filter(Boolean).join(' · ')}
            </p>
          </div>
        </div>
        {actionError && <ErrorBanner message={actionError} />}
        <p className="hint">{t('selectHint')}</p>
        <div ref={textRef} className="article-text" lang={a.language} dir={a.direction} data-testid="article-text">
          {paragraphs.map((p) => (
            <p key={p.start} dir="auto" {...{ [PARAGRAPH_START_ATTRIBUTE]: p.start }}>
              {p.text}
            </p>
          ))}
        </div>
        <SelectionToolbar containerRef={textRef} body={body} tags={tags.data ?? []} onTag={create} onTagCreated={tags.reload} />
      </div>
      <aside className="reader-side" aria-label={t('articleAnnotations')}>
        <h2>{t('articleAnnotations')}</h2>
        {annotations.data?.length === 0 && <p className="muted">{t('noArticleAnnotations')}</p>}
        <ol className="annotation-list">
          {annotations.data?.map((n) => (
            <li key={n.id} aria-current={n.id === focused} onClick={() => setFocused(n.id)}>
              {n.tagName && <TagChip name={n.tagName} colour={n.tagColour ?? '#ccc'} />}
              <q dir="auto">{n.exact}</q>
              {n.note && <p className="note" dir="auto">{n.note}</p>}
              <button type="button" className="link" onClick={(e) => (e.stopPropagation(), void remove(n.id))}>
                {t('delete')}
              </button>
            </li>
          ))}
        </ol>
      </aside>
    </section>
  );
}

/** Draws every annotation as a highlight of its tag's colour, and the focused one on top. */
function useHighlights(
  textRef: React.RefObject<HTMLDivElement | null>,
  body: string,
  annotations: AnnotationRow[] | null,
  tags: Tag[] | null,
  focused: number | undefined,
): void {
  const css = useMemo(
    () =>
      [
        ...(tags ?? []).map((tag) => `::highlight(${highlightName(tag.id)}) { background-color: ${tag.colour}b3; }`),
        `::highlight(${highlightName(null)}) { background-color: #d0d0d0b3; }`,
        `::highlight(${FOCUS_HIGHLIGHT}) { text-decoration: underline 3px #c0392b; text-underline-offset: 6px; }`,
      ].join('\n'),
    [tags],
  );
  useLayoutEffect(() => {
    const style = document.createElement('style');
    style.textContent = css;
    document.head.append(style);
    return () => style.remove();
  }, [css]);
  useLayoutEffect(() => {
    const container = textRef.current;
    if (!container || !annotations) return;
    const byName = new Map<string, Range[]>();
    let focusRange: Range | null = null;
    for (const annotation of annotations) {
      const range = rangeForSpan(container, body, annotation.start, annotation.end);
      if (!range) continue;
      const name = highlightName(annotation.tagId);
      byName.set(name, [...(byName.get(name) ?? []), range]);
      if (annotation.id === focused) focusRange = range;
    }
    for (const [name, ranges] of byName) CSS.highlights.set(name, new Highlight(...ranges));
    if (focusRange) {
      CSS.highlights.set(FOCUS_HIGHLIGHT, new Highlight(focusRange));
      focusRange.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    }
    return () => {
      for (const name of byName.keys()) CSS.highlights.delete(name);
      CSS.highlights.delete(FOCUS_HIGHLIGHT);
    };
  }, [textRef, body, annotations, focused]);
}

interface ToolbarProps {
  containerRef: React.RefObject<HTMLDivElement | null>;
  body: string;
  tags: Tag[];
  onTag: (span: { start: number; end: number }, tagId: number | null, note: string) => Promise<void>;
  onTagCreated: () => void;
}

/** The small toolbar over a selection: tags (keys 1-9), a note, a new tag. Escape closes it. */
function SelectionToolbar({ containerRef, body, tags, onTag, onTagCreated }: ToolbarProps) {
  const { t } = useI18n();
  const [span, setSpan] = useState<{ start: number; end: number; top: number; left: number } | null>(null);
  const [note, setNote] = useState('');
  const [newTag, setNewTag] = useState('');
  const [error, setError] = useState<string | null>(null);
  const toolbarRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const onSelectionChange = () => {
      const container = containerRef.current;
      const selection = window.getSelection();
      // Typing in the toolbar's own fields must not close it.
      if (toolbarRef.current?.contains(document.activeElement)) return;
      const found = container ? selectionSpan(container, body, selection) : null;
      if (!found || !selection) return setSpan(null);
      const rect = selection.getRangeAt(0).getBoundingClientRect();
      setSpan({ ...found, top: rect.bottom + 8, left: Math.max(8, Math.min(rect.left, window.innerWidth - 360)) });
    };
    document.addEventListener('selectionchange', onSelectionChange);
    // The toolbar is fixed to the viewport: follow the selection when the article scrolls.
    document.addEventListener('scroll', onSelectionChange, true);
    return () => {
      document.removeEventListener('selectionchange', onSelectionChange);
      document.removeEventListener('scroll', onSelectionChange, true);
    };
  }, [containerRef, body]);

  const apply = useCallback(
    async (tagId: number | null) => {
      if (!span) return;
      await onTag(span, tagId, note);
      setSpan(null);
      setNote('');
    },
    [span, note, onTag],
  );

  useEffect(() => {
    if (!span) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setSpan(null);
        window.getSelection()?.removeAllRanges();
        return;
      }
      if (event.target instanceof HTMLInputElement) return;
      // event.code, not event.key: the digit row works on an Arabic keyboard layout too.
      const digit = /^(?:Digit|Numpad)([1-9])$/.exec(event.code)?.[1];
      const tag = digit ? tags[Number(digit) - 1] : undefined;
      if (tag) {
        event.preventDefault();
        void apply(tag.id);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [span, tags, apply]);

  const addTag = async () => {
    const name = newTag.trim();
    if (!name) return;
    try {
      const tag = await api.createTag({ name, colour: NEW_TAG_COLOURS[tags.length % NEW_TAG_COLOURS.length]! });
      setNewTag('');
      setError(null);
      onTagCreated();
      await apply(tag.id);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  if (!span) return null;
  return (
    <div ref={toolbarRef} className="selection-toolbar" role="toolbar" aria-label={t('tagSelection')} style={{ top: span.top, left: span.left }}>
      <div className="toolbar-tags">
        {tags.map((tag, i) => (
          <button key={tag.id} type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => void apply(tag.id)} style={{ borderColor: tag.colour }}>
            {i < 9 && <kbd>{i + 1}</kbd>} <span dir="auto">{tag.name}</span>
          </button>
        ))}
      </div>
      <input value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('notePlaceholder')} dir="auto" aria-label={t('note')} />
      <form
        className="new-tag"
        onSubmit={(e) => {
          e.preventDefault();
          void addTag();
        }}
      >
        <input value={newTag} onChange={(e) => setNewTag(e.target.value)} placeholder={t('newTag')} dir="auto" aria-label={t('newTag')} />
        <button type="submit">{t('addTag')}</button>
      </form>
      {error && <p className="toolbar-error">{error}</p>}
    </div>
  );
}
