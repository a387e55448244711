/** A date field that reads the same in both interface languages. */
import { westernDigits } from '../../../db/text/codepoints';
import { useI18n } from '../i18n';

/**
 * A date typed as year, year-month or year-month-day (ISO, as the store and search's from:/to:
 * read it) with Western digits, its placeholder in the interface language; the browser's date
 * picker would show its own locale's order (mm/dd/yyyy) whatever the interface says.
 */
export function DateField({ value, onChange }: { value: string; onChange: (event: React.ChangeEvent<HTMLInputElement>) => void }) {
  const { t } = useI18n();
  // Digits typed on an Arabic keyboard (٢٠٢٥-٠٩) are written as the store keeps them (2025-09).
  const western = (event: React.ChangeEvent<HTMLInputElement>) => ((event.target.value = westernDigits(event.target.value)), onChange(event));
  return <input className="date-field" type="text" inputMode="numeric" dir="ltr" pattern="\d{4}(-\d{2}(-\d{2})?)?" placeholder={t('datePlaceholder')} value={value} onChange={western} />;
}
