/** A date field that reads the same in both interface languages, and dates as analysts type them. */
import type { ReportedDate } from '../../../electron/api/contract';
import { westernDigits } from '../../../db/text/codepoints';
import { useI18n } from '../i18n';

/**
 * A date typed as year, year-month or year-month-day (ISO, as the store and search's from:/to:
 * read it) with Western digits, its placeholder in the interface language; the browser's date
 * picker would show its own locale's order (mm/dd/yyyy) whatever the interface says.
 */
export function DateField({ value, onChange, label }: { value: string; onChange: (event: React.ChangeEvent<HTMLInputElement>) => void; label?: string }) {
  const { t } = useI18n();
  // Digits typed on an Arabic keyboard (٢٠٢٥-٠٩) are written as the store keeps them (2025-09).
  const western = (event: React.ChangeEvent<HTMLInputElement>) => ((event.target.value = westernDigits(event.target.value)), onChange(event));
  return (
    <input
      className="date-field"
      type="text"
      inputMode="numeric"
      dir="ltr"
      pattern="\d{4}(-\d{2}(-\d{2})?)?"
      placeholder={t('datePlaceholder')}
      aria-label={label}
      value={value}
      onChange={western}
    />
  );
}

type TypedPrecision = 'day' | 'month' | 'year';

/** A date as typed (2025, 2025-09 or 2025-09-20) as the range it stands for, with its precision; null when not a date. */
export function typedDate(text: string): { from: string; to: string; precision: TypedPrecision } | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(westernDigits(text.trim()));
  if (!match) return null;
  const [, year, month, day] = match;
  // A day or month that does not exist (2025-02-30, 2025-13) is not a date.
  const check = new Date(Date.UTC(Number(year), Number(month ?? 1) - 1, Number(day ?? 1)));
  if (check.getUTCMonth() !== Number(month ?? 1) - 1 || check.getUTCDate() !== Number(day ?? 1)) return null;
  if (day) return { from: `${year}-${month}-${day}`, to: `${year}-${month}-${day}`, precision: 'day' };
  if (month) {
    const last = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
    return { from: `${year}-${month}-01`, to: `${year}-${month}-${String(last).padStart(2, '0')}`, precision: 'month' };
  }
  return { from: `${year}-01-01`, to: `${year}-12-31`, precision: 'year' };
}

/** An ISO date written to a precision, as the analyst would type it: 2025, 2025-09 or 2025-09-20. */
function typedAt(iso: string, precision: ReportedDate['precision']): string {
  return precision === 'year' ? iso.slice(0, 4) : precision === 'month' ? iso.slice(0, 7) : iso;
}

/** A stored date or range as the analyst types it: its start, and its end when the start alone does not say it ('' then). */
export function typedText(date: ReportedDate | null): { from: string; to: string } {
  if (!date) return { from: '', to: '' };
  const from = typedAt(date.from, date.precision);
  return { from, to: typedDate(from)?.to === date.to ? '' : typedAt(date.to, date.precision) };
}

/** A stored date or range as the screens show it: 2025-09, or 2025-08-24 – 2025-08-27. */
export function dateLabel(date: ReportedDate | null): string {
  const { from, to } = typedText(date);
  return to ? `${from} – ${to}` : from;
}

const COARSENESS: readonly TypedPrecision[] = ['day', 'month', 'year'];

/**
 * A date or range from a start and an optional end as typed; its precision is the coarser of the
 * two (2025-08 to 2025-09-15 is known to the month). Null for none; 'invalid' names the field
 * that is not a date.
 */
export function typedRange(fromText: string, toText: string): ReportedDate | null | { invalid: string } {
  if (!fromText.trim() && !toText.trim()) return null;
  const from = typedDate(fromText);
  if (!from) return { invalid: fromText };
  if (!toText.trim()) return from;
  const to = typedDate(toText);
  if (!to) return { invalid: toText };
  return { from: from.from, to: to.to, precision: COARSENESS[Math.max(COARSENESS.indexOf(from.precision), COARSENESS.indexOf(to.precision))]! };
}
