/**
 * The reader: an article shown right to left or left to right, its annotations drawn as CSS
 * Custom Highlights, and a toolbar that turns a selected passage into a tagged annotation. In the
 * side panel a passage that is a claim shows its grade and opens for editing; one only tagged
 * Claim (a tag the analyst may apply by hand) says it is not a claim yet and offers to make one.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { AnnotationSideList } from '../components/AnnotationSideList';
import { HighlightLayer } from '../reader/highlights';
import type { AnnotationRow, Claim, EntityKind, MentionRow, ReanchorReport, Tag } from '../../../electron/api/contract';
import { api } from '../api';
import { EditTextDialog } from '../components/EditTextDialog';
import { ErrorBanner } from '../components/ErrorBanner';
import { downloadText, sendFile } from '../files';
import { useAction } from '../useAction';
import { ClaimDialog } from '../components/ClaimDialog';
import { Grade } from '../components/Grade';
import { EntityMentionGroups } from '../components/EntityMentionGroups';
import { EntityKindOptions } from './EntitiesScreen';
import { ReviewList } from '../components/ReviewList';
import { TagChips } from '../components/TagChip';
import { useI18n } from '../i18n';
import { bodyOffsetOf, PARAGRAPH_START_ATTRIBUTE, paragraphElements, rangeForSpan, selectionSpan, splitParagraphs } from '../reader/paragraphs';
import { codePointOffset } from '../../../db/text/codepoints';
import { updateCachedQuery, useApiQuery } from '../queries';

const FOCUS_HIGHLIGHT = 'sanad-focus';
/** The starter tag a passage gets when it becomes a claim (stored under its English name, whatever the interface language). */
const CLAIM_TAG = 'Claim';
/** The selection toolbar's height before it is first drawn (tags, note, tag box, entity form). */
const TOOLBAR_HEIGHT_PX = 240;

function highlightName(tagId: number | null): string {
  return tagId === null ? 'sanad-untagged' : `sanad-tag-${tagId}`;
}

/** A passage's second tag, drawn as a thick underline of its colour under the first tag's background. */
function secondTagHighlightName(tagId: number): string {
  return `sanad-second-tag-${tagId}`;
}

/**
 * The passages that share part of `annotation`'s text, each with the words they share: where two
 * passages overlap, this says which tags cover which part. (Worked out for the focused passage
 * only, so an article with thousands of passages pays nothing for it.)
 */
function overlapsOf(annotation: AnnotationRow, annotations: readonly AnnotationRow[]): { other: AnnotationRow; shared: string }[] {
  const letters = [...annotation.exact];
  return annotations
    .filter((other) => other.id !== annotation.id && other.start < annotation.end && annotation.start < other.end)
    .map((other) => ({
      other,
      shared: letters.slice(Math.max(other.start, annotation.start) - annotation.start, Math.min(other.end, annotation.end) - annotation.start).join(''),
    }));
}

/** Reading comfort, kept between sessions. */
function useReadingSettings() {
  const [settings, setSettings] = useState(() => {
    const saved = JSON.parse(localStorage.getItem('sanad.reading') ?? '{}') as { size?: number; lineHeight?: number };
    return { size: saved.size ?? 21, lineHeight: saved.lineHeight ?? 2.1 };
  });
  useEffect(() => localStorage.setItem('sanad.reading', JSON.stringify(settings)), [settings]);
  return [settings, setSettings] as const;
}

interface ReaderProps {
  articleId: number;
  focusAnnotationId?: number;
  /** Changes when stored data changed elsewhere (an undo, an import): the reader reloads. */
  onBack: () => void;
}

/** The reader screen for one article; `focusAnnotationId` scrolls to and marks that passage. */
export function ReaderScreen({ articleId, focusAnnotationId, onBack }: ReaderProps) {
  const { t, tagLabel } = useI18n();
  const article = useApiQuery('getArticle', { id: articleId });
  const annotations = useApiQuery('listAnnotations', { articleId });
  const tags = useApiQuery('listTags', {});
  const mentions = useApiQuery('listMentions', { articleId });
  const entities = useApiQuery('listEntities', {});
  const claims = useApiQuery('listClaims', { articleId });
  const [focused, setFocused] = useState<number | undefined>(focusAnnotationId);
  const [message, setMessage] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [claiming, setClaiming] = useState<{ start: number; end: number } | null>(null);
  const [editingClaim, setEditingClaim] = useState<number | null>(null);
  const [reading, setReading] = useReadingSettings();
  const textRef = useRef<HTMLDivElement>(null);
  const sideRef = useRef<HTMLElement>(null);
  const replaceInput = useRef<HTMLInputElement>(null);
  const body = article.data?.body ?? '';
  const paragraphs = useMemo(() => splitParagraphs(body), [body]);
  const placed = useMemo(() => annotations.data?.filter((a) => !a.reviewReason) ?? null, [annotations.data]);
  const inReview = useMemo(() => annotations.data?.filter((a) => a.reviewReason) ?? [], [annotations.data]);
  /** Each passage's claims (a passage may hold one per attribution). */
  const claimsOf = useMemo(() => {
    const byPassage = new Map<number, Claim[]>();
    for (const claim of claims.data ?? []) byPassage.set(claim.annotationId, [...(byPassage.get(claim.annotationId) ?? []), claim]);
    return byPassage;
  }, [claims.data]);
  const claimTagId = tags.data?.find((tag) => tag.name === CLAIM_TAG)?.id;

  // A mention is drawn only while it has a place (one the text lost waits for review instead).
  const currentMentions = useMemo(() => (mentions.data ?? []).filter((m) => !m.reviewReason), [mentions.data]);
  const mentionsInReview = useMemo(() => (mentions.data ?? []).filter((m) => m.reviewReason), [mentions.data]);
  useHighlights(textRef, body, placed, tags.data, focused, currentMentions);

  // A change refreshes what it touched (the API marks writes); a failure shows in the banner.
  const { error: actionError, setError: setActionError, run } = useAction();
  const reportReanchor = (report: ReanchorReport) => {
    const { moved, needReview, dropped } = report.mentions;
    setMessage(
      t('reanchored', { position: report.byPosition, quote: report.byQuote, fuzzy: report.byFuzzyMatch, review: report.needReview }) +
        (moved + needReview + dropped > 0 ? ` ${t('mentionsReanchored', { moved, review: needReview, dropped })}` : ''),
    );
    article.reload();
    // The new text was searched for entity aliases too.
    mentions.reload();
  };
  const saveText = (text: string) =>
    run(async () => {
      setEditing(false);
      reportReanchor(await api.updateArticleText({ id: articleId, body: text }));
    });
  const replaceFromFile = (file: File | undefined) => {
    if (!file) return;
    void run(async () => {
      reportReanchor(await api.replaceArticleTextFromFile({ id: articleId, ...(await sendFile(file, file.name)) }));
    });
  };
  const selectedSpan = () => (textRef.current ? selectionSpan(textRef.current, body, window.getSelection()) : null);
  const placeOnSelection = (annotation: AnnotationRow) => {
    const span = selectedSpan();
    if (!span) return setActionError(t('selectFirst'));
    void run(() => api.placeAnnotation({ id: annotation.id, ...span }));
  };
  const placeMentionOnSelection = (mention: MentionRow) => {
    const span = selectedSpan();
    if (!span) return setActionError(t('selectFirst'));
    void run(() => api.placeMention({ id: mention.id, ...span }));
  };
  /** The annotations under a point of the text, innermost first. */
  const annotationsAt = (x: number, y: number): AnnotationRow[] => {
    const caret = textRef.current ? document.caretPositionFromPoint?.(x, y) : null;
    const offset = caret ? bodyOffsetOf(textRef.current!, caret.offsetNode, caret.offset) : null;
    if (offset === null || offset === undefined) return [];
    const at = codePointOffset(body, offset);
    return (placed ?? []).filter((a) => a.start <= at && at < a.end).sort((a, b) => a.end - a.start - (b.end - b.start));
  };
  /** A click on highlighted text (with nothing selected) focuses the annotation under it. */
  const focusAtPoint = (event: React.MouseEvent) => {
    if (!window.getSelection()?.isCollapsed) return;
    const [hit] = annotationsAt(event.clientX, event.clientY);
    if (hit) setFocused(hit.id);
  };
  const [hover, setHover] = useState<{ x: number; y: number; annotations: AnnotationRow[] } | null>(null);
  // A hover card belongs to where the pointer was: when the text scrolls (a focused passage brought
  // into view, the wheel), it goes rather than point at other words.
  useEffect(() => {
    if (!hover) return;
    const hide = () => setHover(null);
    document.addEventListener('scroll', hide, true);
    return () => document.removeEventListener('scroll', hide, true);
  }, [hover]);
  const showHover = (event: React.MouseEvent) => {
    // While a passage is selected, its toolbar has the floor: no hover card over its buttons.
    if (!(window.getSelection()?.isCollapsed ?? true)) return setHover(null);
    const under = annotationsAt(event.clientX, event.clientY);
    setHover(under.length ? { x: event.clientX, y: event.clientY, annotations: under } : null);
  };
  const find = useFindInArticle(articleId, textRef, body);

  const create = useCallback(
    (span: { start: number; end: number }, tagId: number | null, note: string) =>
      run(async () => {
        const created = await api.createAnnotation({ articleId, start: span.start, end: span.end, tagId, note: note || null });
        // Drawn at once: the new passage joins the cached list in text order (or, tagged again, takes its place).
        const tagRefs = created.tagIds.flatMap((id) => tags.data?.filter((x) => x.id === id) ?? []).map(({ id, name, colour }) => ({ id, name, colour }));
        const row: AnnotationRow = {
          ...created,
          articleTitle: article.data?.title ?? '',
          articleDirection: article.data?.direction ?? 'rtl',
          tags: tagRefs,
          tagName: tagRefs[0]?.name ?? null,
          tagColour: tagRefs[0]?.colour ?? null,
        };
        updateCachedQuery('listAnnotations', { articleId }, (rows) => [...rows.filter((x) => x.id !== row.id), row].sort((x, y) => x.start - y.start || x.end - y.end));
      }),
    [articleId, run, tags.data, article.data],
  );

  const remove = (id: number) => run(() => api.deleteAnnotation({ id }));
  const markEntity = (span: { start: number; end: number }, kind: EntityKind, name: string) => {
    const existing = entities.data?.find((e) => e.kind === kind && e.name.toLowerCase() === name.toLowerCase());
    return run(async () => {
      await api.markEntity({ articleId, ...span, ...(existing ? { entityId: existing.id } : { newEntity: { kind, name } }) });
      window.getSelection()?.removeAllRanges();
      mentions.reload();
      entities.reload();
    });
  };

  if (article.error) return <ErrorBanner message={article.error} />;
  if (!article.data) return <p className="loading">{t('loading')}</p>;
  const a = article.data;
  return (
    <section className="reader" aria-label={a.title}>
      <div className="reader-main">
        <div className="reader-header">
          <button type="button" className="back-button" onClick={onBack}>
            {t('back')}
          </button>
          <div className="reader-meta">
            <h1 dir="auto">{a.title}</h1>
            <p>
              {/* Each part isolated, so a date beside an Arabic outlet keeps its year first. */}
              {[a.outlet, a.published, a.language.toUpperCase(), `${a.length.toLocaleString()} ${t('characters')}`]
                .filter(Boolean)
                .map((part, i) => (
                  <span key={i}>
                    {i > 0 && ' · '}
                    <bdi>{part}</bdi>
                  </span>
                ))}
            </p>
          </div>
        </div>
        <div className="reader-tools">
          <button type="button" onClick={() => setEditing(true)}>
            {t('editText')}
          </button>
          <button type="button" onClick={() => replaceInput.current?.click()}>
            {t('replaceFromFile')}
          </button>
          <button
            type="button"
            onClick={() =>
              void run(async () =>
                downloadText(`sanad-article-${articleId}-annotations.jsonld`, JSON.stringify(await api.exportWebAnnotations({ articleId }), null, 2), 'application/ld+json'),
              )
            }
          >
            {t('exportArticleW3c')}
          </button>
          <input ref={replaceInput} type="file" hidden onChange={(e) => (replaceFromFile(e.target.files?.[0]), (e.target.value = ''))} />
          <input
            className="find-input"
            type="search"
            value={find.query}
            onChange={(e) => find.setQuery(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), find.next(e.shiftKey ? -1 : 1))}
            placeholder={t('findInArticle')}
            aria-label={t('findInArticle')}
            dir={find.query ? 'auto' : undefined}
          />
          {find.query && (
            <span className="muted" role="status" data-testid="find-count">
              {find.matches.length ? t('findCount', { current: find.current + 1, total: find.matches.length }) : t('findNone')}
            </span>
          )}
          <label>
            {t('textSize')}
            <input type="range" min={14} max={34} value={reading.size} onChange={(e) => setReading((r) => ({ ...r, size: Number(e.target.value) }))} />
          </label>
          <label>
            {t('lineHeight')}
            <input type="range" min={1.4} max={3} step={0.1} value={reading.lineHeight} onChange={(e) => setReading((r) => ({ ...r, lineHeight: Number(e.target.value) }))} />
          </label>
        </div>
        {actionError && <ErrorBanner message={actionError} />}
        {message && (
          <p className="reanchor-report" role="status">
            {message}
          </p>
        )}
        <p className="hint">{t('selectHint')}</p>
        <div
          ref={textRef}
          className="article-text"
          lang={a.language}
          dir={a.direction}
          data-testid="article-text"
          style={{ fontSize: `${reading.size}px`, lineHeight: reading.lineHeight }}
          onClick={focusAtPoint}
          onMouseMove={showHover}
          onMouseLeave={() => setHover(null)}
        >
          {paragraphs.map((p) => (
            <p key={p.start} dir="auto" {...{ [PARAGRAPH_START_ATTRIBUTE]: p.start }}>
              {p.text}
            </p>
          ))}
        </div>
        {hover && (
          <div className="hover-card" role="tooltip" style={{ top: hover.y + 16, left: Math.min(hover.x, window.innerWidth - 320) }}>
            {hover.annotations.map((n) => (
              <div key={n.id}>
                <TagChips tags={n.tags} />
                {hover.annotations.length > 1 && <q dir="auto">{n.exact}</q>}
                {n.note && <p dir="auto">{n.note}</p>}
              </div>
            ))}
          </div>
        )}
        <SelectionToolbar
          containerRef={textRef}
          body={body}
          tags={tags.data ?? []}
          entityNames={(entities.data ?? []).map((e) => e.name)}
          onTag={create}
          onTagCreated={tags.reload}
          onMarkEntity={markEntity}
          onClaim={(span) => setClaiming(span)}
        />
        {claiming && (
          <ClaimDialog
            subject={{ articleId, span: claiming, quote: [...body].slice(claiming.start, claiming.end).join(''), outlet: a.outlet }}
            onClose={() => setClaiming(null)}
            onDone={(done) => (setClaiming(null), setMessage(done), window.getSelection()?.removeAllRanges())}
          />
        )}
        {editingClaim !== null && (
          <ClaimDialog subject={{ claimId: editingClaim }} onClose={() => setEditingClaim(null)} onDone={(done) => (setEditingClaim(null), setMessage(done))} />
        )}
        {editing && <EditTextDialog body={body} direction={a.direction} onSave={(text) => void saveText(text)} onClose={() => setEditing(false)} />}
      </div>
      <aside className="reader-side" aria-label={t('articleAnnotations')} ref={sideRef}>
        <ReviewList
          annotations={inReview}
          mentions={mentionsInReview}
          onPlace={(n, start, end) => void run(() => api.placeAnnotation({ id: n.id, start, end }))}
          onPlaceOnSelection={placeOnSelection}
          onDelete={(n) => void remove(n.id)}
          onPlaceMentionOnSelection={placeMentionOnSelection}
          onDeleteMention={(m) => void run(() => api.deleteMention({ id: m.id }))}
        />
        <h2>{t('articleAnnotations')}</h2>
        {placed?.length === 0 && <p className="muted">{t('noArticleAnnotations')}</p>}
        <AnnotationSideList
          annotations={placed ?? []}
          focused={focused}
          scrollParent={sideRef}
          renderItem={(n) => (
            <>
              <TagChips tags={n.tags} onRemove={n.id === focused ? (tagId) => void run(() => api.updateAnnotation({ id: n.id, tagIds: n.tagIds.filter((x) => x !== tagId) })) : undefined} />
              <q dir="auto">{n.exact}</q>
              {n.note && (
                <p className="note" dir="auto">
                  {n.note}
                </p>
              )}
              {n.id === focused &&
                overlapsOf(n, placed ?? []).map(({ other, shared }) => (
                  <p key={other.id} className="overlap muted">
                    {t('overlapsWith')} <TagChips tags={other.tags} /> <q dir="auto">{shared}</q>
                  </p>
                ))}
              {/* Only the focused annotation gets a tag picker: thousands of them would slow opening. */}
              {n.id === focused && (
                <select
                  aria-label={t('addTagToPassage')}
                  value=""
                  onClick={(e) => e.stopPropagation()}
                  onChange={(e) => e.target.value && void run(() => api.updateAnnotation({ id: n.id, tagIds: [...n.tagIds, Number(e.target.value)] }))}
                >
                  <option value="">{t('addTagToPassage')}</option>
                  {tags.data
                    ?.filter((tag) => !n.tagIds.includes(tag.id))
                    .map((tag) => (
                      <option key={tag.id} value={tag.id}>
                        {tagLabel(tag.name)}
                      </option>
                    ))}
                </select>
              )}
              {/* The focused annotation's note is edited in place: Enter or leaving the box saves it (undoable). */}
              {n.id === focused && (
                <input
                  className="note-editor"
                  key={`note-${n.id}-${n.note ?? ''}`}
                  defaultValue={n.note ?? ''}
                  placeholder={t('notePlaceholder')}
                  aria-label={t('note')}
                  dir="auto"
                  onClick={(e) => e.stopPropagation()}
                  onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
                  onBlur={(e) => (e.target.value.trim() || null) !== n.note && void run(() => api.updateAnnotation({ id: n.id, note: e.target.value }))}
                />
              )}
              {claimsOf.get(n.id)?.map((claim) => (
                <span key={claim.id} className="side-claim" data-testid="side-claim">
                  <span className="claim-badge">{t('claimBadge')}</span> <Grade grade={claim.grade} />
                  <button type="button" className="link" onClick={(e) => (e.stopPropagation(), setEditingClaim(claim.id))}>
                    {t('editClaimButton')}
                  </button>
                </span>
              ))}
              {/* A passage tagged Claim by hand looks like a claim: say it is not one yet, and offer to make it one. */}
              {!claimsOf.has(n.id) && claimTagId !== undefined && n.tagIds.includes(claimTagId) ? (
                <span className="side-claim not-a-claim">
                  <span className="muted">{t('taggedNotClaim')}</span>
                  <button type="button" className="link" onClick={(e) => (e.stopPropagation(), setClaiming({ start: n.start, end: n.end }))}>
                    {t('makeAClaim')}
                  </button>
                </span>
              ) : (
                n.id === focused &&
                !claimsOf.has(n.id) && (
                  <button type="button" className="link" onClick={(e) => (e.stopPropagation(), setClaiming({ start: n.start, end: n.end }))}>
                    {t('makeClaim')}
                  </button>
                )
              )}
              <button type="button" className="link" onClick={(e) => (e.stopPropagation(), void remove(n.id))}>
                {t('delete')}
              </button>
            </>
          )}
          onFocus={setFocused}
        />
        {/* Entities after the article's own annotations: one row per entity, however many its mentions. */}
        {currentMentions.length > 0 && (
          <section aria-label={t('mentionsHere')}>
            <h2>{t('mentionsHere')}</h2>
            <EntityMentionGroups mentions={currentMentions} onChanged={() => (mentions.reload(), entities.reload())} onError={setActionError} />
          </section>
        )}
      </aside>
    </section>
  );
}

const FIND_HIGHLIGHT = 'sanad-find';
const ENTITY_HIGHLIGHT = 'sanad-entity';
const SUGGESTED_ENTITY_HIGHLIGHT = 'sanad-entity-suggested';
const FIND_CURRENT_HIGHLIGHT = 'sanad-find-current';

/**
 * Find in the article, normalised like search (hamza, clitics, variants): every match is
 * marked, Enter moves to the next (Shift+Enter back) and scrolls it into view.
 */
function useFindInArticle(articleId: number, textRef: React.RefObject<HTMLDivElement | null>, body: string) {
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<{ start: number; end: number }[]>([]);
  const [current, setCurrent] = useState(0);
  useEffect(() => {
    if (!query.trim()) return setMatches([]);
    let live = true;
    const timer = setTimeout(() => {
      api.findInArticle({ id: articleId, query }).then(
        (found) => live && (setMatches(found), setCurrent(0)),
        () => live && setMatches([]),
      );
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [articleId, query]);
  useLayoutEffect(() => {
    const container = textRef.current;
    if (!container || matches.length === 0) return;
    const paragraphs = paragraphElements(container);
    const ranges = matches.map((m) => rangeForSpan(paragraphs, body, m.start, m.end)).filter((r): r is Range => r !== null);
    CSS.highlights.set(FIND_HIGHLIGHT, new Highlight(...ranges));
    const currentRange = ranges[current];
    if (currentRange) {
      CSS.highlights.set(FIND_CURRENT_HIGHLIGHT, new Highlight(currentRange));
      currentRange.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    }
    return () => {
      CSS.highlights.delete(FIND_HIGHLIGHT);
      CSS.highlights.delete(FIND_CURRENT_HIGHLIGHT);
    };
  }, [textRef, body, matches, current]);
  const next = (step: number) => matches.length && setCurrent((c) => (c + step + matches.length) % matches.length);
  return { query, setQuery, matches, current, next };
}

/** Draws every annotation as a highlight of its tag's colour, and the focused one on top. */
function useHighlights(
  textRef: React.RefObject<HTMLDivElement | null>,
  body: string,
  annotations: AnnotationRow[] | null,
  tags: Tag[] | null,
  focused: number | undefined,
  mentions: MentionRow[],
): void {
  const css = useMemo(
    () =>
      [
        ...(tags ?? []).map((tag) => `::highlight(${highlightName(tag.id)}) { background-color: ${tag.colour}b3; }`),
        ...(tags ?? []).map((tag) => `::highlight(${secondTagHighlightName(tag.id)}) { text-decoration: underline 4px ${tag.colour}; text-underline-offset: 9px; }`),
        `::highlight(${highlightName(null)}) { background-color: #d0d0d0b3; }`,
        `::highlight(${FOCUS_HIGHLIGHT}) { text-decoration: underline 3px #c0392b; text-underline-offset: 6px; }`,
        `::highlight(${ENTITY_HIGHLIGHT}) { text-decoration: underline dotted 2px #2b5d9b; text-underline-offset: 5px; }`,
        `::highlight(${SUGGESTED_ENTITY_HIGHLIGHT}) { text-decoration: underline dashed 1px #7a8ca3; text-underline-offset: 5px; }`,
        `::highlight(${FIND_HIGHLIGHT}) { text-decoration: underline 2px #1f6f78; text-underline-offset: 4px; }`,
        `::highlight(${FIND_CURRENT_HIGHLIGHT}) { background-color: #ffe08a; text-decoration: underline 3px #1f6f78; }`,
      ].join('\n'),
    [tags],
  );
  useLayoutEffect(() => {
    const style = document.createElement('style');
    style.textContent = css;
    document.head.append(style);
    return () => style.remove();
  }, [css]);
  // One layer per rendering of the text; annotations and mentions then update it in place.
  const layer = useRef<HighlightLayer | null>(null);
  useLayoutEffect(() => {
    const container = textRef.current;
    if (!container) return;
    const created = new HighlightLayer(container, body);
    layer.current = created;
    return () => {
      created.clear();
      layer.current = null;
    };
  }, [textRef, body]);
  useLayoutEffect(() => {
    if (!annotations) return;
    layer.current?.update([
      ...annotations.map((a) => ({ key: `a:${a.id}`, name: highlightName(a.tagId), start: a.start, end: a.end })),
      ...annotations.flatMap((a) => (a.tagIds[1] === undefined ? [] : [{ key: `a2:${a.id}`, name: secondTagHighlightName(a.tagIds[1]), start: a.start, end: a.end }])),
      ...mentions.map((m) => ({ key: `m:${m.id}`, name: m.status === 'accepted' ? ENTITY_HIGHLIGHT : SUGGESTED_ENTITY_HIGHLIGHT, start: m.start, end: m.end })),
    ]);
  }, [body, annotations, mentions]);
  useLayoutEffect(() => {
    const range = focused === undefined ? undefined : layer.current?.rangeOf(`a:${focused}`);
    if (!range) return;
    CSS.highlights.set(FOCUS_HIGHLIGHT, new Highlight(range));
    return () => void CSS.highlights.delete(FOCUS_HIGHLIGHT);
  }, [body, annotations, focused]);
  // Scrolls to a newly focused passage only, not on every change to the annotations.
  const hasAnnotations = annotations !== null;
  useEffect(() => {
    if (focused !== undefined) layer.current?.rangeOf(`a:${focused}`)?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  }, [focused, hasAnnotations]);
}

interface ToolbarProps {
  containerRef: React.RefObject<HTMLDivElement | null>;
  body: string;
  tags: Tag[];
  /** Names of known entities, offered as the analyst types. */
  entityNames: string[];
  onTag: (span: { start: number; end: number }, tagId: number | null, note: string) => Promise<void>;
  onTagCreated: () => void;
  onMarkEntity: (span: { start: number; end: number }, kind: EntityKind, name: string) => Promise<void>;
  /** Makes a claim of the selected passage (opens the claim dialog). */
  onClaim: (span: { start: number; end: number }) => void;
}

/** The small toolbar over a selection: tags (keys 1-9), a note, a new tag. Escape closes it. */
function SelectionToolbar({ containerRef, body, tags, entityNames, onTag, onTagCreated, onMarkEntity, onClaim }: ToolbarProps) {
  const { t, tagLabel } = useI18n();
  const [entityKind, setEntityKind] = useState<EntityKind>('place');
  const [entityName, setEntityName] = useState('');
  const [span, setSpan] = useState<{ start: number; end: number; top: number; left: number } | null>(null);
  const [note, setNote] = useState('');
  const [newTag, setNewTag] = useState('');
  const [error, setError] = useState<string | null>(null);
  const toolbarRef = useRef<HTMLDivElement>(null);
  // Alt held while selecting keeps the selection exactly as dragged (no snapping to words).
  const altHeld = useRef(false);

  useEffect(() => {
    const trackAlt = (event: MouseEvent | KeyboardEvent) => {
      altHeld.current = event.altKey;
    };
    const onSelectionChange = () => {
      const container = containerRef.current;
      const selection = window.getSelection();
      // Typing in the toolbar's own fields must not close it.
      if (toolbarRef.current?.contains(document.activeElement)) return;
      const found = container ? selectionSpan(container, body, selection, !altHeld.current) : null;
      if (!found || !selection) return setSpan(null);
      const rect = selection.getRangeAt(0).getBoundingClientRect();
      // Below the selection, or above it when there is no room below: every control stays in view.
      const height = toolbarRef.current?.offsetHeight ?? TOOLBAR_HEIGHT_PX;
      const top = rect.bottom + 8 + height <= window.innerHeight ? rect.bottom + 8 : Math.max(8, rect.top - 8 - height);
      setSpan({ ...found, top, left: Math.max(8, Math.min(rect.left, window.innerWidth - 360)) });
    };
    document.addEventListener('mousedown', trackAlt, true);
    document.addEventListener('mouseup', trackAlt, true);
    document.addEventListener('selectionchange', onSelectionChange);
    // The toolbar is fixed to the viewport: follow the selection when the article scrolls.
    document.addEventListener('scroll', onSelectionChange, true);
    return () => {
      document.removeEventListener('mousedown', trackAlt, true);
      document.removeEventListener('mouseup', trackAlt, true);
      document.removeEventListener('selectionchange', onSelectionChange);
      document.removeEventListener('scroll', onSelectionChange, true);
    };
  }, [containerRef, body]);

  const apply = useCallback(
    async (tagId: number | null) => {
      if (!span) return;
      // The toolbar closes and the selection goes at once, not when the store answers: a passage
      // selected meanwhile (an analyst tagging fast) gets its own toolbar and keeps it.
      setSpan(null);
      setNote('');
      window.getSelection()?.removeAllRanges();
      await onTag(span, tagId, note);
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
      const tag = digit ? tags[Number(digit) - 1] : tags.find((t) => t.shortcut && t.shortcut.toLowerCase() === event.key.toLowerCase());
      if (tag) {
        event.preventDefault();
        void apply(tag.id);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [span, tags, apply]);

  // The new-tag box doubles as type-ahead: it narrows the tags shown, and Enter takes the first match.
  const typed = newTag.trim().toLowerCase();
  // A starter tag is found by its name in either language.
  const names = (tag: Tag) => [tag.name.toLowerCase(), tagLabel(tag.name).toLowerCase()];
  const shownTags = typed ? tags.filter((tag) => names(tag).some((n) => n.includes(typed))) : tags;
  const addTag = async () => {
    const name = newTag.trim();
    if (!name) return;
    const match = shownTags.find((tag) => names(tag).includes(typed)) ?? (shownTags.length === 1 ? shownTags[0] : undefined);
    if (match) {
      setNewTag('');
      return apply(match.id);
    }
    try {
      const tag = await api.createTag({ name });
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
        {shownTags.map((tag) => {
          const index = tags.indexOf(tag);
          return (
            <button key={tag.id} type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => void apply(tag.id)} style={{ borderColor: tag.colour }}>
              {index < 9 && <kbd>{index + 1}</kbd>}
              {tag.shortcut && <kbd>{tag.shortcut}</kbd>} <span dir="auto">{tagLabel(tag.name)}</span>
            </button>
          );
        })}
      </div>
      <input value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('notePlaceholder')} dir="auto" aria-label={t('note')} />
      <button type="button" className="claim-button" onMouseDown={(e) => e.preventDefault()} onClick={() => (onClaim(span), setSpan(null), window.getSelection()?.removeAllRanges())}>
        {t('makeClaim')}
      </button>
      <form
        className="new-tag"
        onSubmit={(e) => {
          e.preventDefault();
          void addTag();
        }}
      >
        <input value={newTag} onChange={(e) => setNewTag(e.target.value)} placeholder={t('findOrAddTag')} dir="auto" aria-label={t('findOrAddTag')} />
        <button type="submit">{t('addTag')}</button>
      </form>
      <form
        className="entity-mark"
        onSubmit={(e) => {
          e.preventDefault();
          const name = entityName.trim() || [...body].slice(span.start, span.end).join('');
          void onMarkEntity(span, entityKind, name).then(() => {
            setSpan(null);
            setEntityName('');
          });
        }}
      >
        <select value={entityKind} onChange={(e) => setEntityKind(e.target.value as EntityKind)} aria-label={t('markEntity')}>
          <EntityKindOptions />
        </select>
        <input list="sanad-entity-names" value={entityName} onChange={(e) => setEntityName(e.target.value)} placeholder={t('existingOrNew')} aria-label={t('existingOrNew')} dir="auto" />
        <datalist id="sanad-entity-names">
          {entityNames.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
        <button type="submit">{t('markEntity')}</button>
      </form>
      {error && <p className="toolbar-error">{error}</p>}
    </div>
  );
}
