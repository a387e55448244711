/** How a history step reads in the interface: what was done (with its counts), to what, and where. */
import type { HistoryEntry } from '../../electron/api/contract';
import type { MessageKey } from './messages';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** What the step did, e.g. "acceptance of 40 mentions of" or "tagging". */
export function stepAction(t: Translate, entry: HistoryEntry): string {
  return t(`step_${entry.kind}`, entry.detail as Record<string, string | number>);
}

/** Where the step happened, e.g. ' in “Faw port closed…”', or '' when it is not about one article. */
export function stepPlace(t: Translate, entry: HistoryEntry): string {
  return entry.articleTitle && entry.articleTitle !== entry.quote ? t('inArticle', { title: entry.articleTitle }) : '';
}
