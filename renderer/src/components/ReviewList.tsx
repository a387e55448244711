/**
 * Everything anchored that could not be placed with certainty after the article's text
 * changed, in one list: annotations (the old context beside each place found in the new text)
 * and accepted entity mentions. The analyst chooses a place, selects the passage by hand, or
 * deletes it; nothing moves on its own.
 */
import type { AnnotationRow, MentionRow } from '../../../electron/api/contract';
import { useI18n } from '../i18n';

interface Props {
  annotations: AnnotationRow[];
  mentions: MentionRow[];
  onPlaceMentionOnSelection: (mention: MentionRow) => void;
  onDeleteMention: (mention: MentionRow) => void;
  onPlace: (annotation: AnnotationRow, start: number, end: number) => void;
  onPlaceOnSelection: (annotation: AnnotationRow) => void;
  onDelete: (annotation: AnnotationRow) => void;
}

function Context({ prefix, exact, suffix }: { prefix: string; exact: string; suffix: string }) {
  return (
    <p className="context" dir="auto">
      …{prefix}
      <mark>{exact}</mark>
      {suffix}…
    </p>
  );
}

/** What can be done with anything waiting for review: place it on the selected text, or delete it. */
function ReviewActions({ onPlaceOnSelection, onDelete }: { onPlaceOnSelection: () => void; onDelete: () => void }) {
  const { t } = useI18n();
  return (
    <div className="actions">
      {/* The mouse-down would clear the selection the button acts on. */}
      <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={onPlaceOnSelection}>
        {t('placeOnSelection')}
      </button>
      <button type="button" className="link" onClick={onDelete}>
        {t('delete')}
      </button>
    </div>
  );
}

/** The review section of the reader's side panel. */
export function ReviewList({ annotations, mentions, onPlace, onPlaceOnSelection, onDelete, onPlaceMentionOnSelection, onDeleteMention }: Props) {
  const { t } = useI18n();
  const count = annotations.length + mentions.length;
  if (count === 0) return null;
  return (
    <section aria-label={t('needsReview', { n: count })}>
      <h2>{t('needsReview', { n: count })}</h2>
      <ul className="review-list">
        {annotations.map((annotation) => (
          <li key={annotation.id} data-testid="review-item">
            <strong>{annotation.reviewReason === 'unmatched' ? t('reviewUnmatched') : t('reviewAmbiguous')}</strong>
            <span className="muted">{t('wasHere')}:</span>
            <Context prefix={annotation.prefix} exact={annotation.exact} suffix={annotation.suffix} />
            {annotation.reviewCandidates?.map((candidate) => (
              <div key={candidate.start}>
                <span className="muted">{annotation.reviewReason === 'unmatched' ? t('nowThere') : t('foundHere')}:</span>
                <Context {...candidate} />
                <button type="button" onClick={() => onPlace(annotation, candidate.start, candidate.end)}>
                  {t('useThisPlace')}
                </button>
              </div>
            ))}
            <ReviewActions onPlaceOnSelection={() => onPlaceOnSelection(annotation)} onDelete={() => onDelete(annotation)} />
          </li>
        ))}
        {mentions.map((mention) => (
          <li key={`m${mention.id}`} data-testid="review-item">
            <strong>{t('mentionUnmatched', { entity: mention.entityName })}</strong>
            <span className="muted">{t('wasHere')}:</span>
            <Context prefix={mention.prefix} exact={mention.exact} suffix={mention.suffix} />
            <ReviewActions onPlaceOnSelection={() => onPlaceMentionOnSelection(mention)} onDelete={() => onDeleteMention(mention)} />
          </li>
        ))}
      </ul>
    </section>
  );
}
