/** "Add to report": quotes an event (a section of its own, with its claims) in a report the analyst chooses. */
import { useState } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import { useApiQuery } from '../queries';
import { useAction } from '../useAction';
import { ErrorBanner } from './ErrorBanner';

/** A report chooser and the button that adds the event to it; says where it went. */
export function AddToReport({ eventId }: { eventId: number }) {
  const { t } = useI18n();
  const reports = useApiQuery('listReports', {});
  const [reportId, setReportId] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const { error, run } = useAction();
  if (!reports.data?.length) return null;
  const chosen = reportId || String(reports.data[0]!.id);
  return (
    <span className="add-to-report">
      <select value={chosen} onChange={(e) => setReportId(e.target.value)} aria-label={t('reports')}>
        {reports.data.map((r) => (
          <option key={r.id} value={r.id}>
            {r.title}
          </option>
        ))}
      </select>
      <button
        type="button"
        onClick={() =>
          void run(async () => {
            const report = await api.addToReport({ id: Number(chosen), eventIds: [eventId] });
            setAdded(t('addedToReport', { title: report.title }));
          })
        }
      >
        {t('addToReport')}
      </button>
      {added && (
        <span role="status" className="muted">
          {added}
        </span>
      )}
      {error && <ErrorBanner message={error} />}
    </span>
  );
}
