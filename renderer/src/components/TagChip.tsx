/** A tag's name on its colour. */
import { useI18n } from '../i18n';

/** The chip; a starter tag is named in the interface language. */
export function TagChip({ name, colour }: { name: string; colour: string }) {
  const { tagLabel } = useI18n();
  return (
    <span className="tag-chip" style={{ backgroundColor: colour }} dir="auto">
      {tagLabel(name)}
    </span>
  );
}

/** Props of {@link TagChips}. */
export interface TagChipsProps {
  tags: readonly { id: number; name: string; colour: string }[];
  /** When given, each chip has a button that takes its tag off the passage. */
  onRemove?: (tagId: number) => void;
}

/** A passage's tags, in the order they were applied. */
export function TagChips({ tags, onRemove }: TagChipsProps) {
  const { t, tagLabel } = useI18n();
  return (
    <span className="tag-chips">
      {tags.map((tag) => (
        <span key={tag.id} className="tag-chip" style={{ backgroundColor: tag.colour }} dir="auto">
          {tagLabel(tag.name)}
          {onRemove && (
            <button
              type="button"
              className="chip-remove"
              aria-label={t('removeTag', { name: tagLabel(tag.name) })}
              title={t('removeTag', { name: tagLabel(tag.name) })}
              onClick={(e) => (e.stopPropagation(), onRemove(tag.id))}
            >
              ×
            </button>
          )}
        </span>
      ))}
    </span>
  );
}
