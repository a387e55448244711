/**
 * Annotations whose passage could not be placed with certainty after the article's text
 * changed: the old context beside each place found in the new text. The analyst chooses a
 * place, selects the passage by hand, or deletes the annotation; nothing moves on its own.
 */
import type { AnnotationRow } from '../../../electron/api/contract';
import { useI18n } from '../i18n';

interface Props {
  annotations: AnnotationRow[];
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

/** The review section of the reader's side panel. */
export function ReviewList({ annotations, onPlace, onPlaceOnSelection, onDelete }: Props) {
  const { t } = useI18n();
  if (annotations.length === 0) return null;
  return (
    <section aria-label={t('needsReview', { n: annotations.length })}>
      <h2>{t('needsReview', { n: annotations.length })}</h2>
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
            <div className="actions">
              <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => onPlaceOnSelection(annotation)}>
                {t('placeOnSelection')}
              </button>
              <button type="button" className="link" onClick={() => onDelete(annotation)}>
                {t('delete')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
