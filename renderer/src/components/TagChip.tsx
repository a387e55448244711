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
