/**
 * The reader's CSS Custom Highlights, kept in step with the article's annotations and mentions
 * by touching only what changed: tagging one more passage adds one range instead of rebuilding
 * thousands. Highlights never split the text's DOM, so Arabic letters stay joined.
 */
import { paragraphElements, rangeForSpan } from './paragraphs';

/** One thing to draw: a stable key (e.g. 'a:12'), the highlight it belongs to, and its code-point span. */
export interface HighlightSpan {
  key: string;
  name: string;
  start: number;
  end: number;
}

/**
 * The highlights drawn over one rendering of one text: made when the text is rendered (its
 * paragraphs are looked up then, once), cleared when the text changes.
 */
export class HighlightLayer {
  private readonly drawn = new Map<string, HighlightSpan & { range: Range }>();
  private readonly highlights = new Map<string, Highlight>();
  private readonly paragraphs: HTMLElement[];

  constructor(
    container: HTMLElement,
    private readonly body: string,
  ) {
    this.paragraphs = paragraphElements(container);
  }

  /** Draws exactly `spans`: ranges that went or moved are removed, new ones added, the rest left alone. */
  update(spans: readonly HighlightSpan[]): void {
    const wanted = new Map(spans.map((span) => [span.key, span]));
    for (const [key, drawn] of this.drawn) {
      const span = wanted.get(key);
      if (span && span.name === drawn.name && span.start === drawn.start && span.end === drawn.end) continue;
      this.highlight(drawn.name).delete(drawn.range);
      this.drawn.delete(key);
    }
    for (const span of spans) {
      if (this.drawn.has(span.key)) continue;
      const range = rangeForSpan(this.paragraphs, this.body, span.start, span.end);
      if (!range) continue;
      this.highlight(span.name).add(range);
      this.drawn.set(span.key, { ...span, range });
    }
  }

  /** The range drawn for a key, if any. */
  rangeOf(key: string): Range | undefined {
    return this.drawn.get(key)?.range;
  }

  /** Removes every highlight this layer drew. */
  clear(): void {
    for (const name of this.highlights.keys()) CSS.highlights.delete(name);
    this.highlights.clear();
    this.drawn.clear();
  }

  private highlight(name: string): Highlight {
    let highlight = this.highlights.get(name);
    if (!highlight) {
      this.highlights.set(name, (highlight = new Highlight()));
      CSS.highlights.set(name, highlight);
    }
    return highlight;
  }
}
