/**
 * HTML to an article: the main text found by Mozilla's Readability (the Firefox reader view),
 * metadata from <meta>, Open Graph and JSON-LD. Only text is kept: scripts, styles, event
 * handlers and remote resources are removed first and nothing of the markup is stored, so
 * imported HTML can never run.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { parseMetadataDate } from './dates';

/** What an HTML page yields. */
export interface HtmlArticle {
  title: string | null;
  outlet: string | null;
  author: string | null;
  url: string | null;
  published: string | null;
  body: string;
}

/** Elements that never hold article text. */
const NON_TEXT = 'script, style, noscript, iframe, frame, object, embed, template, svg, canvas, form, button, input, select, textarea, link, meta[http-equiv]';
const BLOCKS = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'TR', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'FIGCAPTION', 'FIGURE', 'UL', 'OL', 'TABLE', 'DD', 'DT', 'ASIDE', 'MAIN', 'NAV']);

/** The charset an HTML file declares in its first bytes, if any. */
export function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ?? null;
}

/** Extracts the article text and metadata from an HTML document. */
export function extractHtml(html: string): HtmlArticle {
  const { document } = parseHTML(html);
  const metadata = readMetadata(document);
  document.querySelectorAll(NON_TEXT).forEach((node: Element) => node.remove());
  // Readability edits the document it reads; it gets its own copy.
  const parsed = new Readability(parseHTML(document.toString()).document as unknown as Document, { charThreshold: 200 }).parse();
  const body = parsed?.content ? blockText(parseHTML(`<div>${parsed.content}</div>`).document.firstElementChild) : blockText(document.body);
  return {
    ...metadata,
    title: metadata.title ?? cleanLine(parsed?.title) ?? cleanLine(document.querySelector('title')?.textContent),
    author: metadata.author ?? cleanLine(parsed?.byline),
    outlet: metadata.outlet ?? cleanLine(parsed?.siteName),
    published: metadata.published ?? parseMetadataDate(parsed?.publishedTime),
    body,
  };
}

function cleanLine(text: string | null | undefined): string | null {
  const line = text?.replace(/\s+/g, ' ').trim();
  return line ? line : null;
}

/** Text of an element with one line per block (paragraph, heading, list item), inline whitespace collapsed. */
function blockText(root: Element | null | undefined): string {
  if (!root) return '';
  const lines: string[] = [];
  let line = '';
  const flush = () => {
    const trimmed = line.replace(/\s+/g, ' ').trim();
    if (trimmed) lines.push(trimmed);
    line = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) line += node.textContent ?? '';
    else if (node.nodeType === 1) {
      const element = node as Element;
      if (element.tagName === 'BR') return flush();
      const block = BLOCKS.has(element.tagName);
      if (block) flush();
      element.childNodes.forEach(walk);
      if (block) flush();
    }
  };
  walk(root);
  flush();
  return lines.join('\n');
}

type JsonLd = Record<string, unknown>;

function readMetadata(document: Document): Omit<HtmlArticle, 'body'> {
  const meta = (...selectors: string[]) => {
    for (const selector of selectors) {
      const value = cleanLine(document.querySelector(selector)?.getAttribute('content'));
      if (value) return value;
    }
    return null;
  };
  const ld = jsonLdArticle(document);
  const ldName = (value: unknown): string | null => {
    if (typeof value === 'string') return cleanLine(value);
    if (Array.isArray(value)) return value.map(ldName).filter(Boolean).join(', ') || null;
    if (value && typeof value === 'object') return cleanLine((value as JsonLd).name as string | undefined);
    return null;
  };
  return {
    title: meta('meta[property="og:title"]', 'meta[name="twitter:title"]') ?? ldName(ld?.headline),
    outlet: meta('meta[property="og:site_name"]', 'meta[name="application-name"]') ?? ldName(ld?.publisher),
    author: meta('meta[name="author"]', 'meta[property="article:author"]') ?? ldName(ld?.author),
    url:
      cleanLine(document.querySelector('link[rel="canonical"]')?.getAttribute('href')) ??
      meta('meta[property="og:url"]') ??
      (typeof ld?.url === 'string' ? ld.url : null),
    published:
      parseMetadataDate(
        meta('meta[property="article:published_time"]', 'meta[name="date"]', 'meta[name="pubdate"]', 'meta[name="publish-date"]', 'meta[name="dc.date"]', 'meta[itemprop="datePublished"]'),
      ) ??
      parseMetadataDate(typeof ld?.datePublished === 'string' ? ld.datePublished : null) ??
      parseMetadataDate(document.querySelector('time[datetime]')?.getAttribute('datetime')),
  };
}

/** The first JSON-LD object that describes an article, searching @graph arrays too. */
function jsonLdArticle(document: Document): JsonLd | null {
  const objects: JsonLd[] = [];
  const collect = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') {
      objects.push(value as JsonLd);
      if ('@graph' in value) collect((value as JsonLd)['@graph']);
    }
  };
  document.querySelectorAll('script[type="application/ld+json"]').forEach((script: Element) => {
    try {
      collect(JSON.parse(script.textContent ?? ''));
    } catch {
      // A broken JSON-LD block is the page's problem; the rest of the metadata still counts.
    }
  });
  return objects.find((o) => /Article|Posting|Report/.test(String(o['@type']))) ?? null;
}
