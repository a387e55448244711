/**
 * The reader's list of an article's annotations, in text order, virtualised (TanStack Virtual):
 * only the items in view (and a few around them) are in the page, so an article with 5,000
 * annotations opens as fast as one with 50. Items open on click or Enter; the focused one is
 * scrolled into view.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { type ReactNode, useEffect, useRef } from 'react';
import type { AnnotationRow } from '../../../electron/api/contract';

/** Props of {@link AnnotationSideList}. */
export interface AnnotationSideListProps {
  annotations: AnnotationRow[];
  focused: number | undefined;
  /** The element that scrolls (the side panel, which holds other sections above the list). */
  scrollParent: React.RefObject<HTMLElement | null>;
  renderItem: (annotation: AnnotationRow) => ReactNode;
  onFocus: (id: number) => void;
}

/** Estimated height of an item before it is measured. */
const ESTIMATED_ITEM_PX = 72;

/** The virtualised list. */
export function AnnotationSideList({ annotations, focused, scrollParent, renderItem, onFocus }: AnnotationSideListProps) {
  const list = useRef<HTMLOListElement>(null);
  const virtualizer = useVirtualizer({
    count: annotations.length,
    getScrollElement: () => scrollParent.current,
    estimateSize: () => ESTIMATED_ITEM_PX,
    overscan: 8,
    gap: 8,
    scrollMargin: list.current?.offsetTop ?? 0,
    getItemKey: (index) => annotations[index]!.id,
  });
  const focusedIndex = annotations.findIndex((a) => a.id === focused);
  useEffect(() => {
    if (focusedIndex >= 0) virtualizer.scrollToIndex(focusedIndex, { align: 'auto' });
  }, [focusedIndex, virtualizer]);
  const items = virtualizer.getVirtualItems();
  return (
    <ol className="annotation-list" ref={list} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
      {items.map((item) => {
        const annotation = annotations[item.index]!;
        return (
          <li
            key={item.key}
            ref={virtualizer.measureElement}
            data-index={item.index}
            data-testid="annotation-item"
            aria-current={annotation.id === focused}
            tabIndex={0}
            onClick={() => onFocus(annotation.id)}
            onKeyDown={(event) => event.key === 'Enter' && event.target === event.currentTarget && onFocus(annotation.id)}
            style={{ position: 'absolute', insetInlineStart: 0, insetInlineEnd: 0, top: 0, transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
          >
            {renderItem(annotation)}
          </li>
        );
      })}
    </ol>
  );
}
