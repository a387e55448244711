/** A date field that reads the same in both interface languages. */
import { useI18n } from '../i18n';

/**
 * A date typed as year, year-month or year-month-day (ISO, as the store and search's from:/to:
 * read it) with Western digits, its placeholder in the interface language; the browser's date
 * picker would show its own locale's order (mm/dd/yyyy) whatever the interface says.
 */
export function DateField({ value, onChange }: { value: string; onChange: (event: React.ChangeEvent<HTMLInputElement>) => void }) {
  const { t } = useI18n();
  return <input className="date-field" type="text" inputMode="numeric" dir="ltr" pattern="\d{4}(-\d{2}(-\d{2})?)?" placeholder={t('datePlaceholder')} value={value} onChange={onChange} />;
}
