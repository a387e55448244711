/**
 * The reader's entities: one row per entity with how often it is mentioned and how many of those
 * are suggestions, which can be accepted or rejected for the entity at once. An entity's mentions
 * open beneath it only when asked, so a common alias with hundreds of suggestions takes one row.
 */
import { useMemo, useState } from 'react';
import type { MentionRow } from '../../../electron/api/contract';
import { api } from '../api';
import { useI18n } from '../i18n';
import { MentionList } from './MentionList';

interface Props {
  mentions: MentionRow[];
  onChanged: () => void;
  onError: (message: string) => void;
}

/** The grouped list. */
export function EntityMentionGroups({ mentions, onChanged, onError }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState<number | null>(null);
  const groups = useMemo(() => {
    const byEntity = new Map<number, MentionRow[]>();
    for (const mention of mentions) byEntity.set(mention.entityId, [...(byEntity.get(mention.entityId) ?? []), mention]);
    return [...byEntity.values()].sort((a, b) => b.length - a.length || a[0]!.entityName.localeCompare(b[0]!.entityName));
  }, [mentions]);
  const review = async (ids: number[], status: 'accepted' | 'rejected') => {
    try {
      await api.reviewMentions({ ids, status });
      onChanged();
    } catch (e) {
      onError((e as Error).message);
    }
  };
  return (
    <ul className="entity-groups">
      {groups.map((group) => {
        const { entityId, entityName, kind } = group[0]!;
        const suggested = group.filter((m) => m.status === 'suggested').map((m) => m.id);
        const expanded = open === entityId;
        return (
          <li key={entityId} data-testid="entity-group">
            <div className="entity-group-head">
              <button type="button" className="link" aria-expanded={expanded} onClick={() => setOpen(expanded ? null : entityId)}>
                <bdi>{entityName}</bdi>
              </button>
              <span className="muted">
                {t(`kind_${kind}`)} · {t('mentionCounts', { total: group.length, suggested: suggested.length })}
              </span>
            </div>
            {suggested.length > 0 && (
              <div className="actions">
                <button type="button" onClick={() => void review(suggested, 'accepted')}>
                  {t('acceptEntitySuggestions', { n: suggested.length })}
                </button>
                <button type="button" onClick={() => void review(suggested, 'rejected')}>
                  {t('rejectEntitySuggestions', { n: suggested.length })}
                </button>
              </div>
            )}
            {expanded && <MentionList mentions={group} show="entity" bulkActions={false} onChanged={onChanged} onError={onError} />}
          </li>
        );
      })}
    </ul>
  );
}
