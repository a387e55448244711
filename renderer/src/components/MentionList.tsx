/** Mentions of entities with their context, to accept or reject one by one or all at once. */
import type { MentionRow } from '../../../electron/api/contract';
import { api } from '../api';
import { useI18n } from '../i18n';

interface Props {
  mentions: MentionRow[];
  /** Shows the article each mention is in (on an entity's page) or the entity (in the reader). */
  show: 'article' | 'entity';
  onChanged: () => void;
  onError: (message: string) => void;
  onOpen?: (mention: MentionRow) => void;
  /** Whether to offer accepting or rejecting every suggestion in the list at once (default yes). */
  bulkActions?: boolean;
}

/** The list, with bulk actions over the suggestions in it. */
export function MentionList({ mentions, show, onChanged, onError, onOpen, bulkActions = true }: Props) {
  const { t } = useI18n();
  const review = async (ids: number[], status: 'accepted' | 'rejected') => {
    if (ids.length === 0) return;
    try {
      await api.reviewMentions({ ids, status });
      onChanged();
    } catch (e) {
      onError((e as Error).message);
    }
  };
  const suggested = mentions.filter((m) => m.status === 'suggested').map((m) => m.id);
  return (
    <div className="mentions">
      {bulkActions && suggested.length > 0 && (
        <div className="actions">
          <button type="button" onClick={() => void review(suggested, 'accepted')}>
            {t('acceptAll')}
          </button>
          <button type="button" onClick={() => void review(suggested, 'rejected')}>
            {t('rejectAll')}
          </button>
        </div>
      )}
      <ul className="mention-list">
        {mentions.map((m) => (
          <li key={m.id} data-status={m.status} data-testid="mention">
            <span className="muted">
              <bdi>{show === 'article' ? m.articleTitle : `${m.entityName} · ${t(`kind_${m.kind}`)}`}</bdi> · {t(`status_${m.status}`)}
            </span>
            <p
              className="context"
              dir="auto"
              // Opens the mention in its article by click, or by Enter or Space from the keyboard.
              {...(onOpen && {
                role: 'button',
                tabIndex: 0,
                title: t('openInArticle'),
                onClick: () => onOpen(m),
                onKeyDown: (e: React.KeyboardEvent) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), onOpen(m)),
              })}
            >
              …{m.prefix}
              <mark>{m.exact}</mark>
              {m.suffix}…
            </p>
            {m.status === 'suggested' && (
              <div className="actions">
                <button type="button" onClick={() => void review([m.id], 'accepted')}>
                  {t('accept')}
                </button>
                <button type="button" onClick={() => void review([m.id], 'rejected')}>
                  {t('reject')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
